import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, fakeClock, type TestApp } from '../../test/support/app.js';
import { bookStop, createStop, nik, seedMobileWorld, stopBody } from './fixtures.test-helpers.js';

/**
 * A stop's capacity under a rush: however many people press "book" at once, exactly `capacity`
 * get a place and everyone else is told it is full. Runs on PGlite by default and on PostgreSQL
 * with TEST_DATABASE_URL (where the attempts really run in parallel).
 */
const clock = fakeClock('2026-11-23T01:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock, env: { BOOKING_RATE_LIMIT: '100000' } });
});
afterAll(() => t.close());

it('300 simultaneous bookers of a stop with capacity 12: exactly 12 bookings, 288 "full", counter and rows agree', async () => {
  const w = await seedMobileWorld(t);
  const stopId = (await createStop(t, w, '2026-11-25', { capacity: 12 })).json().id;
  const results = await Promise.all(Array.from({ length: 300 }, (_, i) => bookStop(t, w, stopId, { serviceId: i % 2 ? w.ktp : w.kk, nik: nik(i + 1) })));
  const byStatus = new Map<number, number>();
  for (const r of results) byStatus.set(r.statusCode, (byStatus.get(r.statusCode) ?? 0) + 1);
  expect(Object.fromEntries(byStatus)).toEqual({ 201: 12, 409: 288 });
  expect(new Set(results.filter((r) => r.statusCode === 409).map((r) => r.json().code))).toEqual(new Set(['mobile_stop_full']));
  const rows = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM mobile_stop_bookings WHERE mpp_id = $1 AND status = 'booked'", [w.mppId]);
  expect(rows.rows[0]!.n).toBe(12);
  const stop = await t.db.query<{ booked: number }>('SELECT booked FROM mobile_stops WHERE mpp_id = $1 AND id = $2', [w.mppId, stopId]);
  expect(stop.rows[0]!.booked).toBe(12);
  // Only the winners got a confirmation queued (one SMS each).
  const queued = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox WHERE mpp_id = $1', [w.mppId]);
  expect(queued.rows[0]!.n).toBe(12);
});

it('one NIK scripting 30 simultaneous attempts on a stop gets one booking', async () => {
  const w = await seedMobileWorld(t);
  const stopId = (await createStop(t, w, '2026-11-26', { capacity: 50 })).json().id;
  const results = await Promise.all(Array.from({ length: 30 }, () => bookStop(t, w, stopId, { serviceId: w.ktp, nik: nik(77) })));
  expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
  expect(new Set(results.filter((r) => r.statusCode !== 201).map((r) => r.json().code))).toEqual(new Set(['mobile_nik_already_booked']));
});

it('two admins scheduling overlapping stops of one unit at once: one succeeds, the other is told of the overlap', async () => {
  const w = await seedMobileWorld(t);
  const results = await Promise.all(
    Array.from({ length: 8 }, (_, i) => createStop(t, w, '2026-11-27', { startTime: `0${8 + (i % 2)}:00`, endTime: '11:00' })),
  );
  expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
  expect(new Set(results.filter((r) => r.statusCode !== 201).map((r) => r.json().code))).toEqual(new Set(['mobile_stop_overlap']));
});

it('lowering capacity while people book never leaves more bookings than capacity', async () => {
  const w = await seedMobileWorld(t);
  const stopId = (await createStop(t, w, '2026-11-28', { capacity: 40 })).json().id;
  const lower = t.app.inject({ method: 'PUT', url: `/api/mpps/${w.mppId}/mobile/stops/${stopId}`, headers: w.admin.headers, payload: stopBody(w, '2026-11-28', { capacity: 10 }) });
  const books = Array.from({ length: 40 }, (_, i) => bookStop(t, w, stopId, { serviceId: w.ktp, nik: nik(500 + i) }));
  const [lowered, ...booked] = await Promise.all([lower, ...books]);
  const made = booked.filter((r) => r.statusCode === 201).length;
  const stop = (await t.db.query<{ booked: number; capacity: number }>('SELECT booked, capacity FROM mobile_stops WHERE mpp_id = $1 AND id = $2', [w.mppId, stopId])).rows[0]!;
  expect(stop.booked).toBe(made);
  expect(stop.booked).toBeLessThanOrEqual(stop.capacity);
  if (lowered.statusCode === 200) expect(stop.capacity).toBe(10);
  else expect(lowered.json().code).toBe('mobile_capacity_below_bookings');
});
