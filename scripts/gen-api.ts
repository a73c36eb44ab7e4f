import { writeFile } from 'node:fs/promises';
import { generateSchemaTypes, openApiDocument, SCHEMA_PATH } from './openapi.js';

// `npm run gen:api`: regenerates the web client's types from the server's zod contracts.
const types = await generateSchemaTypes(await openApiDocument());
await writeFile(SCHEMA_PATH, types);
console.log(`wrote ${SCHEMA_PATH} (${types.length} bytes)`);
