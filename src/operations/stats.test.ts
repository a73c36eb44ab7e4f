import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fakeClock, staffCaller, type Caller, type TestApp } from '../../test/support/app.js';
import { issue, post, seedQueueWorld, type QueueWorld } from '../queue/fixtures.test-helpers.js';
import { ticketTimes } from '../queue/transitions.js';
import { listTicketEvents } from '../queue/repository.js';
import { NIL_UUID, wholeMonths } from './repository.js';

/**
 * A hand-worked day at an MPP in WIB (UTC+7), driven through the queue API with a fake clock; every
 * figure the statistics show is checked against the calls, starts and finishes scripted here.
 */
const clock = fakeClock('2026-11-22T18:00:00Z');
let t: TestApp;
let w: QueueWorld;
const wib = (local: string) => clock.set(new Date(`${local}+07:00`));
const ticketIds: string[] = [];

async function callNext(caller: Caller, counterId: string): Promise<{ id: string; number: string }> {
  const r = await post(t, caller, `/api/mpps/${w.mppId}/queue/counters/${counterId}/call-next`);
  expect(r.statusCode).toBe(200);
  return r.json().ticket;
}
async function act(caller: Caller, ticketId: string, action: string) {
  const r = await post(t, caller, `/api/mpps/${w.mppId}/queue/tickets/${ticketId}/${action}`);
  expect(r.statusCode, r.body).toBe(200);
}
async function issueAt(local: string, serviceId: string): Promise<string> {
  wib(local);
  const r = await issue(t, w, serviceId);
  expect(r.statusCode, r.body).toBe(201);
  ticketIds.push(r.json().id);
  return r.json().id;
}
const stats = (caller: Caller, query: string) => t.app.inject({ method: 'GET', url: `/api/mpps/${w.mppId}/operations/stats?${query}`, headers: caller.headers });

beforeAll(async () => {
  t = await createTestApp({ clock });
  w = await seedQueueWorld(t);
  // 01:00 local on the 23rd is still the 22nd in UTC: it belongs to the 23rd.
  await issueAt('2026-11-23T01:00:00', w.services.ktp);
  await issueAt('2026-11-23T08:00:00', w.services.ktp); // A1
  await issueAt('2026-11-23T08:02:00', w.services.ktp); // A2
  await issueAt('2026-11-23T08:05:00', w.services.kk); // B1
  await issueAt('2026-11-23T08:10:00', w.services.stnk); // S1
  await post(t, w.officer, `/api/mpps/${w.mppId}/queue/counters/${w.counters.c1}/open`);
  await post(t, w.samsatOfficer, `/api/mpps/${w.mppId}/queue/counters/${w.counters.c3}/open`);
  // The 01:00 ticket is cancelled by the officer at 08:11 (the holder went home).
  wib('2026-11-23T08:11:00');
  await act(w.officer, ticketIds[0]!, 'cancel');
  wib('2026-11-23T08:12:00');
  const a1 = await callNext(w.officer, w.counters.c1); // waited 12 min
  wib('2026-11-23T08:13:00');
  await act(w.officer, a1.id, 'start'); // walked 1 min
  wib('2026-11-23T08:20:00');
  await act(w.officer, a1.id, 'finish'); // served 7 min, total 20
  wib('2026-11-23T08:21:00');
  const a2 = await callNext(w.officer, w.counters.c1); // waited 19
  wib('2026-11-23T08:24:00');
  await act(w.officer, a2.id, 'no-show');
  wib('2026-11-23T08:25:00');
  const b1 = await callNext(w.officer, w.counters.c1); // waited 20
  wib('2026-11-23T08:27:00');
  await act(w.officer, b1.id, 'start'); // walked 2
  wib('2026-11-23T08:30:00');
  await act(w.officer, b1.id, 'finish'); // served 3, total 25
  wib('2026-11-23T08:40:00');
  const s1 = await callNext(w.samsatOfficer, w.counters.c3); // waited 30
  wib('2026-11-23T08:41:00');
  await act(w.samsatOfficer, s1.id, 'start'); // walked 1
  wib('2026-11-23T08:56:00');
  await act(w.samsatOfficer, s1.id, 'finish'); // served 15, total 46
  expect([a1.id, a2.id, b1.id, s1.id]).toEqual(ticketIds.slice(1, 5));
  // 06:30 local on the 24th is still the 23rd in UTC: it belongs to the 24th.
  await issueAt('2026-11-24T06:30:00', w.services.ktp);
}, 600_000);
afterAll(() => t.close());

