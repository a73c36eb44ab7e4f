import { createHash } from 'node:crypto';
import type { Queryable } from '../platform/db.js';
import type { Row } from '../platform/tables.js';
import { commonErrors } from '../platform/errors.js';
import type { Grouping } from './schemas.js';

/** All SQL of the operations domain. ops_hourly, ops_daily and their rollups (ops_daily_staff, ops_daily_hour, ops_daily_tenant, ops_monthly), and ops_mpp_settings are ours; other tables are read only. */

export const NIL_UUID = '00000000-0000-0000-0000-000000000000';

export interface MppInfo {
  id: string;
  name: string;
  timezone: string;
  targetWaitMinutes: number;
}

/** @throws AppError not_found (404) for an unknown MPP. */
export async function getMppInfo(q: Queryable, mppId: string): Promise<MppInfo> {
  const { rows } = await q.query<{ id: string; name: string; timezone: string; target: number }>(
    `SELECT m.id, m.name, m.timezone, coalesce(s.target_wait_minutes, 15) AS target
       FROM catalog_mpps_v m LEFT JOIN ops_mpp_settings s ON s.mpp_id = m.id WHERE m.id = $1`,
    [mppId],
    { name: 'ops_mpp_info' },
  );
  const r = rows[0];
  if (!r) throw commonErrors.not_found();
  return { id: r.id, name: r.name, timezone: r.timezone, targetWaitMinutes: Number(r.target) };
}

export async function setTargetWait(q: Queryable, mppId: string, minutes: number, at: Date): Promise<void> {
  await q.query(
    `INSERT INTO ops_mpp_settings (mpp_id, target_wait_minutes, updated_at) VALUES ($1, $2, $3)
     ON CONFLICT (mpp_id) DO UPDATE SET target_wait_minutes = EXCLUDED.target_wait_minutes, updated_at = EXCLUDED.updated_at`,
    [mppId, minutes, at],
  );
}

/** One summed slice of the aggregates. Durations in seconds; hists are bucket histograms (empty when the grouping has none). */
export interface AggRow {
  key: string;
  issued: number;
  issuedBooked: number;
  called: number;
  recalled: number;
  served: number;
  noShow: number;
  cancelled: number;
  transferred: number;
  wait: { n: number; sum: number; max: number; hist: number[] };
  walk: { n: number; sum: number; hist: number[] };
  service: { n: number; sum: number; max: number; hist: number[] };
  total: { n: number; sum: number; hist: number[] };
}

/** Groupings answered from ops_daily or ops_daily_tenant; the others from ops_daily_staff, ops_daily_hour or ops_hourly (every one with the buckets since 0740). */
export const DAILY_GROUPINGS: readonly (Grouping | 'total')[] = ['total', 'tenant', 'service', 'day', 'weekday'];

const DAILY_KEY: Record<string, string> = {
  total: "'total'",
  tenant: 'd.tenant_id::text',
  service: 'd.service_id::text',
  day: 'd.local_day::text',
  weekday: '(extract(isodow FROM d.local_day)::int - 1)::text',
};
/** Counter and officer come from ops_daily_staff (per local day, agency, counter and officer, with every duration's buckets), or ops_hourly for one service. */
const STAFF_KEY: Record<string, string> = { counter: 'd.counter_id::text', officer: 'd.officer_id' };

const bucketCols = (p: string, n: number) => Array.from({ length: n }, (_, i) => `${p}${i}`);
const BUCKETS = { w: bucketCols('w', 40), k: bucketCols('k', 11), s: bucketCols('s', 40), t: bucketCols('t', 40) };
// Each duration's buckets come back as one int[] (4 values a row, not 131 columns: the driver parsed
// ~23,700 values for a month by service; bench/ops-stats.ts).
const BUCKET_SUMS = Object.entries(BUCKETS)
  .map(([p, cols]) => `ARRAY[${cols.map((c) => `sum(${c})`).join(', ')}]::int[] AS ${p}`)
  .join(', ');
const MONTH_COLUMNS = `issued, issued_booked, called, recalled, served, no_show, cancelled, transferred, wait_n, wait_sum, wait_max, walk_n, walk_sum,
            service_n, service_sum, service_max, total_n, total_sum, ${Object.values(BUCKETS).flat().join(', ')}`;

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/**
 * The whole local months inside [from, to], as [first day, first day after): empty (both the day after
 * `to`) when there is none.
 */
