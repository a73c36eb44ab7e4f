import { writeFile } from 'node:fs/promises';
import { ERRORS_DOC_PATH, loadAllErrors, renderErrorsDoc } from './errors-doc.js';

// `npm run docs:errors`: regenerates docs/errors.md from the error registry.
const doc = renderErrorsDoc(await loadAllErrors());
await writeFile(ERRORS_DOC_PATH, doc);
console.log(`wrote ${ERRORS_DOC_PATH} (${doc.length} bytes)`);
