import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fakeClock, type TestApp } from '../../test/support/app.js';
import { loadDemo } from '../demo/load.js';
import { seedQueueWorld, type QueueWorld } from '../queue/fixtures.test-helpers.js';
import { loadDemoBookingHistory, type DemoBookingMonth } from '../booking/demo-history.js';
import { loadDemoComplaintHistory, type DemoComplaintMonth } from '../complaints/demo-history.js';
import { issue } from '../queue/fixtures.test-helpers.js';
import { loadDemoHistory, type DemoHistorySummary } from './demo-history.js';

/**
 * The demo's past months: generated ticket by ticket and written into the aggregates. Every figure the
 * scorecard and the statistics show for those months is checked against the generator's own tally of
 * the tickets it made (not against the rows it wrote).
 */
const clock = fakeClock('2026-11-23T03:00:00Z'); // Monday 10:00 WIB
let t: TestApp;
let w: QueueWorld;
let history: DemoHistorySummary;
let complaints: Record<string, DemoComplaintMonth>;
let bookings: Record<string, DemoBookingMonth>;
const input = () => ({
  mppId: w.mppId,
  timezone: 'Asia/Jakarta',
  today: '2026-11-23',
  months: 2,
  ticketsPerDay: 80,
  seed: 7,
  officers: new Map([[w.tenantId, w.officer.userId]]),
  surveyPerMonth: 20,
});

/** Nearest-rank percentile in whole minutes below 30 (the buckets' resolution). */
const nearestRankMinutes = (secs: number[], p: number) => {
  const sorted = [...secs].sort((a, b) => a - b);
  return Math.floor(sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1]! / 60);
};

beforeAll(async () => {
  t = await createTestApp({ clock });
  w = await seedQueueWorld(t);
  // KTP promises 10 minutes, KK 15 (Standar Pelayanan conformity); STNK promises working days.
  await t.db.query("UPDATE services SET completion_value = CASE code WHEN 'KTP' THEN 10 WHEN 'KK' THEN 15 ELSE 3 END, completion_unit = CASE code WHEN 'STNK' THEN 'working_days' ELSE 'minutes' END WHERE mpp_id = $1", [w.mppId]);
  // KTP and KK take online bookings.
  await t.db.query(`UPDATE services SET booking_settings = '{"enabled": true}' WHERE mpp_id = $1 AND code IN ('KTP', 'KK')`, [w.mppId]);
  history = await t.db.transaction((tx) => loadDemoHistory(tx, input()));
  const common = { mppId: w.mppId, timezone: 'Asia/Jakarta' as const, today: '2026-11-23', months: 2 };
  complaints = await t.db.transaction((tx) => loadDemoComplaintHistory(tx, { ...common, perMonth: 40, seed: 8, now: clock.now() }));
  bookings = await t.db.transaction((tx) => loadDemoBookingHistory(tx, { ...common, bookingsPerDay: 12, seed: 9 }));
}, 600_000);
afterAll(() => t.close());

const get = (path: string) => t.app.inject({ method: 'GET', url: `/api/mpps/${w.mppId}/operations/${path}`, headers: w.admin.headers });

