/**
 * Start-up time on an existing embedded data directory (issue 17, target 5): how long a restarted
 * Layan takes until `/readyz` answers 200, beside the floor for the same work in the same run:
 * a bare Node process that opens the same PGlite directory and answers one query.
 *
 *   npm run build && npm run bench:startup            (5 restarts each; STARTUP_RUNS=n to change)
 *
 * STARTUP_DATA_DIR=dir keeps the data directory (made with the demo on the first run, reused after:
 * the demo load takes minutes on a busy machine). STARTUP_OTHER_DIST=dist-before (a copy of an earlier
 * build inside the repository, so it finds migrations/ and node_modules/) times that build's restarts
 * too, alternating with dist/ on the same directory in the same run.
 *
 * The data directory is created once with the full demo (3 MPPs, 159 services in the largest), so
 * the restarts open a real-sized database: migrations are checked, not applied, and the demo is
 * not loaded again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.STARTUP_RUNS ?? 5);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** Starts Layan on the directory and returns the milliseconds until /readyz answers 200. */
async function startLayan(dataDir: string, demo: boolean, deadlineMs: number, dist = 'dist'): Promise<{ ms: number; child: ChildProcess }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [`${dist}/main.js`], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LAYAN_DEMO: String(demo), LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  while (performance.now() - started < deadlineMs) {
    if (child.exitCode !== null) throw new Error(`layan exited with ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (res.status === 200) return { ms: performance.now() - started, child };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  child.kill('SIGKILL');
  throw new Error(`layan was not ready within ${deadlineMs} ms`);
}

/** The floor: a Node process that opens the same PGlite directory (with Layan's two extensions) and answers `select 1`. */
async function bareOpen(dataDir: string): Promise<number> {
  const started = performance.now();
  const script = `import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
const db = await PGlite.create({ dataDir: ${JSON.stringify(path.join(dataDir, 'pglite'))}, extensions: { pg_trgm, unaccent } });
await db.query('select 1');
await db.close();`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  await exited(child);
  if (child.exitCode !== 0) throw new Error(`bare PGlite open exited with ${child.exitCode}`);
  return performance.now() - started;
}

function summary(label: string, ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return `${label.padEnd(44)} median ${median.toFixed(0).padStart(6)} ms   max ${sorted.at(-1)!.toFixed(0).padStart(6)} ms   (${sorted.map((v) => v.toFixed(0)).join(', ')})`;
}

async function main(): Promise<void> {
  if (!existsSync(path.join(ROOT, 'dist/main.js'))) throw new Error('run `npm run build` first');
  const kept = process.env.STARTUP_DATA_DIR;
  const other = process.env.STARTUP_OTHER_DIST;
  if (other && !existsSync(path.join(ROOT, other, 'main.js'))) throw new Error(`${other}/main.js not found`);
  const dataDir = kept ? path.resolve(kept) : mkdtempSync(path.join(os.tmpdir(), 'layan-bench-startup-'));
  try {
    process.stdout.write(`load average before: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (${os.cpus().length} CPUs)\n`);
    if (!existsSync(path.join(dataDir, 'pglite'))) {
      const first = await startLayan(dataDir, true, 1_200_000);
      process.stdout.write(`first start with the demo load: ${(first.ms / 1000).toFixed(1)} s\n`);
      first.child.kill('SIGTERM');
      await exited(first.child);
    }

    const layan: number[] = [];
    const otherMs: number[] = [];
    const bare: number[] = [];
    const restart = async (dist?: string) => {
      const run = await startLayan(dataDir, true, 120_000, dist);
      run.child.kill('SIGTERM');
      await exited(run.child);
      return run.ms;
    };
    for (let i = 0; i < RUNS; i++) {
      bare.push(await bareOpen(dataDir));
      if (other) otherMs.push(await restart(other));
      layan.push(await restart());
    }
    process.stdout.write(`${summary('baseline: node + PGlite open + select 1', bare)}\n`);
    if (other) process.stdout.write(`${summary(`${other}: restart until /readyz = 200`, otherMs)}\n`);
    process.stdout.write(`${summary('layan restart until /readyz = 200', layan)}\n`);
    process.stdout.write(`load average after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
  } finally {
    if (!kept) rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
