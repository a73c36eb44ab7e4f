import { insertBookableService, nik } from '../../src/booking/fixtures.test-helpers.js';
import type { CaseFile, CallerName, World } from './world.js';

const STAFF_A: CallerName[] = ['national', 'mppAdminA', 'tenantAdminA1', 'officerA1', 'officerA2'];
const SERVICE_STAFF_A1: CallerName[] = ['national', 'mppAdminA', 'tenantAdminA1', 'officerA1'];
const ALL_DAYS = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, { opens: '08:00', closes: '15:00', breaks: [] }]));

async function bookSomething(w: World, serviceId: string, serial: number): Promise<{ id: string; code: string; sig: string }> {
  const avail = await w.t.app.inject({ url: `/api/mpps/${w.mppA}/booking/services/${serviceId}/availability` });
  const days = avail.json().days.filter((d: { free: number; date: string }) => d.free > 0);
  const day = days[1] ?? days[0];
  const slots = (await w.t.app.inject({ url: `/api/mpps/${w.mppA}/booking/services/${serviceId}/availability?date=${day.date}` })).json().slots;
  const slot = slots.find((s: { bookable: boolean }) => s.bookable);
  const res = await w.t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppA}/bookings`, payload: { serviceId, startsAt: slot.startsAt, nik: nik(serial), name: 'Matriks', phone: '081200000000' } });
  if (res.statusCode !== 201) throw new Error(`booking setup failed: ${res.body}`);
  return res.json();
}

export default {
  async setup(w) {
    await w.t.db.query("UPDATE mpps SET weekly_hours = $2 WHERE id = $1 AND weekly_hours = '{}'::jsonb", [w.mppA, JSON.stringify(ALL_DAYS)]);
    const serviceId = await insertBookableService(w.t.db, w.mppA, w.tenantA1, 'BOOKMX', { capacityPerSlot: 5, bookAheadDays: 7 }, 'M');
    const forCheckIn = await bookSomething(w, serviceId, 9001);
    const forMove = await bookSomething(w, serviceId, 9002);
    const forCancel = await bookSomething(w, serviceId, 9003);
    return { serviceId, forCheckIn, forMove, forCancel };
  },
  cases: [
    { method: 'GET', route: '/api/booking/mpps', public: 'citizens choose an MPP', request: () => ({ url: '/api/booking/mpps' }) },
    { method: 'GET', route: '/api/mpps/:mppId/booking/services', public: 'citizens choose a service', request: (w) => ({ url: `/api/mpps/${w.mppA}/booking/services` }) },
    {
      method: 'GET',
      route: '/api/mpps/:mppId/booking/services/:serviceId/availability',
      public: 'free places per slot are public',
      request: (w, f) => ({ url: `/api/mpps/${w.mppA}/booking/services/${f.serviceId}/availability` }),
    },
    { method: 'POST', route: '/api/mpps/:mppId/bookings', public: 'citizens book without an account (rate-limited, per-NIK rules)', request: (w) => ({ url: `/api/mpps/${w.mppA}/bookings`, payload: {} }) },
    { method: 'POST', route: '/api/mpps/:mppId/bookings/lookup', public: 'the code and the NIK it was made with are the credential', request: (w) => ({ url: `/api/mpps/${w.mppA}/bookings/lookup`, payload: {} }) },
    { method: 'GET', route: '/api/mpps/:mppId/bookings/:code', public: 'the HMAC-signed link is the credential (wrong signature: 404)', request: (w, f) => ({ url: `/api/mpps/${w.mppA}/bookings/${f.forCheckIn.code}?sig=x` }) },
    {
      method: 'GET',
      route: '/api/mpps/:mppId/bookings/:code/calendar.ics',
      public: 'the HMAC-signed link is the credential',
      request: (w, f) => ({ url: `/api/mpps/${w.mppA}/bookings/${f.forCheckIn.code}/calendar.ics?sig=x` }),
    },
    { method: 'POST', route: '/api/mpps/:mppId/bookings/:code/cancel', public: 'the HMAC-signed link is the credential', request: (w, f) => ({ url: `/api/mpps/${w.mppA}/bookings/${f.forCheckIn.code}/cancel`, payload: { sig: 'x'.repeat(32) } }) },
    {
      method: 'POST',
      route: '/api/mpps/:mppId/bookings/:code/reschedule',
      public: 'the HMAC-signed link is the credential',
      request: (w, f) => ({ url: `/api/mpps/${w.mppA}/bookings/${f.forCheckIn.code}/reschedule`, payload: { sig: 'x'.repeat(32), startsAt: '2030-01-01T00:00:00Z' } }),
    },
    {
      method: 'POST',
      route: '/api/mpps/:mppId/booking/check-in',
      allow: ['kioskA', ...STAFF_A],
      // A booking for another day: allowed callers reach the rule (409), nothing changes.
      request: (w, f) => ({ url: `/api/mpps/${w.mppA}/booking/check-in`, payload: { code: f.forCheckIn.code } }),
    },
    {
      method: 'GET',
      route: '/api/mpps/:mppId/booking/day',
      allow: SERVICE_STAFF_A1,
      request: (w, f) => ({ url: `/api/mpps/${w.mppA}/booking/day?serviceId=${f.serviceId}&date=2030-01-07` }),
    },
    {
      method: 'POST',
      route: '/api/mpps/:mppId/booking/bookings/:bookingId/move',
      allow: SERVICE_STAFF_A1,
      // A past slot: allowed callers get 409 slot_past, the booking stays.
      request: (w, f) => ({ url: `/api/mpps/${w.mppA}/booking/bookings/${f.forMove.id}/move`, payload: { startsAt: '2020-01-06T02:00:00Z' } }),
    },
    {
      method: 'POST',
      route: '/api/mpps/:mppId/booking/bookings/:bookingId/cancel',
      allow: SERVICE_STAFF_A1,
      request: (w, f) => ({ url: `/api/mpps/${w.mppA}/booking/bookings/${f.forCancel.id}/cancel`, payload: { reason: 'uji matriks akses' } }),
    },
    { method: 'GET', route: '/api/mpps/:mppId/booking/affected', allow: ['national', 'mppAdminA'], request: (w) => ({ url: `/api/mpps/${w.mppA}/booking/affected` }) },
    { method: 'GET', route: '/api/mpps/:mppId/booking/settings', allow: ['national', 'mppAdminA'], request: (w) => ({ url: `/api/mpps/${w.mppA}/booking/settings` }) },
    {
      method: 'PUT',
      route: '/api/mpps/:mppId/booking/settings',
      allow: ['national', 'mppAdminA'],
      request: (w) => ({ url: `/api/mpps/${w.mppA}/booking/settings`, payload: { maxActivePerNik: 3, noShowLimit: 3, noShowWindowDays: 60, suspensionDays: 30 } }),
    },
    {
      method: 'GET',
      route: '/api/mpps/:mppId/booking/services/:serviceId/settings',
      allow: SERVICE_STAFF_A1,
      request: (w, f) => ({ url: `/api/mpps/${w.mppA}/booking/services/${f.serviceId}/settings` }),
    },
    {
      method: 'PUT',
      route: '/api/mpps/:mppId/booking/services/:serviceId/settings',
      allow: ['national', 'mppAdminA', 'tenantAdminA1'],
      request: (w, f) => ({ url: `/api/mpps/${w.mppA}/booking/services/${f.serviceId}/settings`, payload: { enabled: true, capacityPerSlot: 5, bookAheadDays: 7 } }),
    },
    {
      method: 'POST',
      route: '/api/mpps/:mppId/booking/services/:serviceId/settings/preview',
      allow: ['national', 'mppAdminA', 'tenantAdminA1'],
      request: (w, f) => ({ url: `/api/mpps/${w.mppA}/booking/services/${f.serviceId}/settings/preview`, payload: { slotMinutes: 60 } }),
    },
  ],
} satisfies CaseFile;
