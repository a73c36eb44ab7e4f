import type { Queryable } from '../platform/db.js';

/**
 * What the survey reads of the queue, through the queue's read views (docs/architecture.md
 * "Read views"): a served ticket, and a ticket by its status token. No import of queue code.
 */

/** The served ticket as the queue recorded it, or nothing when it is not (yet) served. */
export async function findServedTicket(q: Queryable, input: { mppId: string; ticketId: string }): Promise<{ serviceId: string; servedAt: Date } | undefined> {
  const { rows } = await q.query<{ service_id: string; served_at: Date | null }>(
    `SELECT t.service_id,
            (SELECT max(e.at) FROM queue_ticket_events_v e WHERE e.mpp_id = t.mpp_id AND e.ticket_id = t.id AND e.type = 'served') AS served_at
     FROM queue_tickets_v t WHERE t.mpp_id = $1 AND t.id = $2 AND t.status = 'served'`,
    [input.mppId, input.ticketId],
  );
  const row = rows[0];
  return row?.served_at ? { serviceId: row.service_id, servedAt: row.served_at } : undefined;
}

export async function findTicketStatusToken(q: Queryable, input: { mppId: string; ticketId: string }): Promise<string | undefined> {
  const { rows } = await q.query<{ status_token: string }>('SELECT status_token FROM queue_tickets_v WHERE mpp_id = $1 AND id = $2', [input.mppId, input.ticketId]);
  return rows[0]?.status_token;
}

export async function findTicketByStatusToken(q: Queryable, statusToken: string): Promise<{ mpp_id: string; id: string; status: string } | undefined> {
  const { rows } = await q.query<{ mpp_id: string; id: string; status: string }>('SELECT mpp_id, id, status FROM queue_tickets_v WHERE status_token = $1', [statusToken]);
  return rows[0];
}
