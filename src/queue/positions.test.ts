import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fakeClock, type TestApp } from '../../test/support/app.js';
import { issue, post, seedQueueWorld, type QueueWorld } from './fixtures.test-helpers.js';
import { issueTicket } from './service.js';

// The promise a waiting ticket gets (people ahead, estimated wait) is checked against the order the
// real call-next then produces. Each counter serves every person in exactly the MPP's default
// service minutes, which is also the cycle the estimate assumes while no history exists, so the
// promised wait must come true to the minute and the promised place exactly.
const clock = fakeClock('2026-11-23T02:00:00Z');
const CYCLE_MS = 6 * 60_000;
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

interface Promise_ {
  id: string;
  number: string;
  service: { id: string };
  peopleAhead: number;
  estimatedWaitMinutes: number | null;
  estimatedWaitRange: { lowMinutes: number; highMinutes: number } | null;
  noCounter: 'paused' | 'closed' | null;
}

async function statusOf(w: QueueWorld, token: string): Promise<Promise_> {
  const r = await t.app.inject({ method: 'GET', url: `/api/queue/status/${token}` });
  expect(r.statusCode).toBe(200);
  return r.json();
}

/** Drives the open counters as the estimate assumes: each calls when free, serves for CYCLE_MS. */
async function drain(w: QueueWorld, counters: { id: string; number: number }[], start: number) {
  const calls: { ticketId: string; number: string; counterId: string; at: number }[] = [];
  const state = counters.map((c) => ({ ...c, freeAt: start, current: null as string | null, done: false }));
  for (;;) {
    const next = state.filter((s) => !s.done).sort((a, b) => a.freeAt - b.freeAt || a.number - b.number)[0];
    if (!next) break;
    clock.set(new Date(next.freeAt));
    const officer = next.id === w.counters.c3 ? w.samsatOfficer : w.officer;
    if (next.current) {
      expect((await post(t, officer, `/api/mpps/${w.mppId}/queue/tickets/${next.current}/start`)).statusCode).toBe(200);
      expect((await post(t, officer, `/api/mpps/${w.mppId}/queue/tickets/${next.current}/finish`)).statusCode).toBe(200);
      next.current = null;
    }
    const r = await post(t, officer, `/api/mpps/${w.mppId}/queue/counters/${next.id}/call-next`);
    expect(r.statusCode).toBe(200);
    const tk = r.json().ticket;
    if (!tk) {
      next.done = true;
      continue;
    }
    calls.push({ ticketId: tk.id, number: tk.number, counterId: next.id, at: next.freeAt });
    next.current = tk.id;
    next.freeAt += CYCLE_MS;
  }
  return calls;
}

