import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generateTableTypes, TABLES_PATH } from '../scripts/db-types.js';
import { createTestDb } from './support/db.js';

describe('the row types', () => {
  it('src/platform/tables.ts is generated from the migrated schema and current (run `npm run db:types`)', async () => {
    const testDb = await createTestDb();
    const fresh = await generateTableTypes(testDb.db).finally(() => testDb.drop());
    expect(await readFile(TABLES_PATH, 'utf8')).toBe(fresh);
  });
});
