import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync, appendFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config.js';
import { postgresDb, type Db } from '../../src/platform/db.js';
import { migrate } from '../../src/platform/migrate.js';
import type { App } from '../../src/platform/http.js';
import { post, seedQueueWorld, type QueueWorld } from '../../src/queue/fixtures.test-helpers.js';
import type { TestApp } from '../support/app.js';
import { readSse, until } from '../support/sse.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';

/**
 * Failover on PostgreSQL's own streaming replication (docs/operations.md, "High availability"):
 * a primary with one synchronous standby, both private clusters built here with the Debian server
 * binaries. Under ticket-issuing load the primary is killed (immediate stop, no checkpoint), the
 * standby is promoted, and the address the app uses (a TCP proxy standing in for the virtual IP or
 * HAProxy in front of the cluster) is pointed at it. Every acknowledged ticket must be on the new
 * primary, and the same app process must issue tickets again and feed its board without a restart.
 *
 * `npm run test:failover` (also a step of .ci/run). Needs root or the postgres user, and
 * /usr/lib/postgresql/<version>/bin.
 */

const BIN = (() => {
  const versions = execFileSync('ls', ['/usr/lib/postgresql']).toString().trim().split('\n').sort((a, b) => Number(a) - Number(b));
  return `/usr/lib/postgresql/${versions.at(-1)}/bin`;
})();
const asRoot = process.getuid?.() === 0;
/** Runs a server binary as the postgres user (initdb and postgres refuse to run as root). */
function pgRun(bin: string, args: string[]): string {
  const cmd = path.join(BIN, bin);
  const opts = { stdio: ['ignore', 'pipe', 'pipe'] as ('ignore' | 'pipe')[] };
  return (asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], opts) : execFileSync(cmd, args, opts)).toString();
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: '/tmp/layan-unused', WEB_DIR: '/nonexistent', LOGIN_RATE_LIMIT: '10000' });

let root: string;
let primaryDir: string;
let standbyDir: string;
let primaryPort: number;
let standbyPort: number;
let proxy: TcpProxy;
let db: Db;
let app: App;
let w: QueueWorld;
let base: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'layan-ha-'));
  if (asRoot) chownSync(root, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
  primaryDir = path.join(root, 'primary');
  standbyDir = path.join(root, 'standby');
  primaryPort = await freePort();
  standbyPort = await freePort();

  pgRun('initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  appendFileSync(
    path.join(primaryDir, 'postgresql.conf'),
    [
      `port = ${primaryPort}`,
      "listen_addresses = '127.0.0.1'",
      "unix_socket_directories = ''",
      'wal_level = replica',
      'max_wal_senders = 5',
      // A commit is acknowledged only once the standby has it: the promise failover rests on.
      "synchronous_standby_names = 'standby1'",
      'synchronous_commit = on',
      'fsync = on',
      '',
    ].join('\n'),
  );
  appendFileSync(path.join(primaryDir, 'pg_hba.conf'), 'host replication all 127.0.0.1/32 trust\n');
  pgRun('pg_ctl', ['-D', primaryDir, '-w', '-t', '120', '-l', path.join(root, 'primary.log'), 'start']);

  pgRun('pg_basebackup', ['-d', `host=127.0.0.1 port=${primaryPort} user=postgres application_name=standby1`, '-D', standbyDir, '-R', '-X', 'stream', '--no-sync']);
  // The standby listens on its own port, and once promoted it waits for no standby of its own.
  appendFileSync(path.join(standbyDir, 'postgresql.auto.conf'), `port = ${standbyPort}\nsynchronous_standby_names = ''\n`);
  pgRun('pg_ctl', ['-D', standbyDir, '-w', '-t', '120', '-l', path.join(root, 'standby.log'), 'start']);

  const admin = new pg.Client({ host: '127.0.0.1', port: primaryPort, user: 'postgres', database: 'postgres' });
  await admin.connect();
  await until(async () => (await admin.query("SELECT 1 FROM pg_stat_replication WHERE application_name = 'standby1' AND sync_state = 'sync'")).rowCount === 1, 120_000, 'synchronous standby attached');
  await admin.query('CREATE DATABASE layan');
  await admin.end();

  proxy = await startTcpProxy(primaryPort);
  const url = `postgres://postgres@127.0.0.1:${proxy.port}/layan`;
  db = postgresDb(url, { poolSize: 5, connectTimeoutMs: 2000, listenCheckMs: 500 });
  await migrate(db);
  const built = await buildApp(db, config);
  app = built.app;
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address() as net.AddressInfo;
  base = `http://127.0.0.1:${addr.port}`;
  const t: TestApp = { app, ctx: built.ctx, db, testDb: { db, url, drop: async () => undefined }, close: async () => undefined };
  w = await seedQueueWorld(t);
  await post(t, w.officer, `/api/mpps/${w.mppId}/queue/counters/${w.counters.c1}/open`);
}, 600_000);

