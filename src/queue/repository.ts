import type { Queryable } from '../platform/db.js';
import type { Row } from '../platform/tables.js';
import { commonErrors } from '../platform/errors.js';
import type { PositionCounter, PositionInput, PositionTicket } from './positions.js';
import type { TicketStatus } from './state.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export interface IssueContext {
  serviceId: string;
  serviceName: string;
  tenantId: string;
  tenantName: string;
  prefix: string;
  active: boolean;
  mppName: string;
  /** Unpublished MPPs take no public (online) tickets; their kiosks and staff still issue. */
  mppPublished: boolean;
  timezone: string;
  localDay: string;
  dailyQuota: number | null;
  waitingRoomCapacity: number | null;
  inRoom: number;
  priorityClassId: string | null;
  priorityWeight: number;
  priorityName: string | null;
}

/** Everything issuing a ticket checks, in one round trip. */
export async function findIssueContext(q: Queryable, mppId: string, serviceId: string, priorityClassId: string | null, at: Date): Promise<IssueContext | undefined> {
  const { rows } = await q.query<
    Pick<Row<'services'>, 'id' | 'name' | 'tenant_id' | 'ticket_prefix' | 'active'> &
      Pick<Row<'mpps'>, 'timezone'> &
      Pick<Row<'queue_service_settings'>, 'daily_quota'> & {
        tenant_name: string;
        mpp_name: string;
        local_day: string;
        waiting_room_capacity: number | null;
        in_room: number;
        pc_id: string | null;
        pc_weight: number | null;
        pc_name: string | null;
        mpp_published: boolean;
      }
  >(
    `SELECT s.id, s.name, s.tenant_id, tn.name AS tenant_name, s.ticket_prefix, s.active, m.name AS mpp_name, m.published AS mpp_published, m.timezone,
            (($3::timestamptz AT TIME ZONE m.timezone)::date)::text AS local_day,
            qs.daily_quota, coalesce(nullif(m.waiting_capacity, 0), ms.waiting_room_capacity) AS waiting_room_capacity,
            CASE WHEN coalesce(nullif(m.waiting_capacity, 0), ms.waiting_room_capacity) IS NULL THEN 0 ELSE
              (SELECT count(*) FROM tickets t WHERE t.mpp_id = $1 AND t.local_day = ($3::timestamptz AT TIME ZONE m.timezone)::date
                 AND t.status IN ('waiting', 'called')) END AS in_room,
            pc.id AS pc_id, pc.weight AS pc_weight, pc.name AS pc_name
       FROM catalog_services_v s JOIN catalog_mpps_v m ON m.id = s.mpp_id
       JOIN catalog_tenants_v tn ON tn.mpp_id = s.mpp_id AND tn.id = s.tenant_id
       LEFT JOIN queue_service_settings qs ON qs.mpp_id = s.mpp_id AND qs.service_id = s.id
       LEFT JOIN queue_mpp_settings ms ON ms.mpp_id = s.mpp_id
       LEFT JOIN priority_classes pc ON pc.mpp_id = s.mpp_id AND pc.id = $4::uuid AND pc.active
      WHERE s.mpp_id = $1 AND s.id = $2`,
    [mppId, serviceId, at, priorityClassId],
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    serviceId: r.id,
    serviceName: r.name,
    tenantId: r.tenant_id,
    tenantName: r.tenant_name,
    prefix: r.ticket_prefix,
    active: r.active,
    mppName: r.mpp_name,
    mppPublished: r.mpp_published,
    timezone: r.timezone,
    localDay: r.local_day,
    dailyQuota: r.daily_quota,
    waitingRoomCapacity: r.waiting_room_capacity,
    inRoom: Number(r.in_room),
    priorityClassId: r.pc_id,
    priorityWeight: r.pc_weight ?? 0,
    priorityName: r.pc_name,
  };
}

