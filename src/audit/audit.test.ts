import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedMpp, staffCaller, type SeededMpp, type TestApp } from '../../test/support/app.js';

let t: TestApp;
let mpp: SeededMpp;

const actor = (id: string, label: string) => ({ id, label });

beforeAll(async () => {
  t = await createTestApp();
  mpp = await seedMpp(t.db);
  // 30 entries by Ani on the first tenant, 5 by Budi on the other, one day apart each.
  for (let i = 0; i < 35; i++) {
    const who = i < 30 ? actor('00000000-0000-4000-8000-00000000000a', 'Ani') : actor('00000000-0000-4000-8000-00000000000b', 'Budi');
    // The log is append-only: entries are written with their time rather than moved afterwards.
    await t.db.query(
      `INSERT INTO audit_log (at, mpp_id, tenant_id, actor_type, actor_id, actor_label, action, target_type, target_id)
       VALUES ('2026-01-01T00:00:00Z'::timestamptz + ($1 || ' days')::interval, $2, $3, 'user', $4, $5, $6, $7, $8)`,
      [String(i), mpp.mppId, i < 30 ? mpp.tenantId : mpp.otherTenantId, who.id, who.label, i % 2 ? 'counter.updated' : 'service.updated', i % 2 ? 'counter' : 'service', `t${i}`],
    );
  }
});
afterAll(() => t.close());

describe('audit log reading', () => {
  it('pages newest first with a cursor, and filters by actor, action and period on the server', async () => {
    const admin = await staffCaller(t, 'mpp_admin', { mppId: mpp.mppId });
    const base = `/api/audit?mppId=${mpp.mppId}&targetType=`;
    const first = (await t.app.inject({ url: `/api/audit?mppId=${mpp.mppId}&limit=10&from=2026-01-01T00:00:00Z`, headers: admin.headers })).json();
    expect(first.entries.map((e: { targetId: string }) => e.targetId)).toEqual(Array.from({ length: 10 }, (_, i) => `t${34 - i}`));
    const second = (await t.app.inject({ url: `/api/audit?mppId=${mpp.mppId}&limit=10&from=2026-01-01T00:00:00Z&before=${first.nextBefore}`, headers: admin.headers })).json();
    expect(second.entries[0].targetId).toBe('t24');
    const budi = (await t.app.inject({ url: `/api/audit?mppId=${mpp.mppId}&actorId=00000000-0000-4000-8000-00000000000b`, headers: admin.headers })).json();
    expect(budi.entries).toHaveLength(5);
    expect(budi.nextBefore).toBeNull();
    const counters = (await t.app.inject({ url: `${base}counter&action=counter.updated&from=2026-01-01T00:00:00Z&to=2026-01-11T00:00:00Z`, headers: admin.headers })).json();
    expect(counters.entries.map((e: { targetId: string }) => e.targetId)).toEqual(['t9', 't7', 't5', 't3', 't1']);
  });

  it('offers as filter choices only what the caller may read', async () => {
    const admin = await staffCaller(t, 'mpp_admin', { mppId: mpp.mppId });
    const all = (await t.app.inject({ url: `/api/audit/facets?mppId=${mpp.mppId}`, headers: admin.headers })).json();
    expect(all.actors.filter((a: { label: string }) => a.label === 'Ani' || a.label === 'Budi').map((a: { label: string }) => a.label)).toEqual(['Budi', 'Ani']);
    expect(all.actions).toEqual(expect.arrayContaining(['counter.updated', 'service.updated']));
    const tenantAdmin = await staffCaller(t, 'tenant_admin', { mppId: mpp.mppId, tenantId: mpp.otherTenantId });
    const mine = (await t.app.inject({ url: `/api/audit/facets?mppId=${mpp.mppId}`, headers: tenantAdmin.headers })).json();
    expect(mine.actors).toEqual([{ id: '00000000-0000-4000-8000-00000000000b', label: 'Budi' }]);
    const officer = await staffCaller(t, 'officer', { mppId: mpp.mppId, tenantId: mpp.tenantId });
    expect((await t.app.inject({ url: `/api/audit/facets?mppId=${mpp.mppId}`, headers: officer.headers })).statusCode).toBe(403);
  });
});
