import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fakeClock, staffCaller, type Caller, type TestApp } from '../../test/support/app.js';
import { until } from '../../test/support/sse.js';
import { startBoardSweep } from './board-publisher.js';
import { appendDisplayEvent, lastDisplaySeq, listDisplayEventsAfter } from './display-repository.js';
import { insertCounter, insertService, issue, post, seedQueueWorld, type QueueWorld } from './fixtures.test-helpers.js';

const clock = fakeClock('2026-11-23T02:00:00Z');
let t: TestApp;
let w: QueueWorld;
const q = (path: string) => `/api/mpps/${w.mppId}/queue${path}`;

beforeAll(async () => {
  t = await createTestApp({ clock });
  w = await seedQueueWorld(t);
});
afterAll(() => t.close());

async function openCounter(caller: Caller, counterId: string, world = w) {
  const r = await post(t, caller, `/api/mpps/${world.mppId}/queue/counters/${counterId}/open`);
  expect(r.statusCode).toBe(200);
}
describe('counters', () => {
  it('opens, pauses with a reason and closes; only officers of its agency may staff it', async () => {
    const m = await seedQueueWorld(t);
    const url = (a: string) => `/api/mpps/${m.mppId}/queue/counters/${m.counters.c1}/${a}`;
    expect((await post(t, m.samsatOfficer, url('open'))).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: url('open') })).statusCode).toBe(401);
    expect((await post(t, m.officer, url('open'))).json()).toMatchObject({ status: 'open', officerName: 'Test officer' });
    const noReason = await post(t, m.officer, url('pause'), { reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect((await post(t, m.officer, url('pause'), { reason: 'Istirahat salat' })).json()).toMatchObject({ status: 'paused', pauseReason: 'Istirahat salat' });
    const call = await post(t, m.officer, url('call-next'));
    expect(call.statusCode).toBe(409);
    expect(call.json()).toMatchObject({ code: 'invalid_transition', from: 'paused', allowed: ['open', 'close'] });
    expect((await post(t, m.officer, url('close'))).json().status).toBe('closed');
    const list = await t.app.inject({ method: 'GET', url: `/api/mpps/${m.mppId}/queue/counters`, headers: m.samsatOfficer.headers });
    expect(list.json().map((c: { number: number }) => c.number)).toEqual([3]);
  });
});