export function wholeMonths(from: string, to: string): { start: string; end: string } {
  const f = new Date(`${from}T00:00:00Z`);
  const afterTo = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000);
  const start = f.getUTCDate() === 1 ? f : new Date(Date.UTC(f.getUTCFullYear(), f.getUTCMonth() + 1, 1));
  const end = new Date(Date.UTC(afterTo.getUTCFullYear(), afterTo.getUTCMonth(), 1));
  return start < end ? { start: isoDay(start.getTime()), end: isoDay(end.getTime()) } : { start: isoDay(afterTo.getTime()), end: isoDay(afterTo.getTime()) };
}

const COUNT_SUMS = `sum(issued)::int AS issued, sum(issued_booked)::int AS issued_booked, sum(called)::int AS called,
            sum(recalled)::int AS recalled, sum(served)::int AS served, sum(no_show)::int AS no_show,
            sum(cancelled)::int AS cancelled, sum(transferred)::int AS transferred,
            sum(wait_n)::int AS wait_n, sum(wait_sum)::float8 AS wait_sum, max(wait_max) AS wait_max,
            sum(walk_n)::int AS walk_n, sum(walk_sum)::float8 AS walk_sum,
            sum(service_n)::int AS service_n, sum(service_sum)::float8 AS service_sum, max(service_max) AS service_max,
            sum(total_n)::int AS total_n, sum(total_sum)::float8 AS total_sum`;

export interface Slice {
  mppId: string;
  from: string;
  to: string;
  tenantId?: string;
  serviceId?: string;
}

/** The UTC instants bounding local days [from, to] in the MPP's zone, as SQL over $1..$3. */
const RANGE_CTE = `r AS (SELECT ($2::date::timestamp AT TIME ZONE m.timezone) AS f,
                                (($3::date + 1)::timestamp AT TIME ZONE m.timezone) AS t, m.timezone AS tz
                           FROM catalog_mpps_v m WHERE m.id = $1)`;

function filters(s: Slice, params: unknown[], alias = 'h'): string {
  let sql = alias === 'd' ? 'd.mpp_id = $1 AND d.local_day BETWEEN $2::date AND $3::date' : 'h.mpp_id = $1 AND h.hour >= r.f AND h.hour < r.t';
  if (s.tenantId) {
    params.push(s.tenantId);
    sql += ` AND ${alias}.tenant_id = $${params.length}`;
  }
  if (s.serviceId) {
    params.push(s.serviceId);
    sql += ` AND ${alias}.service_id = $${params.length}`;
  }
  return sql;
}

/**
 * A daily grouping summed from the day rows. Per agency and day unless one service is asked for (or
 * grouped by): a sixth of the rows. Exported for the benchmark, which shows "by service" this way
 * beside the month rows that replaced it.
 */
export function dailyAggregateSql(s: Slice, by: Grouping | 'total'): { sql: string; params: unknown[] } {
  const params: unknown[] = [s.mppId, s.from, s.to];
  const where = filters(s, params, 'd');
  const table = by === 'service' || s.serviceId ? 'ops_daily' : 'ops_daily_tenant';
  return { sql: `SELECT ${DAILY_KEY[by]} AS key, ${COUNT_SUMS}, ${BUCKET_SUMS} FROM ${table} d WHERE ${where} GROUP BY 1 ORDER BY 1`, params };
}

/**
 * The statement behind `aggregate`, exported so the benchmark's pgbench baseline runs the very same SQL.
 * By counter, officer and hour read the rollups of ops_hourly, or ops_hourly itself for one service.
 */
