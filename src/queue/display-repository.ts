import type { Queryable } from '../platform/db.js';
import type { Row } from '../platform/tables.js';

export const DISPLAY_CHANNEL = 'queue_display';
export const CHANGED_CHANNEL = 'queue_changed';

export type DisplayEventType = 'call' | 'recall' | 'serving' | 'done';

/** What a board receives for a call and what follows it; `speech` is read aloud on 'call' and 'recall'. */
export interface DisplayPayload {
  ticketId: string;
  number: string;
  serviceId: string;
  serviceName: string;
  counterId: string | null;
  counterNumber: number | null;
  counterName: string | null;
  speech: string | null;
  /** Set on a drive-thru lane's calls: only that lane's boards show them, the hall boards never. */
  lane?: string | null;
  plate?: string | null;
  holderName?: string | null;
}

/**
 * Which calls a board shows. A lane board (a drive-thru zone) shows its own counters' events only;
 * a hall board shows its zone's and the unzoned counters' events (all of them with no zone), never a lane's.
 */
export interface BoardScope {
  zone: string | null;
  lane: boolean;
}
const EVENT_SCOPE = `CASE WHEN $4::boolean THEN zone = $3 ELSE ($3::text IS NULL OR zone IS NULL OR zone = $3) AND payload->>'lane' IS NULL END`;

/** The same rule as EVENT_SCOPE, for an event arriving live. */
export function boardShows(scope: BoardScope, ev: Pick<DisplayEvent, 'zone' | 'payload'>): boolean {
  if (scope.lane) return ev.zone === scope.zone;
  return (scope.zone === null || ev.zone === null || ev.zone === scope.zone) && !ev.payload.lane;
}

export interface DisplayEvent {
  mppId: string;
  seq: number;
  zone: string | null;
  type: DisplayEventType;
  payload: DisplayPayload;
  at: string;
}

/**
 * Records a board event in the transition's transaction. It is numbered and NOTIFYed after the commit
 * by `publishDisplayEvents` (board-publisher.ts; migration 0750): the insert takes no row another
 * counter waits for, so an MPP's transitions commit side by side.
 */
export async function appendDisplayEvent(
  tx: Queryable,
  e: { mppId: string; zone: string | null; type: DisplayEventType; payload: DisplayPayload; at: Date; zoneOfCounter?: string | null },
): Promise<void> {
  // `zoneOfCounter`: the zone is the counter's, read here rather than in a round trip of its own.
  await tx.query(
    `INSERT INTO display_pending (mpp_id, zone, type, payload, at)
     SELECT $1, coalesce($2::text, (SELECT zone FROM queue_counter_state WHERE mpp_id = $1 AND counter_id = $6::uuid)), $3, $4::jsonb, $5`,
    [e.mppId, e.zone, e.type, JSON.stringify(e.payload), e.at, e.zoneOfCounter ?? null],
  );
}

/**
 * Numbers the MPP's pending board events (the next values of its sequence, without gaps, committed in
 * order) and NOTIFYs them on DISPLAY_CHANNEL, in one transaction; returns how many.
 */
export async function publishDisplayEvents(q: Queryable, mppId: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>('SELECT display_publish($1) AS n', [mppId]);
  return Number(rows[0]!.n);
}

/** The MPPs with board events recorded but not yet published (a node stopped between commit and publication). */
export async function mppsWithPendingDisplay(q: Queryable): Promise<string[]> {
  const { rows } = await q.query<{ mpp_id: string }>('SELECT DISTINCT mpp_id FROM display_pending');
  return rows.map((r) => r.mpp_id);
}

type DisplayEventRecord = Pick<Row<'display_events'>, 'mpp_id' | 'seq' | 'zone' | 'type' | 'payload' | 'at'>;

function toEvent(r: DisplayEventRecord): DisplayEvent {
  // type and payload are only ever written by appendDisplayEvent, with these types.
  return { mppId: r.mpp_id, seq: Number(r.seq), zone: r.zone, type: r.type as DisplayEventType, payload: r.payload as DisplayPayload, at: r.at.toISOString() };
}

