import type { Queryable } from '../platform/db.js';
import { commonErrors } from '../platform/errors.js';

// Units

export interface UnitRow {
  id: string;
  mppId: string;
  name: string;
  vehicle: string;
  plate: string;
  active: boolean;
  serviceIds: string[];
  crewUserIds: string[];
}

export async function listUnits(q: Queryable, mppId: string, ids?: string[]): Promise<UnitRow[]> {
  const { rows } = await q.query<{ id: string; mpp_id: string; name: string; vehicle: string; plate: string; active: boolean; service_ids: string[]; crew_ids: string[] }>(
    `SELECT u.id, u.mpp_id, u.name, u.vehicle, u.plate, u.active,
            coalesce((SELECT array_agg(s.service_id ORDER BY s.service_id) FROM mobile_unit_services s WHERE s.mpp_id = u.mpp_id AND s.unit_id = u.id), '{}') AS service_ids,
            coalesce((SELECT array_agg(c.user_id ORDER BY c.user_id) FROM mobile_unit_crew c WHERE c.mpp_id = u.mpp_id AND c.unit_id = u.id), '{}') AS crew_ids
       FROM mobile_units u
      WHERE u.mpp_id = $1 AND ($2::uuid[] IS NULL OR u.id = ANY($2))
      ORDER BY u.name`,
    [mppId, ids ?? null],
  );
  return rows.map((r) => ({ id: r.id, mppId: r.mpp_id, name: r.name, vehicle: r.vehicle, plate: r.plate, active: r.active, serviceIds: r.service_ids, crewUserIds: r.crew_ids }));
}

/** @throws AppError not_found */
export async function getUnit(q: Queryable, mppId: string, id: string, forUpdate = false): Promise<UnitRow> {
  // The row lock serialises schedule changes of one unit, so two overlapping stops cannot both pass the overlap check.
  if (forUpdate) await q.query('SELECT 1 FROM mobile_units WHERE mpp_id = $1 AND id = $2 FOR UPDATE', [mppId, id]);
  const unit = (await listUnits(q, mppId, [id]))[0];
  if (!unit) throw commonErrors.not_found();
  return unit;
}

export async function insertUnit(q: Queryable, mppId: string, u: { name: string; vehicle: string; plate: string; active: boolean }): Promise<string> {
  const { rows } = await q.query<{ id: string }>('INSERT INTO mobile_units (mpp_id, name, vehicle, plate, active) VALUES ($1, $2, $3, $4, $5) RETURNING id', [
    mppId,
    u.name,
    u.vehicle,
    u.plate,
    u.active,
  ]);
  return rows[0]!.id;
}

export async function updateUnit(q: Queryable, mppId: string, id: string, u: { name: string; vehicle: string; plate: string; active: boolean }): Promise<void> {
  await q.query('UPDATE mobile_units SET name = $3, vehicle = $4, plate = $5, active = $6, updated_at = now() WHERE mpp_id = $1 AND id = $2', [mppId, id, u.name, u.vehicle, u.plate, u.active]);
}

export async function setUnitServices(q: Queryable, mppId: string, unitId: string, serviceIds: string[]): Promise<void> {
  await q.query('DELETE FROM mobile_unit_services WHERE mpp_id = $1 AND unit_id = $2', [mppId, unitId]);
  if (serviceIds.length) await q.query('INSERT INTO mobile_unit_services (mpp_id, unit_id, service_id) SELECT $1, $2, unnest($3::uuid[])', [mppId, unitId, serviceIds]);
}

export async function setUnitCrew(q: Queryable, mppId: string, unitId: string, userIds: string[]): Promise<void> {
  await q.query('DELETE FROM mobile_unit_crew WHERE mpp_id = $1 AND unit_id = $2', [mppId, unitId]);
  if (userIds.length) await q.query('INSERT INTO mobile_unit_crew (mpp_id, unit_id, user_id) SELECT $1, $2, unnest($3::uuid[])', [mppId, unitId, userIds]);
}

// Stops

export interface StopRow {
  id: string;
  mppId: string;
  unitId: string;
  regionCode: string;
  kecamatanCode: string;
  kecamatanName: string;
  villageName: string | null;
  address: string;
  lat: number | null;
  lng: number | null;
  startsAt: Date;
  endsAt: Date;
  localDay: string;
  capacity: number;
  booked: number;
  status: 'scheduled' | 'cancelled' | 'done';
  note: string | null;
  serviceIds: string[];
}

interface StopDbRow {
  id: string;
  mpp_id: string;
  unit_id: string;
  region_code: string;
  kecamatan_code: string;
  kecamatan_name: string;
  village_name: string | null;
  address: string;
  lat: number | null;
  lng: number | null;
  starts_at: Date;
  ends_at: Date;
  local_day: string;
  capacity: number;
  booked: number;
  status: StopRow['status'];
  note: string | null;
  service_ids: string[];
}

