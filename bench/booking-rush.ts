/**
 * `npm run bench:booking`: a booking rush. 2,000 clients ask at the same instant, over real HTTP, for
 * the 8 morning slots of one service (capacity 150 each: 1,200 places); a client refused with
 * "slot full" tries up to two other slots, as a person would. Reports requests/s, bookings/s,
 * latency percentiles and checks that no slot holds more bookings than its capacity.
 * Then pgbench runs the same booking transaction (NIK lock, per-NIK count, conditional slot and day
 * upserts, booking, event and outbox rows) on the same PostgreSQL server, as the baseline.
 *
 * Databases: PostgreSQL at BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres; a
 * fresh database is created and dropped), then the embedded PGlite (skip with BENCH_PGLITE=0).
 * Knobs: BENCH_CLIENTS (2000), BENCH_PGBENCH_SECONDS (10), BENCH_PORT (3501).
 */
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/platform/config.js';
import { openPglite, pgliteDb, postgresDb, type Db } from '../src/platform/db.js';
import { migrate } from '../src/platform/migrate.js';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 2000);
const PORT = Number(process.env.BENCH_PORT ?? 3501);
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PGBENCH_SECONDS = Number(process.env.BENCH_PGBENCH_SECONDS ?? 10);
const CAPACITY = 150;
const SLOTS = 8;
// The rush happens the day before, at 10:00 WIB; the slots are the next morning 08:00-12:00 WIB.
const NOW = new Date('2026-11-23T03:00:00Z');
const MORNING = Array.from({ length: SLOTS }, (_, i) => new Date(Date.parse('2026-11-24T01:00:00Z') + i * 30 * 60_000).toISOString());
const WEEK = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, { opens: '08:00', closes: '15:00', breaks: [{ start: '12:00', end: '13:00', label: 'Istirahat' }] }]));

async function seed(db: Db, slug: string) {
  const mppId = (await db.query<{ id: string }>("INSERT INTO mpps (slug, name, timezone, weekly_hours) VALUES ($1, 'MPP Bench', 'Asia/Jakarta', $2) RETURNING id", [slug, JSON.stringify(WEEK)])).rows[0]!.id;
  const tenantId = (await db.query<{ id: string }>("INSERT INTO tenants (mpp_id, code, name, kind) VALUES ($1, 'DUKCAPIL', 'Dukcapil', 'regional_office') RETURNING id", [mppId])).rows[0]!.id;
  const settings = { enabled: true, slotMinutes: 30, capacityPerSlot: CAPACITY, bookAheadDays: 14 };
  const serviceId = (
    await db.query<{ id: string }>("INSERT INTO services (mpp_id, tenant_id, code, name, ticket_prefix, booking_settings) VALUES ($1, $2, 'KTP', 'Perekaman KTP-el', 'A', $3) RETURNING id", [mppId, tenantId, JSON.stringify(settings)])
  ).rows[0]!.id;
  return { mppId, serviceId };
}

const nik = (i: number) => `3174011505${String(90 + Math.floor(i / 9999)).slice(-2)}${String((i % 9999) + 1).padStart(4, '0')}`;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function rush(label: string, db: Db) {
  const { mppId, serviceId } = await seed(db, `bench-${randomBytes(4).toString('hex')}`);
  const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: '/tmp/layan-bench-unused', WEB_DIR: '/nonexistent', BOOKING_RATE_LIMIT: '1000000', PORT: String(PORT) });
  const { app } = await buildApp(db, config, { clock: { now: () => new Date(NOW) } });
  await app.listen({ port: PORT, host: '127.0.0.1', backlog: 2048 });
  const path = `/api/mpps/${mppId}/bookings`;
  // Like a front proxy: at most 500 connections to the app; the other requests wait their turn.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 500 });
  const post = (payload: unknown) =>
    new Promise<{ status: number; body: { code?: string } }>((resolve, reject) => {
      const data = JSON.stringify(payload);
      const req = http.request({ host: '127.0.0.1', port: PORT, path, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as { code?: string } }));
      });
      req.on('error', reject);
      req.end(data);
    });
  const latencies: number[] = [];
  const outcomes = new Map<string, number>();
  let requests = 0;
  const client = async (i: number) => {
    const tries = [MORNING[i % SLOTS]!, MORNING[(i * 7 + 3) % SLOTS]!, MORNING[(i * 5 + 1) % SLOTS]!];
    for (const startsAt of tries) {
      const t0 = performance.now();
      const { status, body } = await post({ serviceId, startsAt, nik: nik(i), name: `Warga ${i}`, phone: '081234567890' });
      const res = { status };
      latencies.push(performance.now() - t0);
      requests++;
      const key = res.status === 201 ? 'booked' : (body.code ?? String(res.status));
      if (res.status === 201 || key !== 'slot_full') {
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
        return;
      }
    }
    outcomes.set('gave_up_all_full', (outcomes.get('gave_up_all_full') ?? 0) + 1);
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  await app.close();
  const { rows } = await db.query<{ starts_at: Date; booked: number; actual: number }>(
    `SELECT s.starts_at, s.booked, (SELECT count(*)::int FROM bookings b WHERE b.mpp_id = s.mpp_id AND b.service_id = s.service_id AND b.slot_start = s.starts_at AND b.status = 'booked') AS actual
       FROM booking_slots s WHERE s.mpp_id = $1 ORDER BY s.starts_at`,
    [mppId],
  );
  const over = rows.filter((r) => r.actual > CAPACITY || r.actual !== r.booked);
  const sorted = [...latencies].sort((a, b) => a - b);
  const booked = outcomes.get('booked') ?? 0;
  console.log(`\n[${label}] ${CLIENTS} clients, ${SLOTS} slots x ${CAPACITY} places, in ${seconds.toFixed(2)} s`);
  console.log(`  requests: ${requests} (${(requests / seconds).toFixed(0)}/s), bookings: ${booked} (${(booked / seconds).toFixed(0)}/s)`);
  console.log(`  latency ms: p50 ${pct(sorted, 50).toFixed(0)}, p95 ${pct(sorted, 95).toFixed(0)}, p99 ${pct(sorted, 99).toFixed(0)}, max ${sorted[sorted.length - 1]!.toFixed(0)}`);
  console.log(`  outcomes: ${JSON.stringify(Object.fromEntries(outcomes))}`);
  console.log(`  per slot booked: ${rows.map((r) => r.actual).join(' ')} (capacity ${CAPACITY})`);
  console.log(`  overbooked slots: ${over.length} ${over.length === 0 && booked === Math.min(CLIENTS, CAPACITY * SLOTS) ? '(zero overbooking, every place used)' : ''}`);
  if (over.length > 0) process.exitCode = 1;
}

