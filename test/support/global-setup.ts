import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, pgliteDb, postgresDb } from '../../src/platform/db.js';
import { migrate } from '../../src/platform/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    testDb: { kind: 'pglite'; dumpPath: string } | { kind: 'postgres'; url: string; template: string };
  }
}

/**
 * Migrates one template database per test run; every test file then gets its own copy of it
 * (a PGlite data-dir dump, or CREATE DATABASE ... TEMPLATE on the PostgreSQL server).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runId = randomBytes(4).toString('hex');
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const template = `layan_tpl_${runId}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${template}`);
    const target = new URL(url);
    target.pathname = `/${template}`;
    const db = postgresDb(target.toString(), 1);
    await migrate(db);
    await db.close();
    project.provide('testDb', { kind: 'postgres', url, template });
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await admin.end();
    };
  }
  const pglite = await openPglite();
  await migrate(pgliteDb(pglite));
  const dump = await pglite.dumpDataDir('none');
  await pglite.close();
  const dumpPath = path.join(os.tmpdir(), `layan-test-${runId}.tar`);
  await writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));
  project.provide('testDb', { kind: 'pglite', dumpPath });
  return async () => rm(dumpPath, { force: true });
}
