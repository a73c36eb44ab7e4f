import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {}

/** A takeover guard older than this was left by a process that died while taking over. */
const GUARD_STALE_MS = 10_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Creates `file` holding our pid, complete or not at all: a reader never sees it empty. */
function createLockFile(file: string): boolean {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(temp, String(process.pid));
  try {
    linkSync(temp, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    rmSync(temp, { force: true });
  }
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : 0;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Takes the takeover guard (exclusive create); clears a guard left by a taker that died. */
function takeGuard(guard: string): boolean {
  try {
    closeSync(openSync(guard, 'wx'));
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    try {
      if (Date.now() - statSync(guard).mtimeMs > GUARD_STALE_MS) rmSync(guard, { force: true });
    } catch {
      // gone meanwhile
    }
    return false;
  }
}

/**
 * Takes an exclusive lock on the embedded database directory: two processes opening the same
 * PGlite directory would corrupt it. A lock left by a dead process is taken over, under a second
 * guard file so that of several processes taking over the same stale lock at once exactly one wins
 * (removing and re-creating without it let two both "win").
 * @throws DataDirLockedError when a live process holds the lock.
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'layan.lock');
  const guard = path.join(dir, 'layan.lock.takeover');
  const release = () => {
    if (readPid(file) === process.pid) rmSync(file, { force: true });
  };
  const inUse = (pid: number) =>
    new DataDirLockedError(`The data directory ${dir} is in use by process ${pid}. Stop it first, or set DATA_DIR to another directory.`);
  const deadline = Date.now() + GUARD_STALE_MS + 5000;
  while (Date.now() < deadline) {
    if (createLockFile(file)) return release;
    const pid = readPid(file);
    if (pid === undefined) continue; // released meanwhile: try again
    if (pid !== process.pid && pid !== 0 && alive(pid)) throw inUse(pid);
    if (!takeGuard(guard)) {
      sleep(5 + Math.random() * 20);
      continue;
    }
    try {
      // Under the guard: only replace the lock if it is still the stale one we saw.
      const now = readPid(file);
      if (now !== undefined && now !== pid) continue;
      rmSync(file, { force: true });
      if (createLockFile(file)) return release;
    } finally {
      rmSync(guard, { force: true });
    }
  }
  throw new DataDirLockedError(`Could not lock the data directory ${dir}.`);
}
