import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fakeClock, type TestApp } from '../../test/support/app.js';
import { book, insertBookableService, nik, seedBookingWorld, type BookingWorld } from './fixtures.test-helpers.js';

// Monday 23 November 2026, 08:00 WIB.
const clock = fakeClock('2026-11-23T01:00:00Z');
const TUE_0900 = '2026-11-24T02:00:00.000Z';
const TUE_0930 = '2026-11-24T02:30:00.000Z';
let t: TestApp;
let w: BookingWorld;

beforeAll(async () => {
  t = await createTestApp({ clock, env: { BOOKING_RATE_LIMIT: '100000', PUBLIC_URL: 'https://layan.example.id' } });
  w = await seedBookingWorld(t);
});
afterAll(() => t.close());

const outboxTopics = async (mppId: string) => (await t.db.query<{ topic: string; payload: any }>('SELECT topic, payload FROM outbox WHERE mpp_id = $1 ORDER BY id', [mppId])).rows;

describe('availability', () => {
  it('lists the bookable days and the slots of a day around the break, with free places', async () => {
    const res = await t.app.inject({ url: `/api/mpps/${w.mppId}/booking/services/${w.serviceId}/availability?date=2026-11-24` });
    expect(res.statusCode).toBe(200);
    const a = res.json();
    expect(a.days).toHaveLength(15);
    expect(a.days.find((d: any) => d.date === '2026-11-28')).toMatchObject({ open: false, free: 0 }); // Saturday
    const starts = a.slots.map((s: any) => s.localStart);
    expect(starts[0]).toBe('08:00');
    expect(starts).toContain('11:30');
    expect(starts).not.toContain('12:00');
    expect(starts).toContain('13:00');
    expect(starts[starts.length - 1]).toBe('14:30');
    expect(a.slots[0]).toMatchObject({ capacity: 3, free: 3, bookable: true });
  });

  it('closes same-day slots within the cutoff', async () => {
    const res = await t.app.inject({ url: `/api/mpps/${w.mppId}/booking/services/${w.serviceId}/availability?date=2026-11-23` });
    const slots = res.json().slots;
    expect(slots.find((s: any) => s.localStart === '08:30')).toMatchObject({ bookable: false, reason: 'same_day_cutoff' });
    expect(slots.find((s: any) => s.localStart === '09:00')).toMatchObject({ bookable: true });
  });
});

