import type { Queryable } from '../platform/db.js';
import { enqueue } from '../platform/outbox.js';

/**
 * The queue's seam for what follows a ticket holder (turn-near, called and survey messages): one
 * durable outbox message after each call and each finished service, written in the transaction of
 * the step. Its one consumer (the citizen domain) recomputes the people ahead itself through the
 * queue's read functions, so this seam does not depend on how positions are computed.
 */
export const TICKET_PROGRESS_TOPIC = 'queue.ticket_progress';

export interface TicketProgress {
  type: 'called' | 'served';
  mppId: string;
  ticketId: string;
  serviceId: string;
  localDay: string;
}

export async function announceTicketProgress(tx: Queryable, e: TicketProgress): Promise<void> {
  await enqueue(tx, TICKET_PROGRESS_TOPIC, e, e.mppId);
}
