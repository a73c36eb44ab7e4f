import { findMppBasics, findMppFor, listMppBasics } from '../catalog/read.js';
import type { Principal } from '../platform/auth.js';
import { lockServiceBookingSettings, saveServiceBookingSettings } from '../catalog/service-repository.js';
import type { Queryable } from '../platform/db.js';
import { commonErrors } from '../platform/errors.js';
import { BookingMppSettings, readBookingSettings, type BookingSettings } from './settings.js';

export interface MppRow {
  id: string;
  slug: string;
  name: string;
  timezone: string;
}

/** The MPPs the public may book at: the published ones. */
export async function listMpps(q: Queryable): Promise<MppRow[]> {
  return listMppBasics(q, { publishedOnly: true });
}

/**
 * Given the caller, an unpublished MPP is not found unless the caller is its staff or device.
 * @throws AppError not_found
 */
export async function getMpp(q: Queryable, mppId: string, caller?: Principal): Promise<MppRow> {
  const mpp = caller ? await findMppFor(q, caller, { id: mppId }) : await findMppBasics(q, { id: mppId });
  if (!mpp) throw commonErrors.not_found();
  return mpp;
}

export interface ServiceRow {
  id: string;
  code: string;
  name: string;
  tenantId: string;
  tenantName: string;
  active: boolean;
  settings: BookingSettings;
}

const SERVICE_SELECT = `SELECT s.id, s.code, s.name, s.tenant_id, t.name AS tenant_name, s.active, s.booking_settings
  FROM catalog_services_v s JOIN catalog_tenants_v t ON t.mpp_id = s.mpp_id AND t.id = s.tenant_id`;
type RawService = { id: string; code: string; name: string; tenant_id: string; tenant_name: string; active: boolean; booking_settings: unknown };
const toService = (r: RawService): ServiceRow => ({
  id: r.id,
  code: r.code,
  name: r.name,
  tenantId: r.tenant_id,
  tenantName: r.tenant_name,
  active: r.active,
  settings: readBookingSettings(r.booking_settings),
});

/** Active services of an MPP whose booking is switched on. */
export async function listBookableServices(q: Queryable, mppId: string): Promise<ServiceRow[]> {
  const { rows } = await q.query<RawService>(
    `${SERVICE_SELECT} WHERE s.mpp_id = $1 AND s.active AND (s.booking_settings->>'enabled')::boolean IS TRUE ORDER BY t.name, s.name`,
    [mppId],
  );
  return rows.map(toService);
}

export async function findService(q: Queryable, mppId: string, serviceId: string): Promise<ServiceRow | undefined> {
  const { rows } = await q.query<RawService>(`${SERVICE_SELECT} WHERE s.mpp_id = $1 AND s.id = $2`, [mppId, serviceId]);
  return rows[0] ? toService(rows[0]) : undefined;
}

/** @throws AppError not_found */
export async function getService(q: Queryable, mppId: string, serviceId: string): Promise<ServiceRow> {
  const s = await findService(q, mppId, serviceId);
  if (!s) throw commonErrors.not_found();
  return s;
}

/** The service's current booking settings, its row locked until the transaction ends. @throws AppError not_found */
export async function lockServiceSettings(q: Queryable, mppId: string, serviceId: string): Promise<BookingSettings> {
  const row = await lockServiceBookingSettings(q, { mppId, serviceId });
  if (!row) throw commonErrors.not_found();
  return readBookingSettings(row.booking_settings);
}

export async function updateServiceSettings(q: Queryable, mppId: string, serviceId: string, settings: BookingSettings): Promise<void> {
  await saveServiceBookingSettings(q, { mppId, serviceId, settings });
}

export async function getMppSettings(q: Queryable, mppId: string): Promise<BookingMppSettings> {
  const { rows } = await q.query<{ max_active_per_nik: number; no_show_limit: number; no_show_window_days: number; suspension_days: number }>(
    'SELECT max_active_per_nik, no_show_limit, no_show_window_days, suspension_days FROM booking_mpp_settings WHERE mpp_id = $1',
    [mppId],
  );
  const r = rows[0];
  if (!r) return BookingMppSettings.parse({});
  return { maxActivePerNik: r.max_active_per_nik, noShowLimit: r.no_show_limit, noShowWindowDays: r.no_show_window_days, suspensionDays: r.suspension_days };
}