describe('whole months of a period', () => {
  it('finds the whole local months inside a period of days', () => {
    expect(wholeMonths('2026-11-01', '2026-11-30')).toEqual({ start: '2026-11-01', end: '2026-12-01' });
    expect(wholeMonths('2026-10-15', '2027-01-10')).toEqual({ start: '2026-11-01', end: '2027-01-01' });
    expect(wholeMonths('2026-02-01', '2026-02-28')).toEqual({ start: '2026-02-01', end: '2026-03-01' });
    // None: both ends the day after the period, so every day is read from the daily rows.
    expect(wholeMonths('2026-11-02', '2026-11-30')).toEqual({ start: '2026-12-01', end: '2026-12-01' });
    expect(wholeMonths('2026-11-01', '2026-11-29')).toEqual({ start: '2026-11-30', end: '2026-11-30' });
  });
});

describe('statistics of a hand-worked day', () => {
  it('counts and times every ticket of the local day, and only those', async () => {
    const r = await stats(w.admin, 'from=2026-11-23&to=2026-11-23&by=service');
    expect(r.statusCode, r.body).toBe(200);
    const s = r.json();
    expect(s.timezone).toBe('Asia/Jakarta');
    expect(s.targetWaitMinutes).toBe(15);
    expect(s.totals).toMatchObject({ issued: 5, booked: 0, walkIn: 5, called: 4, served: 3, noShow: 1, cancelled: 1, transferred: 0, noShowRate: 0.25 });
    // Waits 12, 19, 20, 30 min: mean 20.25 min, nearest-rank median the 2nd (19), p90 the 4th (30); one under 15 min.
    expect(s.totals.wait).toEqual({ count: 4, meanSeconds: 1215, medianMinutes: 19, p90Minutes: 30, maxSeconds: 1800 });
    expect(s.totals.withinTargetShare).toBe(0.25);
    // Walks 1, 2, 1; services 7, 3, 15; totals 20, 25, 46.
    expect(s.totals.walk).toMatchObject({ count: 3, meanSeconds: 80, medianMinutes: 1, p90Minutes: 2 });
    expect(s.totals.service).toEqual({ count: 3, meanSeconds: 500, medianMinutes: 7, p90Minutes: 15, maxSeconds: 900 });
    // 46 minutes lies in the 45-49 bucket: percentiles past 30 minutes are read to their bucket.
    expect(s.totals.total).toMatchObject({ count: 3, meanSeconds: Math.round(((20 + 25 + 46) * 60) / 3), medianMinutes: 25, p90Minutes: 45 });
    const byName = Object.fromEntries(s.groups.map((g: any) => [g.label, g.kpis]));
    expect(byName['Perekaman KTP-el (Dukcapil)']).toMatchObject({ issued: 3, served: 1, noShow: 1, cancelled: 1, wait: { count: 2, medianMinutes: 12, p90Minutes: 19 } });
    expect(byName['Kartu Keluarga (Dukcapil)']).toMatchObject({ issued: 1, served: 1, wait: { medianMinutes: 20 }, service: { medianMinutes: 3 } });
    expect(byName['Pengesahan STNK (Samsat)']).toMatchObject({ issued: 1, served: 1, wait: { medianMinutes: 30 }, service: { medianMinutes: 15 } });
    // Monday, 01:00 one ticket, 08:00 four.
    expect(s.heatmap[0][1]).toBe(1);
    expect(s.heatmap[0][8]).toBe(4);
    expect(s.heatmap.flat().reduce((a: number, b: number) => a + b, 0)).toBe(5);
  });

  it('agrees with the times the queue itself derives from each ticket’s events', async () => {
    const served = [];
    for (const id of ticketIds.slice(1, 5)) served.push(ticketTimes(await listTicketEvents(t.db, w.mppId, id)));
    const waits = served.map((x) => x.waitingSeconds! / 60).sort((a, b) => a - b);
    expect(waits).toEqual([12, 19, 20, 30]);
    const s = (await stats(w.admin, 'from=2026-11-23&to=2026-11-23')).json();
    expect(s.totals.wait.meanSeconds).toBe((waits.reduce((a, b) => a + b, 0) * 60) / 4);
    const serviceSecs = served.map((x) => x.serviceSeconds).filter((x) => x !== null) as number[];
    expect(s.totals.service.meanSeconds).toBe(Math.round(serviceSecs.reduce((a, b) => a + b, 0) / serviceSecs.length));
  });

  it('cuts periods on the MPP’s local day', async () => {
    const next = (await stats(w.admin, 'from=2026-11-24&to=2026-11-24')).json();
    expect(next.totals.issued).toBe(1);
    expect(next.heatmap[1][6]).toBe(1);
    const before = (await stats(w.admin, 'from=2026-11-22&to=2026-11-22')).json();
    expect(before.totals.issued).toBe(0);
    const both = (await stats(w.admin, 'from=2026-11-22&to=2026-11-24&by=day')).json();
    expect(both.groups.map((g: any) => [g.key, g.kpis.issued])).toEqual([['2026-11-23', 5], ['2026-11-24', 1]]);
  });

  it('groups by agency, counter, officer, hour and weekday', async () => {
    const byTenant = (await stats(w.admin, 'from=2026-11-23&to=2026-11-23&by=tenant')).json();
    const tenants = byTenant.groups.map((g: any) => [g.label, g.kpis.issued, g.kpis.served]).sort();
    expect(tenants).toEqual([['Dukcapil', 4, 2], ['Samsat', 1, 1]]);
    const byOfficer = (await stats(w.admin, 'from=2026-11-23&to=2026-11-23&by=officer')).json();
    const officer = byOfficer.groups.find((g: any) => g.key === w.officer.userId).kpis;
    // The officer called A1, A2 and B1 at counter 1 and served A1 and B1. Every time has its median and
    // p90 (nearest rank): waits 12, 19, 20 (median the 2nd, p90 the 3rd); walks 1, 2; services 7, 3
    // (sorted 3, 7: median 3, p90 7); totals 20, 25. One of the three calls within the 15-minute target.
    const officerTimes = {
      called: 3, served: 2, noShow: 1, cancelled: 1, withinTargetShare: 0.333,
      wait: { count: 3, meanSeconds: Math.round(((12 + 19 + 20) * 60) / 3), medianMinutes: 19, p90Minutes: 20, maxSeconds: 1200 },
      walk: { count: 2, meanSeconds: 90, medianMinutes: 1, p90Minutes: 2 },
      service: { count: 2, meanSeconds: 300, medianMinutes: 3, p90Minutes: 7, maxSeconds: 420 },
      total: { count: 2, meanSeconds: Math.round(((20 + 25) * 60) / 2), medianMinutes: 20, p90Minutes: 25 },
    };
    expect(officer).toMatchObject(officerTimes);
    expect(byOfficer.totals.wait.medianMinutes).toBe(19);
    // The Samsat officer: S1 waited 30, walked 1, served 15, 46 in all (the 45-49 bucket).
    const samsatTimes = {
      called: 1, served: 1, withinTargetShare: 0,
      wait: { count: 1, meanSeconds: 1800, medianMinutes: 30, p90Minutes: 30 },
      walk: { count: 1, meanSeconds: 60, medianMinutes: 1, p90Minutes: 1 },
      service: { meanSeconds: 900, medianMinutes: 15, p90Minutes: 15 },
      total: { count: 1, meanSeconds: 46 * 60, medianMinutes: 45, p90Minutes: 45 },
    };
    const samsat = byOfficer.groups.find((g: any) => g.key === w.samsatOfficer.userId).kpis;
    expect(samsat).toMatchObject(samsatTimes);
    // Per counter the same figures (each officer worked one counter all day), except the cancellation,
    // which the officer made away from any counter.
    const perCounter = (await stats(w.admin, 'from=2026-11-23&to=2026-11-23&by=counter')).json();
    expect(perCounter.groups.find((g: any) => g.key === w.counters.c1).kpis).toMatchObject({ ...officerTimes, cancelled: 0 });
    expect(perCounter.groups.find((g: any) => g.key === w.counters.c3).kpis).toMatchObject(samsatTimes);
    // The ticket machine's row (issues and the kiosk's own events) has no durations.
    expect(perCounter.groups.find((g: any) => g.key === NIL_UUID).kpis.wait).toMatchObject({ count: 0, medianMinutes: null, p90Minutes: null });
    const byCounter = (await stats(w.admin, 'from=2026-11-23&to=2026-11-23&by=counter')).json();
    expect(byCounter.groups.find((g: any) => g.key === w.counters.c1).kpis).toMatchObject({ called: 3, served: 2 });
    expect(byCounter.groups.find((g: any) => g.label === 'Tanpa loket (ambil tiket)').kpis.issued).toBe(5);
    const byHour = (await stats(w.admin, 'from=2026-11-23&to=2026-11-23&by=hour')).json();
    expect(byHour.groups.map((g: any) => [g.label, g.kpis.issued])).toEqual([['01:00', 1], ['08:00', 4]]);
    const byWeekday = (await stats(w.admin, 'from=2026-11-23&to=2026-11-23&by=weekday')).json();
    expect(byWeekday.groups.map((g: any) => g.label)).toEqual(['Senin']);
  });

  it('serves counter, officer and hour (and totals) from the daily rollups, equal to the hourly aggregates', async () => {
    const byCounter = (await stats(w.admin, 'from=2026-11-23&to=2026-11-23&by=counter')).json();
    // Counter 1: A1 (wait 12), A2 (19, no-show), B1 (20); counter 3: S1 (30).
    expect(byCounter.groups.find((g: any) => g.key === w.counters.c1).kpis).toMatchObject({
      called: 3, served: 2, noShow: 1, wait: { count: 3, meanSeconds: 1020, maxSeconds: 1200 }, service: { count: 2, meanSeconds: 300, maxSeconds: 420, medianMinutes: 3, p90Minutes: 7 },
    });
    expect(byCounter.groups.find((g: any) => g.key === w.counters.c3).kpis).toMatchObject({
      called: 1, served: 1, wait: { count: 1, meanSeconds: 1800 }, walk: { meanSeconds: 60 }, total: { meanSeconds: 46 * 60 }, service: { medianMinutes: 15, p90Minutes: 15 },
    });
    const byHour = (await stats(w.admin, 'from=2026-11-23&to=2026-11-23&by=hour')).json();
    expect(byHour.groups.map((g: any) => [g.label, g.kpis.issued, g.kpis.called, g.kpis.served, g.kpis.noShow, g.kpis.cancelled])).toEqual([['01:00', 1, 0, 0, 0, 0], ['08:00', 4, 4, 3, 1, 1]]);
    expect(byHour.groups[1].kpis.wait).toMatchObject({ count: 4, meanSeconds: 1215, maxSeconds: 1800 });
    // One service's hours come from the hourly table: KTP had the 01:00 ticket and A1, A2 at 08:00.
    const ktp = (await stats(w.admin, `from=2026-11-23&to=2026-11-23&by=hour&serviceId=${w.services.ktp}`)).json();
    expect(ktp.groups.map((g: any) => [g.label, g.kpis.issued, g.kpis.called, g.kpis.served, g.kpis.noShow, g.kpis.cancelled])).toEqual([['01:00', 1, 0, 0, 0, 0], ['08:00', 2, 2, 1, 1, 1]]);
    expect(ktp.heatmap[0][1] + ktp.heatmap[0][8]).toBe(3);
    // One service's counters too: counter 1 called A1 and A2 for KTP.
    const ktpCounters = (await stats(w.admin, `from=2026-11-23&to=2026-11-23&by=counter&serviceId=${w.services.ktp}`)).json();
    expect(ktpCounters.groups.find((g: any) => g.key === w.counters.c1).kpis).toMatchObject({ called: 2, served: 1, noShow: 1, wait: { meanSeconds: Math.round(((12 + 19) * 60) / 2) } });
    // Its totals (from ops_daily, per service) keep the medians: KTP waits 12 and 19.
    expect(ktp.totals.wait).toMatchObject({ count: 2, medianMinutes: 12, p90Minutes: 19 });
    // Every rollup sums to the hourly table it is kept from.
    const sums = await t.db.query<{ src: string; issued: number; called: number; served: number; wait_sum: number; service_sum: number }>(
      `SELECT 'hourly' AS src, sum(issued)::int AS issued, sum(called)::int AS called, sum(served)::int AS served, sum(wait_sum)::int AS wait_sum, sum(service_sum)::int AS service_sum FROM ops_hourly WHERE mpp_id = $1
       UNION ALL SELECT 'staff', sum(issued)::int, sum(called)::int, sum(served)::int, sum(wait_sum)::int, sum(service_sum)::int FROM ops_daily_staff WHERE mpp_id = $1
       UNION ALL SELECT 'hour', sum(issued)::int, sum(called)::int, sum(served)::int, sum(wait_sum)::int, sum(service_sum)::int FROM ops_daily_hour WHERE mpp_id = $1
       UNION ALL SELECT 'daily', sum(issued)::int, sum(called)::int, sum(served)::int, sum(wait_sum)::int, sum(service_sum)::int FROM ops_daily WHERE mpp_id = $1
       UNION ALL SELECT 'tenant', sum(issued)::int, sum(called)::int, sum(served)::int, sum(wait_sum)::int, sum(service_sum)::int FROM ops_daily_tenant WHERE mpp_id = $1`,
      [w.mppId],
    );
    const [hourly, ...rollups] = sums.rows.map(({ src: _src, ...rest }) => rest);
    expect(hourly).toEqual({ issued: 6, called: 4, served: 3, wait_sum: (12 + 19 + 20 + 30) * 60, service_sum: (7 + 3 + 15) * 60 });
    for (const r of rollups) expect(r).toEqual(hourly);
  });

  it('gives median and p90 by hour, and per counter, officer and hour within one service (0740)', async () => {
    // Each duration lands in the local hour of the event that ends it: all calls, starts and finishes
    // were between 08:12 and 08:56. Waits 12, 19, 20, 30 (median the 2nd, p90 the 4th); walks 1, 2, 1
    // (sorted 1, 1, 2: median 1, p90 2); services 7, 3, 15 (median 7, p90 15); totals 20, 25, 46 (45-49 bucket).
    const byHour = (await stats(w.admin, 'from=2026-11-23&to=2026-11-23&by=hour')).json();
    expect(byHour.groups.map((g: any) => g.label)).toEqual(['01:00', '08:00']);
    const eight = byHour.groups[1].kpis;
    expect(eight.withinTargetShare).toBe(0.25);
    expect(eight.wait).toEqual({ count: 4, meanSeconds: 1215, medianMinutes: 19, p90Minutes: 30, maxSeconds: 1800 });
    expect(eight.walk).toEqual({ count: 3, meanSeconds: 80, medianMinutes: 1, p90Minutes: 2, maxSeconds: null });
    expect(eight.service).toEqual({ count: 3, meanSeconds: 500, medianMinutes: 7, p90Minutes: 15, maxSeconds: 900 });
    expect(eight.total).toEqual({ count: 3, meanSeconds: Math.round(((20 + 25 + 46) * 60) / 3), medianMinutes: 25, p90Minutes: 45, maxSeconds: null });
    // 01:00 only issued a ticket: no durations, so no percentiles.
    const one = byHour.groups[0].kpis;
    expect([one.wait, one.walk, one.service, one.total].map((d: any) => [d.count, d.medianMinutes, d.p90Minutes])).toEqual([[0, null, null], [0, null, null], [0, null, null], [0, null, null]]);
    expect(one.withinTargetShare).toBeNull();
    // Within KTP: A1 waited 12, walked 1, was served 7, 20 in all; A2 waited 19 and did not come.
    const ktpTimes = {
      called: 2, served: 1, noShow: 1, withinTargetShare: 0.5,
      wait: { count: 2, meanSeconds: Math.round(((12 + 19) * 60) / 2), medianMinutes: 12, p90Minutes: 19, maxSeconds: 19 * 60 },
      walk: { count: 1, meanSeconds: 60, medianMinutes: 1, p90Minutes: 1, maxSeconds: null },
      service: { count: 1, meanSeconds: 420, medianMinutes: 7, p90Minutes: 7, maxSeconds: 420 },
      total: { count: 1, meanSeconds: 20 * 60, medianMinutes: 20, p90Minutes: 20, maxSeconds: null },
    };
    const ktp = (by: string) => stats(w.admin, `from=2026-11-23&to=2026-11-23&by=${by}&serviceId=${w.services.ktp}`).then((r) => r.json());
    const ktpHour = await ktp('hour');
    expect(ktpHour.groups[1].kpis).toMatchObject(ktpTimes);
    expect(ktpHour.groups[0].kpis.wait).toMatchObject({ count: 0, medianMinutes: null });
    // Counter 1 and the officer made every KTP call and start and the finish.
    expect((await ktp('counter')).groups.find((g: any) => g.key === w.counters.c1).kpis).toMatchObject(ktpTimes);
    expect((await ktp('officer')).groups.find((g: any) => g.key === w.officer.userId).kpis).toMatchObject(ktpTimes);
    // Within STNK: S1 at counter 3 by the Samsat officer, waited 30, walked 1, served 15, 46 in all.
    const stnk = (await stats(w.admin, `from=2026-11-23&to=2026-11-23&by=officer&serviceId=${w.services.stnk}`)).json();
    expect(stnk.groups.find((g: any) => g.key === w.samsatOfficer.userId).kpis).toMatchObject({
      called: 1, served: 1, withinTargetShare: 0,
      wait: { medianMinutes: 30, p90Minutes: 30 }, walk: { medianMinutes: 1, p90Minutes: 1 }, service: { medianMinutes: 15, p90Minutes: 15 }, total: { medianMinutes: 45, p90Minutes: 45 },
    });
  });

  it('shows an agency admin only its own agency', async () => {
    const tenantAdmin = await staffCaller(t, 'tenant_admin', { mppId: w.mppId, tenantId: w.otherTenantId });
    const own = (await stats(tenantAdmin, 'from=2026-11-23&to=2026-11-23')).json();
    expect(own.tenantId).toBe(w.otherTenantId);
    expect(own.totals).toMatchObject({ issued: 1, served: 1 });
    expect(own.groups.map((g: any) => g.label)).toEqual(['Pengesahan STNK (Samsat)']);
    expect((await stats(tenantAdmin, `from=2026-11-23&to=2026-11-23&tenantId=${w.tenantId}`)).statusCode).toBe(404);
    expect((await stats(w.officer, 'from=2026-11-23&to=2026-11-23')).statusCode).toBe(403);
  });

  it('refuses a bad period in Bahasa Indonesia', async () => {
    const r = await stats(w.admin, 'from=2026-11-24&to=2026-11-23');
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('ops_bad_period');
    expect(r.headers['content-type']).toContain('application/problem+json');
    const bad = await stats(w.admin, 'from=2026-02-30&to=2026-03-01');
    expect(bad.statusCode).toBe(400);
  });

  it('rebuilds the aggregates from the events to the same figures', async () => {
    const before = (await stats(w.admin, 'from=2026-11-22&to=2026-11-24&by=officer')).json();
    const beforeHour = (await stats(w.admin, 'from=2026-11-22&to=2026-11-24&by=hour')).json();
    const beforeCounter = (await stats(w.admin, 'from=2026-11-22&to=2026-11-24&by=counter')).json();
    const ktpCounter = `from=2026-11-22&to=2026-11-24&by=counter&serviceId=${w.services.ktp}`;
    const beforeKtpCounter = (await stats(w.admin, ktpCounter)).json();
    const beforeMonth = (await stats(w.admin, 'from=2026-11-01&to=2026-11-30&by=service')).json();
    const monthRows = () => t.db.query('SELECT * FROM ops_monthly WHERE mpp_id = $1 ORDER BY service_id', [w.mppId]).then((r) => r.rows);
    const staffRows = () => t.db.query('SELECT * FROM ops_daily_staff WHERE mpp_id = $1 ORDER BY counter_id, officer_id, tenant_id', [w.mppId]).then((r) => r.rows);
    const [monthBefore, staffBefore] = [await monthRows(), await staffRows()];
    expect(monthBefore).toHaveLength(3);
    const { rows } = await t.db.query<{ n: number }>("SELECT ops_rebuild($1, '-infinity', 'infinity') AS n", [w.mppId]);
    expect(Number(rows[0]!.n)).toBe(18);
    const days = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM ops_daily WHERE mpp_id = $1', [w.mppId]);
    expect(days.rows[0]!.n).toBe(4); // the 23rd: KTP, KK, STNK; the 24th: KTP
    const after = (await stats(w.admin, 'from=2026-11-22&to=2026-11-24&by=officer')).json();
    expect(after).toEqual(before);
    expect((await stats(w.admin, 'from=2026-11-22&to=2026-11-24&by=hour')).json()).toEqual(beforeHour);
    expect((await stats(w.admin, 'from=2026-11-22&to=2026-11-24&by=counter')).json()).toEqual(beforeCounter);
    expect((await stats(w.admin, ktpCounter)).json()).toEqual(beforeKtpCounter);
    expect((await stats(w.admin, 'from=2026-11-01&to=2026-11-30&by=service')).json()).toEqual(beforeMonth);
    expect(await monthRows()).toEqual(monthBefore);
    expect(await staffRows()).toEqual(staffBefore);
    // A rebuild of one day leaves the month's row equal to its days.
    await t.db.query("SELECT ops_rebuild($1, '2026-11-23T00:00:00+07:00', '2026-11-23T00:00:00+07:00')", [w.mppId]);
    expect(await monthRows()).toEqual(monthBefore);
  });

  it('reads whole months by service from the month rows and the ends of a period from the days, to the same figures', async () => {
    const monthly = await t.db.query<{ local_month: string; issued: number; served: number; s3: number; s7: number; s15: number }>(
      'SELECT local_month, sum(issued)::int AS issued, sum(served)::int AS served, sum(s3)::int AS s3, sum(s7)::int AS s7, sum(s15)::int AS s15 FROM ops_monthly WHERE mpp_id = $1 GROUP BY 1',
      [w.mppId],
    );
    // November's three services: 6 tickets, services of 7, 3 and 15 minutes, one in each bucket.
    expect(monthly.rows).toEqual([{ local_month: '2026-11-01', issued: 6, served: 3, s3: 1, s7: 1, s15: 1 }]);
    const groups = async (q: string) => (await stats(w.admin, `${q}&by=service`)).json().groups;
    const daysOnly = await groups('from=2026-11-02&to=2026-11-29'); // no whole month: all from ops_daily
    expect(daysOnly.map((g: any) => g.kpis.issued).sort()).toEqual([1, 1, 4]);
    expect(await groups('from=2026-11-01&to=2026-11-30')).toEqual(daysOnly); // the month row only
    expect(await groups('from=2026-10-15&to=2026-12-10')).toEqual(daysOnly); // ends from days, November from its row
    expect(await groups('from=2026-11-24&to=2026-12-31')).toEqual([expect.objectContaining({ label: 'Perekaman KTP-el (Dukcapil)', kpis: expect.objectContaining({ issued: 1 }) })]);
  });

  it('exports the same figures as CSV and XLSX', async () => {
    const csv = await t.app.inject({ method: 'GET', url: `/api/mpps/${w.mppId}/operations/stats.csv?from=2026-11-23&to=2026-11-23&by=tenant`, headers: w.admin.headers });
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.replace(/^\ufeff/, '').trim().split('\n');
    expect(lines[0]).toContain('Tiket diambil');
    expect(lines.at(-1)).toMatch(/^Jumlah,5,0,5,3,1,1,0,0.25,0.25,1215,19,30,1,500,7,15,25,45$/);
    const xlsx = await t.app.inject({ method: 'GET', url: `/api/mpps/${w.mppId}/operations/stats.xlsx?from=2026-11-23&to=2026-11-23&by=tenant`, headers: w.admin.headers });
    expect(xlsx.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as never);
    const sheet = wb.getWorksheet('Statistik')!;
    const total = sheet.getRow(sheet.rowCount).values as unknown[];
    expect(total.slice(1, 6)).toEqual(['Jumlah', 5, 0, 5, 3]);
  });
});