function pgbenchBaseline(url: string, mppSlug: string) {
  // No colon may appear in the SQL text but before a pgbench variable: pgbench reads ':name' even inside quotes.
  const script = `\\set slot random(0, ${SLOTS - 1})
\\set nik random(1, 1000000000)
BEGIN;
SELECT pg_advisory_xact_lock(hashtextextended('booking/${mppSlug}/' || (:nik)::text, 0));
SELECT count(*) FROM booking_suspensions WHERE mpp_id = (SELECT id FROM mpps WHERE slug = '${mppSlug}') AND nik_hash = 'h' || (:nik)::text AND until > now();
SELECT count(*) FROM bookings WHERE mpp_id = (SELECT id FROM mpps WHERE slug = '${mppSlug}') AND nik_hash = 'h' || (:nik)::text AND status = 'booked';
INSERT INTO booking_slots AS s (mpp_id, service_id, starts_at, local_day, booked)
  SELECT m.id, v.id, to_timestamp(${Date.parse(MORNING[0]!) / 1000}) + make_interval(mins => (:slot)::int * 30), date '2026-11-24', 1 FROM mpps m JOIN services v ON v.mpp_id = m.id WHERE m.slug = '${mppSlug}'
  ON CONFLICT (mpp_id, service_id, starts_at) DO UPDATE SET booked = s.booked + 1 WHERE s.booked < 100000000 RETURNING booked;
INSERT INTO booking_days AS d (mpp_id, service_id, local_day, booked)
  SELECT m.id, v.id, date '2026-11-24', 1 FROM mpps m JOIN services v ON v.mpp_id = m.id WHERE m.slug = '${mppSlug}'
  ON CONFLICT (mpp_id, service_id, local_day) DO UPDATE SET booked = d.booked + 1 RETURNING booked;
WITH b AS (
  INSERT INTO bookings (mpp_id, code, service_id, slot_start, slot_end, local_day, nik_hash, nik_masked, name, phone, status, created_at, updated_at)
  SELECT m.id, upper(substr(md5(random()::text), 1, 8)), v.id, to_timestamp(${Date.parse(MORNING[0]!) / 1000}) + make_interval(mins => (:slot)::int * 30),
         to_timestamp(${Date.parse(MORNING[0]!) / 1000 + 1800}) + make_interval(mins => (:slot)::int * 30), date '2026-11-24', 'h' || (:nik)::text, '3174**********01', 'Warga', '+6281234567890', 'booked', now(), now()
    FROM mpps m JOIN services v ON v.mpp_id = m.id WHERE m.slug = '${mppSlug}' RETURNING mpp_id, id)
INSERT INTO booking_events (mpp_id, booking_id, action, from_status, to_status, actor_type, at) SELECT mpp_id, id, 'book', NULL, 'booked', 'citizen', now() FROM b;
INSERT INTO outbox (mpp_id, topic, payload) SELECT id, 'notify.text', '{"to":"+6281234567890","text":"Booking terkonfirmasi"}' FROM mpps WHERE slug = '${mppSlug}';
COMMIT;
`;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'layan-pgbench-'));
  const file = path.join(dir, 'booking.sql');
  writeFileSync(file, script);
  const u = new URL(url);
  const args = ['-n', '-c', '10', '-j', '2', '-T', String(PGBENCH_SECONDS), '-M', 'prepared', '-f', file, '-h', u.hostname, '-p', u.port || '5432', '-U', decodeURIComponent(u.username || 'postgres'), u.pathname.slice(1)];
  console.log(`\n[pgbench baseline] the booking transaction as SQL, 10 clients, ${PGBENCH_SECONDS} s: pgbench ${args.join(' ')}`);
  const r = spawnSync('pgbench', args, { encoding: 'utf8', env: { ...process.env, PGPASSWORD: decodeURIComponent(u.password) } });
  const out = `${r.stdout}\n${r.stderr}`;
  for (const line of out.split('\n')) if (/tps|latency average|failed|number of transactions actually|aborted/.test(line)) console.log(`  ${line.trim()}`);
  if (r.status !== 0) {
    console.log(out);
    process.exitCode = 1;
  }
  rmSync(dir, { recursive: true, force: true });
}

async function main() {
  const name = `layan_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const target = new URL(PG_URL);
  target.pathname = `/${name}`;
  try {
    const db = postgresDb(target.toString(), 10);
    await migrate(db);
    await rush('PostgreSQL, pool of 10', db);
    await seed(db, 'bench-pgbench');
    await db.close();
    pgbenchBaseline(target.toString(), 'bench-pgbench');
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  if (process.env.BENCH_PGLITE !== '0') {
    const db = pgliteDb(await openPglite());
    await migrate(db);
    await rush('PGlite (embedded, single writer)', db);
    await db.close();
  }
}

await main();
