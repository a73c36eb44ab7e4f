import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { openPglite, pgliteDb, postgresDb, type Db } from '../../src/platform/db.js';

export interface TestDb {
  db: Db;
  /** A connection string for a second client (PostgreSQL only), e.g. a second app process. */
  url: string | null;
  drop(): Promise<void>;
}

/** A fresh, migrated database of its own for one test file. */
export async function createTestDb(opts: { poolSize?: number } = {}): Promise<TestDb> {
  const cfg = inject('testDb');
  if (cfg.kind === 'pglite') {
    const blob = new Blob([await readFile(cfg.dumpPath)]);
    const db = pgliteDb(await openPglite(undefined, { loadDataDir: blob }));
    return { db, url: null, drop: () => db.close() };
  }
  const name = `layan_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: cfg.url });
  await admin.connect();
  // CREATE DATABASE ... TEMPLATE refuses while another session uses the template; retry briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${cfg.template}`);
      break;
    } catch (err) {
      if (attempt > 20) throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  const target = new URL(cfg.url);
  target.pathname = `/${name}`;
  const db = postgresDb(target.toString(), opts.poolSize ?? 10);
  return {
    db,
    url: target.toString(),
    async drop() {
      await db.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