const STOP_COLUMNS = `s.id, s.mpp_id, s.unit_id, s.region_code, s.kecamatan_code, s.kecamatan_name, s.village_name, s.address, s.lat, s.lng,
  s.starts_at, s.ends_at, s.local_day::text AS local_day, s.capacity, s.booked, s.status, s.note,
  coalesce((SELECT array_agg(x.service_id ORDER BY x.service_id) FROM mobile_stop_services x WHERE x.mpp_id = s.mpp_id AND x.stop_id = s.id), '{}') AS service_ids`;

const toStop = (r: StopDbRow): StopRow => ({
  id: r.id,
  mppId: r.mpp_id,
  unitId: r.unit_id,
  regionCode: r.region_code,
  kecamatanCode: r.kecamatan_code,
  kecamatanName: r.kecamatan_name,
  villageName: r.village_name,
  address: r.address,
  lat: r.lat,
  lng: r.lng,
  startsAt: new Date(r.starts_at),
  endsAt: new Date(r.ends_at),
  localDay: r.local_day,
  capacity: r.capacity,
  booked: r.booked,
  status: r.status,
  note: r.note,
  serviceIds: r.service_ids,
});

export interface StopWrite {
  unitId: string;
  regionCode: string;
  kecamatanCode: string;
  kecamatanName: string;
  villageName: string | null;
  address: string;
  lat: number | null;
  lng: number | null;
  startsAt: Date;
  endsAt: Date;
  localDay: string;
  capacity: number;
  note: string | null;
}

const stopParams = (s: StopWrite) => [s.unitId, s.regionCode, s.kecamatanCode, s.kecamatanName, s.villageName, s.address, s.lat, s.lng, s.startsAt, s.endsAt, s.localDay, s.capacity, s.note];

export async function insertStop(q: Queryable, mppId: string, s: StopWrite): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO mobile_stops (mpp_id, unit_id, region_code, kecamatan_code, kecamatan_name, village_name, address, lat, lng, starts_at, ends_at, local_day, capacity, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
    [mppId, ...stopParams(s)],
  );
  return rows[0]!.id;
}

export async function updateStop(q: Queryable, mppId: string, id: string, s: StopWrite): Promise<void> {
  await q.query(
    `UPDATE mobile_stops SET unit_id = $3, region_code = $4, kecamatan_code = $5, kecamatan_name = $6, village_name = $7, address = $8, lat = $9, lng = $10,
            starts_at = $11, ends_at = $12, local_day = $13, capacity = $14, note = $15, updated_at = now()
      WHERE mpp_id = $1 AND id = $2`,
    [mppId, id, ...stopParams(s)],
  );
}

export async function setStopServices(q: Queryable, mppId: string, stopId: string, serviceIds: string[]): Promise<void> {
  await q.query('DELETE FROM mobile_stop_services WHERE mpp_id = $1 AND stop_id = $2', [mppId, stopId]);
  await q.query('INSERT INTO mobile_stop_services (mpp_id, stop_id, service_id) SELECT $1, $2, unnest($3::uuid[])', [mppId, stopId, serviceIds]);
}

export async function setStopStatus(q: Queryable, mppId: string, id: string, status: StopRow['status']): Promise<void> {
  await q.query('UPDATE mobile_stops SET status = $3, updated_at = now() WHERE mpp_id = $1 AND id = $2', [mppId, id, status]);
}

/** @throws AppError not_found */
export async function getStop(q: Queryable, mppId: string, id: string, forUpdate = false): Promise<StopRow> {
  if (forUpdate) await q.query('SELECT 1 FROM mobile_stops WHERE mpp_id = $1 AND id = $2 FOR UPDATE', [mppId, id]);
  const { rows } = await q.query<StopDbRow>(`SELECT ${STOP_COLUMNS} FROM mobile_stops s WHERE s.mpp_id = $1 AND s.id = $2`, [mppId, id]);
  if (!rows[0]) throw commonErrors.not_found();
  return toStop(rows[0]);
}

export async function listStops(q: Queryable, mppId: string, filter: { fromDay?: string; status?: StopRow['status'] }): Promise<StopRow[]> {
  const { rows } = await q.query<StopDbRow>(
    `SELECT ${STOP_COLUMNS} FROM mobile_stops s
      WHERE s.mpp_id = $1 AND ($2::date IS NULL OR s.local_day >= $2) AND ($3::text IS NULL OR s.status = $3)
      ORDER BY s.starts_at LIMIT 500`,
    [mppId, filter.fromDay ?? null, filter.status ?? null],
  );
  return rows.map(toStop);
}