export function aggregateSql(s: Slice, by: Grouping | 'total'): { sql: string; params: unknown[] } {
  const params: unknown[] = [s.mppId, s.from, s.to];
  if (by === 'service' && !s.serviceId) {
    // Whole months from ops_monthly (~159 rows each), the days at the period's ends from ops_daily.
    const { start, end } = wholeMonths(s.from, s.to);
    params.push(start, end);
    let tenant = '';
    if (s.tenantId) {
      params.push(s.tenantId);
      tenant = ` AND d.tenant_id = $${params.length}`;
    }
    return {
      sql: `SELECT d.key, ${COUNT_SUMS}, ${BUCKET_SUMS} FROM (
              SELECT d.service_id::text AS key, ${MONTH_COLUMNS} FROM ops_monthly d WHERE d.mpp_id = $1 AND d.local_month >= $4::date AND d.local_month < $5::date${tenant}
              UNION ALL
              SELECT d.service_id::text AS key, ${MONTH_COLUMNS} FROM ops_daily d
               WHERE d.mpp_id = $1 AND ((d.local_day >= $2::date AND d.local_day < $4::date) OR (d.local_day >= $5::date AND d.local_day <= $3::date))${tenant}
            ) d GROUP BY 1 ORDER BY 1`,
      params,
    };
  }
  if (DAILY_GROUPINGS.includes(by)) return dailyAggregateSql(s, by);
  if ((by === 'counter' || by === 'officer') && !s.serviceId) {
    const where = filters(s, params, 'd');
    return { sql: `SELECT ${STAFF_KEY[by]} AS key, ${COUNT_SUMS}, ${BUCKET_SUMS} FROM ops_daily_staff d WHERE ${where} GROUP BY 1 ORDER BY 1`, params };
  }
  if (by === 'counter' || by === 'officer') {
    const where = filters(s, params);
    return { sql: `WITH ${RANGE_CTE} SELECT ${STAFF_KEY[by]!.replace('d.', 'h.')} AS key, ${COUNT_SUMS}, ${BUCKET_SUMS} FROM ops_hourly h, r WHERE ${where} GROUP BY 1 ORDER BY 1`, params };
  }
  if (!s.serviceId) {
    const where = filters(s, params, 'd');
    return { sql: `SELECT d.local_hour::text AS key, ${COUNT_SUMS}, ${BUCKET_SUMS} FROM ops_daily_hour d WHERE ${where} GROUP BY d.local_hour ORDER BY d.local_hour`, params };
  }
  const where = filters(s, params);
  const hourOfDay = 'extract(hour FROM h.hour AT TIME ZONE r.tz)::int';
  return { sql: `WITH ${RANGE_CTE} SELECT ${hourOfDay}::text AS key, ${COUNT_SUMS}, ${BUCKET_SUMS} FROM ops_hourly h, r WHERE ${where} GROUP BY ${hourOfDay} ORDER BY ${hourOfDay}`, params };
}

/**
 * A prepared statement's name for a statement text: the same text always gets the same name (a name
 * is bound to its text on each connection), so a statement is planned once per connection. Planning
 * the month-by-service statement cost more than running it (bench/ops-stats.ts).
 */