export interface NewTicket {
  mppId: string;
  ctx: IssueContext;
  visitId: string | null;
  visitToken: string;
  channel: 'kiosk' | 'reception' | 'online';
  statusToken: string;
  idempotencyKey: string | null;
  requestHash: string | null;
  at: Date;
  actorType: string;
  actorId: string | null;
  /** Slot start of the booking this ticket was checked in for: the ticket ranks as if it arrived then. */
  bookedFor: Date | null;
  /** A drive-thru ticket: its lane's zone code and the plate or name it is called by. */
  lane?: { zone: string; plate: string | null; holderName: string | null };
  /**
   * False for a ticket served elsewhere (a mobile-service stop): it neither uses nor counts toward the
   * building's daily quota of the service. Default true.
   */
  countsTowardQuota?: boolean;
}

/** What the issue statement returns: with the issue context, the whole TicketRow of the new ticket. */
export interface InsertedTicket {
  id: string;
  visitId: string;
  seq: number;
  number: string;
  issuedAt: string;
  rankAt: string;
}

/**
 * Issues a ticket in one statement: bumps the service's daily quota (refusing past the quota), then
 * the prefix's daily number, creates the visit if needed, the ticket and its 'issued' event. Returns
 * undefined when the quota is used up. It does not NOTIFY: a notifying transaction holds PostgreSQL's
 * global notify lock through its commit, and here it would hold the two hot counter rows with it; the
 * caller announces the change after commit (change-notifier.ts).
 * @throws a unique violation on (mpp_id, idempotency_key) when a twin request won the race.
 */
export async function insertTicket(q: Queryable, t: NewTicket): Promise<InsertedTicket | undefined> {
  const { rows } = await q.query<{ id: string; visit_id: string; seq: number; number: string; issued_at: Date; rank_at: Date }>(
    `WITH quota AS (
       INSERT INTO queue_service_day AS d (mpp_id, service_id, local_day, issued, quota)
       SELECT $1, $2, $3::date, 1, $4::int WHERE $22::boolean
       ON CONFLICT (mpp_id, service_id, local_day) DO UPDATE SET issued = d.issued + 1, quota = EXCLUDED.quota
         WHERE EXCLUDED.quota IS NULL OR d.issued < EXCLUDED.quota
       RETURNING issued
     ), admitted AS (
       SELECT 1 FROM quota UNION ALL SELECT 1 WHERE NOT $22::boolean
     ), num AS (
       INSERT INTO queue_number_seq AS n (mpp_id, prefix, local_day, last_seq)
       SELECT $1, $5, $3::date, 1 FROM admitted
       ON CONFLICT (mpp_id, prefix, local_day) DO UPDATE SET last_seq = n.last_seq + 1
       RETURNING last_seq
     ), visit AS (
       INSERT INTO visits (mpp_id, token, created_at) SELECT $1, $6, $7 FROM num WHERE $8::uuid IS NULL
       RETURNING id
     ), ticket AS (
       INSERT INTO tickets (mpp_id, visit_id, service_id, tenant_id, prefix, seq, number, local_day, channel, status,
                            priority_class_id, priority_weight, issued_at, rank_at, queued_at, status_token,
                            idempotency_key, request_hash, updated_at, booked_for, lane, plate, holder_name)
       SELECT $1, coalesce($8::uuid, (SELECT id FROM visit)), $2, $9, $5, num.last_seq,
              $5 || '-' || lpad(num.last_seq::text, greatest(3, length(num.last_seq::text)), '0'), $3::date, $10, 'waiting',
              $11::uuid, $12::int, $7, coalesce($18::timestamptz, $7::timestamptz) - make_interval(mins => $12::int), $7, $13, $14, $15, $7,
              $18::timestamptz, $19::text, $20::text, $21::text
         FROM num
       RETURNING id, service_id, visit_id, seq, number, issued_at, rank_at
     ), ev AS (
       INSERT INTO ticket_events (mpp_id, ticket_id, type, at, actor_type, actor_id, service_id)
       SELECT $1, id, 'issued', $7, $16, $17, service_id FROM ticket
     )
     SELECT id, visit_id, seq, number, issued_at, rank_at FROM ticket`,
    [
      t.mppId,
      t.ctx.serviceId,
      t.ctx.localDay,
      t.ctx.dailyQuota,
      t.ctx.prefix,
      t.visitToken,
      t.at,
      t.visitId,
      t.ctx.tenantId,
      t.channel,
      t.ctx.priorityClassId,
      t.ctx.priorityWeight,
      t.statusToken,
      t.idempotencyKey,
      t.requestHash,
      t.actorType,
      t.actorId,
      t.bookedFor,
      t.lane?.zone ?? null,
      t.lane?.plate ?? null,
      t.lane?.holderName ?? null,
      t.countsTowardQuota ?? true,
    ],
  );
  const r = rows[0];
  return r ? { id: r.id, visitId: r.visit_id, seq: Number(r.seq), number: r.number, issuedAt: iso(r.issued_at)!, rankAt: iso(r.rank_at)! } : undefined;
}

