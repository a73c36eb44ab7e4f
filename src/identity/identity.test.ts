import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createTestApp, loginAs, seedMpp, seedStaff, staffCaller, TEST_PASSWORD, type SeededMpp, type TestApp } from '../../test/support/app.js';
import { LOGIN_LIMIT, LOGIN_THROTTLE } from './service.js';

let t: TestApp;
let mpp: SeededMpp;

beforeAll(async () => {
  t = await createTestApp();
  mpp = await seedMpp(t.db);
});
afterAll(() => t.close());

describe('sign-in', () => {
  it('sets an HttpOnly SameSite session cookie and a readable CSRF cookie', async () => {
    const user = await seedStaff(t.db, 'mpp_admin', { mppId: mpp.mppId });
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email.toUpperCase(), password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const session = res.cookies.find((c) => c.name === 'layan_session');
    const csrf = res.cookies.find((c) => c.name === 'layan_csrf');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(csrf?.httpOnly).toBeFalsy();
    expect(res.json().user.grants).toEqual([expect.objectContaining({ role: 'mpp_admin', mppId: mpp.mppId })]);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `layan_session=${session!.value}` } });
    expect(me.json().user.email).toBe(user.email);
  });

  it('answers a wrong password and an unknown email alike, in Indonesian by default', async () => {
    const user = await seedStaff(t.db, 'officer', { mppId: mpp.mppId, tenantId: mpp.tenantId });
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: 'salah-salah-salah' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@test.layan', password: 'salah-salah-salah' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'invalid_credentials', title: 'Email atau kata sandi salah.' });
    expect(unknown.json().title).toBe(wrong.json().title);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
  });

  const attempt = (email: string, password: string, remoteAddress: string, lang = 'id') =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, headers: { 'accept-language': lang }, payload: { email, password } });

  it('throttles failures per account and address: the guesser waits, the real user elsewhere signs in', async () => {
    const user = await seedStaff(t.db, 'officer', { mppId: mpp.mppId, tenantId: mpp.tenantId });
    const codes: number[] = [];
    for (let i = 0; i < LOGIN_LIMIT; i++) codes.push((await attempt(user.email, `wrong-password-${i}`, '10.1.1.1')).statusCode);
    expect(codes).toEqual(Array(LOGIN_LIMIT).fill(401));
    const blocked = await attempt(user.email, TEST_PASSWORD, '10.1.1.1', 'en');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['content-type']).toContain('application/problem+json');
    expect(blocked.json().code).toBe('login_throttled');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThanOrEqual(LOGIN_THROTTLE.baseSeconds - 2);
    // The anonymous guesser did not lock the account: the owner, from their own address, gets in.
    const owner = await attempt(user.email, TEST_PASSWORD, '10.2.2.2');
    expect(owner.statusCode).toBe(200);
  });

  it('answers an unknown email exactly like a known one, throttled included (no account discovery)', async () => {
    const user = await seedStaff(t.db, 'officer', { mppId: mpp.mppId, tenantId: mpp.tenantId });
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i <= LOGIN_LIMIT; i++) {
      known.push((await attempt(user.email, 'salah-salah-salah', '10.3.3.3')).statusCode);
      unknown.push((await attempt('nobody.throttle@test.layan', 'salah-salah-salah', '10.3.3.3')).statusCode);
    }
    expect(unknown).toEqual(known);
    const a = await attempt(user.email, 'salah', '10.3.3.3');
    const b = await attempt('nobody.throttle@test.layan', 'salah', '10.3.3.3');
    const words = (title: string) => title.replace(/\d+/g, 'N');
    expect(words(a.json().title)).toBe(words(b.json().title));
    expect([a.json().code, b.json().code]).toEqual(['login_throttled', 'login_throttled']);
  });

  it('checks no more than the limit of passwords when many wrong attempts arrive at once', async () => {
    const user = await seedStaff(t.db, 'officer', { mppId: mpp.mppId, tenantId: mpp.tenantId });
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt(user.email, `guess-${i}`, '10.4.4.4')));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(LOGIN_LIMIT);
    expect(codes.filter((c) => c === 429)).toHaveLength(30 - LOGIN_LIMIT);
    const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.login_failed' AND target_id = $1`, [user.userId]);
    expect(rows[0]!.n).toBe(LOGIN_LIMIT);
  });

  it('doubles the wait with each failure after the limit, and a success clears the count', async () => {
    const user = await seedStaff(t.db, 'officer', { mppId: mpp.mppId, tenantId: mpp.tenantId });
    for (let i = 0; i < LOGIN_LIMIT; i++) await attempt(user.email, 'salah-salah', '10.5.5.5');
    const first = Number((await attempt(user.email, 'salah-salah', '10.5.5.5')).headers['retry-after']);
    // Let the first wait run out (in the database's clock), then fail once more.
    await t.db.query(`UPDATE login_throttle SET blocked_until = now() - interval '1 second'`);
    expect((await attempt(user.email, 'salah-salah', '10.5.5.5')).statusCode).toBe(401);
    const second = Number((await attempt(user.email, 'salah-salah', '10.5.5.5')).headers['retry-after']);
    expect(second).toBeGreaterThanOrEqual(2 * first - 2);
    await t.db.query(`UPDATE login_throttle SET blocked_until = now() - interval '1 second'`);
    expect((await attempt(user.email, TEST_PASSWORD, '10.5.5.5')).statusCode).toBe(200);
    expect((await attempt(user.email, 'salah-salah', '10.5.5.5')).statusCode).toBe(401);
  });

  it('rate-limits bursts of sign-in attempts from one client', async () => {
    const strict = await createTestApp({ env: { LOGIN_RATE_LIMIT: '20' } });
    const t = strict;
    onTestFinished(() => strict.close());
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.9.9.9', payload: { email: `burst${i}@test.layan`, password: 'x' } });
      statuses.push(r.statusCode);
    }
    expect(statuses).toContain(429);
    const last = await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.9.9.9', payload: { email: 'a@test.layan', password: 'x' } });
    expect(last.json()).toMatchObject({ code: 'rate_limited', status: 429 });
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated write without the matching header', async () => {
    const admin = await staffCaller(t, 'mpp_admin', { mppId: mpp.mppId });
    const payload = { kind: 'display', name: 'Layar lobi' };
    const without = await t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/devices`, headers: { cookie: admin.headers.cookie! }, payload });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('csrf_failed');
    const wrong = await t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/devices`, headers: { ...admin.headers, 'x-csrf-token': 'forged' }, payload });
    expect(wrong.statusCode).toBe(403);
    const ok = await t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/devices`, headers: admin.headers, payload });
    expect(ok.statusCode).toBe(201);
  });
});

describe('accounts', () => {
  it('lets an MPP admin create an officer who must change the temporary password first', async () => {
    const admin = await staffCaller(t, 'mpp_admin', { mppId: mpp.mppId });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: { email: 'petugas.baru@test.layan', name: 'Petugas Baru', password: 'sementara-123', grants: [{ role: 'officer', mppId: mpp.mppId, tenantId: mpp.tenantId }] },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().mustChangePassword).toBe(true);
    const officer = await loginAs(t.app, 'petugas.baru@test.layan', 'sementara-123');
    const blocked = await t.app.inject({ method: 'GET', url: '/api/users', headers: officer.headers });
    expect(blocked.json().code).toBe('password_change_required');
    const change = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: officer.headers, payload: { currentPassword: 'sementara-123', newPassword: 'kata-sandi-baru-1' } });
    expect(change.statusCode).toBe(204);
    const again = await loginAs(t.app, 'petugas.baru@test.layan', 'kata-sandi-baru-1');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: again.headers });
    expect(me.json().user.mustChangePassword).toBe(false);
  });

  it('refuses a duplicate email without writing anything', async () => {
    const admin = await staffCaller(t, 'national_admin');
    const payload = { email: 'dup@test.layan', name: 'Dup', password: 'sementara-123', grants: [{ role: 'mpp_admin', mppId: mpp.mppId }] };
    expect((await t.app.inject({ method: 'POST', url: '/api/users', headers: admin.headers, payload })).statusCode).toBe(201);
    const second = await t.app.inject({ method: 'POST', url: '/api/users', headers: admin.headers, payload: { ...payload, email: 'DUP@test.layan' } });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('email_taken');
    const { rows } = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM users WHERE lower(email) = 'dup@test.layan'");
    expect(rows[0]!.n).toBe(1);
  });

  it('does not let a tenant admin grant roles beyond officers of its own tenant', async () => {
    const tenantAdmin = await staffCaller(t, 'tenant_admin', { mppId: mpp.mppId, tenantId: mpp.tenantId });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: tenantAdmin.headers,
      payload: { email: 'escalate@test.layan', name: 'X', password: 'sementara-123', grants: [{ role: 'mpp_admin', mppId: mpp.mppId }] },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('grant_not_allowed');
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: tenantAdmin.headers,
      payload: { email: 'other-tenant@test.layan', name: 'X', password: 'sementara-123', grants: [{ role: 'officer', mppId: mpp.mppId, tenantId: mpp.otherTenantId }] },
    });
    expect(other.statusCode).toBe(403);
  });

  it('resets a password as admin: old sessions end and the temporary one must be changed', async () => {
    const admin = await staffCaller(t, 'mpp_admin', { mppId: mpp.mppId });
    const officer = await staffCaller(t, 'officer', { mppId: mpp.mppId, tenantId: mpp.tenantId });
    const reset = await t.app.inject({ method: 'POST', url: `/api/users/${officer.userId}/reset-password`, headers: admin.headers, payload: { password: 'sementara-456' } });
    expect(reset.statusCode).toBe(204);
    const old = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: officer.headers });
    expect(old.statusCode).toBe(401);
    const fresh = await loginAs(t.app, officer.email, 'sementara-456');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: fresh.headers });
    expect(me.json().user.mustChangePassword).toBe(true);
  });

  it('disabling an account ends its sessions', async () => {
    const admin = await staffCaller(t, 'mpp_admin', { mppId: mpp.mppId });
    const officer = await staffCaller(t, 'officer', { mppId: mpp.mppId, tenantId: mpp.tenantId });
    const res = await t.app.inject({ method: 'PATCH', url: `/api/users/${officer.userId}`, headers: admin.headers, payload: { status: 'disabled' } });
    expect(res.json().status).toBe('disabled');
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: officer.headers })).statusCode).toBe(401);
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: officer.email, password: TEST_PASSWORD } });
    expect(login.json().code).toBe('account_disabled');
  });
});

describe('device tokens', () => {
  it('a display token reads only its own MPP and stops working once revoked', async () => {
    const admin = await staffCaller(t, 'mpp_admin', { mppId: mpp.mppId });
    const other = await seedMpp(t.db);
    const created = await t.app.inject({ method: 'POST', url: `/api/mpps/${mpp.mppId}/devices`, headers: admin.headers, payload: { kind: 'display', name: 'TV Lobi' } });
    const { token, id } = created.json();
    expect(token).toMatch(/^dsp_/);
    const auth = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: 'GET', url: `/api/mpps/${mpp.mppId}/device`, headers: auth })).json()).toMatchObject({ kind: 'display', name: 'TV Lobi' });
    expect((await t.app.inject({ method: 'GET', url: `/api/mpps/${other.mppId}/device`, headers: auth })).statusCode).toBe(404);
    const list = await t.app.inject({ method: 'GET', url: `/api/mpps/${mpp.mppId}/devices`, headers: admin.headers });
    expect(JSON.stringify(list.json())).not.toContain(token);
    await t.app.inject({ method: 'DELETE', url: `/api/mpps/${mpp.mppId}/devices/${id}`, headers: admin.headers });
    const after = await t.app.inject({ method: 'GET', url: `/api/mpps/${mpp.mppId}/device`, headers: auth });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('invalid_token');
  });
});
