import type { Queryable } from '../platform/db.js';
import type { Row } from '../platform/tables.js';
import { commonErrors } from '../platform/errors.js';
import { isUuid, ticketSelectFrom, toTicket, type TicketRecord, type TicketRow } from './repository.js';

export interface CounterRow {
  id: string;
  mppId: string;
  tenantId: string;
  tenantName: string;
  number: number;
  name: string;
  active: boolean;
  status: 'open' | 'paused' | 'closed';
  pauseReason: string | null;
  officerId: string | null;
  officerName: string | null;
  zone: string | null;
  services: { serviceId: string; name: string; prefix: string; weight: number }[];
}

const COUNTER_SELECT = `
  SELECT c.id, c.mpp_id, c.tenant_id, tn.name AS tenant_name, c.number, c.name, c.active,
         coalesce(st.status, 'closed') AS status, st.pause_reason, st.officer_id, u.name AS officer_name, st.zone,
         coalesce((SELECT json_agg(json_build_object('serviceId', s.id, 'name', s.name, 'prefix', s.ticket_prefix, 'weight', cs.weight) ORDER BY s.name)
                     FROM counter_services cs JOIN catalog_services_v s ON s.mpp_id = cs.mpp_id AND s.id = cs.service_id
                    WHERE cs.mpp_id = c.mpp_id AND cs.counter_id = c.id), '[]') AS services
    FROM catalog_counters_v c
    JOIN catalog_tenants_v tn ON tn.mpp_id = c.mpp_id AND tn.id = c.tenant_id
    LEFT JOIN queue_counter_state st ON st.mpp_id = c.mpp_id AND st.counter_id = c.id
    LEFT JOIN identity_users_v u ON u.id = st.officer_id`;

type CounterRecord = Pick<Row<'counters'>, 'id' | 'mpp_id' | 'tenant_id' | 'number' | 'name' | 'active'> &
  Pick<Row<'queue_counter_state'>, 'pause_reason' | 'officer_id' | 'zone'> & {
    tenant_name: string;
    status: CounterRow['status'];
    officer_name: string | null;
    services: CounterRow['services'] | string;
  };

function toCounter(r: CounterRecord): CounterRow {
  return {
    id: r.id,
    mppId: r.mpp_id,
    tenantId: r.tenant_id,
    tenantName: r.tenant_name,
    number: r.number,
    name: r.name,
    active: r.active,
    status: r.status,
    pauseReason: r.pause_reason,
    officerId: r.officer_id,
    officerName: r.officer_name,
    zone: r.zone,
    services: typeof r.services === 'string' ? JSON.parse(r.services) : r.services,
  };
}

/** @throws AppError not_found */
export async function getCounter(q: Queryable, mppId: string, counterId: string): Promise<CounterRow> {
  if (!isUuid(counterId)) throw commonErrors.not_found();
  const { rows } = await q.query<CounterRecord>(`${COUNTER_SELECT} WHERE c.mpp_id = $1 AND c.id = $2`, [mppId, counterId]);
  if (!rows[0]) throw commonErrors.not_found();
  return toCounter(rows[0]);
}

export async function listCounters(q: Queryable, mppId: string, tenantIds: 'all' | string[]): Promise<CounterRow[]> {
  const { rows } = await q.query<CounterRecord>(
    `${COUNTER_SELECT} WHERE c.mpp_id = $1 AND c.active AND ($2::boolean OR c.tenant_id = ANY($3::uuid[])) ORDER BY c.number`,
    [mppId, tenantIds === 'all', tenantIds === 'all' ? [] : tenantIds],
  );
  return rows.map(toCounter);
}

