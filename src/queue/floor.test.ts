import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fakeClock, staffCaller, type TestApp } from '../../test/support/app.js';
import { ticketServedHandler } from '../survey/queue-link.js';
import { codeForStatusToken } from '../survey/status-code.js';
import { insertCounter, issue, post, seedQueueWorld, type QueueWorld } from './fixtures.test-helpers.js';

// The floor at work (issue 12): true positions across services, pause reasons, the parking pool,
// no-show undo, reprint with the printed survey code, device heartbeats. Runs on PGlite and, with
// TEST_DATABASE_URL, on a PostgreSQL server (where the parking race is a real race).
const clock = fakeClock('2026-11-23T02:00:00Z');
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

const q = (w: QueueWorld, p: string) => `/api/mpps/${w.mppId}/queue${p}`;
const get = (caller: { headers: Record<string, string> }, url: string) => t.app.inject({ method: 'GET', url, headers: caller.headers });

async function open(w: QueueWorld, counterId: string, officer = w.officer) {
  expect((await post(t, officer, q(w, `/counters/${counterId}/open`))).statusCode).toBe(200);
}

describe('true positions', () => {
  it('counts the other services a shared counter calls first, promises no time while no counter is open, and the calls then keep the promise', async () => {
    clock.set('2026-11-23T02:00:00Z');
    const w = await seedQueueWorld(t);
    // Only counter 1 (KTP + KK) will open; counter 2 (KTP) stays closed.
    const kk1 = (await issue(t, w, w.services.kk)).json();
    clock.advance(60_000);
    const ktp = (await issue(t, w, w.services.ktp)).json();
    clock.advance(60_000);
    const kk2 = (await issue(t, w, w.services.kk)).json();
    // No counter open: a place in the order, but no wait promised.
    expect(ktp.noCounter).toBe('closed');
    expect(ktp.estimatedWaitMinutes).toBeNull();
    expect(ktp.peopleAhead).toBe(1); // the KK ticket issued before it, at the counter it shares

    await open(w, w.counters.c1);
    const shown = new Map<string, number>();
    for (const tk of [kk1, ktp, kk2]) {
      const s = (await t.app.inject({ method: 'GET', url: `/api/queue/status/${tk.statusToken}` })).json();
      expect(s.noCounter).toBeNull();
      expect(s.estimatedWaitMinutes).not.toBeNull();
      shown.set(tk.number, s.peopleAhead);
    }
    // The same-service count would have told KTP "0 ahead"; the truth is 1.
    expect(shown.get(ktp.number)).toBe(1);
    const calls: string[] = [];
    for (;;) {
      const r = (await post(t, w.officer, q(w, `/counters/${w.counters.c1}/call-next`))).json();
      if (!r.ticket) break;
      calls.push(r.ticket.number);
      await post(t, w.officer, q(w, `/tickets/${r.ticket.id}/start`));
      await post(t, w.officer, q(w, `/tickets/${r.ticket.id}/finish`));
      clock.advance(6 * 60_000);
    }
    for (const [number, ahead] of shown) expect(calls.indexOf(number)).toBe(ahead);
  });
});