afterAll(async () => {
  await app?.close();
  await db?.close();
  await proxy?.close();
  for (const dir of [primaryDir, standbyDir]) {
    try {
      pgRun('pg_ctl', ['-D', dir, '-m', 'immediate', 'stop']);
    } catch {
      // already stopped (the killed primary)
    }
  }
  if (root) rmSync(root, { recursive: true, force: true });
}, 120_000);

it('loses no acknowledged ticket when the primary dies under load, and the same app process carries on with the promoted standby', async () => {
  const board = readSse(`${base}/api/mpps/${w.mppId}/queue/display/events`, w.display.headers);
  expect(await board.ready).toBe(200);
  await until(() => board.messages.some((m) => m.event === 'counts'), 60_000, 'first counts');

  const acknowledged: { id: string; number: string }[] = [];
  const refused: { status: number; code: string }[] = [];
  let loading = true;
  // Two kiosks issuing without pause.
  const kiosk = async () => {
    while (loading) {
      const res = await app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/queue/tickets`, headers: w.kiosk.headers, payload: { serviceId: w.services.kk } });
      if (res.statusCode === 201) acknowledged.push({ id: res.json().id, number: res.json().number });
      else {
        refused.push({ status: res.statusCode, code: res.json().code });
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  };
  const load = Promise.all([kiosk(), kiosk()]);
  await until(() => acknowledged.length >= 20, 120_000, 'tickets before the failure');

  // The primary dies (no shutdown checkpoint, like a crash), the standby is promoted, the address moves.
  pgRun('pg_ctl', ['-D', primaryDir, '-m', 'immediate', 'stop']);
  const diedAt = acknowledged.length;
  pgRun('pg_ctl', ['-D', standbyDir, '-w', '-t', '120', 'promote']);
  proxy.retarget(standbyPort);

  await until(() => acknowledged.length >= diedAt + 20, 120_000, 'tickets after the promotion');
  // The board, still the same stream, receives a call made after the failover.
  const call = await app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/queue/counters/${w.counters.c1}/call-next`, headers: w.officer.headers });
  expect(call.statusCode).toBe(200);
  const called = call.json().ticket.number as string;
  await until(() => board.messages.some((m) => m.event === 'call' && m.data.payload.number === called), 60_000, 'a call on the board after the failover');
  loading = false;
  await load;
  board.close();

  // Every ticket a kiosk was told it has is on the new primary, with the number it was given.
  const check = new pg.Client({ host: '127.0.0.1', port: standbyPort, user: 'postgres', database: 'layan' });
  await check.connect();
  const { rows } = await check.query<{ id: string; number: string }>('SELECT id, number FROM tickets WHERE id = ANY($1::uuid[])', [acknowledged.map((a) => a.id)]);
  const stored = new Map(rows.map((r) => [r.id, r.number]));
  for (const a of acknowledged) expect(stored.get(a.id), `ticket ${a.number}`).toBe(a.number);
  const numbers = (await check.query<{ number: string }>('SELECT number FROM tickets WHERE mpp_id = $1', [w.mppId])).rows.map((r) => r.number);
  expect(new Set(numbers).size).toBe(numbers.length);
  await check.end();
  // What was refused in between was a 503 problem, never a 500.
  for (const r of refused) expect(r).toMatchObject({ status: 503, code: 'database_unavailable' });
  console.info(`failover: ${acknowledged.length} tickets acknowledged, ${refused.length} refused with 503 during the switch`);
}, 600_000);
