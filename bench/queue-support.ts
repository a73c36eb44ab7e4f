import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sha256 } from '../src/identity/service.js';
import { openPglite, pgliteDb, postgresDb, type Db } from '../src/platform/db.js';
import { migrate } from '../src/platform/migrate.js';
import { OFFICER_PASSWORD, seedQueueDemo, type QueueDemo } from './queue-seed.js';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const KIOSK_TOKEN = 'kiosk_bench_token_0123456789abcdefghij';
export const DISPLAY_TOKEN = 'display_bench_token_0123456789abcdefgh';

export interface BenchDb {
  kind: 'pglite' | 'postgres';
  env: Record<string, string>;
  url: string | null;
  issueMpp: QueueDemo;
  callMpp: QueueDemo;
  /** Opens a direct connection (only while the server is stopped, for PGlite). */
  open(): Promise<Db>;
  drop(): Promise<void>;
}

/** A throw-away database (a fresh PGlite directory, or a new database on DATABASE_URL's server), migrated and seeded. */
export async function prepareDb(kind: 'pglite' | 'postgres', counters = 64): Promise<BenchDb> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `layan-bench-${kind}-`));
  let url: string | null = null;
  let admin: pg.Client | null = null;
  let name = '';
  if (kind === 'postgres') {
    if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is required for the PostgreSQL run');
    name = `layan_bench_${randomBytes(4).toString('hex')}`;
    admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = `/${name}`;
    url = u.toString();
  }
  const open = async () => (url ? postgresDb(url, 4) : pgliteDb(await openPglite(path.join(dataDir, 'pglite'))));
  const db = await open();
  await migrate(db);
  const issueMpp = await seedQueueDemo(db, { slug: 'bench-issue', counters: 2 });
  const callMpp = await seedQueueDemo(db, { slug: 'bench-call', counters });
  for (const [kindOf, token] of [['kiosk', KIOSK_TOKEN], ['display', DISPLAY_TOKEN]] as const) {
    for (const m of [issueMpp, callMpp]) {
      await db.query('INSERT INTO device_tokens (mpp_id, kind, name, token_hash) VALUES ($1, $2, $3, $4)', [m.mppId, kindOf, `bench ${kindOf}`, sha256(`${token}${m === callMpp ? '2' : ''}`)]);
    }
  }
  await db.close();
  return {
    kind,
    url,
    env: { DATA_DIR: dataDir, ...(url ? { DATABASE_URL: url } : {}) },
    issueMpp,
    callMpp,
    open,
    async drop() {
      rmSync(dataDir, { recursive: true, force: true });
      if (admin) {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    },
  };
}

/** Puts `n` waiting tickets into the call MPP's line (one statement), so call-next has work. */
export async function prefillWaiting(db: Db, m: QueueDemo, n: number, prefix: string): Promise<void> {
  await db.query(
    `WITH v AS (INSERT INTO visits (mpp_id, token, created_at) SELECT $1, md5(random()::text || g), now() FROM generate_series(1, $2) g RETURNING id),
          nv AS (SELECT id, row_number() OVER () AS n FROM v)
     INSERT INTO tickets (mpp_id, visit_id, service_id, tenant_id, prefix, seq, number, local_day, channel, status, priority_weight,
                          issued_at, rank_at, queued_at, status_token, updated_at)
     SELECT $1, nv.id, $3, $4, $5, nv.n, $5 || '-' || nv.n, (now() AT TIME ZONE 'Asia/Jakarta')::date, 'kiosk', 'waiting', 0,
            now() - make_interval(secs => $2 - nv.n), now() - make_interval(secs => $2 - nv.n), now() - make_interval(secs => $2 - nv.n),
            md5(random()::text || nv.id::text), now()
       FROM nv`,
    [m.mppId, n, m.services.ktp, m.tenantId, prefix],
  );
}

