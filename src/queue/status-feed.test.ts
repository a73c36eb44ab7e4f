import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../platform/db.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { issue, post, seedQueueWorld, type QueueWorld } from './fixtures.test-helpers.js';
import type { TicketView } from './schemas.js';
import { StatusBroadcaster } from './status-feed.js';

/** The app's database, counting the statements sent through it. */
function counting(db: Db): { db: Db; count: () => number } {
  let n = 0;
  return {
    db: { ...db, query: (sql, params) => (n++, db.query(sql, params)) },
    count: () => n,
  };
}

// Issue 17: 20,000 phones following their tickets must cost the database what 20 cost.
describe('live ticket status: one computation per change, whatever the number of followers', () => {
  let t: TestApp;
  let w: QueueWorld;
  const tokens: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    w = await seedQueueWorld(t);
    for (let i = 0; i < 30; i++) tokens.push((await issue(t, w, w.services.ktp)).json().statusToken as string);
  });
  afterAll(() => t.close());

  it('sends the same number of queries for 2 followers as for 90, and each follower gets its own ticket', async () => {
    const c = counting(t.db);
    const hub = { subscribe: async () => () => undefined };
    const status = new StatusBroadcaster(c.db, hub, t.ctx.clock);
    const seen = new Map<string, TicketView[]>();
    const follow = (token: string) =>
      status.follow(w.mppId, token, (v) => {
        const list = seen.get(token) ?? [];
        list.push(v);
        seen.set(token, list);
      });

    await follow(tokens[0]!);
    await follow(tokens[1]!);
    let before = c.count();
    await status.refresh(w.mppId);
    const withTwo = c.count() - before;
    expect(withTwo).toBeGreaterThan(0);
    expect(seen.get(tokens[1]!)!.at(-1)).toMatchObject({ status: 'waiting', peopleAhead: 1, statusToken: tokens[1] });

    // 28 more tickets followed, and three phones on each ticket.
    for (const token of tokens) for (let i = 0; i < 3; i++) await follow(token);
    expect(status.followerCount()).toBe(2 + 90);
    // A change: the first ticket is called.
    const counter = w.counters.c1;
    expect((await post(t, w.officer, `/api/mpps/${w.mppId}/queue/counters/${counter}/open`)).statusCode).toBe(200);
    expect((await post(t, w.officer, `/api/mpps/${w.mppId}/queue/counters/${counter}/call-next`)).statusCode).toBe(200);
    before = c.count();
    await status.refresh(w.mppId);
    expect(c.count() - before).toBe(withTwo);

    expect(seen.get(tokens[0]!)!.at(-1)).toMatchObject({ status: 'called', peopleAhead: null, counter: { id: counter } });
    tokens.slice(1).forEach((token, i) => {
      // Every phone of the ticket got its view once; the line moved up by one.
      const views = seen.get(token)!;
      expect(views.at(-1)).toMatchObject({ statusToken: token, status: 'waiting', peopleAhead: i });
    });
  });

  it('folds a burst of changes into at most two runs, and every phone ends with the latest state', async () => {
    const c = counting(t.db);
    const hub = { subscribe: async () => () => undefined };
    const status = new StatusBroadcaster(c.db, hub, t.ctx.clock);
    const frames: Buffer[] = [];
    let views = 0;
    await status.follow(w.mppId, tokens[5]!, (_v, frame) => (views++, frames.push(frame)));

    let before = c.count();
    await status.refresh(w.mppId);
    const perRun = c.count() - before;
    expect(views).toBe(1);

    // A ticket ahead is cancelled; ten changes while a run is under way or inside its window: one more run covers them all.
    expect((await t.app.inject({ method: 'POST', url: `/api/queue/status/${tokens[2]}/cancel` })).statusCode).toBe(200);
    before = c.count();
    const burst = [status.refresh(w.mppId)];
    await new Promise((resolve) => setImmediate(resolve));
    for (let i = 0; i < 9; i++) burst.push(status.refresh(w.mppId));
    await Promise.all(burst);
    expect(c.count() - before).toBeLessThanOrEqual(2 * perRun);
    expect(views).toBeLessThanOrEqual(3);
    // The frame is the SSE event of the ticket's latest view, serialised once.
    const last = frames.at(-1)!.toString('utf8');
    expect(last.startsWith('event: status\ndata: ')).toBe(true);
    const view = JSON.parse(last.slice('event: status\ndata: '.length)) as TicketView;
    expect(view).toMatchObject({ statusToken: tokens[5], status: 'waiting' });
    expect(view.peopleAhead).toBe((await t.app.inject({ url: `/api/queue/status/${tokens[5]}` })).json().peopleAhead);
  });
});