describe('call next', () => {
  it('puts a priority class ahead by its weight in minutes, and otherwise the longest wait first', async () => {
    const m = await seedQueueWorld(t);
    const lansia = (await t.app.inject({ method: 'GET', url: `/api/mpps/${m.mppId}/queue/priority-classes`, headers: m.admin.headers })).json().find((c: { code: string }) => c.code === 'lansia');
    expect(lansia.weight).toBe(30);
    const a1 = (await issue(t, m, m.services.ktp)).json();
    clock.advance(10 * 60_000);
    const a2 = (await issue(t, m, m.services.ktp)).json();
    clock.advance(60_000);
    const old = (await issue(t, m, m.services.ktp, { priorityClassId: lansia.id })).json();
    expect(old.priorityClass).toBe('Lansia (60 tahun ke atas)');
    expect(old.peopleAhead).toBe(0);
    await openCounter(m.officer, m.counters.c2, m);
    const order: string[] = [];
    for (let i = 0; i < 3; i++) {
      const tk = (await post(t, m.officer, `/api/mpps/${m.mppId}/queue/counters/${m.counters.c2}/call-next`)).json().ticket;
      order.push(tk.number);
      await post(t, m.officer, `/api/mpps/${m.mppId}/queue/tickets/${tk.id}/no-show`);
    }
    expect(order).toEqual([old.number, a1.number, a2.number]);
    expect((await post(t, m.officer, `/api/mpps/${m.mppId}/queue/counters/${m.counters.c2}/call-next`)).json()).toEqual({ ticket: null });
  });

  it('weighs services at a counter: weight 3 makes a newer ticket of that service win', async () => {
    const m = await seedQueueWorld(t);
    await t.app.inject({ method: 'PUT', url: `/api/mpps/${m.mppId}/queue/counters/${m.counters.c1}/setup`, headers: m.admin.headers, payload: { services: [{ serviceId: m.services.ktp, weight: 1 }, { serviceId: m.services.kk, weight: 3 }] } });
    const a = (await issue(t, m, m.services.ktp)).json();
    clock.advance(5 * 60_000);
    const b = (await issue(t, m, m.services.kk)).json();
    clock.advance(5 * 60_000); // a waited 10 min x 1 = 10; b waited 5 min x 3 = 15
    await openCounter(m.officer, m.counters.c1, m);
    const first = (await post(t, m.officer, `/api/mpps/${m.mppId}/queue/counters/${m.counters.c1}/call-next`)).json().ticket;
    expect(first.number).toBe(b.number);
    expect(a.number).toBe('A-001');
  });

  it('refuses a second call while the counter still has a ticket', async () => {
    const m = await seedQueueWorld(t);
    await issue(t, m, m.services.ktp);
    await issue(t, m, m.services.ktp);
    await openCounter(m.officer, m.counters.c2, m);
    await post(t, m.officer, `/api/mpps/${m.mppId}/queue/counters/${m.counters.c2}/call-next`);
    const again = await post(t, m.officer, `/api/mpps/${m.mppId}/queue/counters/${m.counters.c2}/call-next`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'counter_busy', number: 'A-001' });
  });

  it('never gives one ticket to two counters calling at the same time', async () => {
    const m = await seedQueueWorld(t);
    const svc = await insertService(t.db, m.mppId, m.tenantId, 'RACE', 'Balapan', 'R');
    const counterIds = await Promise.all(Array.from({ length: 10 }, (_, i) => insertCounter(t.db, m.mppId, m.tenantId, 10 + i, [svc])));
    for (const c of counterIds) await openCounter(m.officer, c, m);
    await Promise.all(Array.from({ length: 60 }, () => issue(t, m, svc)));
    const called: string[] = [];
    // What a board hears: every board event of the MPP, in the order the notifications arrive.
    const heard: { seq: number; type: string; ticketId: string }[] = [];
    const unlisten = await t.db.listen('queue_display', (p) => {
      const e = JSON.parse(p) as { mppId: string; seq: number; type: string; payload: { ticketId: string } };
      if (e.mppId === m.mppId) heard.push({ seq: Number(e.seq), type: e.type, ticketId: e.payload.ticketId });
    });
    const officers = await Promise.all(counterIds.map(() => staffCaller(t, 'officer', { mppId: m.mppId, tenantId: m.tenantId })));
    await Promise.all(
      counterIds.map(async (c, i) => {
        for (;;) {
          const r = await post(t, officers[i]!, `/api/mpps/${m.mppId}/queue/counters/${c}/call-next`);
          expect(r.statusCode).toBe(200);
          const tk = r.json().ticket;
          if (!tk) return;
          called.push(tk.id);
          expect((await post(t, officers[i]!, `/api/mpps/${m.mppId}/queue/tickets/${tk.id}/start`)).statusCode).toBe(200);
          expect((await post(t, officers[i]!, `/api/mpps/${m.mppId}/queue/tickets/${tk.id}/finish`)).statusCode).toBe(200);
        }
      }),
    );
    expect(called).toHaveLength(60);
    expect(new Set(called).size).toBe(60);
    const { rows } = await t.db.query<{ n: number }>("SELECT count(*) AS n FROM ticket_events WHERE mpp_id = $1 AND type = 'called'", [m.mppId]);
    expect(Number(rows[0]!.n)).toBe(60);
    // Boards: 180 events (call, serving, done per ticket) numbered 1..180 without a gap, each ticket's in
    // the order they happened, and heard live in number order (numbers are given after the commits).
    const stored = await t.db.query<{ seq: string; type: string; ticket_id: string }>(
      "SELECT seq, type, payload->>'ticketId' AS ticket_id FROM display_events WHERE mpp_id = $1 ORDER BY seq",
      [m.mppId],
    );
    expect(stored.rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));
    for (const id of called) expect(stored.rows.filter((r) => r.ticket_id === id).map((r) => r.type)).toEqual(['call', 'serving', 'done']);
    expect((await t.db.query('SELECT 1 FROM display_pending WHERE mpp_id = $1', [m.mppId])).rows).toHaveLength(0);
    await until(() => heard.length >= 180, 30_000, 'every board event heard');
    await unlisten();
    expect(heard.map((e) => e.seq)).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));
    expect(heard.map((e) => `${e.type} ${e.ticketId}`)).toEqual(stored.rows.map((r) => `${r.type} ${r.ticket_id}`));
  });

  it('publishes a board event a stopped node left pending (committed, never numbered) on the next sweep', async () => {
    const m = await seedQueueWorld(t);
    const before = await lastDisplaySeq(t.db, m.mppId);
    await t.db.transaction((tx) =>
      appendDisplayEvent(tx, {
        mppId: m.mppId,
        zone: null,
        type: 'call',
        at: new Date(),
        payload: { ticketId: '00000000-0000-0000-0000-000000000001', number: 'A-001', serviceId: m.services.ktp, serviceName: 'Perekaman KTP-el', counterId: null, counterNumber: null, counterName: null, speech: null },
      }),
    );
    expect(await lastDisplaySeq(t.db, m.mppId)).toBe(before);
    const errors: unknown[] = [];
    const stop = startBoardSweep(t.db, (err) => errors.push(err), 50);
    try {
      await until(async () => (await lastDisplaySeq(t.db, m.mppId)) === before + 1, 30_000, 'the pending event published');
    } finally {
      stop();
    }
    const [ev] = await listDisplayEventsAfter(t.db, m.mppId, before, { zone: null, lane: false });
    expect(ev).toMatchObject({ seq: before + 1, type: 'call', payload: { number: 'A-001' } });
    expect(errors).toEqual([]);
  });
});

