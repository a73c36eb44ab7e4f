import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, fakeClock, type TestApp } from '../../test/support/app.js';
import { issue, post, seedQueueWorld, type QueueWorld } from '../queue/fixtures.test-helpers.js';

/**
 * Concurrent writers bump the same aggregate rows (one hour, one day, one service): no event may be
 * lost or counted twice. On PGlite the writes are serialised; with TEST_DATABASE_URL they really race.
 */
const clock = fakeClock('2026-11-23T02:00:00Z');
let t: TestApp;
let w: QueueWorld;

beforeAll(async () => {
  t = await createTestApp({ clock });
  w = await seedQueueWorld(t);
}, 60_000);
afterAll(() => t.close());

it('counts every one of many concurrent issues and calls exactly once', async () => {
  const issued = await Promise.all(Array.from({ length: 30 }, () => issue(t, w, w.services.ktp)));
  expect(issued.every((r) => r.statusCode === 201)).toBe(true);
  await post(t, w.officer, `/api/mpps/${w.mppId}/queue/counters/${w.counters.c1}/open`);
  await post(t, w.officer2, `/api/mpps/${w.mppId}/queue/counters/${w.counters.c2}/open`);
  clock.advance(5 * 60_000);
  // Two counters call and finish side by side, 10 rounds each.
  const work = async (caller: typeof w.officer, counter: string) => {
    for (let i = 0; i < 10; i++) {
      const tk = (await post(t, caller, `/api/mpps/${w.mppId}/queue/counters/${counter}/call-next`)).json().ticket;
      await post(t, caller, `/api/mpps/${w.mppId}/queue/tickets/${tk.id}/start`);
      await post(t, caller, `/api/mpps/${w.mppId}/queue/tickets/${tk.id}/finish`);
    }
  };
  await Promise.all([work(w.officer, w.counters.c1), work(w.officer2, w.counters.c2)]);
  const s = (await t.app.inject({ method: 'GET', url: `/api/mpps/${w.mppId}/operations/stats?from=2026-11-23&to=2026-11-23&by=counter`, headers: w.admin.headers })).json();
  expect(s.totals).toMatchObject({ issued: 30, called: 20, served: 20 });
  expect(s.totals.wait.count).toBe(20);
  expect(s.groups.filter((g: any) => g.key !== '00000000-0000-0000-0000-000000000000').map((g: any) => g.kpis.served)).toEqual([10, 10]);
  const { rows } = await t.db.query<{ type: string; n: number }>('SELECT type, count(*)::int AS n FROM ticket_events WHERE mpp_id = $1 GROUP BY type ORDER BY type', [w.mppId]);
  expect(rows).toEqual([
    { type: 'called', n: 20 },
    { type: 'issued', n: 30 },
    { type: 'served', n: 20 },
    { type: 'serving', n: 20 },
  ]);
});
