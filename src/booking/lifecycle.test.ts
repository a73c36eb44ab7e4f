import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fakeClock, type TestApp } from '../../test/support/app.js';
import { book, insertBookableService, nik, seedBookingWorld, type BookingWorld } from './fixtures.test-helpers.js';
import { markNoShows, sendReminders } from './jobs.js';
import { loadBookingKeys } from './keys.js';

// Monday 23 November 2026, 07:00 WIB.
const clock = fakeClock('2026-11-23T00:00:00Z');
let t: TestApp;
let w: BookingWorld;
let keys: ReturnType<typeof loadBookingKeys> | undefined;
const env = () => ({ keys: () => (keys ??= loadBookingKeys(t.db, undefined)), baseUrl: 'http://localhost' });

beforeAll(async () => {
  t = await createTestApp({ clock, env: { BOOKING_RATE_LIMIT: '100000' } });
  w = await seedBookingWorld(t);
});
afterAll(() => t.close());

const checkIn = (code: string, headers = w.kiosk.headers) => t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/booking/check-in`, headers, payload: { code } });

describe('check-in at the kiosk', () => {
  it('tells an early arrival when to come back, then issues an online ticket within the window', async () => {
    clock.set('2026-11-23T00:00:00Z');
    const b = (await book(t, w, '2026-11-23T03:00:00.000Z', nik(1))).json(); // 10:00 WIB today
    clock.set('2026-11-23T02:00:00Z'); // 09:00: an hour early
    const early = await checkIn(b.code);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'checkin_too_early', comeBackAt: '2026-11-23T02:30:00.000Z' });
    expect(early.json().title).toBe('Terlalu awal untuk check-in. Jadwal Anda pukul 10.00; silakan kembali mulai pukul 09.30.');
    clock.set('2026-11-23T02:40:00Z'); // 09:40
    const ok = await checkIn(b.manageUrl); // the QR holds the manage link
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ outcome: 'checked_in', booking: { status: 'checked_in' } });
    const ticket = await t.db.query<{ channel: string; number: string; status: string }>('SELECT channel, number, status FROM tickets WHERE mpp_id = $1 AND id = $2', [w.mppId, ok.json().ticket.id]);
    expect(ticket.rows[0]).toMatchObject({ channel: 'online', status: 'waiting', number: ok.json().ticket.number });
    // The answer is the ticket as the kiosk prints it: status QR token, survey code, people ahead.
    expect(ok.json().ticket).toMatchObject({ status: 'waiting', peopleAhead: 0, statusToken: expect.stringMatching(/^[A-Za-z0-9_-]{20,}$/), surveyCode: expect.stringMatching(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/) });
    const twice = await checkIn(b.code.toLowerCase());
    expect(twice.json().ticket).toEqual(ok.json().ticket);
    // Scanned again at reception by an officer (another caller): still the one ticket.
    const atReception = await checkIn(b.code, w.officer.headers);
    expect(atReception.statusCode).toBe(200);
    expect(atReception.json().ticket.id).toBe(ok.json().ticket.id);
    const count = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM tickets WHERE mpp_id = $1', [w.mppId]);
    expect(count.rows[0]!.n).toBe(1);
  });

  it('gives a late arrival a walk-in ticket, or refuses when the service says so', async () => {
    clock.set('2026-11-23T00:00:00Z');
    const b = (await book(t, w, '2026-11-23T03:30:00.000Z', nik(2))).json(); // 10:30
    clock.set('2026-11-23T03:45:00Z'); // 10:45, 15 minutes late
    const late = await checkIn(b.code);
    expect(late.json()).toMatchObject({ outcome: 'walk_in', booking: { status: 'checked_in' } });
    const ticket = await t.db.query<{ channel: string }>('SELECT channel FROM tickets WHERE mpp_id = $1 AND id = $2', [w.mppId, late.json().ticket.id]);
    expect(ticket.rows[0]!.channel).toBe('kiosk');

    const strict = await insertBookableService(t.db, w.mppId, w.tenantId, 'STRICT', { lateArrival: 'refuse', capacityPerSlot: 2 }, 'D');
    clock.set('2026-11-23T00:00:00Z');
    const s = (await book(t, { mppId: w.mppId, serviceId: strict }, '2026-11-23T03:30:00.000Z', nik(3))).json();
    clock.set('2026-11-23T03:45:00Z');
    const refused = await checkIn(s.code);
    expect(refused.json()).toMatchObject({ status: 409, code: 'checkin_too_late' });
  });

  it('refuses another day, an unknown code, a cancelled booking and callers that are not a kiosk or staff', async () => {
    clock.set('2026-11-23T00:00:00Z');
    const b = (await book(t, w, '2026-11-24T03:00:00.000Z', nik(4))).json();
    expect((await checkIn(b.code)).json()).toMatchObject({ code: 'checkin_wrong_day' });
    expect((await checkIn('ZZZZZZZZ')).json()).toMatchObject({ status: 404, code: 'booking_unknown' });
    await t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/bookings/${b.code}/cancel`, payload: { sig: b.sig } });
    expect((await checkIn(b.code)).json()).toMatchObject({ status: 409, code: 'invalid_transition' });
    expect((await checkIn(b.code, {})).statusCode).toBe(401);
  });
});