describe('pause reasons', () => {
  it('an MPP keeps its list; the console pauses with one of them; unknown or retired reasons are refused in Indonesian', async () => {
    const w = await seedQueueWorld(t);
    const list = (await get(w.officer, q(w, '/pause-reasons'))).json();
    expect(list.map((r: { label: string }) => r.label)).toContain('Istirahat');
    expect((await post(t, w.officer, q(w, '/pause-reasons'), { label: 'Tidur' })).statusCode).toBe(403);
    const created = await post(t, w.admin, q(w, '/pause-reasons'), { label: 'Pelatihan' });
    expect(created.statusCode).toBe(201);
    expect((await post(t, w.admin, q(w, '/pause-reasons'), { label: 'Pelatihan' })).statusCode).toBe(409);

    await open(w, w.counters.c1);
    const paused = await post(t, w.officer, q(w, `/counters/${w.counters.c1}/pause`), { reasonId: created.json().id });
    expect(paused.statusCode).toBe(200);
    expect(paused.json()).toMatchObject({ status: 'paused', pauseReason: 'Pelatihan' });
    await open(w, w.counters.c1);

    const retired = await t.app.inject({ method: 'PATCH', url: q(w, `/pause-reasons/${created.json().id}`), headers: w.admin.headers, payload: { active: false } });
    expect(retired.json().active).toBe(false);
    const refused = await post(t, w.officer, q(w, `/counters/${w.counters.c1}/pause`), { reasonId: created.json().id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().detail ?? refused.json().title).toMatch(/Alasan jeda/);
    const empty = await post(t, w.officer, q(w, `/counters/${w.counters.c1}/pause`), {});
    expect(empty.statusCode).toBe(400);
    const view = (await get(w.officer, q(w, `/counters/${w.counters.c1}/console`))).json();
    expect(view.pauseReasons.map((r: { label: string }) => r.label)).not.toContain('Pelatihan');
    expect(view.maxRecalls).toBe(3);
  });
});

describe('parking pool', () => {
  it('parks the ticket at a counter, frees the counter, and another counter of the agency calls it back with the same number', async () => {
    const w = await seedQueueWorld(t);
    await open(w, w.counters.c1);
    await open(w, w.counters.c2, w.officer2);
    await open(w, w.counters.c3, w.samsatOfficer);
    const a = (await issue(t, w, w.services.ktp)).json();
    await issue(t, w, w.services.ktp);
    const called = (await post(t, w.officer, q(w, `/counters/${w.counters.c1}/call-next`))).json().ticket;
    expect(called.number).toBe(a.number);
    const parked = await post(t, w.officer, q(w, `/tickets/${a.id}/park`));
    expect(parked.statusCode).toBe(200);
    expect(parked.json().status).toBe('parked');
    // The counter is free: it calls the next person.
    expect((await post(t, w.officer, q(w, `/counters/${w.counters.c1}/call-next`))).json().ticket.number).not.toBe(a.number);
    // Counter 2 sees the pool and calls the parked ticket back; call-next never picks a parked ticket.
    const view2 = (await get(w.officer2, q(w, `/counters/${w.counters.c2}/console`))).json();
    expect(view2.parked).toEqual([expect.objectContaining({ id: a.id, number: a.number, parkedByCounter: 'Loket 1' })]);
    expect((await post(t, w.samsatOfficer, q(w, `/counters/${w.counters.c3}/unpark`), { ticketId: a.id })).statusCode).toBe(409);
    const back = await post(t, w.officer2, q(w, `/counters/${w.counters.c2}/unpark`), { ticketId: a.id });
    expect(back.statusCode).toBe(200);
    expect(back.json().ticket).toMatchObject({ number: a.number, status: 'called', counter: { id: w.counters.c2 } });
    const board = (await get(w.display, q(w, '/display'))).json();
    expect(board.recentCalls[0].payload).toMatchObject({ number: a.number, counterId: w.counters.c2 });
    const history = (await get(w.officer2, q(w, `/tickets/${a.id}`))).json().events.map((e: { type: string }) => e.type);
    expect(history).toEqual(['issued', 'called', 'parked', 'unparked']);
  });

  it('two counters calling back the same parked ticket at once: exactly one gets it', async () => {
    const w = await seedQueueWorld(t);
    const extra = await Promise.all([10, 11, 12, 13].map((n) => insertCounter(t.db, w.mppId, w.tenantId, n, [w.services.ktp])));
    const officers = await Promise.all(extra.map(() => staffCaller(t, 'officer', { mppId: w.mppId, tenantId: w.tenantId })));
    for (let i = 0; i < extra.length; i++) await open(w, extra[i]!, officers[i]!);
    await open(w, w.counters.c1);
    for (let round = 0; round < 3; round++) {
      const tk = (await issue(t, w, w.services.ktp)).json();
      expect((await post(t, w.officer, q(w, `/counters/${w.counters.c1}/call-next`))).json().ticket.id).toBe(tk.id);
      expect((await post(t, w.officer, q(w, `/tickets/${tk.id}/park`))).statusCode).toBe(200);
      const results = await Promise.all(extra.map((c, i) => post(t, officers[i]!, q(w, `/counters/${c}/unpark`), { ticketId: tk.id })));
      const codes = results.map((r) => r.statusCode).sort();
      expect(codes).toEqual([200, 409, 409, 409]);
      const winner = results.find((r) => r.statusCode === 200)!.json().ticket;
      for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json().code).toBe('parked_taken');
      const { rows } = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM ticket_events WHERE mpp_id = $1 AND ticket_id = $2 AND type = 'unparked'", [w.mppId, tk.id]);
      expect(rows[0]!.n).toBe(1);
      await post(t, officers[extra.indexOf(winner.counter.id)]!, q(w, `/tickets/${tk.id}/start`));
      await post(t, officers[extra.indexOf(winner.counter.id)]!, q(w, `/tickets/${tk.id}/finish`));
    }
  });
});

