import type { Queryable } from '../platform/db.js';

/** The ticket a checked-in booking became in the queue; nothing for a booking not checked in (or unknown). */
export async function findCheckedInTicketId(q: Queryable, input: { mppId: string; bookingId: string }): Promise<string | undefined> {
  const { rows } = await q.query<{ ticket_id: string | null }>("SELECT ticket_id FROM bookings WHERE mpp_id = $1 AND id = $2 AND status = 'checked_in'", [
    input.mppId,
    input.bookingId,
  ]);
  return rows[0]?.ticket_id ?? undefined;
}
