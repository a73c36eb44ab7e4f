import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, deviceCaller, type TestApp } from '../../test/support/app.js';
import { readSse, until } from '../../test/support/sse.js';
import { insertService, issue, post, seedQueueWorld, type QueueWorld } from './fixtures.test-helpers.js';

let t: TestApp;
let w: QueueWorld;
let base: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await seedQueueWorld(t);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = t.app.server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  await post(t, w.officer, `/api/mpps/${w.mppId}/queue/counters/${w.counters.c1}/open`);
});
afterAll(() => t.close());

/** The stream of `path` on this test's server, read as the board page reads it. */
const subscribe = (path: string, headers: Record<string, string>) => readSse(base + path, headers);

async function callAndFinish() {
  const tk = (await post(t, w.officer, `/api/mpps/${w.mppId}/queue/counters/${w.counters.c1}/call-next`)).json().ticket;
  await post(t, w.officer, `/api/mpps/${w.mppId}/queue/tickets/${tk.id}/start`);
  await post(t, w.officer, `/api/mpps/${w.mppId}/queue/tickets/${tk.id}/finish`);
  return tk;
}

describe('display board feed', () => {
  it('pushes calls with event ids and the sentence to speak', async () => {
    const snap = await t.app.inject({ method: 'GET', url: `/api/mpps/${w.mppId}/queue/display`, headers: w.display.headers });
    expect(snap.statusCode).toBe(200);
    const feed = subscribe(`/api/mpps/${w.mppId}/queue/display/events?after=${snap.json().lastSeq}`, w.display.headers);
    expect(await feed.ready).toBe(200);
    await until(() => feed.messages.some((m) => m.event === 'counts'));
    await issue(t, w, w.services.kk);
    const tk = await callAndFinish();
    await until(() => feed.messages.some((m) => m.event === 'done'));
    const call = feed.messages.find((m) => m.event === 'call')!;
    expect(call.data.payload).toMatchObject({ number: tk.number, counterNumber: 1, counterName: 'Loket 1' });
    expect(call.data.payload.speech).toMatch(/^Nomor antrean B [a-z ]+, silakan menuju loket satu\.$/);
    expect(feed.messages.filter((m) => m.id).map((m) => m.event)).toEqual(['call', 'serving', 'done']);
    const ids = feed.messages.filter((m) => m.id).map((m) => Number(m.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    feed.close();
  });

  it('replays what a reconnecting board missed, from Last-Event-ID, without loss or repeats', async () => {
    const first = subscribe(`/api/mpps/${w.mppId}/queue/display/events`, w.display.headers);
    await first.ready;
    await issue(t, w, w.services.kk);
    await callAndFinish();
    await until(() => first.messages.filter((m) => m.id).length === 3);
    const lastId = first.messages.filter((m) => m.id).at(-1)!.id!;
    first.close();
    // While the board is away: two more calls.
    await issue(t, w, w.services.kk);
    await issue(t, w, w.services.kk);
    const missedA = await callAndFinish();
    const missedB = await callAndFinish();
    const again = subscribe(`/api/mpps/${w.mppId}/queue/display/events`, { ...w.display.headers, 'last-event-id': lastId });
    await again.ready;
    await until(() => again.messages.filter((m) => m.id).length >= 6);
    const replayed = again.messages.filter((m) => m.id);
    expect(replayed.map((m) => Number(m.id))).toEqual(Array.from({ length: 6 }, (_, i) => Number(lastId) + 1 + i));
    expect(replayed.filter((m) => m.event === 'call').map((m) => m.data.payload.number)).toEqual([missedA.number, missedB.number]);
    again.close();
  });

  it('lets a display token read only its own MPP; kiosks and outsiders are refused', async () => {
    const other = await seedQueueWorld(t);
    const foreign = subscribe(`/api/mpps/${w.mppId}/queue/display/events`, other.display.headers);
    expect(await foreign.ready).toBe(404);
    const kiosk = subscribe(`/api/mpps/${w.mppId}/queue/display/events`, w.kiosk.headers);
    expect(await kiosk.ready).toBe(403);
    const anon = subscribe(`/api/mpps/${w.mppId}/queue/display/events`, {});
    expect(await anon.ready).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: `/api/mpps/${w.mppId}/queue/display`, headers: other.display.headers })).statusCode).toBe(404);
    const own = await deviceCaller(t, w.admin, w.mppId, 'display');
    expect((await t.app.inject({ method: 'GET', url: `/api/mpps/${w.mppId}/queue/display`, headers: own.headers })).statusCode).toBe(200);
  });

  it('lists only services with people waiting', async () => {
    const m = await seedQueueWorld(t);
    const board = async () => (await t.app.inject({ method: 'GET', url: `/api/mpps/${m.mppId}/queue/display`, headers: m.display.headers })).json().waiting;
    expect(await board()).toEqual([]);
    await issue(t, m, m.services.kk);
    await issue(t, m, m.services.kk);
    expect(await board()).toEqual([{ serviceId: m.services.kk, name: 'Kartu Keluarga', prefix: 'B', waiting: 2 }]);
  });

  it('keeps catalog text as data: a service named <script> arrives verbatim', async () => {
    const evil = await insertService(t.db, w.mppId, w.tenantId, 'EVIL', '<script>alert(1)</script>', 'X');
    await t.db.query('INSERT INTO counter_services (mpp_id, counter_id, service_id) VALUES ($1, $2, $3)', [w.mppId, w.counters.c1, evil]);
    expect((await issue(t, w, evil)).statusCode).toBe(201); // the board lists only services with people waiting
    const snap = (await t.app.inject({ method: 'GET', url: `/api/mpps/${w.mppId}/queue/display`, headers: w.display.headers })).json();
    expect(snap.waiting.map((s: { name: string }) => s.name)).toContain('<script>alert(1)</script>');
  });
});

describe('ticket status feed', () => {
  it('sends the status on connect and again when the ticket is called', async () => {
    const tk = (await issue(t, w, w.services.kk)).json();
    const feed = subscribe(`/api/queue/status/${tk.statusToken}/events`, {});
    expect(await feed.ready).toBe(200);
    await until(() => feed.messages.length > 0);
    expect(feed.messages[0]!.data).toMatchObject({ number: tk.number, status: 'waiting' });
    for (;;) {
      const c = (await post(t, w.officer, `/api/mpps/${w.mppId}/queue/counters/${w.counters.c1}/call-next`)).json().ticket;
      if (c.id === tk.id) break;
      await post(t, w.officer, `/api/mpps/${w.mppId}/queue/tickets/${c.id}/no-show`);
    }
    await until(() => feed.messages.some((m) => m.data.status === 'called'));
    expect(feed.messages.at(-1)!.data.counter).toMatchObject({ number: 1 });
    feed.close();
  });
});
