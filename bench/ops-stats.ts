/**
 * Operations statistics from the hourly aggregates, on the PostgreSQL server.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:ops
 *
 * Builds a throw-away database with one MPP at the demo's size (25 agencies, 159 services, 50
 * counters and officers) and BENCH_DAYS (35, covering November) days of BENCH_TICKETS (2,000) synthetic tickets a day:
 * issue, call, start and finish (or no-show, or cancelled while waiting), in bulk with the trigger
 * off; then derives the aggregates with ops_rebuild (the very function the trigger runs per event)
 * and times it per event. Then times getStats (the API's code path) for a month, per grouping, and
 * beside it pgbench running the same aggregate statement, and the naive alternative (medians from a
 * scan of the month's events) for scale.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { aggregate, aggregateSql, arrivals, dailyAggregateSql, getMppInfo, labels } from '../src/operations/repository.js';
import type { Grouping } from '../src/operations/schemas.js';
import { getStats, kpisOf } from '../src/operations/stats-service.js';
import { SYSTEM_ACTOR, type Principal } from '../src/platform/auth.js';
import { postgresDb } from '../src/platform/db.js';
import { migrate } from '../src/platform/migrate.js';
import { buildBenchMpp, replayDays } from './ops-support.js';

const BASE = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DAYS = Number(process.env.BENCH_DAYS ?? 35);
const PER_DAY = Number(process.env.BENCH_TICKETS ?? 2000);
const ITER = Number(process.env.BENCH_ITERATIONS ?? 30);
const LAST_DAY = '2026-11-30';

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const fmt = (ms: number) => ms.toFixed(2).padStart(8);
const line = (label: string, xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `${label.padEnd(44)}${fmt(pct(s, 50))} ${fmt(pct(s, 95))} ${fmt(s.at(-1)!)}\n`;
};

async function main(): Promise<void> {
  const dbName = `operations_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: BASE });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(BASE);
  url.pathname = `/${dbName}`;
  // Replaying a busy day (~7,600 events) in one statement outlasts the app's 30 s statement timeout on a loaded machine.
  const db = postgresDb(url.toString(), { poolSize: 4, statementTimeoutMs: 900_000 });
  try {
    await migrate(db);
    const t0 = Date.now();
    const mppId = (await db.query<{ id: string }>("INSERT INTO mpps (slug, name, timezone) VALUES ('mpp-bench', 'MPP Bench', 'Asia/Jakarta') RETURNING id")).rows[0]!.id;
    const nServices = await buildBenchMpp(db, mppId, { days: DAYS, perDay: PER_DAY, lastDay: LAST_DAY });
    const events = Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM ticket_events')).rows[0]!.n);
    const built = (Date.now() - t0) / 1000;
    const rebuildMs = await replayDays(db, mppId, { days: DAYS, lastDay: LAST_DAY });
    // What autovacuum does in production after the churn (the tables are tuned for it in 0702).
    for (const table of ['ops_daily', 'ops_daily_tenant', 'ops_hourly', 'ops_daily_staff', 'ops_daily_hour', 'ops_monthly']) await db.exec(`VACUUM ANALYZE ${table}`);
    await db.exec('ANALYZE');
    const hourly = Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM ops_hourly')).rows[0]!.n);
    const monthRows = Number((await db.query<{ n: number }>("SELECT count(*)::int AS n FROM ops_hourly WHERE hour >= '2026-10-31T17:00:00Z'")).rows[0]!.n);
    const monthCount = async (table: string) => Number((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE local_day >= '2026-11-01'`)).rows[0]!.n);
    const dailyRows = await monthCount('ops_daily');
    const rollupRows = `${await monthCount('ops_daily_tenant')} ops_daily_tenant, ${await monthCount('ops_daily_staff')} ops_daily_staff, ${await monthCount('ops_daily_hour')} ops_daily_hour, ${Number((await db.query<{ n: number }>("SELECT count(*)::int AS n FROM ops_monthly WHERE local_month = '2026-11-01'")).rows[0]!.n)} ops_monthly`;
    process.stdout.write(
      `operations stats: 1 MPP, ${nServices} services, ${DAYS} days x ${PER_DAY} tickets = ${DAYS * PER_DAY} tickets, ${events} events (built in ${built.toFixed(0)} s)\n` +
        `aggregates: ${hourly} ops_hourly rows (${monthRows} in the month), ${dailyRows} ops_daily rows in the month (rollups: ${rollupRows}); ops_rebuild of all events ${(rebuildMs / 1000).toFixed(1)} s = ${((rebuildMs * 1000) / events).toFixed(0)} µs per event (the trigger's work per event)\n\n`,
    );

    // Trigger overhead on a live write: 200 single-event inserts with and without the trigger.
    const sample = (await db.query<{ id: string; service_id: string }>("SELECT id, service_id FROM tickets WHERE mpp_id = $1 AND status = 'served' LIMIT 200", [mppId])).rows;
    const insertRecall = async () => {
      const xs: number[] = [];
      for (const s of sample) {
        const a = performance.now();
        await db.query("INSERT INTO ticket_events (mpp_id, ticket_id, type, at, actor_type, service_id) VALUES ($1, $2, 'recalled', now(), 'system', $3)", [mppId, s.id, s.service_id]);
        xs.push(performance.now() - a);
      }
      return xs;
    };
    const withTrigger = await insertRecall();
    await db.exec('ALTER TABLE ticket_events DISABLE TRIGGER ticket_events_ops_hourly');
    const withoutTrigger = await insertRecall();
    await db.exec('ALTER TABLE ticket_events ENABLE TRIGGER ticket_events_ops_hourly');

    const national: Principal = { kind: 'staff', userId: '00000000-0000-0000-0000-000000000001', email: 'bench@x', name: 'bench', mustChangePassword: false, grants: [{ id: 'g', role: 'national_admin', mppId: null, tenantId: null }] };
    const ctx = { db, principal: national, actor: SYSTEM_ACTOR, now: new Date(), lang: 'id' as const };
    const month = { from: '2026-11-01', to: '2026-11-30' };
    const timings = new Map<string, number[]>();
    const groupings: Grouping[] = ['tenant', 'service', 'counter', 'officer', 'hour', 'day'];
    for (const by of groupings) await getStats(ctx, { mppId, ...month, by });
    for (let i = 0; i < ITER; i++) {
      for (const by of groupings) {
        const a = performance.now();
        await getStats(ctx, { mppId, ...month, by });
        timings.set(by, [...(timings.get(by) ?? []), performance.now() - a]);
      }
    }
    // The request path of "by service", step by step (each alone, one after another): where its time goes.
    const steps = new Map<string, number[]>();
    const time = async <T>(label: string, f: () => Promise<T> | T): Promise<T> => {
      const a = performance.now();
      const out = await f();
      steps.set(label, [...(steps.get(label) ?? []), performance.now() - a]);
      return out;
    };
    const slice = { mppId, ...month };
    for (let i = 0; i < ITER; i++) {
      await time('  step: the MPP (zone, target wait)', () => getMppInfo(db, mppId));
      const rows = await time('  step: aggregate statement (month rows)', () => aggregate(db, slice, 'service'));
      await time('  step: arrivals heatmap (ops_daily_hour)', () => arrivals(db, slice));
      await time('  step: service names', () => labels(db, mppId, 'service', []));
      await time('  step: KPIs in Node (159 groups)', () => rows.map((r) => kpisOf(r, 15)));
    }
    // Baseline: pgbench runs the aggregate statement of the service grouping (the month rows, 0717),
    // and the statement it replaced (the month's day rows), each inlined.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'operations-bench-'));
    const inline = (q: { sql: string; params: unknown[] }) => q.sql.replace(/\$(\d+)/g, (_m, n: string) => pg.escapeLiteral(String(q.params[Number(n) - 1])));
    const pgbench = (name: string, sql: string): number[] => {
      writeFileSync(path.join(dir, `${name}.sql`), `${sql.replace(/\s*\n\s*/g, ' ')};\n`);
      const run = spawnSync('pgbench', ['-n', '-c', '1', '-j', '1', '-t', String(ITER), '-l', '--log-prefix', path.join(dir, `log-${name}`), '-f', path.join(dir, `${name}.sql`), url.toString()], { encoding: 'utf8', cwd: dir });
      if (run.status !== 0) throw new Error(`pgbench failed: ${run.stderr}`);
      const logFile = readdirSync(dir).find((f) => f.startsWith(`log-${name}`))!;
      return readFileSync(path.join(dir, logFile), 'utf8').trim().split('\n').map((l) => Number(l.split(' ')[2]) / 1000);
    };
    const monthSql = inline(aggregateSql({ mppId, ...month }, 'service'));
    const daySql = inline(dailyAggregateSql({ mppId, ...month }, 'service'));
    const base = pgbench('month', monthSql);
    const baseDays = pgbench('days', daySql);
    // The profile behind the month rows: where the day-rows statement spends its time, and the new one.
    for (const [label, sql] of [['by service from the day rows (before 0717)', daySql], ['by service from the month rows (0717)', monthSql]]) {
      const plan = (await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`)).rows.map((r) => r['QUERY PLAN']);
      process.stdout.write(`EXPLAIN ANALYZE, ${label}:\n${plan.map((l) => `  ${l}`).join('\n')}\n\n`);
    }
    // For scale: the month's medians straight from the events (what the aggregates replace), 3 runs.
    const naive: number[] = [];
    for (let i = 0; i < 3; i++) {
      const a = performance.now();
      await db.query(
        `SELECT e.service_id, count(*) FILTER (WHERE e.type = 'issued') AS issued,
                percentile_disc(0.5) WITHIN GROUP (ORDER BY w.secs) FILTER (WHERE e.type = 'called') AS wait_median,
                percentile_disc(0.9) WITHIN GROUP (ORDER BY w.secs) FILTER (WHERE e.type = 'called') AS wait_p90
           FROM ticket_events e
           LEFT JOIN LATERAL (SELECT extract(epoch FROM e.at - p.at) AS secs FROM ticket_events p
                               WHERE e.type = 'called' AND p.mpp_id = e.mpp_id AND p.ticket_id = e.ticket_id AND p.type = 'issued' LIMIT 1) w ON true
          WHERE e.mpp_id = $1 AND e.at >= '2026-10-31T17:00:00Z' AND e.at < '2026-11-30T17:00:00Z'
          GROUP BY 1`,
        [mppId],
      );
      naive.push(performance.now() - a);
    }

    process.stdout.write(`${'ms'.padEnd(44)}     p50      p95      max\n`);
    for (const by of groupings) process.stdout.write(line(`getStats, month, by ${by} (Node, pg pool)`, timings.get(by)!));
    for (const [label, xs] of steps) process.stdout.write(line(label, xs));
    process.stdout.write(line('pgbench, same aggregate statement (service)', base));
    process.stdout.write(line('pgbench, by service from the day rows (before)', baseDays));
    process.stdout.write(line('naive: month medians from events (3 runs)', naive));
    process.stdout.write(line('insert one event, trigger on (200)', withTrigger));
    process.stdout.write(line('insert one event, trigger off (200)', withoutTrigger));
  } finally {
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(1);
});