describe('booking', () => {
  it('books and returns a code, a QR, an .ics and a signed link; queues the confirmation in the same transaction', async () => {
    const res = await book(t, w, TUE_0900, nik(1), { email: 'siti@example.id' });
    expect(res.statusCode).toBe(201);
    const b = res.json();
    expect(b.code).toMatch(/^[A-Z0-9]{8}$/);
    expect(b).toMatchObject({ status: 'booked', localDate: '2026-11-24', localStart: '09:00', nikMasked: '3174**********01', warnings: [] });
    expect(b.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(b.qrDataUrl.split(',')[1], 'base64').toString()).toContain('<svg');
    expect(b.manageUrl).toBe(`https://layan.example.id/booking/kelola/${w.mppId}/${b.code}?sig=${encodeURIComponent(b.sig)}`);
    const ics = await t.app.inject({ url: b.icsUrl });
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('DTSTART:20261124T020000Z');
    expect(ics.body).toContain(`kode ${b.code}`);
    const view = await t.app.inject({ url: `/api/mpps/${w.mppId}/bookings/${b.code}?sig=${encodeURIComponent(b.sig)}` });
    expect(view.json()).toMatchObject({ code: b.code, status: 'booked' });
    const topics = (await outboxTopics(w.mppId)).map((r) => r.topic);
    expect(topics).toEqual(['notify.email', 'notify.text']);
    const stored = await t.db.query<{ nik_hash: string }>('SELECT nik_hash FROM bookings WHERE code = $1', [b.code]);
    expect(stored.rows[0]!.nik_hash).not.toContain('3174011505900001');
  });

  it('refuses a wrong signature with a bare 404', async () => {
    const b = (await book(t, w, TUE_0930, nik(2))).json();
    const res = await t.app.inject({ url: `/api/mpps/${w.mppId}/bookings/${b.code}?sig=${'A'.repeat(32)}` });
    expect(res.statusCode).toBe(404);
    const other = await seedBookingWorld(t);
    expect((await t.app.inject({ url: `/api/mpps/${other.mppId}/bookings/${b.code}?sig=${encodeURIComponent(b.sig)}` })).statusCode).toBe(404);
  });

  it('answers each kind of bad NIK with its own code, in Indonesian or English', async () => {
    const codes = [];
    for (const bad of ['123', '3174O11505900001', '3174013505900001', '3174011513900001', '3174013002900001', '3174011505900000']) {
      const res = await book(t, w, TUE_0900, bad);
      expect(res.statusCode).toBe(400);
      codes.push(res.json().code);
      expect(res.json().errors[0].path).toBe('body.nik');
    }
    expect(codes).toEqual(['nik_length', 'nik_not_digits', 'nik_day', 'nik_month', 'nik_date', 'nik_serial']);
    const en = await book(t, w, TUE_0900, '3174011505900000', {}, { 'accept-language': 'en' });
    expect(en.json().title).toContain('serial');
    const id = await book(t, w, TUE_0900, '3174011505900000');
    expect(id.json().title).toContain('nomor urut');
  });

  it('accepts an unknown province with a warning', async () => {
    const res = await book(t, w, TUE_0930, '9974011505900001');
    expect(res.statusCode).toBe(201);
    expect(res.json().warnings.map((x: any) => x.code)).toEqual(['nik_unknown_province']);
  });

  it('asks for a phone or an email, and refuses a slot that is not in the hours', async () => {
    const none = await book(t, w, TUE_0900, nik(3), { phone: undefined });
    expect(none.statusCode).toBe(400);
    expect((await book(t, w, '2026-11-24T05:15:00.000Z', nik(3))).json().code).toBe('slot_unknown'); // 12:15 WIB, the break
    expect((await book(t, w, '2026-11-28T02:00:00.000Z', nik(3))).json().code).toBe('slot_unknown'); // Saturday
    expect((await book(t, w, '2026-12-09T02:00:00.000Z', nik(3))).json().code).toBe('slot_too_far');
    expect((await book(t, w, '2026-11-23T01:30:00.000Z', nik(3))).json().code).toBe('slot_cutoff');
  });

  it('allows one active booking per NIK per service per day and caps active bookings per NIK', async () => {
    const first = await book(t, w, '2026-11-25T02:00:00.000Z', nik(10));
    expect(first.statusCode).toBe(201);
    const again = await book(t, w, '2026-11-25T03:00:00.000Z', nik(10));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'nik_day_limit' });
    // Whoever types a NIK learns nothing of its booking: not its code anywhere in the answer.
    expect(again.body).not.toContain(first.json().code);
    expect((await book(t, { mppId: w.mppId, serviceId: w.otherServiceId }, '2026-11-25T03:00:00.000Z', nik(10))).statusCode).toBe(201);
    expect((await book(t, w, '2026-11-26T02:00:00.000Z', nik(10))).statusCode).toBe(201);
    const fourth = await book(t, w, '2026-11-27T02:00:00.000Z', nik(10));
    expect(fourth.json()).toMatchObject({ status: 409, code: 'nik_active_limit' });
  });

  it('says the slot is full once its capacity is taken, and a cancellation frees the place', async () => {
    const at = '2026-11-30T03:00:00.000Z';
    const made = [];
    for (let i = 0; i < 3; i++) made.push((await book(t, w, at, nik(20 + i))).json());
    const full = await book(t, w, at, nik(30));
    expect(full.statusCode).toBe(409);
    expect(full.json()).toMatchObject({ code: 'slot_full' });
    expect(full.json().title).toContain('10.00');
    const cancelled = await t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/bookings/${made[0].code}/cancel`, payload: { sig: made[0].sig } });
    expect(cancelled.json().status).toBe('cancelled');
    const again = await t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/bookings/${made[0].code}/cancel`, payload: { sig: made[0].sig } });
    expect(again.json()).toMatchObject({ status: 409, code: 'invalid_transition' });
    expect((await book(t, w, at, nik(30))).statusCode).toBe(201);
  });

  it('reschedules through the signed link, taking the new place before giving back the old', async () => {
    const b = (await book(t, w, '2026-12-01T02:00:00.000Z', nik(40))).json();
    const moved = await t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/bookings/${b.code}/reschedule`, payload: { sig: b.sig, startsAt: '2026-12-01T06:00:00.000Z' } });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ localStart: '13:00', code: b.code });
    const counts = await t.db.query<{ starts_at: Date; booked: number }>('SELECT starts_at, booked FROM booking_slots WHERE mpp_id = $1 AND local_day = $2 ORDER BY starts_at', [w.mppId, '2026-12-01']);
    expect(counts.rows.map((r) => [new Date(r.starts_at).toISOString(), r.booked])).toEqual([
      ['2026-12-01T02:00:00.000Z', 0],
      ['2026-12-01T06:00:00.000Z', 1],
    ]);
    const texts = (await outboxTopics(w.mppId)).map((r) => r.payload.text as string).filter((s) => s.includes(b.code));
    expect(texts).toHaveLength(2);
    expect(texts[1]).toContain(`Jadwal booking ${b.code} (Layanan KTP) diubah ke Selasa, 1 Desember 2026 pukul 13.00 WIB`);
  });

  it('finds a booking by code and NIK, and not with another NIK', async () => {
    const b = (await book(t, w, '2026-12-02T02:00:00.000Z', nik(50))).json();
    const found = await t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/bookings/lookup`, payload: { code: b.code.toLowerCase(), nik: nik(50) } });
    expect(found.json()).toMatchObject({ code: b.code, sig: b.sig });
    const wrong = await t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/bookings/lookup`, payload: { code: b.code, nik: nik(51) } });
    expect(wrong.statusCode).toBe(404);
  });

  it('refuses a service whose booking is off', async () => {
    const off = await insertBookableService(t.db, w.mppId, w.tenantId, 'OFF', { enabled: false }, 'C');
    const res = await book(t, { mppId: w.mppId, serviceId: off }, TUE_0900, nik(60));
    expect(res.json()).toMatchObject({ status: 409, code: 'booking_not_offered' });
  });
});

describe('rate limit', () => {
  it('limits citizen writes per client address', async () => {
    const limited = await createTestApp({ clock, env: { BOOKING_RATE_LIMIT: '3' } });
    try {
      const lw = await seedBookingWorld(limited);
      const codes = [];
      for (let i = 0; i < 5; i++) codes.push((await book(limited, lw, TUE_0900, nik(100 + i))).statusCode);
      expect(codes).toEqual([201, 201, 201, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});
