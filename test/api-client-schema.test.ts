import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generateSchemaTypes, openApiDocument, SCHEMA_PATH } from '../scripts/openapi.js';
import { createTestDb } from './support/db.js';

describe('the web client contract', () => {
  it('web/src/api/schema.d.ts is generated from the current OpenAPI document', async () => {
    const testDb = await createTestDb();
    const fresh = await generateSchemaTypes(await openApiDocument(testDb.db)).finally(() => testDb.drop());
    const committed = await readFile(SCHEMA_PATH, 'utf8');
    // A plain boolean check: a diff of a 9,000-line file helps nobody; the fix is one command.
    expect(committed === fresh, `${SCHEMA_PATH} is stale: run npm run gen:api and commit it`).toBe(true);
  });
});
