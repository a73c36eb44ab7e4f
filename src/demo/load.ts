import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../platform/db.js';

/** Loads the demo MPPs when the database has none yet. The catalog domain fills this in. */
export async function loadDemoIfEmpty(db: Db, log: FastifyBaseLogger): Promise<void> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM mpps');
  if ((rows[0]?.n ?? 0) > 0) return;
  log.info('no demo data set is available yet');
}
