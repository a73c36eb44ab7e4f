import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fakeClock, type TestApp } from '../../test/support/app.js';
import { insertCounter } from '../queue/fixtures.test-helpers.js';
import { book, nik, seedBookingWorld, type BookingWorld } from './fixtures.test-helpers.js';

// Monday 23 November 2026, WIB (UTC+7). The booked slot starts at 10:00 WIB = 03:00Z.
const clock = fakeClock('2026-11-23T00:00:00Z');
let t: TestApp;
let w: BookingWorld;
let counterId: string;
const at = (hhmm: string) => clock.set(`2026-11-23T${String(Number(hhmm.slice(0, 2)) - 7).padStart(2, '0')}:${hhmm.slice(3)}:00Z`);
const walkIn = (extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/queue/tickets`, headers: { ...w.kiosk.headers, ...headers }, payload: { serviceId: w.serviceId, ...extra } });
const checkIn = (code: string) => t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/booking/check-in`, headers: w.kiosk.headers, payload: { code } });
const callNext = () => t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/queue/counters/${counterId}/call-next`, headers: w.officer.headers });
const noShow = (id: string) => t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/queue/tickets/${id}/no-show`, headers: w.officer.headers });

beforeAll(async () => {
  t = await createTestApp({ clock, env: { BOOKING_RATE_LIMIT: '100000' } });
  w = await seedBookingWorld(t);
  counterId = await insertCounter(t.db, w.mppId, w.tenantId, 1, [w.serviceId]);
  const open = await t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/queue/counters/${counterId}/open`, headers: w.officer.headers });
  expect(open.statusCode).toBe(200);
});
afterAll(() => t.close());

describe('booking precedence in the queue', () => {
  it('ranks a checked-in booking as if it arrived at its slot start: after walk-ins waiting before it, before later ones, below priority classes', async () => {
    at('07:00');
    const early = (await book(t, w, '2026-11-23T03:00:00.000Z', nik(11))).json();
    const onTime = (await book(t, w, '2026-11-23T03:00:00.000Z', nik(12))).json();
    expect(early.code).toBeTruthy();

    at('09:20');
    const w1 = (await walkIn()).json(); // waiting long before the slot
    at('09:40');
    const b1 = await checkIn(early.code); // 20 minutes early
    expect(b1.json()).toMatchObject({ outcome: 'checked_in' });
    at('09:50');
    const w0 = (await walkIn()).json(); // after the early check-in, but still before the slot start
    at('10:03');
    const w2 = (await walkIn()).json(); // after the slot start
    at('10:06');
    const b2 = await checkIn(onTime.code); // on time: within the check-in window
    expect(b2.json()).toMatchObject({ outcome: 'checked_in' });
    at('10:08');
    const w3 = (await walkIn()).json();
    at('10:10');
    // A walk-in cannot claim precedence: the field is not part of the public request.
    const sneaky = await walkIn({ bookedFor: '2026-11-23T01:00:00.000Z' });
    expect(sneaky.statusCode).toBe(201);
    const sneakyOnline = await t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/queue/online-tickets`, payload: { serviceId: w.serviceId, bookedFor: '2026-11-23T01:00:00.000Z', booked_for: '2026-11-23T01:00:00.000Z' } });
    expect(sneakyOnline.statusCode).toBe(201);
    at('10:15');
    const lansiaClass = (await t.app.inject({ method: 'GET', url: `/api/mpps/${w.mppId}/queue/priority-classes`, headers: w.admin.headers })).json().find((c: { code: string }) => c.code === 'lansia');
    const lansia = (await walkIn({ priorityClassId: lansiaClass.id })).json(); // 10:15 - 30 min credit = 09:45

    const stored = await t.db.query<{ number: string; booked_for: Date | null }>('SELECT number, booked_for FROM tickets WHERE mpp_id = $1 ORDER BY seq', [w.mppId]);
    expect(stored.rows.filter((r) => r.booked_for !== null).map((r) => [r.number, r.booked_for!.toISOString()])).toEqual([
      [b1.json().ticket.number, '2026-11-23T03:00:00.000Z'],
      [b2.json().ticket.number, '2026-11-23T03:00:00.000Z'],
    ]);

    at('10:20');
    const expected = [w1.number, lansia.number, w0.number, b1.json().ticket.number, b2.json().ticket.number, w2.number, w3.number, sneaky.json().number, sneakyOnline.json().number];
    const line = (await t.app.inject({ method: 'GET', url: `/api/mpps/${w.mppId}/queue/counters/${counterId}/console`, headers: w.officer.headers })).json();
    expect(line.waiting.tickets.map((x: { number: string }) => x.number)).toEqual(expected);
    expect(line.waiting.tickets[3].bookedFor).toBe('2026-11-23T03:00:00.000Z');
    expect(line.waiting.tickets[0].bookedFor).toBeNull();

    const called: string[] = [];
    for (;;) {
      const tk = (await callNext()).json().ticket;
      if (!tk) break;
      called.push(tk.number);
      expect((await noShow(tk.id)).statusCode).toBe(200);
    }
    expect(called).toEqual(expected);
  });

  it('keeps the booking idempotency key out of reach of the public Idempotency-Key header', async () => {
    at('10:30');
    const r = await walkIn({}, { 'idempotency-key': 'booking/00000000-0000-0000-0000-000000000000' });
    expect(r.statusCode).toBe(400);
  });
});