export async function findVisitByToken(q: Queryable, mppId: string, token: string): Promise<{ id: string; token: string; createdAt: Date } | undefined> {
  const { rows } = await q.query<{ id: string; token: string; created_at: Date }>('SELECT id, token, created_at FROM visits WHERE mpp_id = $1 AND token = $2', [mppId, token]);
  return rows[0] ? { id: rows[0].id, token: rows[0].token, createdAt: rows[0].created_at } : undefined;
}

export async function findTicketIdByIdempotencyKey(q: Queryable, mppId: string, key: string): Promise<{ id: string; requestHash: string | null } | undefined> {
  const { rows } = await q.query<{ id: string; request_hash: string | null }>('SELECT id, request_hash FROM tickets WHERE mpp_id = $1 AND idempotency_key = $2', [mppId, key]);
  return rows[0] ? { id: rows[0].id, requestHash: rows[0].request_hash } : undefined;
}

export interface TicketRow {
  id: string;
  mppId: string;
  mppName: string;
  timezone: string;
  visitId: string;
  visitToken: string;
  serviceId: string;
  serviceName: string;
  tenantId: string;
  tenantName: string;
  prefix: string;
  seq: number;
  number: string;
  localDay: string;
  channel: 'kiosk' | 'reception' | 'online';
  status: TicketStatus;
  priorityClassId: string | null;
  priorityName: string | null;
  priorityWeight: number;
  issuedAt: string;
  rankAt: string;
  calledAt: string | null;
  recallCount: number;
  counterId: string | null;
  counterNumber: number | null;
  counterName: string | null;
  counterTenantId: string | null;
  targetCounterId: string | null;
  statusToken: string;
  lane: string | null;
  plate: string | null;
  holderName: string | null;
}

/** The ticket's columns with its MPP, visit, service, agency, class and counter, read from `source` as t. */
export const ticketSelectFrom = (source: string) => `
  SELECT t.id, t.mpp_id, m.name AS mpp_name, m.timezone, t.visit_id, v.token AS visit_token, t.service_id, s.name AS service_name,
         t.tenant_id, tn.name AS tenant_name, t.prefix, t.seq, t.number, t.local_day::text AS local_day, t.channel, t.status,
         t.priority_class_id, pc.name AS priority_name, t.priority_weight, t.issued_at, t.rank_at, t.called_at, t.recall_count,
         t.counter_id, c.number AS counter_number, c.name AS counter_name, c.tenant_id AS counter_tenant_id,
         t.target_counter_id, t.status_token, t.lane, t.plate, t.holder_name
    FROM ${source} t
    JOIN catalog_mpps_v m ON m.id = t.mpp_id
    JOIN visits v ON v.mpp_id = t.mpp_id AND v.id = t.visit_id
    JOIN catalog_services_v s ON s.mpp_id = t.mpp_id AND s.id = t.service_id
    JOIN catalog_tenants_v tn ON tn.mpp_id = t.mpp_id AND tn.id = t.tenant_id
    LEFT JOIN priority_classes pc ON pc.mpp_id = t.mpp_id AND pc.id = t.priority_class_id
    LEFT JOIN catalog_counters_v c ON c.mpp_id = t.mpp_id AND c.id = t.counter_id`;
