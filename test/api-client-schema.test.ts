import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSchemaTypes, openApiDocument, SCHEMA_PATH } from '../scripts/openapi.js';
import { createTestDb } from './support/db.js';

type Doc = {
  paths: Record<string, Record<string, { responses: Record<string, { $ref?: string }> }>>;
  components: { responses: Record<string, { description: string; content: Record<string, { schema: { allOf: [unknown, { properties: { code: { enum: string[] } } }] } }> }> };
};

let document: Doc;
beforeAll(async () => {
  const testDb = await createTestDb();
  document = (await openApiDocument(testDb.db).finally(() => testDb.drop())) as unknown as Doc;
});

/** The problem codes an operation documents for a status. */
function problemCodes(path: string, method: string, status: number): string[] {
  const ref = document.paths[path]?.[method]?.responses[String(status)]?.$ref ?? '';
  const response = document.components.responses[ref.replace('#/components/responses/', '')];
  return response?.content['application/problem+json']?.schema.allOf[1].properties.code.enum ?? [];
}

describe('the web client contract', () => {
  it('web/src/api/schema.d.ts is generated from the current OpenAPI document', async () => {
    const fresh = await generateSchemaTypes(document as unknown as Record<string, unknown>);
    const committed = await readFile(SCHEMA_PATH, 'utf8');
    // A plain boolean check: a diff of a 9,000-line file helps nobody; the fix is one command.
    expect(committed === fresh, `${SCHEMA_PATH} is stale: run npm run gen:api and commit it`).toBe(true);
  });

  it('documents on every API route the problem+json answers it may give, with their codes', () => {
    const missing: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      if (!path.startsWith('/api/')) continue;
      for (const method of Object.keys(operations)) {
        if (!problemCodes(path, method, 400).includes('validation_failed')) missing.push(`${method} ${path} 400`);
        if (!problemCodes(path, method, 404).includes('not_found')) missing.push(`${method} ${path} 404`);
      }
    }
    expect(missing).toEqual([]);
    // A route's own domain's refusals are listed beside the common ones.
    const callNext = '/api/mpps/{mppId}/queue/counters/{counterId}/call-next';
    expect(problemCodes(callNext, 'post', 409)).toEqual(expect.arrayContaining(['counter_busy', 'invalid_transition']));
    expect(problemCodes(callNext, 'post', 403)).toEqual(expect.arrayContaining(['forbidden', 'csrf_failed']));
    expect(problemCodes('/api/mpps/{mppId}/bookings', 'post', 409)).toEqual(expect.arrayContaining(['slot_full', 'nik_day_limit']));
  });
});
