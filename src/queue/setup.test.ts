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