/** The first scheduled stop of the unit whose time window overlaps [start, end), other than `exceptId`. */
export async function findOverlap(q: Queryable, mppId: string, unitId: string, start: Date, end: Date, exceptId: string | null): Promise<StopRow | undefined> {
  const { rows } = await q.query<StopDbRow>(
    `SELECT ${STOP_COLUMNS} FROM mobile_stops s
      WHERE s.mpp_id = $1 AND s.unit_id = $2 AND s.status = 'scheduled' AND s.starts_at < $4 AND s.ends_at > $3 AND s.id IS DISTINCT FROM $5::uuid
      ORDER BY s.starts_at LIMIT 1`,
    [mppId, unitId, start, end, exceptId],
  );
  return rows[0] ? toStop(rows[0]) : undefined;
}

/** Scheduled stops that have not ended yet, soonest first, across MPPs unless one is named. */
export async function listUpcoming(q: Queryable, filter: { now: Date; kecamatanCode?: string; mppId?: string; limit: number }): Promise<StopRow[]> {
  const { rows } = await q.query<StopDbRow>(
    `SELECT ${STOP_COLUMNS} FROM mobile_stops s
      WHERE s.status = 'scheduled' AND s.ends_at > $1 AND ($2::text IS NULL OR s.kecamatan_code = $2) AND ($3::uuid IS NULL OR s.mpp_id = $3)
      ORDER BY s.starts_at, s.id LIMIT $4`,
    [filter.now, filter.kecamatanCode ?? null, filter.mppId ?? null, filter.limit],
  );
  return rows.map(toStop);
}

/** Kecamatan with scheduled stops still to come, with the next one's start. */
export async function listKecamatan(q: Queryable, filter: { now: Date; mppId?: string }): Promise<{ code: string; name: string; mppId: string; nextStartsAt: Date; stops: number }[]> {
  const { rows } = await q.query<{ code: string; name: string; mpp_id: string; next_starts_at: Date; stops: number }>(
    `SELECT s.kecamatan_code AS code, min(s.kecamatan_name) AS name, min(s.mpp_id::text)::uuid AS mpp_id, min(s.starts_at) AS next_starts_at, count(*)::int AS stops
       FROM mobile_stops s
      WHERE s.status = 'scheduled' AND s.ends_at > $1 AND ($2::uuid IS NULL OR s.mpp_id = $2)
      GROUP BY s.kecamatan_code ORDER BY min(s.kecamatan_name), s.kecamatan_code`,
    [filter.now, filter.mppId ?? null],
  );
  return rows.map((r) => ({ code: r.code, name: r.name, mppId: r.mpp_id, nextStartsAt: new Date(r.next_starts_at), stops: r.stops }));
}

/**
 * Takes one place of a scheduled stop if fewer than its capacity are taken, in one statement: the
 * row lock serialises concurrent bookers and the WHERE re-reads the count after the lock.
 */
export async function takePlace(q: Queryable, mppId: string, stopId: string): Promise<boolean> {
  const { rows } = await q.query(
    `UPDATE mobile_stops SET booked = booked + 1 WHERE mpp_id = $1 AND id = $2 AND status = 'scheduled' AND booked < capacity RETURNING booked`,
    [mppId, stopId],
  );
  return rows.length === 1;
}

export async function releasePlace(q: Queryable, mppId: string, stopId: string): Promise<void> {
  await q.query('UPDATE mobile_stops SET booked = greatest(booked - 1, 0) WHERE mpp_id = $1 AND id = $2', [mppId, stopId]);
}

// Bookings

export type StopBookingStatus = 'booked' | 'cancelled' | 'checked_in' | 'served' | 'no_show';
export const ACTIVE_STATUSES: StopBookingStatus[] = ['booked', 'checked_in'];

export interface StopBookingRow {
  id: string;
  mppId: string;
  stopId: string;
  code: string;
  serviceId: string;
  nikHash: string;
  nikMasked: string;
  name: string;
  phone: string | null;
  email: string | null;
  status: StopBookingStatus;
  createdAt: Date;
}

interface BookingDbRow {
  id: string;
  mpp_id: string;
  stop_id: string;
  code: string;
  service_id: string;
  nik_hash: string;
  nik_masked: string;
  name: string;
  phone: string | null;
  email: string | null;
  status: StopBookingStatus;
  created_at: Date;
}

