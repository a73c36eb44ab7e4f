import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fakeClock, staffCaller, type TestApp } from '../../test/support/app.js';
import { seedQueueWorld, type QueueWorld } from './fixtures.test-helpers.js';

const clock = fakeClock('2026-11-23T02:00:00Z');
let t: TestApp;
let w: QueueWorld;

beforeAll(async () => {
  t = await createTestApp({ clock });
  w = await seedQueueWorld(t);
});
afterAll(() => t.close());

describe('queue set-up view', () => {
  it('shows an agency admin only its own services and counters, and an MPP admin everything', async () => {
    const agencyAdmin = await staffCaller(t, 'tenant_admin', { mppId: w.mppId, tenantId: w.tenantId });
    await t.app.inject({ method: 'PUT', url: `/api/mpps/${w.mppId}/queue/services/${w.services.kk}/settings`, headers: agencyAdmin.headers, payload: { dailyQuota: 40 } });
    const mine = (await t.app.inject({ method: 'GET', url: `/api/mpps/${w.mppId}/queue/setup`, headers: agencyAdmin.headers })).json();
    expect(mine.mppWide).toBe(false);
    expect(mine.services.map((s: { code: string; dailyQuota: number | null }) => [s.code, s.dailyQuota]).sort()).toEqual([['KK', 40], ['KTP', null]]);
    expect(mine.counters.map((c: { number: number }) => c.number)).toEqual([1, 2]);
    const all = (await t.app.inject({ method: 'GET', url: `/api/mpps/${w.mppId}/queue/setup`, headers: w.admin.headers })).json();
    expect(all.mppWide).toBe(true);
    expect(all.services).toHaveLength(3);
    expect(all.counters.map((c: { number: number }) => c.number)).toEqual([1, 2, 3]);
    expect((await t.app.inject({ method: 'GET', url: `/api/mpps/${w.mppId}/queue/setup`, headers: w.officer.headers })).statusCode).toBe(403);
  });
});

describe('queue rules', () => {
  it('changes only the rules sent, so two admins editing different rules both keep their change', async () => {
    const url = `/api/mpps/${w.mppId}/queue/settings`;
    const first = await t.app.inject({ method: 'PUT', url, headers: w.admin.headers, payload: { maxRecalls: 5 } });
    expect(first.json()).toEqual({ maxRecalls: 5, waitingRoomCapacity: null, defaultServiceMinutes: 6 });
    // A second admin's form, opened before the first saved, changes only the capacity.
    const second = await t.app.inject({ method: 'PUT', url, headers: w.admin.headers, payload: { waitingRoomCapacity: 80 } });
    expect(second.json()).toEqual({ maxRecalls: 5, waitingRoomCapacity: 80, defaultServiceMinutes: 6 });
    const cleared = await t.app.inject({ method: 'PUT', url, headers: w.admin.headers, payload: { waitingRoomCapacity: null } });
    expect(cleared.json()).toEqual({ maxRecalls: 5, waitingRoomCapacity: null, defaultServiceMinutes: 6 });
    expect((await t.app.inject({ method: 'GET', url, headers: w.officer.headers })).json()).toEqual(cleared.json());
    const audit = await t.db.query<{ before: unknown; after: unknown }>("SELECT before, after FROM audit_log WHERE action = 'queue.settings_updated' AND mpp_id = $1 ORDER BY id DESC LIMIT 1", [w.mppId]);
    expect(audit.rows[0]).toEqual({ before: { maxRecalls: 5, waitingRoomCapacity: 80, defaultServiceMinutes: 6 }, after: cleared.json() });
  });
});