export async function putMppSettings(q: Queryable, mppId: string, s: BookingMppSettings): Promise<void> {
  await q.query(
    `INSERT INTO booking_mpp_settings (mpp_id, max_active_per_nik, no_show_limit, no_show_window_days, suspension_days, updated_at)
     VALUES ($1, $2, $3, $4, $5, now())
     ON CONFLICT (mpp_id) DO UPDATE SET max_active_per_nik = $2, no_show_limit = $3, no_show_window_days = $4, suspension_days = $5, updated_at = now()`,
    [mppId, s.maxActivePerNik, s.noShowLimit, s.noShowWindowDays, s.suspensionDays],
  );
}

/** Places taken per slot start (ISO) for a range of local days. */
export async function slotCounts(q: Queryable, mppId: string, serviceId: string, fromDay: string, toDay: string): Promise<Map<string, number>> {
  const { rows } = await q.query<{ starts_at: Date; booked: number }>(
    'SELECT starts_at, booked FROM booking_slots WHERE mpp_id = $1 AND service_id = $2 AND local_day BETWEEN $3 AND $4',
    [mppId, serviceId, fromDay, toDay],
  );
  return new Map(rows.map((r) => [new Date(r.starts_at).toISOString(), r.booked]));
}

export async function dayCounts(q: Queryable, mppId: string, serviceId: string, fromDay: string, toDay: string): Promise<Map<string, number>> {
  const { rows } = await q.query<{ local_day: string; booked: number }>(
    'SELECT local_day, booked FROM booking_days WHERE mpp_id = $1 AND service_id = $2 AND local_day BETWEEN $3 AND $4',
    [mppId, serviceId, fromDay, toDay],
  );
  return new Map(rows.map((r) => [r.local_day, r.booked]));
}

/**
 * Serialises every booking change of one NIK at one MPP until the transaction ends, so the per-NIK
 * rules (one a day, a cap of active bookings) hold under concurrent requests with the same NIK.
 */
export async function lockNik(tx: Queryable, mppId: string, nikHash: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`booking:${mppId}:${nikHash}`]);
}

export async function findSuspension(q: Queryable, mppId: string, nikHash: string, now: Date): Promise<{ until: Date; noShows: number } | undefined> {
  const { rows } = await q.query<{ until: Date; no_shows: number }>('SELECT until, no_shows FROM booking_suspensions WHERE mpp_id = $1 AND nik_hash = $2 AND until > $3', [
    mppId,
    nikHash,
    now,
  ]);
  return rows[0] ? { until: new Date(rows[0].until), noShows: rows[0].no_shows } : undefined;
}

export async function countActive(q: Queryable, mppId: string, nikHash: string, sameServiceDay?: { serviceId: string; localDay: string; exceptId?: string }): Promise<number> {
  const { rows } = sameServiceDay
    ? await q.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM bookings WHERE mpp_id = $1 AND nik_hash = $2 AND status = 'booked' AND service_id = $3 AND local_day = $4 AND id IS DISTINCT FROM $5::uuid`,
        [mppId, nikHash, sameServiceDay.serviceId, sameServiceDay.localDay, sameServiceDay.exceptId ?? null],
      )
    : await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM bookings WHERE mpp_id = $1 AND nik_hash = $2 AND status = 'booked'`, [mppId, nikHash]);
  return rows[0]!.n;
}

/** A NIK's active mobile-service stop bookings at an MPP, through mobile's read view (they count toward the per-NIK limit). */
export async function countActiveStopBookings(q: Queryable, mppId: string, nikHash: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM mobile_stop_bookings_v WHERE mpp_id = $1 AND nik_hash = $2 AND active', [mppId, nikHash]);
  return rows[0]!.n;
}

/**
 * Takes one place of a slot if fewer than `capacity` are taken, in one statement: the row lock of
 * the upsert serialises concurrent bookers and the WHERE re-reads the count after the lock.
 * Returns false when the slot is full.
 */
