import path from 'node:path';
import type { Config } from './config.js';
import { openPglite, pgliteDb, postgresDb, type Db } from './db.js';
import { lockDataDir } from './datadir-lock.js';

export class DatabaseUnreachableError extends Error {}

/**
 * Opens the database the configuration names: the PostgreSQL server of DATABASE_URL, or the
 * embedded PGlite under DATA_DIR (locked against a second process).
 * @throws DataDirLockedError when another process holds the embedded database.
 */
export async function openDatabase(
  config: Config,
  opts: { onWait?: (attempt: number, err: Error) => void } = {},
): Promise<{ db: Db; release: () => Promise<void> }> {
  if (config.databaseUrl) {
    const db = postgresDb(config.databaseUrl, { connectTimeoutMs: config.dbConnectTimeoutMs, statementTimeoutMs: config.dbStatementTimeoutMs });
    // A server that is still starting (or briefly away) is waited for, with a line per attempt,
    // up to DB_START_WAIT_SECONDS; then start-up fails with the last error.
    const deadline = Date.now() + config.dbStartWaitSeconds * 1000;
    for (let attempt = 1; ; attempt++) {
      try {
        await db.query('SELECT 1');
        break;
      } catch (err) {
        if (Date.now() >= deadline) {
          await db.close().catch(() => undefined);
          throw new DatabaseUnreachableError(
            `the PostgreSQL server of DATABASE_URL did not answer within ${config.dbStartWaitSeconds} s (${attempt} attempts): ${(err as Error).message}`,
          );
        }
        opts.onWait?.(attempt, err as Error);
        await new Promise((r) => setTimeout(r, Math.min(1000 * attempt, 5000, Math.max(0, deadline - Date.now()))));
      }
    }
    return { db, release: () => db.close() };
  }
  const unlock = lockDataDir(config.dataDir);
  try {
    const db = pgliteDb(await openPglite(path.join(config.dataDir, 'pglite')));
    return {
      db,
      release: async () => {
        await db.close();
        unlock();
      },
    };
  } catch (err) {
    unlock();
    throw err;
  }
}
