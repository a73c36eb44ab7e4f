import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { seedQueueDemo } from '../../bench/queue-seed.js';
import { createTestDb } from '../../test/support/db.js';
import { sha256 } from '../identity/service.js';
import { openPglite, pgliteDb, postgresDb, type Db } from '../platform/db.js';
import { migrate } from '../platform/migrate.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const KIOSK_TOKEN = 'kiosk_crash_test_token_0123456789abcdef';

function startServer(env: Record<string, string>): { child: ChildProcess; url: Promise<string>; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!.replace('localhost', '127.0.0.1'));
    });
    child.stderr!.on('data', (d) => (out += d));
    child.on('exit', () => reject(new Error(`server exited:\n${out}`)));
  });
  return { child, url, output: () => out };
}

async function seed(db: Db) {
  await migrate(db);
  const demo = await seedQueueDemo(db, { slug: `crash-${Date.now().toString(36)}` });
  await db.query("INSERT INTO device_tokens (mpp_id, kind, name, token_hash) VALUES ($1, 'kiosk', 'crash test', $2)", [demo.mppId, sha256(KIOSK_TOKEN)]);
  return demo;
}

/**
 * Issues tickets from 16 clients until told to stop; records every ticket whose response arrived.
 * Requests cut off by the crash simply fail and are not counted.
 */
function issueLoad(url: string, mppId: string, serviceId: string) {
  const received: { id: string; number: string }[] = [];
  let stop = false;
  const done = Promise.all(
    Array.from({ length: 16 }, async () => {
      while (!stop) {
        try {
          const res = await fetch(`${url}/api/mpps/${mppId}/queue/tickets`, {
            method: 'POST',
            headers: { authorization: `Bearer ${KIOSK_TOKEN}`, 'content-type': 'application/json' },
            body: JSON.stringify({ serviceId }),
          });
          if (res.status === 201) received.push((await res.json()) as { id: string; number: string });
        } catch {
          return; // connection killed
        }
      }
    }),
  );
  return { received, stop: () => (stop = true), done };
}

async function crashAndRecover(env: Record<string, string>, reopen: () => Promise<Db>, demo: Awaited<ReturnType<typeof seed>>) {
  const first = startServer(env);
  const url = await first.url;
  const load = issueLoad(url, demo.mppId, demo.services.ktp);
  while (load.received.length < 80) await new Promise((r) => setTimeout(r, 10));
  first.child.kill('SIGKILL');
  await load.done;
  load.stop();
  const beforeCrash = [...load.received];

  const second = startServer(env);
  const url2 = await second.url;
  const after = issueLoad(url2, demo.mppId, demo.services.ktp);
  while (after.received.length < 10) await new Promise((r) => setTimeout(r, 10));
  after.stop();
  await after.done;
  second.child.kill('SIGTERM');
  await new Promise((r) => second.child.once('exit', r));

  const db = await reopen();
  try {
    const { rows } = await db.query<{ id: string; number: string }>('SELECT id, number FROM tickets WHERE mpp_id = $1', [demo.mppId]);
    const stored = new Map(rows.map((r) => [r.id, r.number]));
    // Every ticket whose response reached a client survived the crash, with the number it was given.
    for (const t of beforeCrash) expect(stored.get(t.id)).toBe(t.number);
    // Numbering continued without reusing a number.
    const numbers = rows.map((r) => r.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    const maxBefore = Math.max(...beforeCrash.map((t) => Number(t.number.slice(2))));
    for (const t of after.received) expect(Number(t.number.slice(2))).toBeGreaterThan(maxBefore);
    return { beforeCrash: beforeCrash.length, after: after.received.length, stored: rows.length };
  } finally {
    await db.close();
  }
}

it('keeps every answered ticket and numbers on without duplicates after kill -9 (embedded database)', async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'layan-crash-'));
  try {
    const open = async () => pgliteDb(await openPglite(path.join(dataDir, 'pglite')));
    const db = await open();
    const demo = await seed(db);
    await db.close();
    const r = await crashAndRecover({ DATA_DIR: dataDir }, open, demo);
    expect(r.stored).toBeGreaterThanOrEqual(r.beforeCrash + r.after);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 600_000);

it.runIf(!!process.env.TEST_DATABASE_URL)('keeps every answered ticket and numbers on without duplicates after kill -9 (PostgreSQL)', async () => {
  const testDb = await createTestDb({ poolSize: 2 });
  try {
    const demo = await seed(testDb.db);
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'layan-crash-pg-'));
    const r = await crashAndRecover({ DATA_DIR: dataDir, DATABASE_URL: testDb.url! }, async () => postgresDb(testDb.url!, 2), demo);
    expect(r.stored).toBeGreaterThanOrEqual(r.beforeCrash + r.after);
    rmSync(dataDir, { recursive: true, force: true });
  } finally {
    await testDb.drop();
  }
}, 600_000);