export async function takeSlotPlace(tx: Queryable, mppId: string, serviceId: string, startsAt: Date, localDay: string, capacity: number): Promise<boolean> {
  const { rows } = await tx.query(
    `INSERT INTO booking_slots AS s (mpp_id, service_id, starts_at, local_day, booked) VALUES ($1, $2, $3, $4, 1)
     ON CONFLICT (mpp_id, service_id, starts_at) DO UPDATE SET booked = s.booked + 1 WHERE s.booked < $5
     RETURNING booked`,
    [mppId, serviceId, startsAt, localDay, capacity],
  );
  return rows.length === 1;
}

/** The same for the daily quota (null quota: counts without a limit). */
export async function takeDayPlace(tx: Queryable, mppId: string, serviceId: string, localDay: string, quota: number | null): Promise<boolean> {
  const { rows } = await tx.query(
    `INSERT INTO booking_days AS d (mpp_id, service_id, local_day, booked) VALUES ($1, $2, $3, 1)
     ON CONFLICT (mpp_id, service_id, local_day) DO UPDATE SET booked = d.booked + 1 WHERE $4::int IS NULL OR d.booked < $4::int
     RETURNING booked`,
    [mppId, serviceId, localDay, quota],
  );
  return rows.length === 1;
}

/** Gives back the places of a cancelled or moved booking. */
export async function releasePlaces(tx: Queryable, mppId: string, serviceId: string, startsAt: Date, localDay: string): Promise<void> {
  await tx.query('UPDATE booking_slots SET booked = booked - 1 WHERE mpp_id = $1 AND service_id = $2 AND starts_at = $3 AND booked > 0', [mppId, serviceId, startsAt]);
  await tx.query('UPDATE booking_days SET booked = booked - 1 WHERE mpp_id = $1 AND service_id = $2 AND local_day = $3 AND booked > 0', [mppId, serviceId, localDay]);
}

export interface BookingRow {
  id: string;
  mppId: string;
  code: string;
  serviceId: string;
  slotStart: Date;
  slotEnd: Date;
  localDay: string;
  nikHash: string;
  nikMasked: string;
  name: string;
  phone: string | null;
  email: string | null;
  status: 'booked' | 'checked_in' | 'no_show' | 'cancelled';
  ticketId: string | null;
  ticketNumber: string | null;
  affectedAt: Date | null;
  createdAt: Date;
}

type RawBooking = {
  id: string;
  mpp_id: string;
  code: string;
  service_id: string;
  slot_start: Date;
  slot_end: Date;
  local_day: string;
  nik_hash: string;
  nik_masked: string;
  name: string;
  phone: string | null;
  email: string | null;
  status: BookingRow['status'];
  ticket_id: string | null;
  ticket_number: string | null;
  affected_at: Date | null;
  created_at: Date;
};
const BOOKING_COLUMNS = 'id, mpp_id, code, service_id, slot_start, slot_end, local_day, nik_hash, nik_masked, name, phone, email, status, ticket_id, ticket_number, affected_at, created_at';
const toBooking = (r: RawBooking): BookingRow => ({
  id: r.id,
  mppId: r.mpp_id,
  code: r.code,
  serviceId: r.service_id,
  slotStart: new Date(r.slot_start),
  slotEnd: new Date(r.slot_end),
  localDay: r.local_day,
  nikHash: r.nik_hash,
  nikMasked: r.nik_masked,
  name: r.name,
  phone: r.phone,
  email: r.email,
  status: r.status,
  ticketId: r.ticket_id,
  ticketNumber: r.ticket_number,
  affectedAt: r.affected_at ? new Date(r.affected_at) : null,
  createdAt: new Date(r.created_at),
});

export async function insertBooking(
  tx: Queryable,
  b: { mppId: string; code: string; serviceId: string; slotStart: Date; slotEnd: Date; localDay: string; nikHash: string; nikMasked: string; name: string; phone: string | null; email: string | null; at: Date },
): Promise<BookingRow> {
  const { rows } = await tx.query<RawBooking>(
    `INSERT INTO bookings (mpp_id, code, service_id, slot_start, slot_end, local_day, nik_hash, nik_masked, name, phone, email, status, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'booked', $12, $12) RETURNING ${BOOKING_COLUMNS}`,
    [b.mppId, b.code, b.serviceId, b.slotStart, b.slotEnd, b.localDay, b.nikHash, b.nikMasked, b.name, b.phone, b.email, b.at],
  );
  return toBooking(rows[0]!);
}

