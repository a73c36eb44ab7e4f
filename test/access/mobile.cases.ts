import { insertBookableService } from '../../src/booking/fixtures.test-helpers.js';
import type { CallerName, CaseFile } from './world.js';

const ADMIN_A: CallerName[] = ['national', 'mppAdminA'];
const farDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const unitBody = (serviceId: string) => ({ name: 'Unit matriks', vehicle: 'Elf', plate: 'R 2 MX', serviceIds: [serviceId] });
const stopBody = (f: Record<string, string>, days: number) => ({
  unitId: f.unitId,
  kecamatanCode: '33.02.17',
  address: 'Balai desa matriks',
  date: farDay(days),
  startTime: '08:00',
  endTime: '10:00',
  capacity: 60,
  serviceIds: [f.serviceId],
});

export default {
  async setup(w) {
    await w.t.db.query("UPDATE mpps SET region_code = '33.02', published = true WHERE id = $1", [w.mppA]);
    const serviceId = await insertBookableService(w.t.db, w.mppA, w.tenantA1, 'MOBILEMX', {}, 'M');
    const unitId = (
      await w.t.db.query<{ id: string }>("INSERT INTO mobile_units (mpp_id, name, vehicle, plate) VALUES ($1, 'Unit matriks', 'Elf', 'R 1 MX') RETURNING id", [w.mppA])
    ).rows[0]!.id;
    await w.t.db.query('INSERT INTO mobile_unit_services (mpp_id, unit_id, service_id) VALUES ($1, $2, $3)', [w.mppA, unitId, serviceId]);
    const stop = async (day: number) => {
      const id = (
        await w.t.db.query<{ id: string }>(
          `INSERT INTO mobile_stops (mpp_id, unit_id, region_code, kecamatan_code, kecamatan_name, address, starts_at, ends_at, local_day, capacity)
           VALUES ($1, $2, '33.02.17', '33.02.17', 'Cilongok', 'Balai desa matriks', now() + make_interval(days => $3), now() + make_interval(days => $3, hours => 3), (now() + make_interval(days => $3))::date, 50) RETURNING id`,
          [w.mppA, unitId, day],
        )
      ).rows[0]!.id;
      await w.t.db.query('INSERT INTO mobile_stop_services (mpp_id, stop_id, service_id) VALUES ($1, $2, $3)', [w.mppA, id, serviceId]);
      return id;
    };
    const stopId = await stop(400);
    const otherStopId = await stop(401);
    const toCancelId = await stop(402);
    const bookingId = (
      await w.t.db.query<{ id: string }>(
        `INSERT INTO mobile_stop_bookings (mpp_id, stop_id, code, service_id, nik_hash, nik_masked, name, phone, status) VALUES ($1, $2, 'MXMOBILE', $3, 'h', 'm', 'Matriks', '+6281200000000', 'booked') RETURNING id`,
        [w.mppA, stopId, serviceId],
      )
    ).rows[0]!.id;
    return { serviceId, unitId, stopId, otherStopId, toCancelId, bookingId };
  },
  cases: [
    { method: 'GET', route: '/api/mpps/:mppId/mobile/options', allow: ADMIN_A, request: (w) => ({ url: `/api/mpps/${w.mppA}/mobile/options` }) },
    { method: 'GET', route: '/api/mpps/:mppId/mobile/units', allow: ADMIN_A, request: (w) => ({ url: `/api/mpps/${w.mppA}/mobile/units` }) },
    // The first allowed caller creates the unit, the second is told the plate is taken (409).
    { method: 'POST', route: '/api/mpps/:mppId/mobile/units', allow: ADMIN_A, request: (w, f) => ({ url: `/api/mpps/${w.mppA}/mobile/units`, payload: unitBody(f.serviceId) }) },
    { method: 'PUT', route: '/api/mpps/:mppId/mobile/units/:unitId', allow: ADMIN_A, request: (w, f) => ({ url: `/api/mpps/${w.mppA}/mobile/units/${f.unitId}`, payload: { ...unitBody(f.serviceId), plate: 'R 1 MX' } }) },
    { method: 'GET', route: '/api/mpps/:mppId/mobile/stops', allow: ADMIN_A, request: (w) => ({ url: `/api/mpps/${w.mppA}/mobile/stops` }) },
    { method: 'POST', route: '/api/mpps/:mppId/mobile/stops', allow: ADMIN_A, request: (w, f) => ({ url: `/api/mpps/${w.mppA}/mobile/stops`, payload: stopBody(f, 450) }) },
    { method: 'PUT', route: '/api/mpps/:mppId/mobile/stops/:stopId', allow: ADMIN_A, request: (w, f) => ({ url: `/api/mpps/${w.mppA}/mobile/stops/${f.stopId}`, payload: stopBody(f, 460) }) },
    { method: 'POST', route: '/api/mpps/:mppId/mobile/stops/:stopId/cancel', allow: ADMIN_A, request: (w, f) => ({ url: `/api/mpps/${w.mppA}/mobile/stops/${f.toCancelId}/cancel`, payload: { reason: 'uji matriks akses' } }) },
    { method: 'GET', route: '/api/mpps/:mppId/mobile/stops/:stopId/bookings', allow: ADMIN_A, request: (w, f) => ({ url: `/api/mpps/${w.mppA}/mobile/stops/${f.stopId}/bookings` }) },
    { method: 'POST', route: '/api/mpps/:mppId/mobile/bookings/:bookingId/move', allow: ADMIN_A, request: (w, f) => ({ url: `/api/mpps/${w.mppA}/mobile/bookings/${f.bookingId}/move`, payload: { stopId: f.otherStopId } }) },
    { method: 'POST', route: '/api/mpps/:mppId/mobile/bookings/:bookingId/cancel', allow: ADMIN_A, request: (w, f) => ({ url: `/api/mpps/${w.mppA}/mobile/bookings/${f.bookingId}/cancel`, payload: { reason: 'uji matriks akses' } }) },
    { method: 'GET', route: '/api/mobile/kecamatan', public: 'the published schedule: which kecamatan a mobile unit visits', request: () => ({ url: '/api/mobile/kecamatan' }) },
    { method: 'GET', route: '/api/mobile/stops', public: 'the published schedule of stops of published MPPs', request: () => ({ url: '/api/mobile/stops' }) },
    { method: 'GET', route: '/api/mobile/stops.ics', public: 'the published schedule as a calendar feed', request: () => ({ url: '/api/mobile/stops.ics' }) },
    { method: 'GET', route: '/api/mobile/mpps/:mppId/stops/:stopId', public: 'one published stop', request: (w, f) => ({ url: `/api/mobile/mpps/${w.mppA}/stops/${f.stopId}` }) },
    { method: 'POST', route: '/api/mobile/mpps/:mppId/stops/:stopId/bookings', public: 'citizens book without an account (rate-limited, per-NIK rules)', request: (w, f) => ({ url: `/api/mobile/mpps/${w.mppA}/stops/${f.stopId}/bookings`, payload: {} }) },
    { method: 'POST', route: '/api/mobile/mpps/:mppId/bookings/cancel', public: 'the code and the NIK it was made with are the credential', request: (w) => ({ url: `/api/mobile/mpps/${w.mppA}/bookings/cancel`, payload: {} }) },
  ],
} satisfies CaseFile;
