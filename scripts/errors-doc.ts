import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { registeredErrors, type ErrorDefinition } from '../src/platform/errors.js';

/** Where the generated error reference lives, relative to the repository root. */
export const ERRORS_DOC_PATH = 'docs/errors.md';

/**
 * Loads every domain's error registry: `src/platform/errors.ts` and each `src/<domain>/errors.ts`
 * (the error-registry test checks that no other file calls `defineErrors`).
 */
export async function loadAllErrors(root = process.cwd()): Promise<ErrorDefinition[]> {
  const src = path.join(root, 'src');
  for (const dir of await readdir(src, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    const file = path.join(src, dir.name, 'errors.ts');
    if (existsSync(file)) await import(pathToFileURL(file).href);
  }
  return registeredErrors();
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** docs/errors.md: every problem code by domain, with its HTTP status and both messages. */
export function renderErrorsDoc(errors: ErrorDefinition[]): string {
  const domains = [...new Set(errors.map((e) => e.domain))].sort((a, b) => (a === 'platform' ? -1 : b === 'platform' ? 1 : a.localeCompare(b)));
  const out = [
    '# Error codes',
    '',
    '<!-- Generated from the error registry (`defineErrors` in src/platform/errors.ts and src/<domain>/errors.ts).',
    '     Do not edit by hand: run `npm run docs:errors`. test/errors.test.ts fails when this file is stale. -->',
    '',
    'Every refusal of the API is an RFC 9457 `application/problem+json` body with a stable `code`, the HTTP',
    '`status`, a `title` in the caller\'s language (Bahasa Indonesia unless `Accept-Language` prefers English)',
    'and `type: urn:layan:problem:<code>`. Words in `{braces}` are filled from the problem\'s own fields;',
    'validation failures add `errors: [{ path, message }]`. Each code is declared once; declaring it twice',
    'stops the server at start-up.',
    '',
  ];
  for (const domain of domains) {
    out.push(`## ${domain}`, '', '| Code | Status | Bahasa Indonesia | English |', '|---|---|---|---|');
    for (const e of errors.filter((x) => x.domain === domain).sort((a, b) => a.code.localeCompare(b.code))) {
      out.push(`| \`${e.code}\` | ${e.status} | ${cell(e.id)} | ${cell(e.en)} |`);
    }
    out.push('');
  }
  return out.join('\n');
}
