import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/platform/config.js';
import { openPglite, pgliteDb, type Db } from '../src/platform/db.js';
import { migrate } from '../src/platform/migrate.js';

/** Where the generated web types live, relative to the repository root. */
export const SCHEMA_PATH = 'web/src/api/schema.d.ts';

/**
 * The OpenAPI document exactly as the running server serves it at /api/openapi.json: the whole app is
 * assembled in-process over `given` or else a freshly migrated in-memory PGlite (some domains read or
 * create their settings, such as the Web Push keys, while registering routes).
 */
export async function openApiDocument(given?: Db): Promise<Record<string, unknown>> {
  let db = given;
  if (!db) {
    db = pgliteDb(await openPglite());
    await migrate(db);
  }
  const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: '/tmp/layan-unused', WEB_DIR: '/nonexistent' });
  const { app } = await buildApp(db, config);
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
    if (!given) await db.close();
  }
}

/** The TypeScript the web client is typed by, generated from the document with openapi-typescript. */
export async function generateSchemaTypes(document: Record<string, unknown>): Promise<string> {
  const ast = await openapiTS(document as never, { alphabetize: true });
  return `${COMMENT_HEADER.replace('\n', ' Regenerate with `npm run gen:api`.\n')}${astToString(ast)}`;
}
