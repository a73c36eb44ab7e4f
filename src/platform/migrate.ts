import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './db.js';

/** migrations/ sits two levels above this file both in src/platform and in dist/platform. */
export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

export interface Migration {
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
  // The version is the four digits: two files with one number would record only the first as applied.
  const twins = files.filter((f, i) => i > 0 && f.slice(0, 4) === files[i - 1]!.slice(0, 4));
  if (twins.length > 0) throw new Error(`two migrations share a version number: ${twins.join(', ')}`);
  return Promise.all(
    files.map(async (file) => {
      const sql = await readFile(path.join(dir, file), 'utf8');
      return {
        version: file.slice(0, 4),
        name: file.replace(/\.sql$/, ''),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    }),
  );
}

export class MigrationError extends Error {}

/**
 * Applies every migration not yet applied, each in its own transaction, in version order.
 * Several app nodes starting at once serialise on an advisory lock.
 * @throws MigrationError when an applied migration's file has changed (migrations are forward-only).
 */
export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrations = await readMigrations(dir);
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version text PRIMARY KEY,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  // A restart usually finds everything applied: check that with one read instead of a locked
  // transaction per migration (each of which PGlite syncs to disk), so start-up stays fast.
  const { rows: known } = await db.query<{ version: string; checksum: string }>('SELECT version, checksum FROM schema_migrations');
  const checksums = new Map(known.map((r) => [r.version, r.checksum]));
  for (const m of migrations) {
    const checksum = checksums.get(m.version);
    if (checksum !== undefined && checksum !== m.checksum) {
      throw new MigrationError(`Migration ${m.name} was changed after it was applied; add a new migration instead.`);
    }
  }
  if (migrations.every((m) => checksums.has(m.version))) return [];
  const applied: string[] = [];
  for (const m of migrations) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(727001)');
      const { rows } = await tx.query<{ checksum: string }>(
        'SELECT checksum FROM schema_migrations WHERE version = $1',
        [m.version],
      );
      if (rows[0]) {
        if (rows[0].checksum !== m.checksum) {
          throw new MigrationError(`Migration ${m.name} was changed after it was applied; add a new migration instead.`);
        }
        return false;
      }
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        m.checksum,
      ]);
      return true;
    });
    if (done) applied.push(m.name);
  }
  return applied;
}