export async function findBookingByCode(q: Queryable, mppId: string, code: string, forUpdate = false): Promise<BookingRow | undefined> {
  const { rows } = await q.query<RawBooking>(`SELECT ${BOOKING_COLUMNS} FROM bookings WHERE mpp_id = $1 AND code = $2${forUpdate ? ' FOR UPDATE' : ''}`, [mppId, code]);
  return rows[0] ? toBooking(rows[0]) : undefined;
}

/** @throws AppError not_found */
export async function getBookingById(q: Queryable, mppId: string, id: string, forUpdate = false): Promise<BookingRow> {
  const { rows } = await q.query<RawBooking>(`SELECT ${BOOKING_COLUMNS} FROM bookings WHERE mpp_id = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`, [mppId, id]);
  if (!rows[0]) throw commonErrors.not_found();
  return toBooking(rows[0]);
}

export async function listBookingsOfDay(q: Queryable, mppId: string, serviceId: string, localDay: string): Promise<BookingRow[]> {
  const { rows } = await q.query<RawBooking>(`SELECT ${BOOKING_COLUMNS} FROM bookings WHERE mpp_id = $1 AND service_id = $2 AND local_day = $3 ORDER BY slot_start, created_at`, [
    mppId,
    serviceId,
    localDay,
  ]);
  return rows.map(toBooking);
}

export async function listAffected(q: Queryable, mppId: string): Promise<BookingRow[]> {
  const { rows } = await q.query<RawBooking>(`SELECT ${BOOKING_COLUMNS} FROM bookings WHERE mpp_id = $1 AND status = 'booked' AND affected_at IS NOT NULL ORDER BY slot_start`, [mppId]);
  return rows.map(toBooking);
}

/** Active bookings whose slot has not started yet, for every MPP (the schedule sweep). */
export async function listUpcoming(q: Queryable, now: Date): Promise<BookingRow[]> {
  const { rows } = await q.query<RawBooking>(`SELECT ${BOOKING_COLUMNS} FROM bookings WHERE status = 'booked' AND slot_start > $1 ORDER BY mpp_id, service_id, slot_start`, [now]);
  return rows.map(toBooking);
}

export async function setAffected(q: Queryable, mppId: string, id: string, at: Date | null): Promise<boolean> {
  const { rowCount } = await q.query(
    `UPDATE bookings SET affected_at = $3, updated_at = COALESCE($3, updated_at) WHERE mpp_id = $1 AND id = $2 AND status = 'booked' AND (affected_at IS NULL) = ($3::timestamptz IS NOT NULL)`,
    [mppId, id, at],
  );
  return rowCount === 1;
}

/** Moves a booking from one state to another only if it is still in `from`; returns the row or nothing. */
export async function transition(
  q: Queryable,
  mppId: string,
  id: string,
  from: BookingRow['status'],
  to: BookingRow['status'],
  at: Date,
  extra: { ticketId?: string; ticketNumber?: string } = {},
): Promise<BookingRow | undefined> {
  const stamp = to === 'checked_in' ? 'checked_in_at' : to === 'cancelled' ? 'cancelled_at' : to === 'no_show' ? 'no_show_at' : 'updated_at';
  const { rows } = await q.query<RawBooking>(
    `UPDATE bookings SET status = $4, ${stamp} = $5, updated_at = $5, ticket_id = COALESCE($6, ticket_id), ticket_number = COALESCE($7, ticket_number)
      WHERE mpp_id = $1 AND id = $2 AND status = $3 RETURNING ${BOOKING_COLUMNS}`,
    [mppId, id, from, to, at, extra.ticketId ?? null, extra.ticketNumber ?? null],
  );
  return rows[0] ? toBooking(rows[0]) : undefined;
}