const toBooking = (r: BookingDbRow): StopBookingRow => ({
  id: r.id,
  mppId: r.mpp_id,
  stopId: r.stop_id,
  code: r.code,
  serviceId: r.service_id,
  nikHash: r.nik_hash,
  nikMasked: r.nik_masked,
  name: r.name,
  phone: r.phone,
  email: r.email,
  status: r.status,
  createdAt: new Date(r.created_at),
});

export async function insertBooking(
  q: Queryable,
  b: { mppId: string; stopId: string; code: string; serviceId: string; nikHash: string; nikMasked: string; name: string; phone: string | null; email: string | null; at: Date },
): Promise<StopBookingRow> {
  const { rows } = await q.query<BookingDbRow>(
    `INSERT INTO mobile_stop_bookings (mpp_id, stop_id, code, service_id, nik_hash, nik_masked, name, phone, email, status, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'booked', $10, $10) RETURNING *`,
    [b.mppId, b.stopId, b.code, b.serviceId, b.nikHash, b.nikMasked, b.name, b.phone, b.email, b.at],
  );
  return toBooking(rows[0]!);
}

export async function listStopBookings(q: Queryable, mppId: string, stopId: string, opts: { activeOnly?: boolean } = {}): Promise<StopBookingRow[]> {
  const { rows } = await q.query<BookingDbRow>(
    `SELECT * FROM mobile_stop_bookings WHERE mpp_id = $1 AND stop_id = $2 AND (NOT $3 OR status = ANY($4)) ORDER BY created_at, code`,
    [mppId, stopId, opts.activeOnly ?? false, ACTIVE_STATUSES],
  );
  return rows.map(toBooking);
}

/** @throws AppError not_found */
export async function getBooking(q: Queryable, mppId: string, id: string, forUpdate = false): Promise<StopBookingRow> {
  const { rows } = await q.query<BookingDbRow>(`SELECT * FROM mobile_stop_bookings WHERE mpp_id = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`, [mppId, id]);
  if (!rows[0]) throw commonErrors.not_found();
  return toBooking(rows[0]);
}

export async function findBookingByCode(q: Queryable, mppId: string, code: string): Promise<StopBookingRow | undefined> {
  const { rows } = await q.query<BookingDbRow>('SELECT * FROM mobile_stop_bookings WHERE mpp_id = $1 AND code = $2', [mppId, code]);
  return rows[0] ? toBooking(rows[0]) : undefined;
}

/** Active stop bookings of a NIK at an MPP (counted with counter bookings by the per-NIK limit). */
export async function countActiveForNik(q: Queryable, mppId: string, nikHash: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM mobile_stop_bookings WHERE mpp_id = $1 AND nik_hash = $2 AND status = ANY($3)', [mppId, nikHash, ACTIVE_STATUSES]);
  return rows[0]!.n;
}

export async function hasActiveAtStop(q: Queryable, mppId: string, stopId: string, nikHash: string): Promise<boolean> {
  const { rows } = await q.query('SELECT 1 FROM mobile_stop_bookings WHERE mpp_id = $1 AND stop_id = $2 AND nik_hash = $3 AND status = ANY($4)', [mppId, stopId, nikHash, ACTIVE_STATUSES]);
  return rows.length > 0;
}

/** Moves a booking from `from` to `to` status if it is still in `from`; undefined when it was not. */
export async function transition(q: Queryable, mppId: string, id: string, from: StopBookingStatus, to: StopBookingStatus, at: Date): Promise<StopBookingRow | undefined> {
  const { rows } = await q.query<BookingDbRow>(
    `UPDATE mobile_stop_bookings SET status = $4, updated_at = $5, cancelled_at = CASE WHEN $4 = 'cancelled' THEN $5 ELSE cancelled_at END
      WHERE mpp_id = $1 AND id = $2 AND status = $3 RETURNING *`,
    [mppId, id, from, to, at],
  );
  return rows[0] ? toBooking(rows[0]) : undefined;
}

export async function moveBooking(q: Queryable, mppId: string, id: string, stopId: string, at: Date): Promise<StopBookingRow> {
  const { rows } = await q.query<BookingDbRow>('UPDATE mobile_stop_bookings SET stop_id = $3, updated_at = $4 WHERE mpp_id = $1 AND id = $2 RETURNING *', [mppId, id, stopId, at]);
  return toBooking(rows[0]!);
}

export async function insertEvent(
  q: Queryable,
  e: { mppId: string; bookingId: string; action: string; from: StopBookingStatus | null; to: StopBookingStatus; actorType: string; actorId: string | null; at: Date },
): Promise<void> {
  await q.query(
    'INSERT INTO mobile_stop_booking_events (mpp_id, booking_id, action, from_status, to_status, actor_type, actor_id, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
    [e.mppId, e.bookingId, e.action, e.from, e.to, e.actorType, e.actorId, e.at],
  );
}
