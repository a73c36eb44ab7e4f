import type { Queryable } from '../platform/db.js';

/** Bookings of a period whose slot has ended: kept (checked in) or missed (no-show). Cancelled ones do not count. */
export interface BookingAttendance {
  checkedIn: number;
  noShow: number;
}

/** Attendance of an MPP's bookings for local days [from, to), counting only slots ended by `now`, for the operations scorecard. */
export async function bookingAttendance(q: Queryable, input: { mppId: string; from: string; to: string; now: Date }): Promise<BookingAttendance> {
  const { rows } = await q.query<{ checked_in: number; no_show: number }>(
    `SELECT count(*) FILTER (WHERE status = 'checked_in')::int AS checked_in, count(*) FILTER (WHERE status = 'no_show')::int AS no_show
       FROM bookings WHERE mpp_id = $1 AND local_day >= $2::date AND local_day < $3::date AND slot_end <= $4`,
    [input.mppId, input.from, input.to, input.now],
  );
  return { checkedIn: Number(rows[0]!.checked_in), noShow: Number(rows[0]!.no_show) };
}