export async function moveSlot(q: Queryable, mppId: string, id: string, slotStart: Date, slotEnd: Date, localDay: string, at: Date): Promise<BookingRow> {
  const { rows } = await q.query<RawBooking>(
    `UPDATE bookings SET slot_start = $3, slot_end = $4, local_day = $5, affected_at = NULL, reminded_at = NULL, updated_at = $6
      WHERE mpp_id = $1 AND id = $2 RETURNING ${BOOKING_COLUMNS}`,
    [mppId, id, slotStart, slotEnd, localDay, at],
  );
  return toBooking(rows[0]!);
}

export async function insertEvent(
  q: Queryable,
  e: { mppId: string; bookingId: string; action: string; from: string | null; to: string; actorType: string; actorId: string | null; detail?: Record<string, unknown>; at: Date },
): Promise<void> {
  await q.query(
    `INSERT INTO booking_events (mpp_id, booking_id, action, from_status, to_status, actor_type, actor_id, detail, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [e.mppId, e.bookingId, e.action, e.from, e.to, e.actorType, e.actorId, JSON.stringify(e.detail ?? {}), e.at],
  );
}

/** Bookings whose check-in window has closed while still booked: they become no-shows. Locked, skipping rows another worker holds. */
export async function claimOverdue(tx: Queryable, now: Date, limit = 500): Promise<{ mppId: string; id: string }[]> {
  const { rows } = await tx.query<{ mpp_id: string; id: string }>(
    `SELECT b.mpp_id, b.id
       FROM bookings b JOIN catalog_services_v s ON s.mpp_id = b.mpp_id AND s.id = b.service_id
      WHERE b.status = 'booked' AND b.slot_start < $1
        AND b.slot_start + make_interval(mins => COALESCE((s.booking_settings->>'checkInLateMinutes')::int, 10)) <= $1
      ORDER BY b.slot_start LIMIT $2 FOR UPDATE OF b SKIP LOCKED`,
    [now, limit],
  );
  return rows.map((r) => ({ mppId: r.mpp_id, id: r.id }));
}

/** No-shows of a NIK since a moment (the window start, or the end of its last suspension). */
export async function countNoShows(q: Queryable, mppId: string, nikHash: string, since: Date): Promise<number> {
  const { rows } = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM bookings WHERE mpp_id = $1 AND nik_hash = $2 AND status = 'no_show' AND no_show_at > $3`, [
    mppId,
    nikHash,
    since,
  ]);
  return rows[0]!.n;
}

/** When the NIK was last suspended: no-shows before it have been paid for. */
export async function lastSuspensionStart(q: Queryable, mppId: string, nikHash: string): Promise<Date | undefined> {
  const { rows } = await q.query<{ created_at: Date }>('SELECT created_at FROM booking_suspensions WHERE mpp_id = $1 AND nik_hash = $2', [mppId, nikHash]);
  return rows[0] ? new Date(rows[0].created_at) : undefined;
}

export async function suspend(q: Queryable, mppId: string, nikHash: string, nikMasked: string, until: Date, noShows: number, at: Date): Promise<void> {
  await q.query(
    `INSERT INTO booking_suspensions (mpp_id, nik_hash, nik_masked, until, no_shows, created_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (mpp_id, nik_hash) DO UPDATE SET until = $4, no_shows = $5, created_at = $6`,
    [mppId, nikHash, nikMasked, until, noShows, at],
  );
}

/**
 * Claims the reminders due at `at`: booked appointments on the MPP's next local day, once its local
 * time is past 07:00 (nobody gets a message at midnight). Marks them reminded in the same statement;
 * a concurrent worker re-reads reminded_at after the row lock and skips them.
 */
export async function claimReminders(tx: Queryable, at: Date): Promise<BookingRow[]> {
  const cols = BOOKING_COLUMNS.split(', ').map((c) => `b.${c}`).join(', ');
  const { rows } = await tx.query<RawBooking>(
    `UPDATE bookings b SET reminded_at = $1 FROM catalog_mpps_v m
      WHERE m.id = b.mpp_id AND b.status = 'booked' AND b.reminded_at IS NULL
        AND b.local_day = (($1::timestamptz AT TIME ZONE m.timezone)::date + 1)
        AND ($1::timestamptz AT TIME ZONE m.timezone)::time >= '07:00'
     RETURNING ${cols}`,
    [at],
  );
  return rows.map(toBooking);
}