describe('ticket transitions', () => {
  it('runs call, recall (limited), start, finish with event rows, times and a ticket.served event', async () => {
    const tk = (await issue(t, w, w.services.kk)).json();
    await openCounter(w.officer, w.counters.c1);
    await drainUntil(tk.id);
    clock.advance(30_000);
    for (let i = 0; i < 3; i++) expect((await post(t, w.officer, q(`/tickets/${tk.id}/recall`))).statusCode).toBe(200);
    const fourth = await post(t, w.officer, q(`/tickets/${tk.id}/recall`));
    expect(fourth.json().code).toBe('recall_limit');
    clock.advance(30_000);
    await post(t, w.officer, q(`/tickets/${tk.id}/start`));
    clock.advance(4 * 60_000);
    const done = (await post(t, w.officer, q(`/tickets/${tk.id}/finish`))).json();
    expect(done.status).toBe('served');
    expect(done.events.map((e: { type: string }) => e.type)).toEqual(['issued', 'called', 'recalled', 'recalled', 'recalled', 'serving', 'served']);
    expect(done.times.serviceSeconds).toBe(240);
    expect(done.times.totalSeconds).toBeGreaterThanOrEqual(300);
    expect(done.allowedActions).toEqual([]);
    const finishAgain = await post(t, w.officer, q(`/tickets/${tk.id}/finish`));
    expect(finishAgain.statusCode).toBe(409);
    expect(finishAgain.json()).toMatchObject({ code: 'invalid_transition', action: 'finish', from: 'served' });
    const { rows } = await t.db.query<{ payload: any }>("SELECT payload FROM outbox WHERE topic = 'ticket.served' AND payload->>'ticketId' = $1", [tk.id]);
    expect(rows[0]!.payload).toMatchObject({ mppId: w.mppId, ticketId: tk.id, serviceId: w.services.kk, tenantId: w.tenantId });
    const status = (await t.app.inject({ method: 'GET', url: `/api/queue/status/${tk.statusToken}` })).json();
    expect(status.status).toBe('served');
  });

  it('answers a start from waiting with 409 naming the allowed actions', async () => {
    const tk = (await issue(t, w, w.services.kk)).json();
    const r = await post(t, w.officer, q(`/tickets/${tk.id}/start`));
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ code: 'invalid_transition', from: 'waiting', allowed: ['call', 'transfer', 'cancel'] });
    expect(r.json().title).toContain('Yang diperbolehkan: call, transfer, cancel');
    await post(t, w.officer, q(`/tickets/${tk.id}/cancel`));
  });

  it('transfers to another agency\'s service keeping the visit and history; that agency calls it', async () => {
    const tk = (await issue(t, w, w.services.ktp)).json();
    await drainUntil(tk.id);
    await post(t, w.officer, q(`/tickets/${tk.id}/start`));
    const moved = await post(t, w.officer, q(`/tickets/${tk.id}/transfer`), { serviceId: w.services.stnk, note: 'Lanjut pengesahan STNK' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ status: 'waiting', serviceName: 'Pengesahan STNK', number: tk.number, counter: null });
    const transferred = moved.json().events.at(-1);
    expect(transferred).toMatchObject({ type: 'transferred', serviceId: w.services.stnk, fromServiceId: w.services.ktp, note: 'Lanjut pengesahan STNK' });
    await openCounter(w.samsatOfficer, w.counters.c3);
    const called = (await post(t, w.samsatOfficer, q(`/counters/${w.counters.c3}/call-next`))).json().ticket;
    expect(called.id).toBe(tk.id);
    const status = (await t.app.inject({ method: 'GET', url: `/api/queue/status/${tk.statusToken}` })).json();
    expect(status.visitToken).toBe(tk.visitToken);
    await post(t, w.samsatOfficer, q(`/tickets/${tk.id}/no-show`));
  });

  it('refuses to jump a ticket into another agency: no counter pin there, and not before it was called here', async () => {
    const samsatWaiting = (await issue(t, w, w.services.stnk)).json();
    const mine = (await post(t, w.officer, q('/tickets'), { serviceId: w.services.ktp })).json();
    const pinned = await post(t, w.officer, q(`/tickets/${mine.id}/transfer`), { counterId: w.counters.c3 });
    expect(pinned.statusCode).toBe(409);
    expect(pinned.json().code).toBe('transfer_foreign_counter');
    const unseen = await post(t, w.officer, q(`/tickets/${mine.id}/transfer`), { serviceId: w.services.stnk });
    expect(unseen.json().code).toBe('transfer_not_seen');
    // Samsat's counter (opened by the test before) still calls its own first ticket.
    const called = (await post(t, w.samsatOfficer, q(`/counters/${w.counters.c3}/call-next`))).json().ticket;
    expect(called.id).toBe(samsatWaiting.id);
    await post(t, w.samsatOfficer, q(`/tickets/${called.id}/no-show`));
    await post(t, w.officer, q(`/tickets/${mine.id}/cancel`));
  });

  it('transfers to a given counter, which gets it before its own line', async () => {
    const other = (await issue(t, w, w.services.ktp)).json();
    clock.advance(60_000);
    const tk = (await issue(t, w, w.services.kk)).json();
    await drainCurrent();
    await post(t, w.officer, q(`/counters/${w.counters.c1}/call`), { ticketId: tk.id, reason: 'Perlu verifikasi di loket 2' });
    await post(t, w.officer, q(`/tickets/${tk.id}/transfer`), { counterId: w.counters.c2, note: 'Verifikasi' });
    await openCounter(w.officer2, w.counters.c2);
    const called = (await post(t, w.officer2, q(`/counters/${w.counters.c2}/call-next`))).json().ticket;
    expect(called.id).toBe(tk.id);
    await post(t, w.officer2, q(`/tickets/${tk.id}/no-show`));
    await post(t, w.officer, q(`/tickets/${other.id}/cancel`));
  });

  it('calls a given ticket out of order with the reason logged, only from the counter\'s line', async () => {
    const first = (await issue(t, w, w.services.kk)).json();
    const later = (await issue(t, w, w.services.kk)).json();
    const foreign = (await issue(t, w, w.services.stnk)).json();
    await drainCurrent();
    const noReason = await post(t, w.officer, q(`/counters/${w.counters.c1}/call`), { ticketId: later.id, reason: '' });
    expect(noReason.statusCode).toBe(400);
    const wrong = await post(t, w.officer, q(`/counters/${w.counters.c1}/call`), { ticketId: foreign.id, reason: 'coba' });
    expect(wrong.json().code).toBe('not_in_line');
    const r = await post(t, w.officer, q(`/counters/${w.counters.c1}/call`), { ticketId: later.id, reason: 'Kursi roda, tidak bisa menunggu' });
    expect(r.json().ticket).toMatchObject({ id: later.id, status: 'called' });
    expect(r.json().ticket.events.at(-1).note).toContain('Kursi roda');
    const audit = await t.db.query<{ after: any }>("SELECT after FROM audit_log WHERE action = 'queue.ticket_called_out_of_order' AND target_id = $1", [later.id]);
    expect(audit.rows[0]!.after.reason).toBe('Kursi roda, tidak bisa menunggu');
    await post(t, w.officer, q(`/tickets/${later.id}/no-show`));
    await post(t, w.officer, q(`/tickets/${first.id}/cancel`));
  });

  it('shows the console: current ticket, waiting line in call order, my counts today', async () => {
    await drainCurrent();
    const tk = (await issue(t, w, w.services.kk)).json();
    const view = await t.app.inject({ method: 'GET', url: q(`/counters/${w.counters.c1}/console`), headers: w.officer.headers });
    expect(view.statusCode).toBe(200);
    expect(view.json().timezone).toBe((await t.db.query<{ timezone: string }>('SELECT timezone FROM mpps WHERE id = $1', [w.mppId])).rows[0]!.timezone);
    expect(view.json().waiting.tickets.map((x: { id: string }) => x.id)).toContain(tk.id);
    expect(view.json().myCounts.served).toBeGreaterThanOrEqual(1);
    expect(view.json().myCounts.noShow).toBeGreaterThanOrEqual(1);
    expect((await t.app.inject({ method: 'GET', url: q(`/counters/${w.counters.c1}/console`), headers: w.samsatOfficer.headers })).statusCode).toBe(404);
  });
});

/** Calls at counter 1 until `id` is called; every other ticket met is marked no-show. */
async function drainUntil(id: string) {
  await drainCurrent();
  for (let i = 0; i < 200; i++) {
    const tk = (await post(t, w.officer, q(`/counters/${w.counters.c1}/call-next`))).json().ticket;
    if (!tk) throw new Error('ticket never called');
    if (tk.id === id) return;
    await post(t, w.officer, q(`/tickets/${tk.id}/no-show`));
  }
}
async function drainCurrent() {
  const view = (await t.app.inject({ method: 'GET', url: q(`/counters/${w.counters.c1}/console`), headers: w.officer.headers })).json();
  if (view.current) await post(t, w.officer, q(`/tickets/${view.current.id}/${view.current.status === 'serving' ? 'finish' : 'no-show'}`));
}