const TICKET_SELECT = ticketSelectFrom('tickets');

export type TicketRecord = Pick<
  Row<'tickets'>,
  | 'id' | 'mpp_id' | 'visit_id' | 'service_id' | 'tenant_id' | 'prefix' | 'seq' | 'number' | 'local_day' | 'priority_class_id'
  | 'priority_weight' | 'issued_at' | 'rank_at' | 'called_at' | 'recall_count' | 'counter_id' | 'target_counter_id' | 'status_token'
  | 'lane' | 'plate' | 'holder_name'
> &
  Pick<TicketRow, 'channel' | 'status'> & {
    mpp_name: string;
    timezone: string;
    visit_token: string;
    service_name: string;
    tenant_name: string;
    priority_name: string | null;
    counter_number: number | null;
    counter_name: string | null;
    counter_tenant_id: string | null;
  };

export function toTicket(r: TicketRecord): TicketRow {
  return {
    id: r.id,
    mppId: r.mpp_id,
    mppName: r.mpp_name,
    timezone: r.timezone,
    visitId: r.visit_id,
    visitToken: r.visit_token,
    serviceId: r.service_id,
    serviceName: r.service_name,
    tenantId: r.tenant_id,
    tenantName: r.tenant_name,
    prefix: r.prefix,
    seq: r.seq,
    number: r.number,
    localDay: r.local_day,
    channel: r.channel,
    status: r.status,
    priorityClassId: r.priority_class_id,
    priorityName: r.priority_name,
    priorityWeight: r.priority_weight,
    issuedAt: iso(r.issued_at)!,
    rankAt: iso(r.rank_at)!,
    calledAt: iso(r.called_at),
    recallCount: r.recall_count,
    counterId: r.counter_id,
    counterNumber: r.counter_number,
    counterName: r.counter_name,
    counterTenantId: r.counter_tenant_id,
    targetCounterId: r.target_counter_id,
    statusToken: r.status_token,
    lane: r.lane,
    plate: r.plate,
    holderName: r.holder_name,
  };
}

export async function findTicket(q: Queryable, mppId: string, ticketId: string, opts: { forUpdate?: boolean } = {}): Promise<TicketRow | undefined> {
  if (!isUuid(ticketId)) return undefined;
  if (opts.forUpdate) await q.query('SELECT 1 FROM tickets WHERE mpp_id = $1 AND id = $2 FOR UPDATE', [mppId, ticketId]);
  const { rows } = await q.query<TicketRecord>(`${TICKET_SELECT} WHERE t.mpp_id = $1 AND t.id = $2`, [mppId, ticketId]);
  return rows[0] ? toTicket(rows[0]) : undefined;
}

/** @throws AppError not_found */
export async function getTicket(q: Queryable, mppId: string, ticketId: string, opts: { forUpdate?: boolean } = {}): Promise<TicketRow> {
  const t = await findTicket(q, mppId, ticketId, opts);
  if (!t) throw commonErrors.not_found();
  return t;
}

export async function findTicketByStatusToken(q: Queryable, token: string): Promise<TicketRow | undefined> {
  const { rows } = await q.query<TicketRecord>(`${TICKET_SELECT} WHERE t.status_token = $1`, [token]);
  return rows[0] ? toTicket(rows[0]) : undefined;
}

