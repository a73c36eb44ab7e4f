import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, fakeClock, seedMpp, type TestApp } from '../../test/support/app.js';
import { book, insertBookableService, nik, WEEK } from './fixtures.test-helpers.js';

/**
 * The guarantee under a rush: however many people press "book" at the same instant, a slot never
 * takes more than its capacity, and everyone else is told clearly that it is full. Runs on PGlite by
 * default and on PostgreSQL with TEST_DATABASE_URL (where the attempts really run in parallel).
 */
const clock = fakeClock('2026-11-23T01:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock, env: { BOOKING_RATE_LIMIT: '100000' } });
});
afterAll(() => t.close());

async function bookableMpp(capacity: number) {
  const m = await seedMpp(t.db);
  await t.db.query('UPDATE mpps SET weekly_hours = $2 WHERE id = $1', [m.mppId, JSON.stringify(WEEK)]);
  const serviceId = await insertBookableService(t.db, m.mppId, m.tenantId, 'RUSH', { capacityPerSlot: capacity, slotMinutes: 30 });
  return { mppId: m.mppId, serviceId };
}

it('500 simultaneous attempts on one slot of capacity 10 give exactly 10 bookings and 490 "slot full"', async () => {
  const w = await bookableMpp(10);
  const slot = '2026-11-24T02:00:00.000Z';
  const results = await Promise.all(Array.from({ length: 500 }, (_, i) => book(t, w, slot, nik(i + 1))));
  const byStatus = new Map<number, number>();
  for (const r of results) byStatus.set(r.statusCode, (byStatus.get(r.statusCode) ?? 0) + 1);
  expect(Object.fromEntries(byStatus)).toEqual({ 201: 10, 409: 490 });
  const refused = results.filter((r) => r.statusCode === 409).map((r) => r.json());
  expect(new Set(refused.map((p) => p.code))).toEqual(new Set(['slot_full']));
  expect(refused[0].title).toBe('Slot pukul 09.00 sudah penuh. Silakan pilih slot lain.');
  const stored = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM bookings WHERE mpp_id = $1 AND status = 'booked'", [w.mppId]);
  expect(stored.rows[0]!.n).toBe(10);
  const counter = await t.db.query<{ booked: number }>('SELECT booked FROM booking_slots WHERE mpp_id = $1', [w.mppId]);
  expect(counter.rows).toEqual([{ booked: 10 }]);
  // Only the ten winners got a confirmation queued.
  const queued = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox WHERE mpp_id = $1', [w.mppId]);
  expect(queued.rows[0]!.n).toBe(10);
});

it('one NIK scripting 40 simultaneous attempts across slots gets one booking for the day', async () => {
  const w = await bookableMpp(10);
  const slots = Array.from({ length: 40 }, (_, i) => new Date(Date.parse('2026-11-24T01:00:00.000Z') + (i % 8) * 30 * 60_000).toISOString());
  const results = await Promise.all(slots.map((s) => book(t, w, s, nik(7))));
  expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
  expect(new Set(results.filter((r) => r.statusCode !== 201).map((r) => r.json().code))).toEqual(new Set(['nik_day_limit']));
});

it('a daily quota holds under concurrent attempts on different slots', async () => {
  const m = await seedMpp(t.db);
  await t.db.query('UPDATE mpps SET weekly_hours = $2 WHERE id = $1', [m.mppId, JSON.stringify(WEEK)]);
  const serviceId = await insertBookableService(t.db, m.mppId, m.tenantId, 'QUOTA', { capacityPerSlot: 10, dailyQuota: 7 });
  const results = await Promise.all(
    Array.from({ length: 60 }, (_, i) => book(t, { mppId: m.mppId, serviceId }, new Date(Date.parse('2026-11-24T01:00:00.000Z') + (i % 6) * 30 * 60_000).toISOString(), nik(200 + i))),
  );
  expect(results.filter((r) => r.statusCode === 201)).toHaveLength(7);
  // Ten attempts per slot of capacity 10: only the quota can refuse.
  expect(new Set(results.filter((r) => r.statusCode !== 201).map((r) => r.json().code))).toEqual(new Set(['day_full']));
  const stored = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM bookings WHERE mpp_id = $1', [m.mppId]);
  expect(stored.rows[0]!.n).toBe(7);
});