describe('queue positions', () => {
  it('promise people ahead and a wait that the calls across services, weights, classes, bookings and transfers then keep', async () => {
    const w = await seedQueueWorld(t);
    const { mppId } = w;
    const url = (p: string) => `/api/mpps/${mppId}/queue${p}`;
    // Counter 1 serves KTP (weight 1) and KK (weight 3); counter 2 serves KTP only.
    await t.app.inject({ method: 'PUT', url: url(`/counters/${w.counters.c1}/setup`), headers: w.admin.headers, payload: { services: [{ serviceId: w.services.ktp, weight: 1 }, { serviceId: w.services.kk, weight: 3 }] } });
    const classes = (await t.app.inject({ method: 'GET', url: url('/priority-classes'), headers: w.admin.headers })).json();
    const lansia = classes.find((c: { code: string }) => c.code === 'lansia').id;

    const tokens: string[] = [];
    const take = async (serviceId: string, extra: Record<string, unknown> = {}) => {
      const r = await issue(t, w, serviceId, extra);
      expect(r.statusCode).toBe(201);
      tokens.push(r.json().statusToken);
      return r.json();
    };
    clock.set('2026-11-23T02:00:00Z');
    for (let i = 0; i < 4; i++) {
      await take(w.services.ktp);
      clock.advance(60_000);
      await take(w.services.kk);
      clock.advance(45_000);
    }
    await take(w.services.ktp, { priorityClassId: lansia });
    clock.advance(30_000);
    await take(w.services.stnk); // its only counter (3) stays closed for now
    await take(w.services.stnk, { priorityClassId: lansia });
    // A booking checked in early: ranks from its slot start, 10 minutes from now.
    const booked = await issueTicket(t.db, mppId, 'reception', { serviceId: w.services.ktp }, {
      at: clock.now(),
      actor: { type: 'system', id: null, label: 'test', requestId: null },
      bookedFor: new Date(clock.now().getTime() + 10 * 60_000),
    });
    tokens.push(booked.statusToken);
    // A ticket called at counter 1 and sent to counter 2: counter 2 takes it before anything else.
    await post(t, w.officer, url(`/counters/${w.counters.c1}/open`));
    const first = (await post(t, w.officer, url(`/counters/${w.counters.c1}/call-next`))).json().ticket;
    expect((await post(t, w.officer, url(`/tickets/${first.id}/transfer`), { counterId: w.counters.c2 })).statusCode).toBe(200);
    await post(t, w.officer, url(`/counters/${w.counters.c2}/open`));

    clock.advance(20_000);
    const start = clock.now().getTime();
    const promised = new Map<string, Promise_>();
    for (const tok of tokens) {
      const s = await statusOf(w, tok);
      if (s.peopleAhead !== null) promised.set(s.id, s);
    }
    expect(promised.size).toBe(tokens.length);

    const calls = await drain(w, [{ id: w.counters.c1, number: 1 }, { id: w.counters.c2, number: 2 }], start);
    const servedBy: Record<string, string[]> = { [w.services.ktp]: [w.counters.c1, w.counters.c2], [w.services.kk]: [w.counters.c1] };
    const ktpKk = [...promised.values()].filter((p) => p.service.id !== w.services.stnk);
    expect(calls.map((c) => c.ticketId).sort()).toEqual(ktpKk.map((p) => p.id).sort());
    for (const p of ktpKk) {
      const i = calls.findIndex((c) => c.ticketId === p.id);
      const counters = p.id === first.id ? [w.counters.c2] : servedBy[p.service.id]!;
      const before = calls.slice(0, i).filter((c) => counters.includes(c.counterId)).length;
      const waitedMinutes = Math.round((calls[i]!.at - start) / 60_000);
      expect({ number: p.number, ahead: p.peopleAhead, wait: p.estimatedWaitMinutes, noCounter: p.noCounter }).toEqual({ number: p.number, ahead: before, wait: waitedMinutes, noCounter: null });
      expect(p.estimatedWaitRange!.lowMinutes).toBeLessThanOrEqual(waitedMinutes);
      expect(p.estimatedWaitRange!.highMinutes).toBeGreaterThanOrEqual(waitedMinutes);
    }
    // The order was not simply per service: a KK ticket (weight 3 at counter 1) overtook an older KTP
    // one, and the lansia (30 minutes of credit) went first; the transfer made counter 2 take it next.
    const order = calls.map((c) => c.number);
    expect(order.indexOf('B-004')).toBeLessThan(order.indexOf('A-003'));
    expect(first.number).toBe('A-005');
    expect(calls.find((c) => c.counterId === w.counters.c2)!.ticketId).toBe(first.id);

    // The STNK tickets promised no time (their counter was closed), and their place in its order.
    const stnk = [...promised.values()].filter((p) => p.service.id === w.services.stnk);
    expect(stnk.map((p) => [p.noCounter, p.estimatedWaitMinutes, p.estimatedWaitRange])).toEqual([['closed', null, null], ['closed', null, null]]);
    await post(t, w.samsatOfficer, url(`/counters/${w.counters.c3}/open`));
    const stnkCalls = await drain(w, [{ id: w.counters.c3, number: 3 }], clock.now().getTime());
    for (const p of stnk) expect(stnkCalls.findIndex((c) => c.ticketId === p.id)).toBe(p.peopleAhead);
  });

  it('says the counters are paused instead of giving a time, and gives it again when one opens', async () => {
    const w = await seedQueueWorld(t);
    const url = (p: string) => `/api/mpps/${w.mppId}/queue${p}`;
    const a = (await issue(t, w, w.services.kk)).json();
    expect(a).toMatchObject({ peopleAhead: 0, estimatedWaitMinutes: null, noCounter: 'closed' });
    await post(t, w.officer, url(`/counters/${w.counters.c1}/open`));
    await post(t, w.officer, url(`/counters/${w.counters.c1}/pause`), { reason: 'Istirahat salat' });
    expect(await statusOf(w, a.statusToken)).toMatchObject({ peopleAhead: 0, estimatedWaitMinutes: null, noCounter: 'paused' });
    await post(t, w.officer, url(`/counters/${w.counters.c1}/open`));
    expect(await statusOf(w, a.statusToken)).toMatchObject({ peopleAhead: 0, estimatedWaitMinutes: 0, noCounter: null });
  });
});
