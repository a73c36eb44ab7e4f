import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, fakeClock, type TestApp } from '../../test/support/app.js';
import { issue, post, seedQueueWorld, type QueueWorld } from '../queue/fixtures.test-helpers.js';
import { foldAllPending, foldPending } from './repository.js';

/**
 * Migration 0730: a ticket transition only records its event in ops_pending; the statistics get it
 * when the MPP is folded, which every read of them does first. Nothing may be lost or counted twice,
 * whoever folds and however many fold at once (with TEST_DATABASE_URL they really race).
 */
const clock = fakeClock('2026-11-23T02:00:00Z');
let t: TestApp;
let w: QueueWorld;

const pending = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM ops_pending WHERE mpp_id = $1', [w.mppId])).rows[0]!.n;
const dailyIssued = async () => (await t.db.query<{ n: number }>('SELECT coalesce(sum(issued), 0)::int AS n FROM ops_daily WHERE mpp_id = $1', [w.mppId])).rows[0]!.n;
const stats = async () =>
  (await t.app.inject({ method: 'GET', url: `/api/mpps/${w.mppId}/operations/stats?from=2026-11-23&to=2026-11-23`, headers: w.admin.headers })).json().totals;

beforeAll(async () => {
  t = await createTestApp({ clock });
  w = await seedQueueWorld(t);
}, 60_000);
afterAll(() => t.close());

it('keeps a transition out of the aggregates until a read of the statistics folds it in', async () => {
  for (let i = 0; i < 3; i++) expect((await issue(t, w, w.services.ktp)).statusCode).toBe(201);
  expect(await pending()).toBe(3);
  expect(await dailyIssued()).toBe(0);
  expect(await stats()).toMatchObject({ issued: 3 });
  expect(await pending()).toBe(0);
  expect(await dailyIssued()).toBe(3);
  // A second read finds nothing left to fold and the same figures.
  expect(await foldPending(t.db, w.mppId)).toBe(0);
  expect(await stats()).toMatchObject({ issued: 3 });
});

it('counts every event once when many fold at the same time', async () => {
  await post(t, w.officer, `/api/mpps/${w.mppId}/queue/counters/${w.counters.c1}/open`);
  for (let i = 0; i < 5; i++) expect((await issue(t, w, w.services.ktp)).statusCode).toBe(201);
  clock.advance(4 * 60_000);
  for (let i = 0; i < 4; i++) {
    const tk = (await post(t, w.officer, `/api/mpps/${w.mppId}/queue/counters/${w.counters.c1}/call-next`)).json().ticket;
    expect((await post(t, w.officer, `/api/mpps/${w.mppId}/queue/tickets/${tk.id}/no-show`)).statusCode).toBe(200);
  }
  expect(await pending()).toBe(5 + 8);
  const folded = await Promise.all([...Array.from({ length: 4 }, () => foldPending(t.db, w.mppId)), foldAllPending(t.db)]);
  expect(folded.reduce((a, b) => a + b, 0)).toBe(13);
  expect(await stats()).toMatchObject({ issued: 8, called: 4, noShow: 4, wait: { count: 4 } });
});

it('rebuilds with events still pending without counting them twice', async () => {
  expect((await issue(t, w, w.services.kk)).statusCode).toBe(201);
  expect(await pending()).toBe(1);
  await t.db.query("SELECT ops_rebuild($1, '-infinity', 'infinity')", [w.mppId]);
  expect(await pending()).toBe(0);
  expect(await stats()).toMatchObject({ issued: 9, called: 4, noShow: 4 });
});
