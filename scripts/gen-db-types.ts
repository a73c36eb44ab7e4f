import { writeFile } from 'node:fs/promises';
import { generateTableTypes, TABLES_PATH } from './db-types.js';

// `npm run db:types`: regenerates the row types of every table from the migrated schema.
const text = await generateTableTypes();
await writeFile(TABLES_PATH, text);
console.log(`wrote ${TABLES_PATH} (${text.length} bytes)`);
