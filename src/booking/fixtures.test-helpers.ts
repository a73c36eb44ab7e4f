import { deviceCaller, seedMpp, staffCaller, type Caller, type SeededMpp, type TestApp } from '../../test/support/app.js';
import type { Queryable } from '../platform/db.js';

const WEEKDAY = { opens: '08:00', closes: '15:00', breaks: [{ start: '12:00', end: '13:00', label: 'Istirahat' }] };
const FRIDAY = { opens: '08:00', closes: '15:30', breaks: [{ start: '11:30', end: '13:30', label: 'Salat Jumat' }] };
export const WEEK = { '1': WEEKDAY, '2': WEEKDAY, '3': WEEKDAY, '4': WEEKDAY, '5': FRIDAY };

/** A valid NIK: DKI Jakarta, born 15 May 1990, with the given serial (1-9999). */
export const nik = (serial: number, opts: { female?: boolean } = {}) => `317401${opts.female ? '55' : '15'}0590${String(serial).padStart(4, '0')}`;

export interface BookingWorld extends SeededMpp {
  serviceId: string;
  otherServiceId: string;
  admin: Caller;
  officer: Caller;
  kiosk: Caller;
}

export async function insertBookableService(q: Queryable, mppId: string, tenantId: string, code: string, settings: Record<string, unknown>, prefix = 'K'): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    'INSERT INTO services (mpp_id, tenant_id, code, name, ticket_prefix, booking_settings) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
    [mppId, tenantId, code, `Layanan ${code}`, prefix, JSON.stringify({ enabled: true, ...settings })],
  );
  return rows[0]!.id;
}

/** An MPP (WIB unless told) with weekday hours and a Friday prayer break, two bookable services, staff and a kiosk. */
export async function seedBookingWorld(t: TestApp, opts: { timezone?: string; settings?: Record<string, unknown> } = {}): Promise<BookingWorld> {
  const mpp = await seedMpp(t.db, { timezone: opts.timezone });
  await t.db.query('UPDATE mpps SET weekly_hours = $2 WHERE id = $1', [mpp.mppId, JSON.stringify(WEEK)]);
  const serviceId = await insertBookableService(t.db, mpp.mppId, mpp.tenantId, 'KTP', { slotMinutes: 30, capacityPerSlot: 3, ...opts.settings }, 'A');
  const otherServiceId = await insertBookableService(t.db, mpp.mppId, mpp.tenantId, 'KK', { slotMinutes: 30, capacityPerSlot: 3, ...opts.settings }, 'B');
  const admin = await staffCaller(t, 'mpp_admin', { mppId: mpp.mppId });
  return {
    ...mpp,
    serviceId,
    otherServiceId,
    admin,
    officer: await staffCaller(t, 'officer', { mppId: mpp.mppId, tenantId: mpp.tenantId }),
    kiosk: await deviceCaller(t, admin, mpp.mppId, 'kiosk'),
  };
}

export function book(t: TestApp, w: { mppId: string; serviceId: string }, startsAt: string, n: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url: `/api/mpps/${w.mppId}/bookings`,
    headers,
    payload: { serviceId: w.serviceId, startsAt, nik: n, name: 'Siti Aminah', phone: '081234567890', ...extra },
  });
}
