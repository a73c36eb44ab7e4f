import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, staffCaller, type Caller, type TestApp } from '../../test/support/app.js';
import { seedQueueWorld, type QueueWorld } from '../queue/fixtures.test-helpers.js';

let t: TestApp;
let w: QueueWorld;
let national: Caller;
const get = (caller: Caller, q = '') => t.app.inject({ method: 'GET', url: `/api/national/rollout${q}`, headers: caller.headers });
const put = (caller: Caller, code: string, payload: object) => t.app.inject({ method: 'PUT', url: `/api/national/rollout/${code}`, headers: caller.headers, payload });

beforeAll(async () => {
  t = await createTestApp();
  w = await seedQueueWorld(t);
  // The seeded MPP serves Kabupaten Banyumas (33.02) with two agencies and three services.
  await t.db.query("UPDATE mpps SET region_code = '33.02' WHERE id = $1", [w.mppId]);
  national = await staffCaller(t, 'national_admin');
}, 600_000);
afterAll(() => t.close());

describe('the national rollout', () => {
  it('lists every kabupaten/kota with the stage national admins record and what its MPP has joined', async () => {
    const before = (await get(national)).json();
    expect(before.totals.regions).toBe(514);
    expect(before.totals.none).toBe(514);
    expect(before.provinces).toHaveLength(38);
    expect(before.provinces.reduce((a: number, p: any) => a + p.regions, 0)).toBe(514);

    const r = await put(national, '33.02', { stage: 'inaugurated', dates: { commitment: '2023-02-01', agreements: '2023-06-15', softLaunch: '2023-10-02', inaugurated: '2024-01-20' }, note: 'Diresmikan Menteri PANRB' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ regionCode: '33.02', provinceName: 'Jawa Tengah', stage: 'inaugurated', dates: { planned: null, commitment: '2023-02-01', inaugurated: '2024-01-20' } });
    expect(r.json().mpps).toEqual([{ mppId: w.mppId, name: expect.any(String), tenants: 2, services: 3 }]);
    expect((await put(national, '33.01', { stage: 'commitment', dates: { commitment: '2026-03-01' } })).statusCode).toBe(200);
    // Recorded again: the later record replaces the earlier.
    expect((await put(national, '33.01', { stage: 'agreements', dates: { commitment: '2026-03-01', agreements: '2026-09-01' } })).statusCode).toBe(200);

    const jateng = (await get(national, '?province=33')).json();
    expect(jateng.regions.every((x: any) => x.provinceCode === '33')).toBe(true);
    expect(jateng.totals).toMatchObject({ regions: jateng.regions.length, inaugurated: 1, agreements: 1, commitment: 0, none: jateng.regions.length - 2, inLayan: 1 });
    expect(jateng.provinces).toEqual([{ provinceCode: '33', provinceName: 'Jawa Tengah', regions: jateng.regions.length, counts: { none: jateng.regions.length - 2, planned: 0, commitment: 0, agreements: 1, soft_launch: 0, inaugurated: 1 } }]);
    const audit = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'operations.rollout_recorded'");
    expect(audit.rows[0]!.n).toBe(3);
  });

  it('refuses a province code, an unknown stage, and everyone but national admins', async () => {
    expect((await put(national, '33', { stage: 'planned' })).statusCode).toBe(400);
    expect((await put(national, '33.02', { stage: 'launched' })).statusCode).toBe(400);
    expect((await put(national, '99.99', { stage: 'planned' })).statusCode).toBe(404);
    expect((await get(w.admin)).statusCode).toBe(403);
    expect((await put(w.admin, '33.02', { stage: 'planned' })).statusCode).toBe(403);
  });
});