export const statementName = (sql: string): string => `ops_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;

/** Sums the aggregates over a slice of local days, one row per group. */
export async function aggregate(q: Queryable, s: Slice, by: Grouping | 'total'): Promise<AggRow[]> {
  const { sql, params } = aggregateSql(s, by);
  const { rows } = await q.query<AggRecord>(sql, params, { name: statementName(sql) });
  return rows.map(toAggRow);
}

/** One row of `aggregateSql`: the group key, its sums by column name (numbers or numeric strings) and the bucket arrays w, k, s, t. */
type AggRecord = Record<string, string | number | null | number[]>;

function toAggRow(r: AggRecord): AggRow {
  // Every statement sums the buckets (ops_hourly and ops_daily_hour since 0740); a NULL (never used) bucket is 0.
  const hist = (p: keyof typeof BUCKETS) => (Array.isArray(r[p]) ? (r[p] as unknown[]).map((v) => Number(v ?? 0)) : []);
  return {
    key: String(r.key),
    issued: Number(r.issued),
    issuedBooked: Number(r.issued_booked),
    called: Number(r.called),
    recalled: Number(r.recalled),
    served: Number(r.served),
    noShow: Number(r.no_show),
    cancelled: Number(r.cancelled),
    transferred: Number(r.transferred),
    wait: { n: Number(r.wait_n), sum: Number(r.wait_sum), max: Number(r.wait_max ?? 0), hist: hist('w') },
    walk: { n: Number(r.walk_n), sum: Number(r.walk_sum), hist: hist('k') },
    service: { n: Number(r.service_n), sum: Number(r.service_sum), max: Number(r.service_max ?? 0), hist: hist('s') },
    total: { n: Number(r.total_n), sum: Number(r.total_sum), hist: hist('t') },
  };
}

/** Tickets issued by local weekday (0 = Monday) and hour: the arrivals heatmap (ops_daily_hour, or ops_hourly for one service). */
export async function arrivals(q: Queryable, s: Slice): Promise<{ weekday: number; hour: number; issued: number }[]> {
  const params: unknown[] = [s.mppId, s.from, s.to];
  const sql = s.serviceId
    ? `WITH ${RANGE_CTE}
       SELECT extract(isodow FROM h.hour AT TIME ZONE r.tz)::int - 1 AS weekday, extract(hour FROM h.hour AT TIME ZONE r.tz)::int AS hour,
              sum(issued)::int AS issued
         FROM ops_hourly h, r WHERE ${filters(s, params)} AND h.issued > 0 GROUP BY 1, 2`
    : `SELECT extract(isodow FROM d.local_day)::int - 1 AS weekday, d.local_hour AS hour, sum(issued)::int AS issued
         FROM ops_daily_hour d WHERE ${filters(s, params, 'd')} AND d.issued > 0 GROUP BY 1, 2`;
  const { rows } = await q.query<{ weekday: number; hour: number; issued: number }>(sql, params, { name: statementName(sql) });
  return rows.map((r) => ({ weekday: Number(r.weekday), hour: Number(r.hour), issued: Number(r.issued) }));
}

/** Display names of the keys of a grouping (services, agencies, counters, officers). */
export async function labels(q: Queryable, mppId: string, by: Grouping, keys: string[]): Promise<Map<string, string>> {
  const sql: Partial<Record<Grouping, string>> = {
    tenant: 'SELECT id::text AS key, name AS label FROM catalog_tenants_v WHERE mpp_id = $1',
    service: "SELECT s.id::text AS key, s.name || ' (' || t.name || ')' AS label FROM catalog_services_v s JOIN catalog_tenants_v t ON t.mpp_id = s.mpp_id AND t.id = s.tenant_id WHERE s.mpp_id = $1",
    counter: 'SELECT id::text AS key, name AS label FROM catalog_counters_v WHERE mpp_id = $1',
    officer: 'SELECT u.id::text AS key, u.name AS label FROM identity_users_v u WHERE $1::uuid IS NOT NULL AND u.id::text = ANY($2::text[])',
  };
  if (!sql[by]) return new Map();
  const { rows } = await q.query<{ key: string; label: string }>(sql[by]!, by === 'officer' ? [mppId, keys] : [mppId], { name: statementName(sql[by]!) });
  return new Map(rows.map((r) => [r.key, r.label]));
}

/**
 * Applies the MPP's ticket events still waiting in ops_pending to the aggregates (migration 0730);
 * returns how many. Every read of the aggregates calls this first, so it counts every event committed
 * before it, as when the trigger wrote the aggregates itself. Folds of one MPP wait for each other.
 */
export async function foldPending(q: Queryable, mppId: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>('SELECT ops_fold($1) AS n', [mppId]);
  return Number(rows[0]!.n);
}

/** The MPPs with ticket events not yet folded into the aggregates. */
export async function mppsWithPending(q: Queryable): Promise<string[]> {
  const { rows } = await q.query<{ mpp_id: string }>('SELECT DISTINCT mpp_id FROM ops_pending');
  return rows.map((r) => r.mpp_id);
}

/** Folds every MPP's pending events, one MPP (one transaction) at a time; returns how many. */
export async function foldAllPending(q: Queryable): Promise<number> {
  let n = 0;
  for (const mppId of await mppsWithPending(q)) n += await foldPending(q, mppId);
  return n;
}

/** Re-derives an MPP's aggregates from its events between two instants; returns the events replayed. */
export async function rebuild(q: Queryable, mppId: string, from: Date | string, to: Date | string): Promise<number> {
  const { rows } = await q.query<{ n: number }>('SELECT ops_rebuild($1, $2::timestamptz, $3::timestamptz) AS n', [mppId, from, to]);
  return Number(rows[0]!.n);
}

export interface TenantHourRow {
  tenantId: string;
  hour: number;
  issued: number;
  serviceN: number;
  serviceSum: number;
}

/** Arrivals and service times per agency and local hour over local days [from, to], and the number of days with arrivals. */
export async function tenantHours(q: Queryable, s: Slice): Promise<{ days: number; rows: TenantHourRow[] }> {
  const params: unknown[] = [s.mppId, s.from, s.to];
  const where = filters(s, params);
  const { rows } = await q.query<{ tenant_id: string; hour: number; issued: number; service_n: number; service_sum: number; days_here: number }>(
    `WITH ${RANGE_CTE}
     SELECT h.tenant_id, extract(hour FROM h.hour AT TIME ZONE r.tz)::int AS hour, sum(issued)::int AS issued,
            sum(service_n)::int AS service_n, sum(service_sum)::float8 AS service_sum,
            count(DISTINCT (h.hour AT TIME ZONE r.tz)::date) FILTER (WHERE issued > 0) AS days_here
       FROM ops_hourly h, r WHERE ${where} GROUP BY 1, 2`,
    params,
  );
  const days = await q.query<{ days: number }>(
    `WITH ${RANGE_CTE}
     SELECT count(DISTINCT (h.hour AT TIME ZONE r.tz)::date)::int AS days FROM ops_hourly h, r WHERE ${where} AND h.issued > 0`,
    params,
  );
  return {
    days: Number(days.rows[0]?.days ?? 0),
    rows: rows.map((r) => ({ tenantId: r.tenant_id, hour: Number(r.hour), issued: Number(r.issued), serviceN: Number(r.service_n), serviceSum: Number(r.service_sum) })),
  };
}

export async function tenantCounters(q: Queryable, mppId: string): Promise<{ tenantId: string; tenantName: string; total: number; open: number; defaultMinutes: number }[]> {
  const { rows } = await q.query<Pick<Row<'tenants'>, 'id' | 'name'> & { total: number; open: number; default_minutes: number }>(
    `SELECT t.id, t.name,
            (SELECT count(*) FROM catalog_counters_v c WHERE c.mpp_id = t.mpp_id AND c.tenant_id = t.id AND c.active)::int AS total,
            (SELECT count(*) FROM catalog_counters_v c JOIN queue_counter_state_v st ON st.mpp_id = c.mpp_id AND st.counter_id = c.id
              WHERE c.mpp_id = t.mpp_id AND c.tenant_id = t.id AND c.active AND st.status = 'open')::int AS open,
            coalesce((SELECT default_service_minutes FROM queue_mpp_settings_v WHERE mpp_id = t.mpp_id), 6) AS default_minutes
       FROM catalog_tenants_v t WHERE t.mpp_id = $1 ORDER BY t.name`,
    [mppId],
  );
  return rows.map((r) => ({ tenantId: r.id, tenantName: r.name, total: Number(r.total), open: Number(r.open), defaultMinutes: Number(r.default_minutes) }));
}

/** The aggregate tables the demo's history is written into directly. */
export type AggregateTable = 'ops_daily' | 'ops_daily_tenant' | 'ops_monthly' | 'ops_daily_staff' | 'ops_daily_hour' | 'ops_hourly';

/**
 * Bulk insert, one array parameter per column (unnest): far quicker than rows of JSON on PGlite.
 * Column names and SQL types come from the caller's code, never from input.
 */
export async function insertAggregateColumns(q: Queryable, table: AggregateTable, columns: { name: string; type: string; values: unknown[] }[]): Promise<void> {
  await q.query(
    `INSERT INTO ${table} (${columns.map((c) => c.name).join(', ')}) SELECT * FROM unnest(${columns.map((c, j) => `$${j + 1}::${c.type}[]`).join(', ')})`,
    columns.map((c) => c.values),
  );
}

/**
 * Turns ops_hourly's rollup trigger off or on (inside the caller's transaction): the demo's history
 * writes the rollups itself, complete, so the trigger would count every hour twice.
 */
export async function setHourlyRollups(q: Queryable, enabled: boolean): Promise<void> {
  await q.query(`ALTER TABLE ops_hourly ${enabled ? 'ENABLE' : 'DISABLE'} TRIGGER ops_hourly_rollups`);
}