describe('demo history', () => {
  it('fills September to the day before today, closed on Sundays', () => {
    expect(Object.keys(history.months)).toEqual(['2026-09', '2026-10', '2026-11']);
    // 30 + 30 + 22 days, less 4 + 4 + 4 Sundays (1 November 2026 is a Sunday).
    expect(history.days).toBe(26 + 27 + 18);
    expect(history.tickets).toBe(Object.values(history.months).reduce((a, m) => a + m.issued, 0));
    expect(history.responses).toBe(60);
  });

  it('shows on the scorecard what was generated, month by month', async () => {
    const r = await get('scorecard?months=3');
    expect(r.statusCode, r.body).toBe(200);
    const card = r.json();
    expect(card.months.map((m: any) => m.month)).toEqual(['2026-09', '2026-10', '2026-11']);
    for (const m of card.months) {
      const made = history.months[m.month]!;
      expect(m.queue).toMatchObject({
        issued: made.issued,
        served: made.served,
        waitMedianMinutes: nearestRankMinutes(made.waits, 0.5),
        withinTargetShare: Math.round((made.waits.filter((s) => s < card.targetWaitMinutes * 60).length / made.waits.length) * 1000) / 1000,
        noShowRate: Math.round((made.noShow / (made.served + made.noShow)) * 1000) / 1000,
      });
      // Conformity: KTP within 10 minutes, KK within 15 (buckets wholly below the promise).
      const judged = made.services.filter((s) => s.serviceId !== w.services.stnk);
      const within = judged.filter((s) => s.seconds < (s.serviceId === w.services.ktp ? 10 : 15) * 60).length;
      expect(m.conformity).toEqual({ served: judged.length, within, share: Math.round((within / judged.length) * 1000) / 1000 });
      expect(m.survey.respondents).toBe(20);
      expect(m.survey.ikm).toBeGreaterThan(70);
      expect(m.score).not.toBeNull();
    }
    // Complaint SLA and booking no-shows: the figures the complaint and booking generators counted,
    // complaints judged at the clock's now (the deadlines of November's late ones have not all passed).
    for (const m of card.months) {
      const filed = complaints[m.month]!;
      expect(filed.received, m.month).toBeGreaterThan(10);
      expect(m.complaints, m.month).toMatchObject({
        ...filed,
        verifiedOnTimeShare: Math.round((filed.verifiedOnTime / filed.verificationDue) * 1000) / 1000,
        resolvedOnTimeShare: Math.round((filed.resolvedOnTime / filed.resolutionDue) * 1000) / 1000,
      });
      const booked = bookings[m.month]!;
      expect(booked.checkedIn + booked.noShow + booked.cancelled).toBe(booked.booked);
      expect(m.booking, m.month).toEqual({ checkedIn: booked.checkedIn, noShow: booked.noShow, noShowRate: Math.round((booked.noShow / (booked.checkedIn + booked.noShow)) * 1000) / 1000 });
    }
    // Some verifications late, most on time; no-shows fewer month by month.
    expect(card.months[0].complaints.verifiedOnTimeShare).toBeGreaterThan(0.5);
    expect(card.months[0].complaints.verifiedOnTimeShare).toBeLessThan(1);
    expect(card.months[2].booking.noShowRate).toBeLessThan(card.months[0].booking.noShowRate);
    // The generator's trend: waits shorten month by month.
    expect(card.months[2].queue.withinTargetShare).toBeGreaterThan(card.months[0].queue.withinTargetShare);
  });

  it('gives the same month totals whichever way the statistics group them', async () => {
    const made = history.months['2026-10']!;
    const medianService = nearestRankMinutes(made.services.map((s) => s.seconds), 0.5);
    for (const by of ['service', 'tenant', 'day', 'counter', 'officer', 'hour']) {
      const s = (await get(`stats?from=2026-10-01&to=2026-10-31&by=${by}`)).json();
      expect(s.totals, by).toMatchObject({ issued: made.issued, booked: made.booked, served: made.served, noShow: made.noShow, cancelled: made.cancelled });
      expect(s.totals.service.medianMinutes, by).toBe(medianService);
      const sum = (f: (k: any) => number) => s.groups.reduce((a: number, g: any) => a + f(g.kpis), 0);
      expect(sum((k) => k.served), by).toBe(made.served);
      expect(sum((k) => k.called), by).toBe(made.waits.length);
    }
    // The heatmap: Mondays to Saturdays, 08:00 to 14:00, and every ticket of the month in it.
    const s = (await get('stats?from=2026-10-01&to=2026-10-31')).json();
    expect(s.heatmap[6].every((n: number) => n === 0)).toBe(true);
    expect(s.heatmap.flat().reduce((a: number, b: number) => a + b, 0)).toBe(made.issued);
    // The demo officer's service times, per counter and officer, carry percentiles.
    const officers = (await get('stats?from=2026-10-01&to=2026-10-31&by=officer')).json();
    expect(officers.groups.find((g: any) => g.key === w.officer.userId).kpis.service.medianMinutes).not.toBeNull();
  });

  it('keeps the generated months when the aggregates are rebuilt from the events', async () => {
    // Today has one real ticket (events); the generated days have none.
    const issued = await issue(t, w, w.services.ktp);
    expect(issued.statusCode, issued.body).toBe(201);
    const figures = async () => ({
      october: (await get('stats?from=2026-10-01&to=2026-10-31&by=service')).json(),
      officers: (await get('stats?from=2026-09-01&to=2026-11-23&by=officer')).json(),
      today: (await get('stats?from=2026-11-23&to=2026-11-23&by=service')).json(),
    });
    const before = await figures();
    expect(before.today.totals.issued).toBe(1);
    expect(before.october.totals.issued).toBe(history.months['2026-10']!.issued);
    const { rows } = await t.db.query<{ n: number }>("SELECT ops_rebuild($1, '-infinity', 'infinity') AS n", [w.mppId]);
    expect(Number(rows[0]!.n)).toBe(1);
    expect(await figures()).toEqual(before);
  });

  it('is the same every time for the same seed and day', async () => {
    const again = await t.db.transaction(async (tx) => {
      for (const table of ['ops_hourly', 'ops_daily', 'ops_daily_tenant', 'ops_monthly', 'ops_daily_staff', 'ops_daily_hour', 'survey_responses']) await tx.query(`DELETE FROM ${table} WHERE mpp_id = $1`, [w.mppId]);
      return loadDemoHistory(tx, input());
    });
    expect(again).toEqual(history);
    // ops_hourly's rollup trigger is back on after the load.
    const { rows } = await t.db.query<{ enabled: string }>("SELECT tgenabled AS enabled FROM pg_trigger WHERE tgname = 'ops_hourly_rollups'");
    expect(rows[0]!.enabled).toBe('O');
  });

  it('loads the whole demo with its history', async () => {
    const started = performance.now();
    const summary = await loadDemo(t.db, new Date('2026-11-23T03:00:00Z'));
    const ms = performance.now() - started;
    process.stdout.write(`loadDemo with five months of history: ${Math.round(ms)} ms\n`);
    const { rows } = await t.db.query<{ slug: string; months: number; issued: number }>(
      `SELECT m.slug, count(DISTINCT date_trunc('month', d.local_day))::int AS months, sum(d.issued)::int AS issued
         FROM mpps m JOIN ops_daily_tenant d ON d.mpp_id = m.id WHERE m.slug = ANY($1) GROUP BY m.slug ORDER BY m.slug`,
      [summary.mpps.map((m) => m.slug)],
    );
    expect(rows).toHaveLength(3);
    for (const r of rows) expect(r.months).toBe(6);
  });
});
