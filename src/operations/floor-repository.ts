import type { Queryable } from '../platform/db.js';
import type { Row } from '../platform/tables.js';

/** Reads for the live floor: today's lines, counters and devices of one MPP, in three statements. */

export interface LineRow {
  serviceId: string;
  serviceName: string;
  tenantId: string;
  tenantName: string;
  waiting: number;
  oldestQueuedAt: Date | null;
  servedToday: number;
  meanServiceSeconds: number | null;
  openCounters: number;
}

/** Every active service with people waiting or served today, with its counters open now. */
export async function lines(q: Queryable, mppId: string, localDay: string, now: Date, tenantId?: string): Promise<LineRow[]> {
  const { rows } = await q.query<{
    service_id: string;
    service_name: string;
    tenant_id: string;
    tenant_name: string;
    waiting: number;
    oldest: Date | null;
    served_today: number;
    mean_service: number | null;
    open_counters: number;
  }>(
    `WITH w AS (
       SELECT service_id, count(*)::int AS waiting, min(queued_at) AS oldest
         FROM queue_tickets_v WHERE mpp_id = $1 AND local_day = $2::date AND status = 'waiting' GROUP BY service_id
     ), h AS (
       -- Served since the MPP's local midnight; the mean service time over the last 7 days.
       SELECT service_id,
              sum(served) FILTER (WHERE hour >= $2::date::timestamp AT TIME ZONE (SELECT timezone FROM catalog_mpps_v WHERE id = $1))::int AS served_today,
              sum(service_sum)::float8 / nullif(sum(service_n), 0) AS mean_service
         FROM ops_hourly WHERE mpp_id = $1 AND hour >= $3::timestamptz - interval '7 days' GROUP BY service_id
     ), c AS (
       SELECT cs.service_id, count(*)::int AS open_counters
         FROM queue_counter_services_v cs JOIN queue_counter_state_v st ON st.mpp_id = cs.mpp_id AND st.counter_id = cs.counter_id
        WHERE cs.mpp_id = $1 AND st.status = 'open' GROUP BY cs.service_id
     )
     SELECT s.id AS service_id, s.name AS service_name, t.id AS tenant_id, t.name AS tenant_name,
            coalesce(w.waiting, 0) AS waiting, w.oldest, coalesce(h.served_today, 0) AS served_today, h.mean_service,
            coalesce(c.open_counters, 0) AS open_counters
       FROM catalog_services_v s JOIN catalog_tenants_v t ON t.mpp_id = s.mpp_id AND t.id = s.tenant_id
       LEFT JOIN w ON w.service_id = s.id LEFT JOIN h ON h.service_id = s.id LEFT JOIN c ON c.service_id = s.id
      WHERE s.mpp_id = $1 AND s.active AND (w.waiting > 0 OR coalesce(h.served_today, 0) > 0) ${tenantId ? 'AND s.tenant_id = $4' : ''}
      ORDER BY t.name, s.name`,
    tenantId ? [mppId, localDay, now, tenantId] : [mppId, localDay, now],
  );
  return rows.map((r) => ({
    serviceId: r.service_id,
    serviceName: r.service_name,
    tenantId: r.tenant_id,
    tenantName: r.tenant_name,
    waiting: Number(r.waiting),
    oldestQueuedAt: r.oldest ? new Date(r.oldest) : null,
    servedToday: Number(r.served_today),
    meanServiceSeconds: r.mean_service === null ? null : Number(r.mean_service),
    openCounters: Number(r.open_counters),
  }));
}

export interface CounterRow {
  id: string;
  number: number;
  name: string;
  tenantName: string;
  tenantId: string;
  status: 'open' | 'paused' | 'closed';
  pauseReason: string | null;
  officerName: string | null;
  since: Date | null;
  current: { number: string; status: string; serviceName: string; calledAt: Date | null } | null;
}

export async function counters(q: Queryable, mppId: string, tenantId?: string): Promise<CounterRow[]> {
  const { rows } = await q.query<
    Pick<Row<'counters'>, 'id' | 'number' | 'name'> &
      Pick<Row<'queue_counter_state'>, 'pause_reason'> & {
        tenant_name: string;
        tenant_id: string;
        status: CounterRow['status'];
        officer_name: string | null;
        since: Date | null;
        cur_number: string | null;
        cur_status: string | null;
        cur_called_at: Date | null;
        cur_service: string | null;
      }
  >(
    `SELECT c.id, c.number, c.name, t.name AS tenant_name, t.id AS tenant_id, coalesce(st.status, 'closed') AS status,
            st.pause_reason, u.name AS officer_name, st.updated_at AS since,
            cur.number AS cur_number, cur.status AS cur_status, cur.called_at AS cur_called_at, s.name AS cur_service
       FROM catalog_counters_v c JOIN catalog_tenants_v t ON t.mpp_id = c.mpp_id AND t.id = c.tenant_id
       LEFT JOIN queue_counter_state_v st ON st.mpp_id = c.mpp_id AND st.counter_id = c.id
       LEFT JOIN identity_users_v u ON u.id = st.officer_id AND st.status <> 'closed'
       LEFT JOIN queue_tickets_v cur ON cur.mpp_id = c.mpp_id AND cur.counter_id = c.id AND cur.status IN ('called', 'serving')
       LEFT JOIN catalog_services_v s ON s.mpp_id = cur.mpp_id AND s.id = cur.service_id
      WHERE c.mpp_id = $1 AND c.active ${tenantId ? 'AND c.tenant_id = $2' : ''}
      ORDER BY c.number`,
    tenantId ? [mppId, tenantId] : [mppId],
  );
  return rows.map((r) => ({
    id: r.id,
    number: Number(r.number),
    name: r.name,
    tenantName: r.tenant_name,
    tenantId: r.tenant_id,
    status: r.status,
    pauseReason: r.pause_reason,
    officerName: r.officer_name,
    since: r.since ? new Date(r.since) : null,
    current: r.cur_number ? { number: r.cur_number, status: r.cur_status ?? '', serviceName: r.cur_service ?? '', calledAt: r.cur_called_at ? new Date(r.cur_called_at) : null } : null,
  }));
}