describe('no-show undo', () => {
  it('puts the ticket back within a minute (at the counter, or first in its line when the counter moved on) and refuses after', async () => {
    clock.set('2026-11-23T03:00:00Z');
    const w = await seedQueueWorld(t);
    await open(w, w.counters.c2, w.officer2);
    const a = (await issue(t, w, w.services.ktp)).json();
    const b = (await issue(t, w, w.services.ktp)).json();
    const c = (await issue(t, w, w.services.ktp)).json();
    await post(t, w.officer2, q(w, `/counters/${w.counters.c2}/call-next`));
    expect((await post(t, w.officer2, q(w, `/tickets/${a.id}/no-show`))).statusCode).toBe(200);
    const offer = (await get(w.officer2, q(w, `/counters/${w.counters.c2}/console`))).json().undoableNoShow;
    expect(offer).toMatchObject({ ticketId: a.id, number: a.number });
    clock.advance(30_000);
    const undone = await post(t, w.officer2, q(w, `/tickets/${a.id}/undo-no-show`));
    expect(undone.statusCode).toBe(200);
    expect(undone.json()).toMatchObject({ status: 'called', counter: { id: w.counters.c2 } });

    // Marked again; the counter calls b; the undo then puts a first in this counter's line.
    await post(t, w.officer2, q(w, `/tickets/${a.id}/no-show`));
    expect((await post(t, w.officer2, q(w, `/counters/${w.counters.c2}/call-next`))).json().ticket.id).toBe(b.id);
    clock.advance(20_000);
    expect((await post(t, w.officer2, q(w, `/tickets/${a.id}/undo-no-show`))).json().status).toBe('waiting');
    await post(t, w.officer2, q(w, `/tickets/${b.id}/start`));
    await post(t, w.officer2, q(w, `/tickets/${b.id}/finish`));
    expect((await post(t, w.officer2, q(w, `/counters/${w.counters.c2}/call-next`))).json().ticket.id).toBe(a.id);

    // Too late.
    await post(t, w.officer2, q(w, `/tickets/${a.id}/no-show`));
    clock.advance(61_000);
    const late = await post(t, w.officer2, q(w, `/tickets/${a.id}/undo-no-show`));
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('undo_expired');
    expect((await get(w.officer2, q(w, `/counters/${w.counters.c2}/console`))).json().undoableNoShow).toBeNull();
    expect((await post(t, w.officer2, q(w, `/tickets/${c.id}/undo-no-show`))).statusCode).toBe(409);
  });
});

describe('reprint and the printed survey code', () => {
  it('gives the console the ticket as printed, with the survey code the survey domain accepts', async () => {
    const w = await seedQueueWorld(t);
    const a = (await issue(t, w, w.services.ktp)).json();
    expect(a.surveyCode).toBe(codeForStatusToken(a.statusToken));
    const again = await post(t, w.officer, q(w, `/tickets/${a.id}/reprint`));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ number: a.number, statusToken: a.statusToken, surveyCode: a.surveyCode });
    expect([403, 404]).toContain((await post(t, w.samsatOfficer, q(w, `/tickets/${a.id}/reprint`))).statusCode);
    await post(t, w.officer, q(w, `/tickets/${a.id}/cancel`));
    expect((await post(t, w.officer, q(w, `/tickets/${a.id}/reprint`))).statusCode).toBe(409);
  });

  it('the code printed at issue opens the survey once the ticket is served, without the QR', async () => {
    const w = await seedQueueWorld(t);
    await open(w, w.counters.c2, w.officer2);
    const a = (await issue(t, w, w.services.ktp)).json();
    expect((await t.app.inject({ method: 'GET', url: `/api/survey/forms/${a.surveyCode}` })).statusCode).toBe(404);
    await post(t, w.officer2, q(w, `/counters/${w.counters.c2}/call-next`));
    await post(t, w.officer2, q(w, `/tickets/${a.id}/start`));
    await post(t, w.officer2, q(w, `/tickets/${a.id}/finish`));
    // The outbox delivers 'ticket.served' to the survey domain.
    await ticketServedHandler(t.db, () => clock.now())({ payload: { mppId: w.mppId, ticketId: a.id, serviceId: w.services.ktp, tenantId: w.tenantId } });
    const form = await t.app.inject({ method: 'GET', url: `/api/survey/forms/${a.surveyCode.toLowerCase()}` });
    expect(form.statusCode).toBe(200);
  });
});

describe('device health', () => {
  it('kiosks and boards beat; the MPP admin sees online, version and printer errors; silence turns a device offline', async () => {
    clock.set('2026-11-23T04:00:00Z');
    const w = await seedQueueWorld(t);
    const beat = (caller: { headers: Record<string, string> }, body: Record<string, unknown>) => post(t, caller, q(w, '/devices/heartbeat'), body);
    expect((await beat(w.kiosk, { appVersion: '0.1.0', page: '/kios', printerError: 'Kertas habis' })).statusCode).toBe(200);
    expect((await beat(w.display, { appVersion: '0.1.0', page: '/layar' })).statusCode).toBe(200);
    expect((await beat(w.officer, { appVersion: '0.1.0' })).statusCode).toBe(401);
    const health = async () => (await get(w.admin, q(w, '/devices/health'))).json() as { kind: string; online: boolean; printerError: string | null; appVersion: string | null }[];
    let h = await health();
    expect(h.find((d) => d.kind === 'kiosk')).toMatchObject({ online: true, appVersion: '0.1.0', printerError: 'Kertas habis' });
    expect(h.find((d) => d.kind === 'display')).toMatchObject({ online: true, printerError: null });
    expect((await get(w.officer, q(w, '/devices/health'))).statusCode).toBe(403);
    clock.advance(60_000);
    await beat(w.kiosk, { appVersion: '0.1.1' }); // printer not reported: the last error stays
    clock.advance(60_000);
    h = await health();
    expect(h.find((d) => d.kind === 'kiosk')).toMatchObject({ online: true, appVersion: '0.1.1', printerError: 'Kertas habis' });
    expect(h.find((d) => d.kind === 'display')!.online).toBe(false);
    await beat(w.kiosk, { appVersion: '0.1.1', printerError: null });
    expect((await health()).find((d) => d.kind === 'kiosk')!.printerError).toBeNull();
  });
});