describe('no-shows', () => {
  it('marks bookings not checked in by the end of the window, and suspends a NIK at the limit', async () => {
    const other = await seedBookingWorld(t);
    const put = await t.app.inject({ method: 'PUT', url: `/api/mpps/${other.mppId}/booking/settings`, headers: other.admin.headers, payload: { maxActivePerNik: 5, noShowLimit: 2, noShowWindowDays: 30, suspensionDays: 14 } });
    expect(put.statusCode).toBe(200);
    clock.set('2026-11-23T00:00:00Z');
    const a = (await book(t, other, '2026-11-23T03:00:00.000Z', nik(9))).json();
    const b = (await book(t, { mppId: other.mppId, serviceId: other.otherServiceId }, '2026-11-23T03:00:00.000Z', nik(9))).json();
    clock.set('2026-11-23T03:09:00Z'); // 10:09: still inside the window
    await markNoShows(t.db, clock.now());
    expect((await t.db.query<{ status: string }>('SELECT status FROM bookings WHERE code = $1', [a.code])).rows[0]!.status).toBe('booked');
    clock.set('2026-11-23T03:11:00Z');
    expect(await markNoShows(t.db, clock.now())).toBeGreaterThanOrEqual(2);
    const rows = await t.db.query<{ status: string }>('SELECT status FROM bookings WHERE code IN ($1, $2)', [a.code, b.code]);
    expect(rows.rows.map((r) => r.status)).toEqual(['no_show', 'no_show']);
    const refused = await book(t, other, '2026-11-25T03:00:00.000Z', nik(9));
    expect(refused.json()).toMatchObject({ status: 409, code: 'nik_suspended' });
    expect(refused.json().title).toContain('2 kali tidak hadir');
    clock.set('2026-12-08T00:00:00Z'); // 15 days later: the suspension is over
    expect((await book(t, other, '2026-12-09T03:00:00.000Z', nik(9))).statusCode).toBe(201);
  });
});

describe('reminders', () => {
  it('queues one reminder the day before, after 07:00 in the MPP zone', async () => {
    const r = await seedBookingWorld(t);
    clock.set('2026-11-23T00:00:00Z');
    const b = (await book(t, r, '2026-11-25T03:00:00.000Z', nik(5), { email: 'warga@example.id' })).json();
    expect(await sendReminders(t.db, env(), new Date('2026-11-23T23:30:00Z'))).toBe(0); // Tue 06:30 WIB
    const due = await sendReminders(t.db, env(), new Date('2026-11-24T01:00:00Z')); // Tue 08:00 WIB
    expect(due).toBeGreaterThanOrEqual(1);
    expect(await sendReminders(t.db, env(), new Date('2026-11-24T02:00:00Z'))).toBe(0);
    const mails = await t.db.query<{ payload: any }>("SELECT payload FROM outbox WHERE topic = 'notify.email' AND payload->>'to' = 'warga@example.id' ORDER BY id");
    expect(mails.rows.map((m) => m.payload.subject)).toEqual([
      `Booking ${b.code} terkonfirmasi: Layanan KTP, Rabu, 25 November 2026 pukul 10.00 WIB`,
      `Pengingat: besok Layanan KTP, Rabu, 25 November 2026 pukul 10.00 WIB (kode ${b.code})`,
    ]);
  });
});
