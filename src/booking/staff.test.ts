import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fakeClock, staffCaller, type TestApp } from '../../test/support/app.js';
import { book, nik, seedBookingWorld, type BookingWorld } from './fixtures.test-helpers.js';

const clock = fakeClock('2026-11-23T00:00:00Z'); // Monday 07:00 WIB
let t: TestApp;
let w: BookingWorld;

beforeAll(async () => {
  t = await createTestApp({ clock, env: { BOOKING_RATE_LIMIT: '100000' } });
  w = await seedBookingWorld(t);
});
afterAll(() => t.close());

describe('staff bookings page', () => {
  it('shows a day of a service with capacity use, to the agency staff only', async () => {
    await book(t, w, '2026-11-24T02:00:00.000Z', nik(1));
    await book(t, w, '2026-11-24T02:00:00.000Z', nik(2));
    const url = `/api/mpps/${w.mppId}/booking/day?serviceId=${w.serviceId}&date=2026-11-24`;
    const res = await t.app.inject({ url, headers: w.officer.headers });
    expect(res.statusCode).toBe(200);
    const day = res.json();
    expect(day).toMatchObject({ booked: 2, capacity: 12 * 3, noShows: 0 });
    expect(day.slots[2]).toMatchObject({ localStart: '09:00', booked: 2, free: 1 });
    expect(day.bookings.map((b: any) => b.nikMasked)).toEqual(['3174**********01', '3174**********02']);
    const bad = await t.app.inject({ url: `/api/mpps/${w.mppId}/booking/day?serviceId=${w.serviceId}&date=2026-02-31`, headers: w.officer.headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toEqual({ path: 'querystring.date', message: 'Tanggal tidak ada di kalender.' });
    const samsat = await staffCaller(t, 'officer', { mppId: w.mppId, tenantId: w.otherTenantId });
    expect((await t.app.inject({ url, headers: samsat.headers })).statusCode).toBe(404);
  });
});

describe('a change of hours', () => {
  it('never drops bookings: they are listed for the admin, their holders are told, and a move clears them', async () => {
    const b = (await book(t, w, '2026-11-25T07:00:00.000Z', nik(3), { email: 'x@example.id' })).json(); // Wed 14:00 WIB
    const keep = (await book(t, w, '2026-11-25T02:00:00.000Z', nik(4))).json(); // Wed 09:00
    // The MPP now closes at 13:00 on Wednesdays.
    const hours = (await t.db.query<{ weekly_hours: any }>('SELECT weekly_hours FROM mpps WHERE id = $1', [w.mppId])).rows[0]!.weekly_hours;
    hours['3'] = { opens: '08:00', closes: '13:00', breaks: [] };
    await t.db.query('UPDATE mpps SET weekly_hours = $2 WHERE id = $1', [w.mppId, JSON.stringify(hours)]);

    const listed = await t.app.inject({ url: `/api/mpps/${w.mppId}/booking/affected`, headers: w.admin.headers });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().map((x: any) => x.code)).toEqual([b.code]);
    expect((await t.db.query('SELECT 1 FROM bookings WHERE code = $1 AND status = $2', [b.code, 'booked'])).rows).toHaveLength(1);
    const told = await t.db.query<{ payload: any }>("SELECT payload FROM outbox WHERE topic = 'notify.email' AND payload->>'to' = 'x@example.id' ORDER BY id");
    expect(told.rows.map((r) => r.payload.subject)).toEqual([expect.stringContaining('terkonfirmasi'), `Perubahan jam layanan: booking ${b.code} perlu dijadwalkan ulang`]);
    // A second look does not tell them again.
    await t.app.inject({ url: `/api/mpps/${w.mppId}/booking/affected`, headers: w.admin.headers });
    expect((await t.db.query("SELECT 1 FROM outbox WHERE payload->>'to' = 'x@example.id'")).rows).toHaveLength(2);
    expect((await t.app.inject({ url: `/api/mpps/${w.mppId}/booking/affected`, headers: w.officer.headers })).statusCode).toBe(403);

    const moved = await t.app.inject({
      method: 'POST',
      url: `/api/mpps/${w.mppId}/booking/bookings/${b.id}/move`,
      headers: w.admin.headers,
      payload: { startsAt: '2026-11-25T04:00:00.000Z', note: 'Jam layanan hari Rabu berubah.' },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ localStart: '11:00', affected: false });
    expect((await t.app.inject({ url: `/api/mpps/${w.mppId}/booking/affected`, headers: w.admin.headers })).json()).toEqual([]);
    const audit = await t.db.query("SELECT 1 FROM audit_log WHERE action = 'booking.moved' AND target_id = $1", [b.id]);
    expect(audit.rows).toHaveLength(1);
    void keep;
  });

  it('lists bookings on a day the MPP closes (an MPP closure in the calendar)', async () => {
    const b = (await book(t, w, '2026-11-26T02:00:00.000Z', nik(5))).json(); // Thursday
    await t.db.query("INSERT INTO calendar_days (mpp_id, day, kind, name) VALUES ($1, '2026-11-26', 'closure', 'Pemeliharaan gedung')", [w.mppId]);
    const listed = await t.app.inject({ url: `/api/mpps/${w.mppId}/booking/affected`, headers: w.admin.headers });
    expect(listed.json().map((x: any) => x.code)).toContain(b.code);
    const cancelled = await t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/booking/bookings/${b.id}/cancel`, headers: w.officer.headers, payload: { reason: 'MPP tutup untuk pemeliharaan' } });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled' });
  });
});

describe('service booking settings', () => {
  it('are set by the tenant admin with validation, read by officers', async () => {
    const tenantAdmin = await staffCaller(t, 'tenant_admin', { mppId: w.mppId, tenantId: w.tenantId });
    const url = `/api/mpps/${w.mppId}/booking/services/${w.serviceId}/settings`;
    const bad = await t.app.inject({ method: 'PUT', url, headers: tenantAdmin.headers, payload: { enabled: true, slotMinutes: 2 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].message).toBe('Panjang slot minimal 5.');
    const ok = await t.app.inject({ method: 'PUT', url, headers: tenantAdmin.headers, payload: { enabled: true, slotMinutes: 20, capacityPerSlot: 4 } });
    expect(ok.json()).toMatchObject({ slotMinutes: 20, capacityPerSlot: 4, checkInEarlyMinutes: 30, lateArrival: 'walk_in' });
    expect((await t.app.inject({ method: 'PUT', url, headers: w.officer.headers, payload: { enabled: false } })).statusCode).toBe(403);
    expect((await t.app.inject({ url, headers: w.officer.headers })).json()).toMatchObject({ slotMinutes: 20 });
  });
});

describe('booking settings forms', () => {
  it('a partial change keeps every field it did not name (booking stays on)', async () => {
    const url = `/api/mpps/${w.mppId}/booking/services/${w.serviceId}/settings`;
    const before = (await t.app.inject({ url, headers: w.admin.headers })).json();
    expect(before.enabled).toBe(true);
    const res = await t.app.inject({ method: 'PUT', url, headers: w.admin.headers, payload: { slotMinutes: 20 } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ...before, slotMinutes: 20 });
    expect((await t.app.inject({ url, headers: w.admin.headers })).json()).toEqual({ ...before, slotMinutes: 20 });
    const bad = await t.app.inject({ method: 'PUT', url, headers: w.admin.headers, payload: { slotMinutes: 2 } });
    expect(bad.statusCode).toBe(400);
    expect((await t.app.inject({ url, headers: w.admin.headers })).json().slotMinutes).toBe(20);
    await t.app.inject({ method: 'PUT', url, headers: w.admin.headers, payload: { slotMinutes: before.slotMinutes } });
  });

  it('two admins changing different fields at once both keep their change', async () => {
    const url = `/api/mpps/${w.mppId}/booking/services/${w.serviceId}/settings`;
    const before = (await t.app.inject({ url, headers: w.admin.headers })).json();
    await Promise.all([
      t.app.inject({ method: 'PUT', url, headers: w.admin.headers, payload: { dailyQuota: 77 } }),
      t.app.inject({ method: 'PUT', url, headers: w.admin.headers, payload: { checkInLateMinutes: 15 } }),
    ]);
    expect((await t.app.inject({ url, headers: w.admin.headers })).json()).toEqual({ ...before, dailyQuota: 77, checkInLateMinutes: 15 });
    await t.app.inject({ method: 'PUT', url, headers: w.admin.headers, payload: { dailyQuota: before.dailyQuota, checkInLateMinutes: before.checkInLateMinutes } });
  });

  it('a partial change of the fairness rules keeps the others', async () => {
    const url = `/api/mpps/${w.mppId}/booking/settings`;
    const before = (await t.app.inject({ url, headers: w.admin.headers })).json();
    const res = await t.app.inject({ method: 'PUT', url, headers: w.admin.headers, payload: { noShowLimit: before.noShowLimit + 1 } });
    expect(res.json()).toEqual({ ...before, noShowLimit: before.noShowLimit + 1 });
    await t.app.inject({ method: 'PUT', url, headers: w.admin.headers, payload: { noShowLimit: before.noShowLimit } });
  });
});