/** Locks the counter's queue state row (creating it closed) so its actions run one at a time. */
export async function lockCounterState(tx: Queryable, mppId: string, counterId: string): Promise<{ status: string; zone: string | null }> {
  await tx.query('INSERT INTO queue_counter_state (mpp_id, counter_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [mppId, counterId]);
  const { rows } = await tx.query<{ status: string; zone: string | null }>(
    'SELECT status, zone FROM queue_counter_state WHERE mpp_id = $1 AND counter_id = $2 FOR UPDATE',
    [mppId, counterId],
  );
  return rows[0]!;
}

/**
 * For call-next, in one round trip: locks the counter's queue state row (so its actions run one at a
 * time) and reads its status, its agency and the MPP's local day. Undefined for an unknown counter; a
 * counter never opened has no state row and reads as closed. The counter's current ticket is read in a
 * statement after this one, so that it sees what a previous action of this counter committed while
 * this one waited for the lock.
 */
export async function lockCounterForCall(tx: Queryable, mppId: string, counterId: string, at: Date): Promise<{ tenantId: string; status: string; localDay: string } | undefined> {
  if (!isUuid(counterId)) return undefined;
  const { rows } = await tx.query<{ tenant_id: string; status: string | null; local_day: string }>(
    `SELECT c.tenant_id, (($3::timestamptz AT TIME ZONE m.timezone)::date)::text AS local_day,
            (SELECT st.status FROM queue_counter_state st WHERE st.mpp_id = c.mpp_id AND st.counter_id = c.id FOR UPDATE) AS status
       FROM catalog_counters_v c JOIN catalog_mpps_v m ON m.id = c.mpp_id
      WHERE c.mpp_id = $1 AND c.id = $2`,
    [mppId, counterId, at],
  );
  const r = rows[0];
  return r ? { tenantId: r.tenant_id, status: r.status ?? 'closed', localDay: r.local_day } : undefined;
}

export async function setCounterState(tx: Queryable, mppId: string, counterId: string, s: { status: string; pauseReason: string | null; officerId: string | null; at: Date }): Promise<void> {
  await tx.query(
    'UPDATE queue_counter_state SET status = $3, pause_reason = $4, officer_id = $5, updated_at = $6 WHERE mpp_id = $1 AND counter_id = $2',
    [mppId, counterId, s.status, s.pauseReason, s.officerId, s.at],
  );
}

export async function setCounterZone(tx: Queryable, mppId: string, counterId: string, zone: string | null): Promise<void> {
  await tx.query('UPDATE queue_counter_state SET zone = $3 WHERE mpp_id = $1 AND counter_id = $2', [mppId, counterId, zone]);
}

export async function replaceCounterServices(tx: Queryable, mppId: string, counterId: string, services: { serviceId: string; weight: number }[]): Promise<void> {
  await tx.query('DELETE FROM counter_services WHERE mpp_id = $1 AND counter_id = $2', [mppId, counterId]);
  for (const s of services) {
    await tx.query('INSERT INTO counter_services (mpp_id, counter_id, service_id, weight) VALUES ($1, $2, $3, $4)', [mppId, counterId, s.serviceId, s.weight]);
  }
}

export async function currentTicketId(q: Queryable, mppId: string, counterId: string): Promise<string | undefined> {
  const { rows } = await q.query<{ id: string }>(
    "SELECT id FROM tickets WHERE mpp_id = $1 AND counter_id = $2 AND status IN ('called', 'serving')",
    [mppId, counterId],
  );
  return rows[0]?.id;
}

/**
 * The ordering of call-next, as SQL: waited minutes times the counter's weight for the service,
 * plus the priority class weight (minutes of credit). Tickets sent to this very counter come first.
 * A booked ticket (booked_for set by booking check-in) counts its wait from its slot start, so it
 * ranks as if its holder had arrived then: behind those already waiting before the slot, ahead of
 * those who came after it (negative while the slot has not begun).
 * The score is kept in exact seconds (waited seconds x weight + class minutes x 60, no division), so
 * the position replay in positions.ts (the same score in ms) breaks ties exactly as this does.
 * A counter in a drive-thru lane (its zone of kind 'drive_thru') calls only that lane's tickets, every
 * other counter only the hall's (tickets.lane NULL); a ticket sent to this very counter is called anyway.
 */
const SCORE = `(t.target_counter_id IS NOT NULL) DESC,
  (extract(epoch FROM ($4::timestamptz - coalesce(t.booked_for, t.queued_at))) * coalesce(cs.weight, 1) + t.priority_weight * 60) DESC,
  t.rank_at, t.seq, t.id`;
const CANDIDATES = `
    FROM tickets t
    LEFT JOIN counter_services cs ON cs.mpp_id = t.mpp_id AND cs.counter_id = $2 AND cs.service_id = t.service_id
   WHERE t.mpp_id = $1 AND t.status = 'waiting' AND t.local_day = $3::date
     AND (t.target_counter_id = $2 OR (t.target_counter_id IS NULL AND cs.counter_id IS NOT NULL
          AND t.lane IS NOT DISTINCT FROM (SELECT z.code FROM queue_counter_state st JOIN queue_zones z ON z.mpp_id = st.mpp_id AND z.code = st.zone
                                             WHERE st.mpp_id = $1 AND st.counter_id = $2 AND z.kind = 'drive_thru')))`;

/**
 * Claims the best waiting ticket for a counter, marks it called and writes its 'called' event; returns
 * the called ticket, or undefined when none waits. Rows another counter is claiming are skipped (SKIP
 * LOCKED) and the update re-checks the status, so two counters never get one ticket.
 */
export async function claimNext(
  tx: Queryable,
  input: { mppId: string; counterId: string; localDay: string; at: Date; actorType: string; actorId: string | null },
): Promise<TicketRow | undefined> {
  const { rows } = await tx.query<TicketRecord>(
    `WITH pick AS (SELECT t.id ${CANDIDATES} ORDER BY ${SCORE} LIMIT 1 FOR UPDATE OF t SKIP LOCKED),
     claimed AS (
       UPDATE tickets SET status = 'called', counter_id = $2, target_counter_id = NULL, called_at = $4, recall_count = 0, updated_at = $4
         FROM pick WHERE tickets.mpp_id = $1 AND tickets.id = pick.id AND tickets.status = 'waiting'
       RETURNING tickets.*
     ), called AS (
       INSERT INTO ticket_events (mpp_id, ticket_id, type, at, actor_type, actor_id, counter_id, service_id)
       SELECT mpp_id, id, 'called', $4, $5, $6, $2, service_id FROM claimed
     )
     ${ticketSelectFrom('claimed')}`,
    [input.mppId, input.counterId, input.localDay, input.at, input.actorType, input.actorId],
  );
  return rows[0] ? toTicket(rows[0]) : undefined;
}

export interface WaitingTicket {
  id: string;
  number: string;
  serviceId: string;
  serviceName: string;
  priorityName: string | null;
  issuedAt: string;
  transferred: boolean;
  /** Slot start of the booking it was checked in for, if any. */
  bookedFor: string | null;
  /** A drive-thru car's plate, or the name it is called by. */
  plate: string | null;
  holderName: string | null;
}

/** The waiting line of a counter in call-next order. */
export async function waitingLine(q: Queryable, mppId: string, counterId: string, localDay: string, at: Date, limit = 50): Promise<{ total: number; tickets: WaitingTicket[] }> {
  const { rows } = await q.query<
    Pick<Row<'tickets'>, 'id' | 'number' | 'service_id' | 'issued_at' | 'booked_for' | 'plate' | 'holder_name'> & { service_name: string; priority_name: string | null; transferred: boolean; total: number }
  >(
    `SELECT t.id, t.number, t.service_id, s.name AS service_name, pc.name AS priority_name, t.issued_at, t.booked_for, t.plate, t.holder_name,
            (t.queued_at <> t.issued_at OR t.target_counter_id IS NOT NULL) AS transferred, count(*) OVER () AS total
       ${CANDIDATES.replace('FROM tickets t', `FROM tickets t JOIN catalog_services_v s ON s.mpp_id = t.mpp_id AND s.id = t.service_id
         LEFT JOIN priority_classes pc ON pc.mpp_id = t.mpp_id AND pc.id = t.priority_class_id`)}
      ORDER BY ${SCORE} LIMIT $5`,
    [mppId, counterId, localDay, at, limit],
  );
  return {
    total: rows[0] ? Number(rows[0].total) : 0,
    tickets: rows.map((r) => ({
      id: r.id,
      number: r.number,
      serviceId: r.service_id,
      serviceName: r.service_name,
      priorityName: r.priority_name,
      issuedAt: r.issued_at.toISOString(),
      transferred: r.transferred,
      bookedFor: r.booked_for ? r.booked_for.toISOString() : null,
      plate: r.plate,
      holderName: r.holder_name,
    })),
  };
}

/** How many tickets an officer called, served and marked no-show since an instant. */
export async function officerCounts(q: Queryable, mppId: string, userId: string, since: Date): Promise<{ called: number; served: number; noShow: number; transferred: number }> {
  const { rows } = await q.query<{ type: string; n: number }>(
    `SELECT type, count(*) AS n FROM ticket_events WHERE mpp_id = $1 AND actor_type = 'user' AND actor_id = $2 AND at >= $3 GROUP BY type`,
    [mppId, userId, since],
  );
  const n = (type: string) => Number(rows.find((r) => r.type === type)?.n ?? 0);
  return { called: n('called'), served: n('served'), noShow: n('no_show'), transferred: n('transferred') };
}

export async function findService(q: Queryable, mppId: string, serviceId: string): Promise<{ id: string; tenantId: string; name: string } | undefined> {
  if (!isUuid(serviceId)) return undefined;
  const { rows } = await q.query<{ id: string; tenant_id: string; name: string }>('SELECT id, tenant_id, name FROM catalog_services_v WHERE mpp_id = $1 AND id = $2', [mppId, serviceId]);
  return rows[0] ? { id: rows[0].id, tenantId: rows[0].tenant_id, name: rows[0].name } : undefined;
}

/** Where an officer may transfer a ticket: the MPP's active services and its other active counters (a lane window: its lane's). */
export async function listTransferTargets(
  q: Queryable,
  input: { mppId: string; counterId: string },
): Promise<{ services: { id: string; name: string; tenantName: string }[]; counters: { id: string; number: number; name: string }[] }> {
  // A window of a drive-thru lane only serves cars: it may send one to the lane's services and windows,
  // never to the hall (no hall counter calls a car, so it would wait for nobody).
  const lane = `(SELECT st.zone FROM queue_counter_state st JOIN queue_zones z ON z.mpp_id = st.mpp_id AND z.code = st.zone AND z.kind = 'drive_thru'
                  WHERE st.mpp_id = $1 AND st.counter_id = $2)`;
  const inLane = `(SELECT st.counter_id FROM queue_counter_state st WHERE st.mpp_id = $1 AND st.zone = ${lane})`;
  const services = await q.query<{ id: string; name: string; tenant_name: string }>(
    `SELECT s.id, s.name, tn.name AS tenant_name FROM catalog_services_v s JOIN catalog_tenants_v tn ON tn.mpp_id = s.mpp_id AND tn.id = s.tenant_id
      WHERE s.mpp_id = $1 AND s.active
        AND (${lane} IS NULL OR s.id IN (SELECT cs.service_id FROM counter_services cs WHERE cs.mpp_id = $1 AND cs.counter_id IN ${inLane}))
      ORDER BY tn.name, s.name`,
    [input.mppId, input.counterId],
  );
  const others = await q.query<{ id: string; number: number; name: string }>(
    `SELECT id, number, name FROM catalog_counters_v WHERE mpp_id = $1 AND active AND id <> $2 AND (${lane} IS NULL OR id IN ${inLane}) ORDER BY number`,
    [input.mppId, input.counterId],
  );
  return { services: services.rows.map((r) => ({ id: r.id, name: r.name, tenantName: r.tenant_name })), counters: others.rows };
}