/** Tickets of an MPP by status token (the live status streams of one MPP, read together). */
export async function findTicketsByStatusTokens(q: Queryable, mppId: string, tokens: string[]): Promise<TicketRow[]> {
  if (tokens.length === 0) return [];
  const { rows } = await q.query<TicketRecord>(`${TICKET_SELECT} WHERE t.mpp_id = $1 AND t.status_token = ANY($2::text[])`, [mppId, tokens]);
  return rows.map(toTicket);
}

/** The tickets of several visits, by visit id, each list in issue order. */
export async function listTicketsOfVisits(q: Queryable, mppId: string, visitIds: string[]): Promise<Map<string, TicketRow[]>> {
  const out = new Map<string, TicketRow[]>();
  if (visitIds.length === 0) return out;
  const { rows } = await q.query<TicketRecord>(`${TICKET_SELECT} WHERE t.mpp_id = $1 AND t.visit_id = ANY($2::uuid[]) ORDER BY t.issued_at`, [mppId, visitIds]);
  for (const r of rows.map(toTicket)) {
    const list = out.get(r.visitId);
    if (list) list.push(r);
    else out.set(r.visitId, [r]);
  }
  return out;
}

export async function listVisitTickets(q: Queryable, mppId: string, visitId: string): Promise<TicketRow[]> {
  const { rows } = await q.query<TicketRecord>(`${TICKET_SELECT} WHERE t.mpp_id = $1 AND t.visit_id = $2 ORDER BY t.issued_at`, [mppId, visitId]);
  return rows.map(toTicket);
}

/** Moves a ticket to a new status and writes its event row, in one statement; the caller has checked the state machine. */
export async function applyTransition(
  q: Queryable,
  t: { mppId: string; ticketId: string; from: TicketStatus; to: TicketStatus; event: string; at: Date; actorType: string; actorId: string | null; note?: string | null },
  set: { counterId?: string | null; targetCounterId?: string | null; serviceId?: string; tenantId?: string; called?: boolean; recall?: boolean } = {},
): Promise<boolean> {
  const { rows } = await q.query<{ id: string }>(
    `WITH moved AS (
       UPDATE tickets SET status = $4, updated_at = $5,
              counter_id = CASE WHEN $6::boolean THEN $7::uuid ELSE counter_id END,
              target_counter_id = CASE WHEN $8::boolean THEN $9::uuid ELSE target_counter_id END,
              service_id = coalesce($10::uuid, service_id),
              tenant_id = coalesce($11::uuid, tenant_id),
              called_at = CASE WHEN $12::boolean THEN $5 ELSE called_at END,
              recall_count = CASE WHEN $13::boolean THEN recall_count + 1 WHEN $12::boolean THEN 0 ELSE recall_count END
        WHERE mpp_id = $1 AND id = $2 AND status = $3
        RETURNING id, service_id, counter_id, (SELECT service_id FROM tickets o WHERE o.mpp_id = $1 AND o.id = $2) AS old_service
     ), ev AS (
       INSERT INTO ticket_events (mpp_id, ticket_id, type, at, actor_type, actor_id, counter_id, service_id, from_service_id, note)
       SELECT $1, id, $14, $5, $15, $16, counter_id, service_id, nullif(old_service, service_id), $17 FROM moved
     )
     SELECT id FROM moved`,
    [
      t.mppId,
      t.ticketId,
      t.from,
      t.to,
      t.at,
      set.counterId !== undefined,
      set.counterId ?? null,
      set.targetCounterId !== undefined,
      set.targetCounterId ?? null,
      set.serviceId ?? null,
      set.tenantId ?? null,
      set.called === true,
      set.recall === true,
      t.event,
      t.actorType,
      t.actorId,
      t.note ?? null,
    ],
  );
  return rows.length > 0;
}

