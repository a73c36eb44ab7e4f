/**
 * Service search over 500 MPPs x 200 services (100,000 services) on the PostgreSQL server.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:catalog
 *
 * Builds a throw-away database, fills it in bulk (names from the demo catalog, each MPP's set in a
 * different order and with small variations), then times `searchServices` (the API's code path: one
 * transaction with SET LOCAL + the search statement) for a mix of misspelt and abbreviated queries,
 * one client at a time. Baseline in the same command: pgbench running the very same statements
 * for the same queries, one client: each query's statements are recorded as searchServices sends them
 * (BEGIN; SET LOCAL; the search statement, and for a query that needs it the frequency probe and the
 * second statement; END) and replayed with their parameters inlined.
 *
 * Profiling without rebuilding the 100,000 services each time: BENCH_DB_NAME=x BENCH_KEEP_DB=1 keeps the
 * database at the end; a later run with the same name and BENCH_REUSE_DB=1 uses it as it is.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildSearchText, nameQuery, queryTerms, searchServices } from '../src/catalog/search.js';
import { searchSql, THRESHOLD_SQL } from '../src/catalog/search-repository.js';
import { listSynonyms } from '../src/catalog/service-repository.js';
import { TENANTS } from '../src/demo/data.js';
import { type Db, postgresDb, type Queryable } from '../src/platform/db.js';
import { migrate } from '../src/platform/migrate.js';

const BASE = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const MPPS = Number(process.env.BENCH_MPPS ?? 500);
const PER_MPP = Number(process.env.BENCH_SERVICES ?? 200);
const ITER = Number(process.env.BENCH_ITERATIONS ?? 20);
const QUERIES = ['perpanjang sim', 'sim perpanjangan', 'pajak kendaran', 'ktp hilang', 'bikin akte lahir', 'bayar pbb', 'pasport', 'skck', 'izin usaha', 'bpjs kesehatan',
  // A word misses (the rarer word decides) and a single letter in the name tie-break.
  'urus imb', 'bikin siup', 'bayar pdam', 'perpanjang sim c'];

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const fmt = (ms: number) => ms.toFixed(2).padStart(8);

async function main(): Promise<void> {
  const dbName = process.env.BENCH_DB_NAME ?? `layan_bench_catalog_${process.pid}`;
  const admin = new pg.Client({ connectionString: BASE });
  await admin.connect();
  const reuse = process.env.BENCH_REUSE_DB === '1' && (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName])).rowCount === 1;
  if (!reuse) await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(BASE);
  url.pathname = `/${dbName}`;
  const db = postgresDb(url.toString(), 4);
  try {
    await migrate(db);
    const t0 = Date.now();
    const synonyms = await listSynonyms(db);
    const regencies = (await db.query<{ code: string }>("SELECT code FROM regions WHERE level = 'regency' ORDER BY code")).rows.map((r) => r.code);
    const catalog = TENANTS.flatMap((t) => t.services.map((s) => ({ tenant: t, name: s[0], product: s[5], fee: s[2] })));
    const { rows: mpps } = reuse ? { rows: [] } : await db.query<{ id: string }>(
      `INSERT INTO mpps (slug, name, timezone, region_code) SELECT 'mpp-bench-' || i, 'MPP Bench ' || i, 'Asia/Jakarta', ($1::text[])[1 + (i % array_length($1::text[], 1))]
         FROM generate_series(1, $2) i RETURNING id`,
      [regencies, MPPS],
    );
    for (const [m, { id: mppId }] of (reuse ? [] : mpps).entries()) {
      const tenantIds = new Map<string, string>();
      const { rows: tenants } = await db.query<{ id: string; code: string }>(
        'INSERT INTO tenants (mpp_id, code, name, kind) SELECT $1, c, n, k FROM unnest($2::text[], $3::text[], $4::text[]) AS x(c, n, k) RETURNING id, code',
        [mppId, TENANTS.map((t) => t.code), TENANTS.map((t) => t.name), TENANTS.map((t) => t.kind)],
      );
      for (const t of tenants) tenantIds.set(t.code, t.id);
      const cols: string[][] = [[], [], [], [], [], [], []];
      for (let i = 0; i < PER_MPP; i++) {
        const s = catalog[(i + m * 7) % catalog.length]!;
        const name = i < catalog.length ? s.name : `${s.name} (layanan ${Math.floor(i / catalog.length) + 1})`;
        cols[0]!.push(tenantIds.get(s.tenant.code)!);
        cols[1]!.push(`S${String(i).padStart(4, '0')}`);
        cols[2]!.push(name);
        cols[3]!.push(s.tenant.prefix);
        cols[4]!.push(String(s.fee));
        cols[5]!.push(s.product);
        cols[6]!.push(buildSearchText([name, s.tenant.name, s.tenant.code, s.product], synonyms));
      }
      await db.query(
        `INSERT INTO services (mpp_id, tenant_id, code, name, ticket_prefix, fee_rupiah, product, search_text)
         SELECT $1, t::uuid, c, n, p, f::bigint, pr, st FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS x(t, c, n, p, f, pr, st)`,
        [mppId, ...cols],
      );
    }
    if (!reuse) await db.exec('ANALYZE');
    const { rows: counted } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM services');
    process.stdout.write(`catalog search: ${MPPS} MPPs, ${counted[0]!.n} services (built in ${((Date.now() - t0) / 1000).toFixed(0)} s), ${ITER} rounds of ${QUERIES.length} queries, 1 client\n\n`);

    if (process.env.BENCH_EXPLAIN) {
      const { sql, params } = searchSql(queryTerms(process.env.BENCH_EXPLAIN, synonyms), { limit: 20, nameQuery: nameQuery(process.env.BENCH_EXPLAIN, synonyms) });
      const plan = await db.transaction(async (tx) => {
        await tx.query(THRESHOLD_SQL);
        return tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
      });
      process.stdout.write(`${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}\n`);
      return;
    }
    // Warm up, then time the API's code path.
    for (const q of QUERIES) await searchServices(db, q, { limit: 20 });
    const app: number[] = [];
    const perQuery = new Map<string, number[]>();
    for (let i = 0; i < ITER; i++) {
      for (const q of QUERIES) {
        const s = performance.now();
        await searchServices(db, q, { limit: 20 });
        const ms = performance.now() - s;
        app.push(ms);
        perQuery.set(q, [...(perQuery.get(q) ?? []), ms]);
      }
    }

    // Baseline: pgbench runs the same statements, one script per query, equally weighted.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'layan-bench-'));
    const scripts: string[] = [];
    for (const [i, q] of QUERIES.entries()) {
      const sent: { sql: string; params: readonly unknown[] }[] = [];
      await searchServices(recording(db, sent), q, { limit: 20 });
      const statements = sent.map(({ sql, params }) => sql.replace(/\$(\d+)/g, (_m, n: string) => {
        const v = params[Number(n) - 1];
        return typeof v === 'number' ? String(v) : pg.escapeLiteral(String(v));
      }).replace(/\s*\n\s*/g, ' '));
      const file = path.join(dir, `q${i}.sql`);
      writeFileSync(file, `BEGIN;\n${statements.join(';\n')};\nEND;\n`);
      scripts.push('-f', file);
    }
    const run = spawnSync('pgbench', ['-n', '-c', '1', '-j', '1', '-t', String(ITER * QUERIES.length), '-l', '--log-prefix', path.join(dir, 'log'), ...scripts, url.toString()], { encoding: 'utf8', cwd: dir });
    if (run.status !== 0) throw new Error(`pgbench failed: ${run.stderr}`);
    const logFile = readdirSync(dir).find((f) => f.startsWith('log'))!;
    const base = readFileSync(path.join(dir, logFile), 'utf8').trim().split('\n').map((l) => Number(l.split(' ')[2]) / 1000);

    const a = [...app].sort((x, y) => x - y);
    const b = [...base].sort((x, y) => x - y);
    process.stdout.write(`${'ms'.padEnd(34)}     p50      p95      p99      max\n`);
    process.stdout.write(`${'searchServices (Node, pg pool)'.padEnd(34)}${fmt(pct(a, 50))} ${fmt(pct(a, 95))} ${fmt(pct(a, 99))} ${fmt(a.at(-1)!)}\n`);
    process.stdout.write(`${'pgbench, same statements'.padEnd(34)}${fmt(pct(b, 50))} ${fmt(pct(b, 95))} ${fmt(pct(b, 99))} ${fmt(b.at(-1)!)}\n\n`);
    for (const [q, list] of perQuery) {
      const s = [...list].sort((x, y) => x - y);
      process.stdout.write(`  ${`"${q}"`.padEnd(32)}${fmt(pct(s, 50))} ${fmt(pct(s, 95))}\n`);
    }
  } finally {
    await db.close();
    if (process.env.BENCH_KEEP_DB !== '1') await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
}

/** The database as searchServices sees it, keeping every statement it sends (the synonyms are cached by then). */
function recording(db: Db, sent: { sql: string; params: readonly unknown[] }[]): Db {
  const keep = (q: Queryable): Queryable => ({
    query: (sql, params = []) => {
      sent.push({ sql, params });
      return q.query(sql, params);
    },
    exec: (sql) => {
      sent.push({ sql, params: [] });
      return q.exec(sql);
    },
  });
  return { ...db, ...keep(db), transaction: (fn) => db.transaction((tx) => fn(keep(tx))) };
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(1);
});
