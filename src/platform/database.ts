import path from 'node:path';
import type { Config } from './config.js';
import { openPglite, pgliteDb, postgresDb, type Db } from './db.js';
import { lockDataDir } from './datadir-lock.js';

/**
 * Opens the database the configuration names: the PostgreSQL server of DATABASE_URL, or the
 * embedded PGlite under DATA_DIR (locked against a second process).
 * @throws DataDirLockedError when another process holds the embedded database.
 */
export async function openDatabase(config: Config): Promise<{ db: Db; release: () => Promise<void> }> {
  if (config.databaseUrl) {
    const db = postgresDb(config.databaseUrl);
    await db.query('SELECT 1');
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
