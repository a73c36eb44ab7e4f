/**
 * An MPP's month statistics and the national view with the aggregate tables at national size, on the
 * PostgreSQL server.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:ops-scale
 *
 * Issue 14 asks for 514 MPPs x 90 days of ~2,000 tickets a day. 92 million tickets of raw events and
 * their replay through ops_apply (1.4-12.6 ms per event on this machine, docs/benchmarks.md) would take
 * days, so what is real and what is copied:
 *   1. Real: one MPP (the demo's size, zone Asia/Jakarta) gets BENCH_REAL_DAYS (7, a whole week) days of
 *      BENCH_TICKETS (2,000) synthetic tickets a day as ticket events (bench/ops-support.ts, as bench:ops),
 *      and ops_rebuild derives its aggregates from them.
 *   2. Tiled: those days' aggregate rows (ops_hourly, ops_daily, ops_daily_tenant, ops_daily_staff,
 *      ops_daily_hour) are copied back in time, a week at a time, to fill BENCH_DAYS (90) local days
 *      ending 2026-11-30; ops_monthly is then summed from ops_daily as ops_rebuild does.
 *   3. Copied: the other 513 MPPs (one per kabupaten/kota of the regions table) get the same rows
 *      with their own mpp_id, table by table (BENCH_NATIONAL_TABLES; ops_hourly is left at one MPP by
 *      default: ~200,000 rows per MPP-quarter, ~100 million nationally, ~40 GB with its indexes).
 *   4. Stored scorecards for September-November for all 514 as bench:national makes them.
 * Then times getStats (the API's code path) for the real MPP's November per grouping, the steps of "by
 * service" before (131 bucket columns, planned at every call) and now (four arrays, a named prepared
 * statement), getNationalView, and beside them pgbench running the same statements.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { getNationalView } from '../src/operations/national-service.js';
import { aggregate, aggregateSql, arrivals, getMppInfo, labels, statementName } from '../src/operations/repository.js';
import type { Grouping } from '../src/operations/schemas.js';
import { getStats } from '../src/operations/stats-service.js';
import { SYSTEM_ACTOR, type Principal } from '../src/platform/auth.js';
import { postgresDb } from '../src/platform/db.js';
import { migrate } from '../src/platform/migrate.js';
import { buildBenchMpp, replayDays } from './ops-support.js';

const BASE = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REAL_DAYS = Number(process.env.BENCH_REAL_DAYS ?? 7);
const DAYS = Number(process.env.BENCH_DAYS ?? 90);
const PER_DAY = Number(process.env.BENCH_TICKETS ?? 2000);
const ITER = Number(process.env.BENCH_ITERATIONS ?? 40);
const MPPS = Number(process.env.BENCH_MPPS ?? 514);
const KEEP = process.env.BENCH_KEEP === '1';
const NATIONAL_TABLES = (process.env.BENCH_NATIONAL_TABLES ?? 'ops_monthly,ops_daily_tenant,ops_daily_hour,ops_daily_staff,ops_daily').split(',');
const LAST_DAY = '2026-11-30';
const NOW = new Date('2026-12-01T02:00:00Z');

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const fmt = (ms: number) => ms.toFixed(2).padStart(8);
const line = (label: string, xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `${label.padEnd(60)}${fmt(pct(s, 50))} ${fmt(pct(s, 95))} ${fmt(s.at(-1)!)}\n`;
};
const say = (s: string) => process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${s}\n`);

async function main(): Promise<void> {
  const dbName = `ops_scale_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: BASE });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(BASE);
  url.pathname = `/${dbName}`;
  const db = postgresDb(url.toString(), { poolSize: 4, statementTimeoutMs: 3_600_000 });
  try {
    await migrate(db);
    const mppId = (await db.query<{ id: string }>(
      `INSERT INTO mpps (slug, name, timezone, region_code, published)
       SELECT 'mpp-bench', 'MPP Bench', 'Asia/Jakarta', code, true FROM regions WHERE level = 'regency' AND timezone = 'Asia/Jakarta' ORDER BY code LIMIT 1 RETURNING id`,
    )).rows[0]!.id;
    await db.query(
      `INSERT INTO mpps (slug, name, timezone, region_code, published)
       SELECT 'mpp-' || replace(code, '.', '-'), 'MPP ' || name, timezone, code, true FROM regions
        WHERE level = 'regency' AND code <> (SELECT region_code FROM mpps WHERE id = $1) ORDER BY code LIMIT $2`,
      [mppId, MPPS - 1],
    );
    const nServices = await buildBenchMpp(db, mppId, { days: REAL_DAYS, perDay: PER_DAY, lastDay: LAST_DAY });
    const events = Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM ticket_events')).rows[0]!.n);
    say(`real MPP: ${nServices} services, ${REAL_DAYS} days x ${PER_DAY} tickets, ${events} events`);
    const replayMs = await replayDays(db, mppId, { days: REAL_DAYS, lastDay: LAST_DAY });
    say(`ops_rebuild of the real days: ${(replayMs / 1000).toFixed(1)} s = ${((replayMs * 1000) / events).toFixed(0)} µs per event`);

    const columns = async (table: string) =>
      (await db.query<{ c: string }>(`SELECT column_name AS c FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position`, [table])).rows.map((r) => r.c);
    // Tiling: the real week copied back a week at a time (the hour keys move with the days).
    const dayTables: Record<string, string> = { ops_daily: 'local_day', ops_daily_tenant: 'local_day', ops_daily_staff: 'local_day', ops_daily_hour: 'local_day', ops_hourly: 'hour' };
    await db.exec('ALTER TABLE ops_hourly DISABLE TRIGGER ops_hourly_rollups');
    for (const [table, dayCol] of Object.entries(dayTables)) {
      const cols = await columns(table);
      const shifted = cols.map((c) => (c === dayCol ? (dayCol === 'hour' ? `${c} - (w * ${REAL_DAYS}) * interval '1 day'` : `${c} - w * ${REAL_DAYS}`) : c)).join(', ');
      const firstDay = `'${LAST_DAY}'::date - ${DAYS - 1}`;
      const dayOf = dayCol === 'hour' ? `(hour - (w * ${REAL_DAYS}) * interval '1 day') AT TIME ZONE 'Asia/Jakarta'` : `${dayCol} - w * ${REAL_DAYS}`;
      await db.query(
        `INSERT INTO ${table} (${cols.join(', ')}) SELECT ${shifted} FROM ${table}, generate_series(1, ${Math.ceil(DAYS / REAL_DAYS)}) w
          WHERE mpp_id = $1 AND (${dayOf})::date >= ${firstDay}`,
        [mppId],
      );
    }
    await db.exec('ALTER TABLE ops_hourly ENABLE TRIGGER ops_hourly_rollups');
    // The month rows, summed from the day rows as ops_rebuild does.
    const monthCols = await columns('ops_monthly');
    const summed = monthCols.map((c) => (c === 'mpp_id' || c === 'service_id' ? c : c === 'local_month' ? "date_trunc('month', local_day)::date" : c === 'tenant_id' ? 'min(tenant_id::text)::uuid' : c.endsWith('_max') ? `max(${c})` : `sum(${c})`));
    await db.query('DELETE FROM ops_monthly WHERE mpp_id = $1', [mppId]);
    await db.query(`INSERT INTO ops_monthly (${monthCols.join(', ')}) SELECT ${summed.join(', ')} FROM ops_daily WHERE mpp_id = $1 GROUP BY mpp_id, 2, service_id`, [mppId]);
    say(`tiled to ${DAYS} days`);

    // The other MPPs: the same rows under their own mpp_id, one table at a time.
    const others = (await db.query<{ id: string }>('SELECT id FROM mpps WHERE id <> $1 ORDER BY id', [mppId])).rows.map((r) => r.id);
    for (const table of NATIONAL_TABLES) {
      const cols = await columns(table);
      const a = performance.now();
      // One MPP per statement, so each lands in one place of the primary key's index (not 513 at a time).
      for (const other of others) {
        await db.query(`INSERT INTO ${table} (${cols.join(', ')}) SELECT ${cols.map((c) => (c === 'mpp_id' ? '$2::uuid' : c)).join(', ')} FROM ${table} WHERE mpp_id = $1`, [mppId, other]);
      }
      await db.exec(`VACUUM ANALYZE ${table}`);
      say(`${table} copied to ${MPPS - 1} MPPs in ${((performance.now() - a) / 1000).toFixed(0)} s`);
    }
    for (const table of ['ops_hourly', ...Object.keys(dayTables), 'ops_monthly']) if (!NATIONAL_TABLES.includes(table)) await db.exec(`VACUUM ANALYZE ${table}`);
    await db.query(
      `WITH base AS (
         SELECT m.id, mo.month, 70 + random() * 25 AS ikm, 0.5 + random() * 0.5 AS within, 0.5 + random() * 0.5 AS verified,
                0.5 + random() * 0.5 AS resolved, random() * 0.3 AS booking_ns, 0.5 + random() * 0.5 AS conformity,
                (40000 + random() * 30000)::int AS issued, (random() * 60)::int AS complaints
           FROM mpps m CROSS JOIN (VALUES ('2026-09'), ('2026-10'), ('2026-11')) AS mo (month))
       INSERT INTO ops_scorecards (mpp_id, month, card, score, last_activity_at, computed_at)
       SELECT id, (month || '-01')::date,
              jsonb_build_object(
                'month', month,
                'survey', jsonb_build_object('respondents', 400, 'ikm', round(ikm::numeric, 2), 'grade', CASE WHEN ikm >= 88.31 THEN 'A' WHEN ikm >= 76.61 THEN 'B' ELSE 'C' END),
                'queue', jsonb_build_object('issued', issued, 'served', (issued * 0.9)::int, 'waitMedianMinutes', 8, 'withinTargetShare', round(within::numeric, 3), 'noShowRate', 0.05),
                'complaints', jsonb_build_object('received', complaints, 'verificationDue', complaints, 'verifiedOnTime', (complaints * verified)::int,
                                                 'verifiedOnTimeShare', round(verified::numeric, 3), 'resolutionDue', complaints, 'resolvedOnTime', (complaints * resolved)::int,
                                                 'resolvedOnTimeShare', round(resolved::numeric, 3)),
                'booking', jsonb_build_object('checkedIn', 900, 'noShow', (900 * booking_ns)::int, 'noShowRate', round(booking_ns::numeric, 3)),
                'conformity', jsonb_build_object('served', issued, 'within', (issued * conformity)::int, 'share', round(conformity::numeric, 3)),
                'score', round(((ikm + within * 100 + verified * 100 + resolved * 100 + (1 - booking_ns) * 100 + conformity * 100) / 6)::numeric, 1)),
              round(((ikm + within * 100 + verified * 100 + resolved * 100 + (1 - booking_ns) * 100 + conformity * 100) / 6)::numeric, 1),
              $1::timestamptz - random() * interval '5 days', $1::timestamptz - random() * interval '2 hours'
         FROM base`,
      [NOW],
    );
    await db.exec('VACUUM ANALYZE ops_scorecards');
    await db.exec('ANALYZE');
    const sizes = (await db.query<{ t: string; n: number; mpps: number; size: string }>(
      `SELECT t, (xpath('/row/n/text()', query_to_xml('SELECT count(*) AS n FROM ' || t, false, true, '')))[1]::text::bigint AS n,
              (xpath('/row/m/text()', query_to_xml('SELECT count(DISTINCT mpp_id) AS m FROM ' || t, false, true, '')))[1]::text::int AS mpps,
              pg_size_pretty(pg_total_relation_size(t::regclass)) AS size
         FROM unnest(ARRAY['ops_hourly', 'ops_daily', 'ops_daily_tenant', 'ops_daily_staff', 'ops_daily_hour', 'ops_monthly', 'ops_scorecards', 'ticket_events']) t`,
    )).rows;
    for (const s of sizes) say(`${s.t.padEnd(18)} ${String(s.n).padStart(11)} rows, ${String(s.mpps).padStart(3)} MPPs, ${s.size} with indexes`);
    say(`database ${(await db.query<{ s: string }>('SELECT pg_size_pretty(pg_database_size(current_database())) AS s')).rows[0]!.s}`);

    const national: Principal = { kind: 'staff', userId: '00000000-0000-0000-0000-000000000001', email: 'bench@x', name: 'bench', mustChangePassword: false, grants: [{ id: 'g', role: 'national_admin', mppId: null, tenantId: null }] };
    const ctx = { db, principal: national, actor: SYSTEM_ACTOR, now: NOW, lang: 'id' as const };
    const month = { from: '2026-11-01', to: '2026-11-30' };
    const slice = { mppId, ...month };
    const groupings: Grouping[] = ['tenant', 'service', 'counter', 'officer', 'hour', 'day', 'weekday'];
    const timings = new Map<string, number[]>();
    const time = async <T>(label: string, f: () => Promise<T>): Promise<T> => {
      const a = performance.now();
      const out = await f();
      timings.set(label, [...(timings.get(label) ?? []), performance.now() - a]);
      return out;
    };
    // "By service" as it was before (each bucket a column, an unnamed statement planned at every call).
    const now = aggregateSql(slice, 'service');
    const beforeSql = now.sql.replace(/ARRAY\[([^\]]*)\]::int\[\] AS \w/g, (_m, sums: string) => sums.split(', ').map((x) => `${x}::int AS ${x.slice(4, -1)}`).join(', '));
    const busiest = (await db.query<{ id: string }>("SELECT service_id AS id FROM ops_monthly WHERE mpp_id = $1 AND local_month = '2026-11-01' ORDER BY issued DESC LIMIT 1", [mppId])).rows[0]!.id;
    for (const by of groupings) await getStats(ctx, { mppId, ...month, by });
    await getNationalView(ctx, { month: '2026-11', sort: 'score' });
    let shown = 0;
    for (let i = 0; i < ITER; i++) {
      for (const by of groupings) await time(`getStats, November, by ${by} (Node, pg pool)`, () => getStats(ctx, { mppId, ...month, by }));
      // Within one service (the busiest): counter, officer and hour read ops_hourly (with buckets since 0740).
      for (const by of ['counter', 'officer', 'hour'] as const) await time(`getStats, November, one service, by ${by}`, () => getStats(ctx, { mppId, ...month, by, serviceId: busiest }));
      const v = await time('getNationalView, all MPPs, ranked (Node)', () => getNationalView(ctx, { month: '2026-11', sort: 'score' }));
      shown = v.mpps.length;
      await time('getNationalView, one province, by IKM (Node)', () => getNationalView(ctx, { month: '2026-11', sort: 'ikm', province: '33' }));
    }
    for (let i = 0; i < ITER; i++) {
      await time('  step: the MPP (zone, target wait)', () => getMppInfo(db, mppId));
      await time('  step: by service, 131 bucket columns, unprepared (before)', () => db.query(beforeSql, now.params));
      await time('  step: by service, 4 arrays, prepared (now)', () => aggregate(db, slice, 'service'));
      await time('  step: arrivals heatmap (ops_daily_hour)', () => arrivals(db, slice));
      await time('  step: service names', () => labels(db, mppId, 'service', []));
    }
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ops-scale-bench-'));
    const inline = (sql: string, params: unknown[]) => sql.replace(/\$(\d+)/g, (_m, n: string) => pg.escapeLiteral(String(params[Number(n) - 1])));
    const pgbench = (name: string, sql: string, mode: 'simple' | 'prepared'): number[] => {
      // Prepared mode needs the parameters as pgbench variables; simple mode gets them inlined.
      writeFileSync(path.join(dir, `${name}.sql`), `${sql.replace(/\s*\n\s*/g, ' ')};\n`);
      const run = spawnSync('pgbench', ['-n', '-M', mode, '-c', '1', '-j', '1', '-t', String(ITER), '-l', '--log-prefix', path.join(dir, `log-${name}`), '-f', path.join(dir, `${name}.sql`), url.toString()], { encoding: 'utf8', cwd: dir });
      if (run.status !== 0) throw new Error(`pgbench failed: ${run.stderr}`);
      const logFile = readdirSync(dir).find((f) => f.startsWith(`log-${name}`))!;
      return readFileSync(path.join(dir, logFile), 'utf8').trim().split('\n').map((l) => Number(l.split(' ')[2]) / 1000);
    };
    const base = {
      now: pgbench('now', inline(now.sql, now.params), 'prepared'),
      before: pgbench('before', inline(beforeSql, now.params), 'simple'),
      cards: pgbench('cards', "SELECT mpp_id, card, score, last_activity_at, computed_at FROM ops_scorecards WHERE month = '2026-11-01'", 'prepared'),
    };
    const plan = (await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${inline(now.sql, now.params)}`)).rows.map((r) => r['QUERY PLAN']);
    process.stdout.write(`\nEXPLAIN ANALYZE, by service now (statement ${statementName(now.sql)}):\n${plan.filter((l) => /Planning|Execution|Scan|Buffers: shared hit=\d+ read/.test(l)).map((l) => `  ${l}`).join('\n')}\n\n`);
    process.stdout.write(`${'ms'.padEnd(60)}     p50      p95      max\n`);
    for (const [label, xs] of timings) process.stdout.write(line(label.replace('all MPPs', `all ${shown} MPPs`), xs));
    process.stdout.write(line('pgbench -M prepared, by service now (arrays)', base.now));
    process.stdout.write(line('pgbench -M simple, by service before (columns)', base.before));
    process.stdout.write(line('pgbench -M prepared, the month’s stored cards', base.cards));
  } finally {
    await db.close();
    if (!KEEP) await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    else say(`kept database ${dbName}`);
    await admin.end();
  }
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(1);
});