export async function insertEvent(
  q: Queryable,
  e: { mppId: string; ticketId: string; event: string; at: Date; actorType: string; actorId: string | null; counterId?: string | null; serviceId: string; fromServiceId?: string | null; note?: string | null },
): Promise<void> {
  await q.query(
    `INSERT INTO ticket_events (mpp_id, ticket_id, type, at, actor_type, actor_id, counter_id, service_id, from_service_id, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [e.mppId, e.ticketId, e.event, e.at, e.actorType, e.actorId, e.counterId ?? null, e.serviceId, e.fromServiceId ?? null, e.note ?? null],
  );
}

export interface TicketEventRow {
  type: string;
  at: string;
  actorType: string;
  actorId: string | null;
  counterId: string | null;
  serviceId: string;
  fromServiceId: string | null;
  note: string | null;
}

export async function listTicketEvents(q: Queryable, mppId: string, ticketId: string): Promise<TicketEventRow[]> {
  const { rows } = await q.query<Pick<Row<'ticket_events'>, 'type' | 'at' | 'actor_type' | 'actor_id' | 'counter_id' | 'service_id' | 'from_service_id' | 'note'>>(
    'SELECT type, at, actor_type, actor_id, counter_id, service_id, from_service_id, note FROM ticket_events WHERE mpp_id = $1 AND ticket_id = $2 ORDER BY id',
    [mppId, ticketId],
  );
  return rows.map((r) => ({
    type: r.type,
    at: iso(r.at)!,
    actorType: r.actor_type,
    actorId: r.actor_id,
    counterId: r.counter_id,
    serviceId: r.service_id,
    fromServiceId: r.from_service_id,
    note: r.note,
  }));
}

/** Waiting tickets per service of an MPP today. */
export async function waitingCounts(q: Queryable, mppId: string, localDay: string): Promise<Record<string, number>> {
  const { rows } = await q.query<{ service_id: string; n: number }>(
    `SELECT service_id, count(*) AS n FROM tickets WHERE mpp_id = $1 AND local_day = $2::date AND status = 'waiting' GROUP BY service_id`,
    [mppId, localDay],
  );
  return Object.fromEntries(rows.map((r) => [r.service_id, Number(r.n)]));
}

export async function localDayOf(q: Queryable, mppId: string, at: Date): Promise<{ localDay: string; timezone: string; name: string; slug: string; published: boolean }> {
  const { rows } = await q.query<{ local_day: string; timezone: string; name: string; slug: string; published: boolean }>(
    `SELECT (($2::timestamptz AT TIME ZONE timezone)::date)::text AS local_day, timezone, name, slug, published FROM catalog_mpps_v WHERE id = $1`,
    [mppId, at],
  );
  if (!rows[0]) throw commonErrors.not_found();
  return { localDay: rows[0].local_day, timezone: rows[0].timezone, name: rows[0].name, slug: rows[0].slug, published: rows[0].published };
}

/**
 * Everything the position replay needs for a whole MPP, in one statement: today's waiting tickets,
 * every active counter with its state, services and weights and current ticket, the recent
 * call-to-finish times of each service (last 20 within 7 days) and the default service minutes.
 * Times come back as epoch milliseconds.
 */
export async function positionInputs(q: Queryable, input: { mppId: string; localDay: string; at: Date }): Promise<PositionInput> {
  const { rows } = await q.query<{
    tickets: PositionTicket[];
    counters: (Omit<PositionCounter, 'weights'> & { weights: Record<string, number | string> })[];
    cycles: Record<string, number[] | null> | null;
    priority: { serviceId: string; atMs: number; creditMinutes: number }[];
    default_minutes: number;
  }>(
    `SELECT
       (SELECT coalesce(json_agg(json_build_object(
                 'id', t.id, 'serviceId', t.service_id, 'targetCounterId', t.target_counter_id,
                 'basisMs', (extract(epoch FROM coalesce(t.booked_for, t.queued_at)) * 1000)::float8,
                 'priorityWeight', t.priority_weight, 'rankAtMs', (extract(epoch FROM t.rank_at) * 1000)::float8, 'seq', t.seq, 'lane', t.lane)), '[]'::json)
          FROM tickets t WHERE t.mpp_id = $1 AND t.local_day = $2::date AND t.status = 'waiting') AS tickets,
       (SELECT coalesce(json_agg(json_build_object(
                 'id', c.id, 'number', c.number, 'status', coalesce(st.status, 'closed'),
                 'lane', (SELECT z.code FROM queue_zones z WHERE z.mpp_id = st.mpp_id AND z.code = st.zone AND z.kind = 'drive_thru'),
                 'weights', (SELECT coalesce(json_object_agg(cs.service_id, cs.weight), '{}'::json) FROM counter_services cs
                              WHERE cs.mpp_id = c.mpp_id AND cs.counter_id = c.id),
                 'current', (SELECT json_build_object('serviceId', cur.service_id, 'calledAtMs', (extract(epoch FROM cur.called_at) * 1000)::float8)
                               FROM tickets cur WHERE cur.mpp_id = c.mpp_id AND cur.counter_id = c.id AND cur.status IN ('called', 'serving') LIMIT 1))), '[]'::json)
          FROM catalog_counters_v c LEFT JOIN queue_counter_state st ON st.mpp_id = c.mpp_id AND st.counter_id = c.id
         WHERE c.mpp_id = $1 AND c.active) AS counters,
       (SELECT json_object_agg(service_id, secs) FROM (
          SELECT service_id, array_agg(secs ORDER BY at DESC) AS secs FROM (
            SELECT e.service_id, e.at, extract(epoch FROM e.at - c.at)::float8 AS secs,
                   row_number() OVER (PARTITION BY e.service_id ORDER BY e.at DESC) AS rn
              FROM ticket_events e
              JOIN LATERAL (SELECT at FROM ticket_events c WHERE c.mpp_id = e.mpp_id AND c.ticket_id = e.ticket_id AND c.type = 'called' AND c.id < e.id
                             ORDER BY c.id DESC LIMIT 1) c ON true
             WHERE e.mpp_id = $1 AND e.type = 'served' AND e.at > $3::timestamptz - interval '7 days') x
           WHERE rn <= 20 GROUP BY service_id) y) AS cycles,
       (SELECT coalesce(json_agg(json_build_object('serviceId', p.service_id, 'atMs', (extract(epoch FROM p.issued_at) * 1000)::float8, 'creditMinutes', p.priority_weight)), '[]'::json)
          FROM tickets p WHERE p.mpp_id = $1 AND p.local_day = $2::date AND p.priority_weight > 0
           AND p.issued_at > $3::timestamptz - interval '1 hour' AND p.issued_at <= $3::timestamptz) AS priority,
       coalesce((SELECT default_service_minutes FROM queue_mpp_settings WHERE mpp_id = $1), 6) AS default_minutes`,
    [input.mppId, input.localDay, input.at],
  );
  const r = rows[0]!;
  return {
    nowMs: input.at.getTime(),
    tickets: r.tickets.map((t) => ({ ...t, basisMs: Number(t.basisMs), rankAtMs: Number(t.rankAtMs), priorityWeight: Number(t.priorityWeight), seq: Number(t.seq) })),
    counters: r.counters.map((c) => ({
      id: c.id,
      number: Number(c.number),
      status: c.status,
      lane: c.lane ?? null,
      weights: Object.fromEntries(Object.entries(c.weights).map(([k, v]) => [k, Number(v)])),
      current: c.current ? { serviceId: c.current.serviceId, calledAtMs: Number(c.current.calledAtMs) } : null,
    })),
    recentCycles: Object.fromEntries(Object.entries(r.cycles ?? {}).map(([k, v]) => [k, (v ?? []).map(Number)])),
    recentPriority: r.priority.map((p) => ({ serviceId: p.serviceId, atMs: Number(p.atMs), creditMinutes: Number(p.creditMinutes) })),
    defaultServiceMinutes: Number(r.default_minutes),
  };
}