export async function noShowCount(q: Queryable, mppId: string, nikHash: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM bookings WHERE mpp_id = $1 AND nik_hash = $2 AND status = 'no_show'`, [mppId, nikHash]);
  return rows[0]!.n;
}

/**
 * For "Layanan saya" (citizen domain): bookings in every MPP that left one of these phone numbers
 * (E.164) or emails (lower-case), from `sinceDay` on, with the service and MPP names.
 */
export async function findByContact(q: Queryable, contacts: { phones: string[]; emails: string[] }, sinceDay: string, limit = 50): Promise<(BookingRow & { serviceName: string; mppName: string; timezone: string })[]> {
  if (contacts.phones.length === 0 && contacts.emails.length === 0) return [];
  const { rows } = await q.query<RawBooking & { service_name: string; mpp_name: string; timezone: string }>(
    `SELECT ${BOOKING_COLUMNS.split(', ').map((c) => `b.${c}`).join(', ')}, s.name AS service_name, m.name AS mpp_name, m.timezone
       FROM bookings b JOIN catalog_services_v s ON s.mpp_id = b.mpp_id AND s.id = b.service_id JOIN catalog_mpps_v m ON m.id = b.mpp_id
      WHERE b.local_day >= $3::date AND (b.phone = ANY($1::text[]) OR lower(b.email) = ANY($2::text[]))
      ORDER BY b.slot_start DESC LIMIT $4`,
    [contacts.phones, contacts.emails, sinceDay, limit],
  );
  return rows.map((r) => ({ ...toBooking(r), serviceName: r.service_name, mppName: r.mpp_name, timezone: r.timezone }));
}

/** A past booking with its whole story, as the demo's history writes it (demo-history.ts): its final state and when it was reached. */
export type HistoryBooking = Pick<BookingRow, 'id' | 'code' | 'serviceId' | 'slotStart' | 'slotEnd' | 'localDay' | 'nikHash' | 'nikMasked' | 'name' | 'createdAt'> & {
  email: string;
  status: 'checked_in' | 'no_show' | 'cancelled';
  at: Date;
};

/** Inserts past bookings and their two events (book, then check-in, no-show or cancel) in bulk, one array per column. */
export async function insertHistory(q: Queryable, mppId: string, rows: HistoryBooking[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000);
    const col = <K extends keyof HistoryBooking>(k: K) => chunk.map((r) => r[k]);
    const stamp = (s: HistoryBooking['status']) => chunk.map((r) => (r.status === s ? r.at : null));
    await q.query(
      `INSERT INTO bookings (mpp_id, id, code, service_id, slot_start, slot_end, local_day, nik_hash, nik_masked, name, email, status,
                             checked_in_at, no_show_at, cancelled_at, created_at, updated_at)
       SELECT $1::uuid, * FROM unnest($2::uuid[], $3::text[], $4::uuid[], $5::timestamptz[], $6::timestamptz[], $7::date[], $8::text[], $9::text[], $10::text[],
                                $11::text[], $12::text[], $13::timestamptz[], $14::timestamptz[], $15::timestamptz[], $16::timestamptz[], $17::timestamptz[])`,
      [mppId, col('id'), col('code'), col('serviceId'), col('slotStart'), col('slotEnd'), col('localDay'), col('nikHash'), col('nikMasked'), col('name'),
        col('email'), col('status'), stamp('checked_in'), stamp('no_show'), stamp('cancelled'), col('createdAt'), col('at')],
    );
    const action = { checked_in: 'check_in', no_show: 'no_show', cancelled: 'cancel' } as const;
    await q.query(
      `INSERT INTO booking_events (mpp_id, booking_id, action, from_status, to_status, actor_type, at)
       SELECT $1::uuid, b, 'book', NULL, 'booked', 'citizen', c FROM unnest($2::uuid[], $3::timestamptz[]) AS x(b, c)
       UNION ALL
       SELECT $1::uuid, b, a, 'booked', s, CASE a WHEN 'cancel' THEN 'citizen' ELSE 'system' END, t FROM unnest($2::uuid[], $4::text[], $5::text[], $6::timestamptz[]) AS y(b, a, s, t)`,
      [mppId, col('id'), col('createdAt'), chunk.map((r) => action[r.status]), col('status'), col('at')],
    );
  }
}
