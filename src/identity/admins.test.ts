import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedMpp, staffCaller, type TestApp } from '../../test/support/app.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const grantOf = async (userId: string, role: string) =>
  (await t.db.query<{ id: string }>('SELECT id FROM role_grants WHERE user_id = $1 AND role = $2', [userId, role])).rows[0]!.id;

describe('an MPP always keeps an admin', () => {
  it('nobody disables their own account', async () => {
    const mpp = await seedMpp(t.db);
    const a = await staffCaller(t, 'mpp_admin', { mppId: mpp.mppId });
    await staffCaller(t, 'mpp_admin', { mppId: mpp.mppId });
    const res = await t.app.inject({ method: 'PATCH', url: `/api/users/${a.userId}`, headers: a.headers, payload: { status: 'disabled' } });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'cannot_disable_self', title: expect.stringContaining('akun Anda sendiri') });
    // Renaming oneself is still fine.
    expect((await t.app.inject({ method: 'PATCH', url: `/api/users/${a.userId}`, headers: a.headers, payload: { name: 'Admin A' } })).statusCode).toBe(200);
  });

  it('the last active admin of an MPP is neither disabled nor stripped of the role', async () => {
    const mpp = await seedMpp(t.db);
    const national = await staffCaller(t, 'national_admin');
    const a = await staffCaller(t, 'mpp_admin', { mppId: mpp.mppId });
    const b = await staffCaller(t, 'mpp_admin', { mppId: mpp.mppId });
    // With two admins, one may disable the other...
    expect((await t.app.inject({ method: 'PATCH', url: `/api/users/${b.userId}`, headers: a.headers, payload: { status: 'disabled' } })).statusCode).toBe(200);
    // ...but the one left is the last: not even a national admin may disable them or remove the role.
    const off = await t.app.inject({ method: 'PATCH', url: `/api/users/${a.userId}`, headers: national.headers, payload: { status: 'disabled' } });
    expect(off.statusCode).toBe(409);
    expect(off.json()).toMatchObject({ code: 'last_admin' });
    const strip = await t.app.inject({ method: 'DELETE', url: `/api/users/${a.userId}/grants/${await grantOf(a.userId, 'mpp_admin')}`, headers: national.headers });
    expect(strip.statusCode).toBe(409);
    expect(strip.json().code).toBe('last_admin');
    // Enabling b again makes a removable.
    expect((await t.app.inject({ method: 'PATCH', url: `/api/users/${b.userId}`, headers: national.headers, payload: { status: 'active' } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/users/${a.userId}/grants/${await grantOf(a.userId, 'mpp_admin')}`, headers: national.headers })).statusCode).toBe(200);
  });

  it('two admins disabling each other at once: exactly one succeeds', async () => {
    const mpp = await seedMpp(t.db);
    const a = await staffCaller(t, 'mpp_admin', { mppId: mpp.mppId });
    const b = await staffCaller(t, 'mpp_admin', { mppId: mpp.mppId });
    const [ra, rb] = await Promise.all([
      t.app.inject({ method: 'PATCH', url: `/api/users/${b.userId}`, headers: a.headers, payload: { status: 'disabled' } }),
      t.app.inject({ method: 'PATCH', url: `/api/users/${a.userId}`, headers: b.headers, payload: { status: 'disabled' } }),
    ]);
    // Exactly one wins. The loser is refused either as the last admin (409, the two ran interleaved)
    // or because the winner's commit already disabled the loser's own session (401, they ran in turn).
    const codes = [ra.statusCode, rb.statusCode].sort();
    expect(codes[0]).toBe(200);
    expect([401, 409]).toContain(codes[1]);
    const active = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM users WHERE id IN ($1, $2) AND status = 'active'", [a.userId, b.userId]);
    expect(active.rows[0]!.n).toBe(1);
  });
});

describe('roles given and taken within what the caller may grant', () => {
  it('an MPP admin adds and removes an agency role in their MPP, never a national one', async () => {
    const mpp = await seedMpp(t.db);
    const admin = await staffCaller(t, 'mpp_admin', { mppId: mpp.mppId });
    const officer = await staffCaller(t, 'officer', { mppId: mpp.mppId, tenantId: mpp.tenantId });
    const add = await t.app.inject({ method: 'POST', url: `/api/users/${officer.userId}/grants`, headers: admin.headers, payload: { role: 'tenant_admin', mppId: mpp.mppId, tenantId: mpp.tenantId } });
    expect(add.statusCode).toBe(201);
    expect(add.json().grants.map((g: { role: string }) => g.role).sort()).toEqual(['officer', 'tenant_admin']);
    const national = await t.app.inject({ method: 'POST', url: `/api/users/${officer.userId}/grants`, headers: admin.headers, payload: { role: 'national_admin' } });
    expect(national.statusCode).toBe(403);
    const again = await t.app.inject({ method: 'POST', url: `/api/users/${officer.userId}/grants`, headers: admin.headers, payload: { role: 'tenant_admin', mppId: mpp.mppId, tenantId: mpp.tenantId } });
    expect(again.statusCode).toBe(409);
    const removed = await t.app.inject({ method: 'DELETE', url: `/api/users/${officer.userId}/grants/${await grantOf(officer.userId, 'tenant_admin')}`, headers: admin.headers });
    expect(removed.json().grants.map((g: { role: string }) => g.role)).toEqual(['officer']);
    const audit = await t.db.query<{ action: string }>("SELECT action FROM audit_log WHERE target_id = $1 AND action LIKE 'user.grant_%' ORDER BY id", [officer.userId]);
    expect(audit.rows.map((r) => r.action)).toEqual(['user.grant_added', 'user.grant_removed']);
  });

  it('nobody removes their own role', async () => {
    const mpp = await seedMpp(t.db);
    const a = await staffCaller(t, 'mpp_admin', { mppId: mpp.mppId });
    await staffCaller(t, 'mpp_admin', { mppId: mpp.mppId });
    const res = await t.app.inject({ method: 'DELETE', url: `/api/users/${a.userId}/grants/${await grantOf(a.userId, 'mpp_admin')}`, headers: a.headers });
    expect(res.json()).toMatchObject({ status: 409, code: 'cannot_remove_own_grant' });
  });
});
