/**
 * The national view of every MPP's scorecard, on the PostgreSQL server.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:national
 *
 * Builds a throw-away database with 514 MPPs, one in each kabupaten/kota of the regions table (so 38
 * provinces), and synthetic stored scorecards (ops_scorecards) for October and November 2026: every
 * figure drawn at random in a plausible range in SQL (IKM 70-95, shares 0.5-1, no-show rates 0-0.3,
 * tens of thousands of tickets), the composite score the mean of its parts, the last activity 0-5 days
 * before "now" (so some MPPs are flagged stale). The scorecards are what the hourly refresher stores;
 * computing them from real aggregates is bench:ops's subject. Then times getNationalView (the API's
 * code path: the catalog's MPP list with provinces, the month's cards, ranking, filters, totals) for
 * the whole country and for one province, and beside it pgbench reading the month's cards.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { getNationalView } from '../src/operations/national-service.js';
import type { Principal } from '../src/platform/auth.js';
import type { ServiceContext } from '../src/platform/context.js';
import { postgresDb } from '../src/platform/db.js';
import { migrate } from '../src/platform/migrate.js';

const BASE = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ITER = Number(process.env.BENCH_ITERATIONS ?? 40);
const NOW = new Date('2026-11-30T05:00:00Z');

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const fmt = (ms: number) => ms.toFixed(2).padStart(8);
const line = (label: string, xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `${label.padEnd(52)}${fmt(pct(s, 50))} ${fmt(pct(s, 95))} ${fmt(s.at(-1)!)}\n`;
};

async function main(): Promise<void> {
  const dbName = `national_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: BASE });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(BASE);
  url.pathname = `/${dbName}`;
  const db = postgresDb(url.toString(), 4);
  try {
    await migrate(db);
    await db.query(
      `INSERT INTO mpps (slug, name, timezone, region_code, published)
       SELECT 'mpp-' || replace(code, '.', '-'), 'MPP ' || name, timezone, code, true FROM regions WHERE level = 'regency' ORDER BY code LIMIT 514`,
    );
    await db.query(
      `WITH base AS (
         SELECT m.id, mo.month, 70 + random() * 25 AS ikm, 0.5 + random() * 0.5 AS within, 0.5 + random() * 0.5 AS verified,
                0.5 + random() * 0.5 AS resolved, random() * 0.3 AS booking_ns, 0.5 + random() * 0.5 AS conformity,
                (20000 + random() * 40000)::int AS issued, (random() * 60)::int AS complaints
           FROM mpps m CROSS JOIN (VALUES ('2026-10'), ('2026-11')) AS mo (month))
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
    await db.exec('ANALYZE mpps');
    const counts = (await db.query<{ mpps: number; provinces: number; cards: number }>(
      `SELECT (SELECT count(*) FROM mpps)::int AS mpps, (SELECT count(DISTINCT left(region_code, 2)) FROM mpps)::int AS provinces, (SELECT count(*) FROM ops_scorecards)::int AS cards`,
    )).rows[0]!;
    process.stdout.write(`national view: ${counts.mpps} MPPs in ${counts.provinces} provinces, ${counts.cards} stored scorecards (2 months)\n\n`);

    const national: Principal = { kind: 'staff', userId: '00000000-0000-0000-0000-000000000001', email: 'bench@x', name: 'bench', mustChangePassword: false, grants: [{ id: 'g', role: 'national_admin', mppId: null, tenantId: null }] };
    const ctx: ServiceContext = { db, principal: national, actor: { type: 'system', id: null, label: 'bench', requestId: null }, now: NOW, lang: 'id' };
    const whole: number[] = [];
    const province: number[] = [];
    let shown = 0;
    let stale = 0;
    await getNationalView(ctx, { month: '2026-11', sort: 'score' });
    for (let i = 0; i < ITER; i++) {
      let a = performance.now();
      const v = await getNationalView(ctx, { month: '2026-11', sort: 'score' });
      whole.push(performance.now() - a);
      shown = v.mpps.length;
      stale = v.totals.stale;
      a = performance.now();
      await getNationalView(ctx, { month: '2026-11', sort: 'ikm', province: '33' });
      province.push(performance.now() - a);
    }
    const dir = mkdtempSync(path.join(os.tmpdir(), 'national-bench-'));
    writeFileSync(path.join(dir, 'cards.sql'), "SELECT mpp_id, card, score, last_activity_at, computed_at FROM ops_scorecards WHERE month = '2026-11-01';\n");
    const run = spawnSync('pgbench', ['-n', '-c', '1', '-j', '1', '-t', String(ITER), '-l', '--log-prefix', path.join(dir, 'log'), '-f', path.join(dir, 'cards.sql'), url.toString()], { encoding: 'utf8', cwd: dir });
    if (run.status !== 0) throw new Error(`pgbench failed: ${run.stderr}`);
    const logFile = readdirSync(dir).find((f) => f.startsWith('log'))!;
    const base = readFileSync(path.join(dir, logFile), 'utf8').trim().split('\n').map((l) => Number(l.split(' ')[2]) / 1000);

    process.stdout.write(`${'ms'.padEnd(52)}     p50      p95      max\n`);
    process.stdout.write(line(`getNationalView, all ${shown} MPPs, ranked (Node)`, whole));
    process.stdout.write(line('getNationalView, one province, by IKM (Node)', province));
    process.stdout.write(line('pgbench, the month’s stored cards', base));
    process.stdout.write(`\n${stale} of ${shown} MPPs flagged stale (no ticket activity for 3 days)\n`);
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
