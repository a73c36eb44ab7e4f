import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/platform/config.js';
import { postgresDb, type Db } from '../src/platform/db.js';
import type { App } from '../src/platform/http.js';
import { post, seedQueueWorld, type QueueWorld } from '../src/queue/fixtures.test-helpers.js';
import { createTestDb, type TestDb } from './support/db.js';
import { readSse, until } from './support/sse.js';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.js';
import type { TestApp } from './support/app.js';

// Needs a real PostgreSQL server (the CI's PostgreSQL step): PGlite has no connection to lose.
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: '/tmp/layan-unused', WEB_DIR: '/nonexistent', LOGIN_RATE_LIMIT: '10000' });

describe.skipIf(!onPostgres)('database faults (TCP proxy between app and PostgreSQL)', () => {
  let testDb: TestDb;
  let proxy: TcpProxy;
  let db: Db;
  let app: App;
  let other: TestApp;
  let w: QueueWorld;
  let base: string;

  beforeAll(async () => {
    testDb = await createTestDb();
    const url = new URL(testDb.url!);
    proxy = await startTcpProxy(Number(url.port || 5432), url.hostname);
    url.host = `127.0.0.1:${proxy.port}`;
    db = postgresDb(url.toString(), { poolSize: 5, connectTimeoutMs: 1000, listenCheckMs: 500 });
    ({ app } = await buildApp(db, config));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const addr = app.server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    // A second node on a direct connection: it keeps working while this node is cut off.
    const built = await buildApp(testDb.db, config);
    await built.app.ready();
    other = { app: built.app, ctx: built.ctx, db: testDb.db, testDb, close: async () => undefined };
    w = await seedQueueWorld(other);
    await post(other, w.officer, `/api/mpps/${w.mppId}/queue/counters/${w.counters.c1}/open`);
  });
  afterAll(async () => {
    await app?.close();
    await other?.app.close();
    await db?.close();
    await proxy?.close();
    await testDb?.drop();
  });

  it('answers 503 problem+json while cut off, loses no acknowledged ticket, and the board resumes with what it missed', async () => {
    const issueHere = () => app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/queue/tickets`, headers: w.kiosk.headers, payload: { serviceId: w.services.kk } });
    const board = readSse(`${base}/api/mpps/${w.mppId}/queue/display/events`, w.display.headers);
    expect(await board.ready).toBe(200);
    await until(() => board.messages.some((m) => m.event === 'counts'), 30_000, 'first counts');

    // Load: one kiosk issuing tickets through the proxied node without pause.
    const acknowledged: string[] = [];
    const refused: { status: number; type: string; code: string }[] = [];
    let loading = true;
    const load = (async () => {
      while (loading) {
        const res = await issueHere();
        if (res.statusCode === 201) acknowledged.push(res.json().id);
        else refused.push({ status: res.statusCode, type: String(res.headers['content-type']), code: res.json().code });
      }
    })();
    await until(() => acknowledged.length >= 5, 30_000, 'tickets before the cut');

    proxy.cut();
    const before = acknowledged.length;
    await until(() => refused.length >= 3, 30_000, 'refusals while cut off');
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    // Meanwhile the other node calls two tickets: this node's LISTEN misses their events.
    const missed: string[] = [];
    for (let i = 0; i < 2; i++) {
      const call = await post(other, w.officer, `/api/mpps/${w.mppId}/queue/counters/${w.counters.c1}/call-next`);
      expect(call.statusCode).toBe(200);
      missed.push(call.json().ticket.number);
      await post(other, w.officer, `/api/mpps/${w.mppId}/queue/tickets/${call.json().ticket.id}/start`);
      await post(other, w.officer, `/api/mpps/${w.mppId}/queue/tickets/${call.json().ticket.id}/finish`);
    }

    proxy.restore();
    const restoredAt = Date.now();
    await until(async () => (await app.inject({ method: 'GET', url: '/readyz' })).statusCode === 200, 30_000, 'ready again');
    await until(() => acknowledged.length >= before + 5, 30_000, 'tickets after the restore');
    // The board receives the calls it missed (replayed from the event log), without reconnecting.
    await until(() => missed.every((n) => board.messages.some((m) => m.event === 'call' && m.data.payload.number === n)), 30_000, 'missed calls replayed');
    const recoveredIn = Date.now() - restoredAt;
    // And live events flow again: a call made after the restore reaches it.
    const after = await post(other, w.officer, `/api/mpps/${w.mppId}/queue/counters/${w.counters.c1}/call-next`);
    await until(() => board.messages.some((m) => m.event === 'call' && m.data.payload.number === after.json().ticket.number), 30_000, 'a live call after the restore');
    await post(other, w.officer, `/api/mpps/${w.mppId}/queue/tickets/${after.json().ticket.id}/start`);
    await post(other, w.officer, `/api/mpps/${w.mppId}/queue/tickets/${after.json().ticket.id}/finish`);
    loading = false;
    await load;
    board.close();

    expect(board.ended).toBe(false);
    // Every refusal was a 503 problem+json naming the database, never a 500.
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) expect(r).toMatchObject({ status: 503, code: 'database_unavailable' });
    expect(refused.every((r) => r.type.startsWith('application/problem+json'))).toBe(true);
    // No acknowledged ticket was lost.
    const { rows } = await testDb.db.query<{ id: string }>('SELECT id FROM tickets WHERE mpp_id = $1 AND id = ANY($2::uuid[])', [w.mppId, acknowledged]);
    expect(rows.length).toBe(acknowledged.length);
    // Event ids on the board stay strictly increasing: nothing repeated.
    const ids = board.messages.filter((m) => m.id).map((m) => Number(m.id));
    expect(ids).toEqual([...new Set(ids)].sort((a, b) => a - b));
    // The design target is recovery within 10 s of the database returning; logged, not asserted (busy CI).
    console.info(`db-faults: recovered ${recoveredIn} ms after the restore`);
  });

  it('answers 503 quickly for a new board feed while cut off, and serves it once the database is back', async () => {
    proxy.cut();
    const res = await app.inject({ method: 'GET', url: `/api/mpps/${w.mppId}/queue/display/events`, headers: w.display.headers });
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['retry-after']).toBe('5');
    proxy.restore();
    const board = readSse(`${base}/api/mpps/${w.mppId}/queue/display/events`, w.display.headers);
    expect(await board.ready).toBe(200);
    await until(() => board.messages.some((m) => m.event === 'counts'), 30_000, 'counts');
    const call = await post(other, w.officer, `/api/mpps/${w.mppId}/queue/counters/${w.counters.c1}/call-next`);
    expect(call.statusCode).toBe(200);
    await until(() => board.messages.some((m) => m.event === 'call' && m.data.payload.number === call.json().ticket.number), 30_000, 'a live call');
    board.close();
  });
});
