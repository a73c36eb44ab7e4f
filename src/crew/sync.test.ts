import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fakeClock, type TestApp } from '../../test/support/app.js';
import { addStop, downloadPack, newDevice, seedStopWorld, type StopWorld } from './fixtures.test-helpers.js';
import { scenarioArb } from './sync-scenario.test-helpers.js';

/**
 * The sync test, through the API on a real database (PGlite, and PostgreSQL with
 * TEST_DATABASE_URL): two devices offline issue and serve from their number blocks, come back in
 * any order, every batch twice; no duplicate number, every event once, each served ticket counted once.
 */
let t: TestApp;
let w: StopWorld;

beforeAll(async () => {
  t = await createTestApp({ clock: fakeClock('2026-12-01T08:00:00Z') });
  w = await seedStopWorld(t);
});
afterAll(() => t.close());

describe('two crew devices offline', () => {
  it('reserves disjoint number blocks for devices downloading at the same moment', async () => {
    const { stopId } = await addStop(t, { mppId: w.mppId, unitId: w.unitId, serviceIds: [w.services.ktp] });
    const stop = { ...w, stopId };
    const devices = Array.from({ length: 8 }, () => newDevice());
    const packs = await Promise.all(devices.map((d, i) => downloadPack(t, i % 2 ? w.crew : w.crew2, stop, d, { reserveBlock: true })));
    const blocks = packs.flatMap((p) => {
      expect(p.statusCode, p.body).toBe(200);
      return p.json().blocks as { first: number; last: number }[];
    });
    expect(blocks).toHaveLength(8);
    const sorted = [...blocks].sort((a, b) => a.first - b.first);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.first).toBeGreaterThan(sorted[i - 1]!.last);
  });

  it('merges one booking checked in on two devices syncing at the same moment', async () => {
    const { stopId, bookings } = await addStop(t, { mppId: w.mppId, unitId: w.unitId, serviceIds: [w.services.ktp] });
    const stop = { ...w, stopId };
    const [a, b] = [newDevice(), newDevice()];
    const na = (await downloadPack(t, w.crew, stop, a)).json().blocks[0].first;
    const nb = (await downloadPack(t, w.crew2, stop, b)).json().blocks[0].first;
    const checkIn = (n: number) => [
      { id: crypto.randomUUID(), seq: 1, at: '2026-12-01T03:00:00Z', type: 'booking_checked_in', number: n, bookingId: bookings[0]!.id },
      { id: crypto.randomUUID(), seq: 2, at: '2026-12-01T03:05:00Z', type: 'served', number: n },
    ];
    const url = `/api/mpps/${w.mppId}/crew/stops/${stopId}/sync`;
    const [ra, rb] = await Promise.all([
      t.app.inject({ method: 'POST', url, headers: w.crew.headers, payload: { deviceId: a, events: checkIn(na) } }),
      t.app.inject({ method: 'POST', url, headers: w.crew2.headers, payload: { deviceId: b, events: checkIn(nb) } }),
    ]);
    const results = [ra, rb].map((r) => r.json().outcomes.map((o: { result: string }) => o.result).join(',')).sort();
    expect(results).toEqual(['applied,applied', 'merged,conflict']);
    const live = await t.db.query("SELECT 1 FROM crew_tickets WHERE mpp_id = $1 AND stop_id = $2 AND merged_into IS NULL AND projected = 'served'", [w.mppId, stopId]);
    expect(live.rows).toHaveLength(1);
  });

  it('syncs in any order, twice: no duplicate numbers, every event once, served tickets counted once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        async (seed) => {
          const { stopId, bookings } = await addStop(t, { mppId: w.mppId, unitId: w.unitId, serviceIds: [w.services.ktp, w.services.kk] });
          const stop = { ...w, stopId };
          const ids: [string, string] = [newDevice(), newDevice()];
          const first = [(await downloadPack(t, w.crew, stop, ids[0])).json().blocks[0].first, (await downloadPack(t, w.crew2, stop, ids[1])).json().blocks[0].first] as [number, number];
          const live = bookings.slice(0, 3).map((b) => b.id);
          const [scenario] = fc.sample(scenarioArb({ deviceIds: ids, firstNumbers: first, bookingIds: live, serviceId: w.services.ktp, start: Date.parse('2026-12-01T02:00:00Z'), maxActions: 12 }), { seed, numRuns: 1 });
          const answers = new Map<string, string[]>();
          for (const [d, b] of scenario!.deliveries) {
            const device = scenario!.devices[d]!;
            const res = await t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/crew/stops/${stopId}/sync`, headers: (d ? w.crew2 : w.crew).headers, payload: { deviceId: device.deviceId, events: device.batches[b] } });
            expect(res.statusCode, res.body).toBe(200);
            for (const o of [...res.json().outcomes, ...res.json().settled]) answers.set(o.eventId, [...(answers.get(o.eventId) ?? []), o.result]);
          }
          const all = scenario!.devices.flatMap((d) => d.events);
          for (const e of all) expect(answers.get(e.id)!.filter((r) => r !== 'pending' && r !== 'duplicate')).toHaveLength(1);
          const stored = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM crew_events WHERE mpp_id = $1 AND stop_id = $2 AND result <> 'pending'", [w.mppId, stopId]);
          expect(stored.rows[0]!.n).toBe(all.length);

          const tickets = await t.db.query<{ number: number; device_id: string; status: string; merged_into: number | null; projected: string | null; queue_ticket_id: string | null }>(
            'SELECT number, device_id, status, merged_into, projected, queue_ticket_id FROM crew_tickets WHERE mpp_id = $1 AND stop_id = $2',
            [w.mppId, stopId],
          );
          for (const row of tickets.rows) expect(row.device_id).toBe(row.number < first[1] ? ids[0] : ids[1]);
          const final = tickets.rows.filter((r) => r.merged_into === null && (r.status === 'served' || r.status === 'no_show'));
          expect(final.every((r) => r.projected === r.status && r.queue_ticket_id)).toBe(true);
          // Each final stop ticket is exactly one queue ticket with one 'issued' event and at most one 'served'.
          const events = await t.db.query<{ ticket_id: string; issued: number; served: number }>(
            `SELECT ticket_id, count(*) FILTER (WHERE type = 'issued')::int AS issued, count(*) FILTER (WHERE type = 'served')::int AS served
               FROM ticket_events WHERE mpp_id = $1 AND ticket_id = ANY($2::uuid[]) GROUP BY ticket_id`,
            [w.mppId, final.map((r) => r.queue_ticket_id)],
          );
          expect(events.rows).toHaveLength(final.length);
          for (const r of events.rows) {
            expect(r.issued).toBe(1);
            expect(r.served).toBe(final.find((f) => f.queue_ticket_id === r.ticket_id)!.status === 'served' ? 1 : 0);
          }
        },
      ),
      { numRuns: 12 },
    );
  }, 300_000);
});