export interface Server {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `node --import tsx src/main.ts` on a port; resolves when it is ready. */
export async function startServer(env: Record<string, string>, port: number): Promise<Server> {
  // BENCH_CPU_PROF=dir writes a V8 CPU profile of the server to dir when it stops (node --cpu-prof).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'error', HOST: '127.0.0.1', PORT: String(port), LOGIN_RATE_LIMIT: '1000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${out}`);
    if (await fetch(`${url}/readyz`).then((r) => r.ok, () => false)) break;
    if (i > 300) throw new Error(`server not ready:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    child,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface Reply {
  status: number;
  body: string;
}

/** A keep-alive HTTP client light enough not to be the bottleneck. */
export function httpClient(base: string, maxSockets: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const u = new URL(base);
  return {
    request(method: string, p: string, headers: Record<string, string>, body?: unknown): Promise<Reply> {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      return new Promise((resolve, reject) => {
        const req = http.request(
          { agent, host: u.hostname, port: u.port, method, path: p, headers: { ...headers, ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) } },
          (res) => {
            let data = '';
            res.setEncoding('utf8');
            res.on('data', (c) => (data += c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
          },
        );
        req.on('error', reject);
        if (payload) req.write(payload);
        req.end();
      });
    },
    close: () => agent.destroy(),
  };
}

export async function login(base: string, email: string, password = OFFICER_PASSWORD): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!res.ok) throw new Error(`login failed ${res.status}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { cookie, 'x-csrf-token': ((await res.json()) as { csrfToken: string }).csrfToken };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function summarize(latenciesMs: number[], elapsedMs: number) {
  const s = [...latenciesMs].sort((a, b) => a - b);
  return { ops: s.length, perSecond: Math.round((s.length / elapsedMs) * 1000), p50: percentile(s, 50), p99: percentile(s, 99) };
}

/**
 * Runs pgbench with a script; returns transactions per second, latency average, failed transactions
 * and `aborted` (clients pgbench gave up on after an error: their remaining transactions never ran).
 */
export function pgbench(
  url: string,
  script: string,
  clients: number,
  limit: { seconds?: number; transactions?: number },
): Promise<{ tps: number; latencyAvgMs: number; failed: number; aborted: string | null; raw: string }> {
  const file = path.join(os.tmpdir(), `layan-pgbench-${randomBytes(4).toString('hex')}.sql`);
  return import('node:fs').then(({ writeFileSync }) => {
    writeFileSync(file, script);
    const args = ['-n', '-r', '-M', 'extended', '-c', String(clients), '-j', '2', '-f', file, ...(limit.seconds ? ['-T', String(limit.seconds)] : ['-t', String(limit.transactions)]), url];
    return new Promise((resolve, reject) => {
      const child = spawn('/usr/bin/pgbench', args, { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      child.on('exit', () => {
        rmSync(file, { force: true });
        if (process.env.BENCH_PGBENCH_VERBOSE) process.stderr.write(out);
        const tps = /tps = ([\d.]+)/.exec(out);
        const lat = /latency average = ([\d.]+) ms/.exec(out);
        const failed = /number of failed transactions: (\d+)/.exec(out);
        const processed = /actually processed: (\d+)\/(\d+)/.exec(out);
        const aborted = processed && processed[1] !== processed[2] ? `aborted after ${processed[1]}/${processed[2]} transactions` : null;
        if (!tps) return reject(new Error(`pgbench failed:\n${out}`));
        resolve({ tps: Number(tps[1]), latencyAvgMs: lat ? Number(lat[1]) : NaN, failed: failed ? Number(failed[1]) : 0, aborted, raw: out });
      });
    });
  });
}

/** User + system CPU seconds each of these processes has spent so far (Linux /proc; gone processes left out). */
export function cpuSeconds(pids: number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(pid, (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // exited
    }
  }
  return out;
}

/** CPU seconds spent between two snapshots (a process that exited meanwhile counts up to the first). */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let s = 0;
  for (const pid of new Set([...before.keys(), ...after.keys()])) s += (after.get(pid) ?? before.get(pid) ?? 0) - (before.get(pid) ?? 0);
  return s;
}

/** The server processes of the connections open to this URL's database (the app's pool and its LISTEN). */
export async function postgresBackendPids(url: string): Promise<number[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    return rows.map((r) => r.pid);
  } finally {
    await c.end();
  }
}
