import { z } from 'zod';
import { findCheckedInTicketId } from '../booking/read.js';
import { findServedTicket, findTicketStatusToken } from './queue-repository.js';
import type { Db, Queryable } from '../platform/db.js';
import { replaceTokenHash } from './repository.js';
import { codeForStatusToken, hashCode, issueSurveyToken } from './tokens.js';

/**
 * Where the survey meets the queue. The queue announces a finished ticket with the outbox topic
 * 'ticket.served'; this gives that ticket its survey code. The officer console may hand a ticket to
 * the tablet before the outbox has delivered, so a served ticket in the queue's own table is also
 * accepted directly. It reads the queue's read views (survey/queue-repository.ts), with no import of
 * queue code, and a booking's ticket through the booking domain's findCheckedInTicketId.
 */

export const TicketServed = z.object({ mppId: z.uuid(), ticketId: z.uuid(), serviceId: z.uuid() });
export type TicketServed = z.infer<typeof TicketServed>;

/**
 * A booking counts as served when it was checked in and the queue served the ticket it became:
 * the service and time come from that ticket. Undefined for anything else (a made-up id, a booking
 * not yet served).
 */
export async function findServedBooking(q: Queryable, mppId: string, bookingId: string): Promise<{ serviceId: string; servedAt: Date } | undefined> {
  const ticketId = await findCheckedInTicketId(q, { mppId, bookingId });
  return ticketId ? findServedTicket(q, { mppId, ticketId }) : undefined;
}

/**
 * Gives a served ticket its survey token (idempotent). The code is not kept: the tablet needs none,
 * and a console or a notification channel gets a fresh one from reissueSurveyCode / the tokens API.
 */
export async function ensureTicketToken(tx: Queryable, mppId: string, ticketId: string, fallback: { serviceId: string; servedAt: Date }): Promise<void> {
  const served = (await findServedTicket(tx, { mppId, ticketId })) ?? fallback;
  const issued = await issueSurveyToken(tx, { mppId, sourceKind: 'ticket', sourceId: ticketId, serviceId: served.serviceId, servedAt: served.servedAt });
  if (issued.code === null) return;
  // A new token answers to the code printed on the ticket (derived from its status token), so the
  // person can type it at /survei without the QR (issue 12).
  const statusToken = await findTicketStatusToken(tx, { mppId, ticketId });
  if (statusToken) await replaceTokenHash(tx, mppId, 'ticket', ticketId, hashCode(codeForStatusToken(statusToken)));
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
    const served = await findServedTicket(tx, { mppId, ticketId });
    if (!served) return false;
    await ensureTicketToken(tx, mppId, ticketId, served);
    return true;
  });
}
