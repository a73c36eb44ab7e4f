import { z } from 'zod';
import type { Db, Queryable } from '../platform/db.js';
import { replaceTokenHash } from './repository.js';
import { codeForStatusToken, hashCode, issueSurveyToken } from './tokens.js';

/**
 * Where the survey meets the queue. The queue announces a finished ticket with the outbox topic
 * 'ticket.served'; this gives that ticket its survey code. The officer console may hand a ticket to
 * the tablet before the outbox has delivered, so a served ticket in the queue's own table is also
 * accepted directly. Only reads of `tickets` / `ticket_events` (no import of queue code); every
 * deployment runs all migrations, so those tables always exist.
 */

export const TicketServed = z.object({ mppId: z.uuid(), ticketId: z.uuid(), serviceId: z.uuid() });
export type TicketServed = z.infer<typeof TicketServed>;

/** The served ticket as the queue recorded it, or undefined when it is not (yet) served. */
export async function findServedTicket(q: Queryable, mppId: string, ticketId: string): Promise<{ serviceId: string; servedAt: Date } | undefined> {
  const { rows } = await q.query<{ service_id: string; served_at: Date | null }>(
    `SELECT t.service_id,
            (SELECT max(e.at) FROM ticket_events e WHERE e.mpp_id = t.mpp_id AND e.ticket_id = t.id AND e.type = 'served') AS served_at
     FROM tickets t WHERE t.mpp_id = $1 AND t.id = $2 AND t.status = 'served'`,
    [mppId, ticketId],
  );
  const row = rows[0];
  return row?.served_at ? { serviceId: row.service_id, servedAt: row.served_at } : undefined;
}

/**
 * A booking counts as served when it was checked in and the queue served the ticket it became:
 * the service and time come from that ticket. Undefined for anything else (a made-up id, a booking
 * not yet served).
 */
export async function findServedBooking(q: Queryable, mppId: string, bookingId: string): Promise<{ serviceId: string; servedAt: Date } | undefined> {
  const booking = await q.query<{ ticket_id: string | null }>("SELECT ticket_id FROM bookings WHERE mpp_id = $1 AND id = $2 AND status = 'checked_in'", [mppId, bookingId]);
  const ticketId = booking.rows[0]?.ticket_id;
  return ticketId ? findServedTicket(q, mppId, ticketId) : undefined;
}

/**
 * Gives a served ticket its survey token (idempotent). The code is not kept: the tablet needs none,
 * and a console or a notification channel gets a fresh one from reissueSurveyCode / the tokens API.
 */
export async function ensureTicketToken(tx: Queryable, mppId: string, ticketId: string, fallback: { serviceId: string; servedAt: Date }): Promise<void> {
  const served = (await findServedTicket(tx, mppId, ticketId)) ?? fallback;
  const issued = await issueSurveyToken(tx, { mppId, sourceKind: 'ticket', sourceId: ticketId, serviceId: served.serviceId, servedAt: served.servedAt });
  if (issued.code === null) return;
  // A new token answers to the code printed on the ticket (derived from its status token), so the
  // person can type it at /survei without the QR (issue 12).
  const { rows } = await tx.query<{ status_token: string }>('SELECT status_token FROM tickets WHERE mpp_id = $1 AND id = $2', [mppId, ticketId]);
  if (rows[0]) await replaceTokenHash(tx, mppId, 'ticket', ticketId, hashCode(codeForStatusToken(rows[0].status_token)));
}

/** The outbox handler for 'ticket.served'. */
export function ticketServedHandler(db: Db, now: () => Date) {
  return async (message: { payload: unknown }): Promise<void> => {
    const event = TicketServed.parse(message.payload);
    await db.transaction((tx) => ensureTicketToken(tx, event.mppId, event.ticketId, { serviceId: event.serviceId, servedAt: now() }));
  };
}

/** For the console handoff: a ticket the queue shows as served gets its code now if it has none. */
export async function ensureTokenForServedTicket(db: Db, mppId: string, ticketId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const served = await findServedTicket(tx, mppId, ticketId);
    if (!served) return false;
    await ensureTicketToken(tx, mppId, ticketId, served);
    return true;
  });
}
