import type { Queryable } from '../platform/db.js';
import type { Row } from '../platform/tables.js';

/**
 * The mobile domain's repository for the crew: what the crew's stop queue (src/crew) reads and
 * changes of the mobile domain's stops and bookings. It lives in this folder because these tables
 * belong to src/mobile (docs/architecture.md, "Table ownership"); src/crew calls only these functions.
 */

export interface CrewStop {
  mppId: string;
  id: string;
  unitId: string;
  unitName: string;
  kecamatanName: string;
  villageName: string | null;
  address: string;
  startsAt: Date;
  endsAt: Date;
  localDay: string;
  status: 'scheduled' | 'cancelled' | 'done';
  serviceIds: string[];
  /** Whether the asking user is in the crew of the stop's unit. */
  isCrew: boolean;
}

type StopRecord = Pick<Row<'mobile_stops'>, 'mpp_id' | 'id' | 'unit_id' | 'kecamatan_name' | 'village_name' | 'address' | 'starts_at' | 'ends_at' | 'local_day' | 'status'> & {
  unit_name: string;
  service_ids: string[] | null;
  is_crew: boolean;
};

const STOP_SELECT = `SELECT s.mpp_id, s.id, s.unit_id, s.kecamatan_name, s.village_name, s.address, s.starts_at, s.ends_at, s.local_day::text AS local_day, s.status,
         u.name AS unit_name,
         (SELECT array_agg(ss.service_id::text ORDER BY ss.service_id) FROM mobile_stop_services ss WHERE ss.mpp_id = s.mpp_id AND ss.stop_id = s.id) AS service_ids,
         EXISTS (SELECT 1 FROM mobile_unit_crew c WHERE c.mpp_id = s.mpp_id AND c.unit_id = s.unit_id AND c.user_id = $1) AS is_crew
    FROM mobile_stops s JOIN mobile_units u ON u.mpp_id = s.mpp_id AND u.id = s.unit_id`;

const toStop = (r: StopRecord): CrewStop => ({
  mppId: r.mpp_id,
  id: r.id,
  unitId: r.unit_id,
  unitName: r.unit_name,
  kecamatanName: r.kecamatan_name,
  villageName: r.village_name,
  address: r.address,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  localDay: r.local_day,
  status: r.status as CrewStop['status'],
  serviceIds: r.service_ids ?? [],
  isCrew: r.is_crew,
});

/** A stop of the MPP as the crew sees it, or undefined when the MPP has no such stop. */
export async function findCrewStop(q: Queryable, input: { mppId: string; stopId: string; userId: string }): Promise<CrewStop | undefined> {
  const { rows } = await q.query<StopRecord>(`${STOP_SELECT} WHERE s.mpp_id = $2 AND s.id = $3`, [input.userId, input.mppId, input.stopId]);
  return rows[0] ? toStop(rows[0]) : undefined;
}

/** The stops of the units a user crews, from a local day on (scheduled ones, soonest first). */
export async function listStopsOfCrewMember(q: Queryable, input: { userId: string; fromDay: string; limit: number }): Promise<CrewStop[]> {
  const { rows } = await q.query<StopRecord>(
    `${STOP_SELECT}
      WHERE s.status = 'scheduled' AND s.local_day >= $2::date
        AND EXISTS (SELECT 1 FROM mobile_unit_crew c WHERE c.mpp_id = s.mpp_id AND c.unit_id = s.unit_id AND c.user_id = $1)
      ORDER BY s.starts_at LIMIT $3`,
    [input.userId, input.fromDay, input.limit],
  );
  return rows.map(toStop);
}

export interface CrewBooking {
  id: string;
  code: string;
  serviceId: string;
  name: string;
  nikMasked: string;
  status: 'booked' | 'cancelled' | 'checked_in' | 'served' | 'no_show';
}

/** Every booking of a stop (cancelled ones too, so an offline device can refuse them). */
export async function listStopBookings(q: Queryable, input: { mppId: string; stopId: string }): Promise<CrewBooking[]> {
  const { rows } = await q.query<Pick<Row<'mobile_stop_bookings'>, 'id' | 'code' | 'service_id' | 'name' | 'nik_masked' | 'status'>>(
    `SELECT id, code, service_id, name, nik_masked, status FROM mobile_stop_bookings WHERE mpp_id = $1 AND stop_id = $2 ORDER BY created_at, code`,
    [input.mppId, input.stopId],
  );
  return rows.map((r) => ({ id: r.id, code: r.code, serviceId: r.service_id, name: r.name, nikMasked: r.nik_masked, status: r.status as CrewBooking['status'] }));
}

const ACTIVE = new Set(['booked', 'checked_in', 'served']);

/**
 * Moves a stop booking to the status the crew's queue reached, with its event row, keeping the
 * stop's `booked` counter equal to its active bookings. No-op when the booking already has it.
 */
export async function setStopBookingStatus(
  q: Queryable,
  input: { mppId: string; bookingId: string; to: 'checked_in' | 'served' | 'no_show'; at: Date; actorId: string },
): Promise<void> {
  const { rows } = await q.query<{ stop_id: string; from_status: string }>(
    `UPDATE mobile_stop_bookings b SET status = $3, updated_at = $4
       FROM (SELECT id, status FROM mobile_stop_bookings WHERE mpp_id = $1 AND id = $2 FOR UPDATE) old
      WHERE b.mpp_id = $1 AND b.id = old.id AND old.status <> $3 AND old.status <> 'cancelled'
      RETURNING b.stop_id, old.status AS from_status`,
    [input.mppId, input.bookingId, input.to, input.at],
  );
  const r = rows[0];
  if (!r) return;
  const delta = Number(ACTIVE.has(input.to)) - Number(ACTIVE.has(r.from_status));
  if (delta !== 0) await q.query('UPDATE mobile_stops SET booked = greatest(booked + $3, 0) WHERE mpp_id = $1 AND id = $2', [input.mppId, r.stop_id, delta]);
  await q.query(
    `INSERT INTO mobile_stop_booking_events (mpp_id, booking_id, action, from_status, to_status, actor_type, actor_id, at)
     VALUES ($1, $2, $3, $4, $5, 'user', $6, $7)`,
    [input.mppId, input.bookingId, `crew.${input.to}`, r.from_status, input.to, input.actorId, input.at],
  );
}