export interface WaitingTicketRow {
  id: string;
  number: string;
  serviceName: string;
  tenantName: string;
  queuedAt: Date;
}

/** Today's waiting tickets that have waited at least `minutes`, longest first. */
export async function longWaiting(q: Queryable, mppId: string, localDay: string, now: Date, minutes: number, tenantId?: string): Promise<WaitingTicketRow[]> {
  const { rows } = await q.query<Pick<Row<'tickets'>, 'id' | 'number' | 'queued_at'> & { service_name: string; tenant_name: string }>(
    `SELECT k.id, k.number, s.name AS service_name, t.name AS tenant_name, k.queued_at
       FROM queue_tickets_v k JOIN catalog_services_v s ON s.mpp_id = k.mpp_id AND s.id = k.service_id
       JOIN catalog_tenants_v t ON t.mpp_id = k.mpp_id AND t.id = k.tenant_id
      WHERE k.mpp_id = $1 AND k.local_day = $2::date AND k.status = 'waiting'
        AND k.queued_at <= $3::timestamptz - make_interval(mins => $4) ${tenantId ? 'AND k.tenant_id = $5' : ''}
      ORDER BY k.queued_at LIMIT 50`,
    tenantId ? [mppId, localDay, now, minutes, tenantId] : [mppId, localDay, now, minutes],
  );
  return rows.map((r) => ({ id: r.id, number: r.number, serviceName: r.service_name, tenantName: r.tenant_name, queuedAt: new Date(r.queued_at) }));
}

/** Today's parked tickets (stepped aside at a counter, waiting in the agency's pool), longest parked first. */
export async function parkedTickets(q: Queryable, mppId: string, localDay: string, tenantId?: string): Promise<(Omit<WaitingTicketRow, 'queuedAt'> & { parkedAt: Date })[]> {
  const { rows } = await q.query<Pick<Row<'tickets'>, 'id' | 'number' | 'parked_at'> & { service_name: string; tenant_name: string }>(
    `SELECT k.id, k.number, s.name AS service_name, t.name AS tenant_name, k.parked_at
       FROM queue_tickets_v k JOIN catalog_services_v s ON s.mpp_id = k.mpp_id AND s.id = k.service_id
       JOIN catalog_tenants_v t ON t.mpp_id = k.mpp_id AND t.id = k.tenant_id
      WHERE k.mpp_id = $1 AND k.local_day = $2::date AND k.status = 'parked' ${tenantId ? 'AND k.tenant_id = $3' : ''}
      ORDER BY k.parked_at LIMIT 50`,
    tenantId ? [mppId, localDay, tenantId] : [mppId, localDay],
  );
  return rows.map((r) => ({ id: r.id, number: r.number, serviceName: r.service_name, tenantName: r.tenant_name, parkedAt: new Date(r.parked_at!) }));
}

/** Kiosks and boards not heard from since `since` (never used counts as offline). */
export async function quietDevices(q: Queryable, mppId: string, since: Date): Promise<{ id: string; name: string; kind: string; lastUsedAt: Date | null }[]> {
  const { rows } = await q.query<Pick<Row<'device_tokens'>, 'id' | 'name' | 'kind' | 'last_used_at'>>(
    `SELECT id, name, kind, last_used_at FROM identity_device_tokens_v
      WHERE mpp_id = $1 AND revoked_at IS NULL AND (last_used_at IS NULL OR last_used_at < $2) ORDER BY kind, name`,
    [mppId, since],
  );
  return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, lastUsedAt: r.last_used_at ? new Date(r.last_used_at) : null }));
}

export async function localDay(q: Queryable, mppId: string, at: Date): Promise<string> {
  const { rows } = await q.query<{ d: string }>('SELECT (($2::timestamptz AT TIME ZONE timezone)::date)::text AS d FROM catalog_mpps_v WHERE id = $1', [mppId, at]);
  return rows[0]!.d;
}

/** The MPP's kiosks and boards in service (not revoked), by kind. */
export async function deviceCounts(q: Queryable, mppId: string): Promise<{ kiosk: number; display: number }> {
  const { rows } = await q.query<{ kiosk: number; display: number }>(
    `SELECT count(*) FILTER (WHERE kind = 'kiosk')::int AS kiosk, count(*) FILTER (WHERE kind = 'display')::int AS display
       FROM identity_device_tokens_v WHERE mpp_id = $1 AND revoked_at IS NULL`,
    [mppId],
  );
  return { kiosk: Number(rows[0]!.kiosk), display: Number(rows[0]!.display) };
}