/** Events after a sequence number, for a board catching up (zone NULL events go to every board). */
export async function listDisplayEventsAfter(q: Queryable, mppId: string, afterSeq: number, scope: BoardScope, limit = 500): Promise<DisplayEvent[]> {
  const { rows } = await q.query<DisplayEventRecord>(
    `SELECT mpp_id, seq, zone, type, payload, at FROM display_events
      WHERE mpp_id = $1 AND seq > $2 AND ${EVENT_SCOPE} ORDER BY seq LIMIT $5`,
    [mppId, afterSeq, scope.zone, scope.lane, limit],
  );
  return rows.map(toEvent);
}

export async function recentCalls(q: Queryable, mppId: string, since: Date, scope: BoardScope, limit = 8): Promise<DisplayEvent[]> {
  const { rows } = await q.query<DisplayEventRecord>(
    `SELECT mpp_id, seq, zone, type, payload, at FROM display_events
      WHERE mpp_id = $1 AND type IN ('call', 'recall') AND at >= $2 AND ${EVENT_SCOPE}
      ORDER BY seq DESC LIMIT $5`,
    [mppId, since, scope.zone, scope.lane, limit],
  );
  return rows.map(toEvent);
}

export async function lastDisplaySeq(q: Queryable, mppId: string): Promise<number> {
  const { rows } = await q.query<{ last_seq: number }>('SELECT last_seq FROM display_seq WHERE mpp_id = $1', [mppId]);
  return Number(rows[0]?.last_seq ?? 0);
}

export interface NowServing {
  ticketId: string;
  number: string;
  status: string;
  serviceName: string;
  counterId: string;
  counterNumber: number;
  counterName: string;
  plate: string | null;
  holderName: string | null;
}

export async function nowServing(q: Queryable, mppId: string, scope: BoardScope): Promise<NowServing[]> {
  const { rows } = await q.query<Pick<Row<'tickets'>, 'id' | 'number' | 'status' | 'plate' | 'holder_name'> & { service_name: string; counter_id: string; counter_number: number; counter_name: string }>(
    `SELECT t.id, t.number, t.status, t.plate, t.holder_name, s.name AS service_name, c.id AS counter_id, c.number AS counter_number, c.name AS counter_name
       FROM tickets t JOIN catalog_services_v s ON s.mpp_id = t.mpp_id AND s.id = t.service_id
       JOIN catalog_counters_v c ON c.mpp_id = t.mpp_id AND c.id = t.counter_id
       LEFT JOIN queue_counter_state st ON st.mpp_id = c.mpp_id AND st.counter_id = c.id
      WHERE t.mpp_id = $1 AND t.status IN ('called', 'serving')
        AND CASE WHEN $3::boolean THEN st.zone = $2 ELSE ($2::text IS NULL OR st.zone IS NULL OR st.zone = $2) AND t.lane IS NULL END
      ORDER BY c.number`,
    [mppId, scope.zone, scope.lane],
  );
  return rows.map((r) => ({
    ticketId: r.id,
    number: r.number,
    status: r.status,
    serviceName: r.service_name,
    counterId: r.counter_id,
    counterNumber: r.counter_number,
    counterName: r.counter_name,
    plate: r.plate,
    holderName: r.holder_name,
  }));
}

export interface ServiceWaiting {
  serviceId: string;
  name: string;
  prefix: string;
  waiting: number;
}

/**
 * Waiting people per service, only for services with someone waiting today: a board of a 300-service
 * MPP lists the few lines that matter, never a column of zeros.
 */
export async function waitingPerService(q: Queryable, mppId: string, localDay: string, lane: string | null = null): Promise<ServiceWaiting[]> {
  const { rows } = await q.query<Pick<Row<'services'>, 'id' | 'name' | 'ticket_prefix'> & { waiting: number }>(
    `SELECT s.id, s.name, s.ticket_prefix, w.waiting
       FROM (SELECT service_id, count(*) AS waiting FROM tickets
              WHERE mpp_id = $1 AND local_day = $2::date AND status = 'waiting' AND lane IS NOT DISTINCT FROM $3::text GROUP BY service_id) w
       JOIN catalog_services_v s ON s.mpp_id = $1 AND s.id = w.service_id
      ORDER BY s.ticket_prefix, s.name`,
    [mppId, localDay, lane],
  );
  return rows.map((r) => ({ serviceId: r.id, name: r.name, prefix: r.ticket_prefix, waiting: Number(r.waiting) }));
}
