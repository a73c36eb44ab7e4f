import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERRORS_DOC_PATH, loadAllErrors, renderErrorsDoc } from '../scripts/errors-doc.js';
import { defineErrors, errorDefinition } from '../src/platform/errors.js';
import { queueErrors } from '../src/queue/errors.js';

async function sourceFiles(dir = 'src'): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sourceFiles(full)));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

describe('the error registry', () => {
  it('docs/errors.md is generated from the registry and current (run `npm run docs:errors`)', async () => {
    const errors = await loadAllErrors();
    expect(await readFile(ERRORS_DOC_PATH, 'utf8')).toBe(renderErrorsDoc(errors));
    for (const e of errors) expect(e.id && e.en, e.code).toBeTruthy();
  });

  it('refuses a code declared a second time, by any domain', async () => {
    await loadAllErrors();
    expect(() => defineErrors('complaints', { not_found: { status: 404, id: 'x', en: 'x' } })).toThrow(/defined twice/);
    expect(() => defineErrors('catalog', { slot_full: { status: 409, id: 'x', en: 'x' } })).toThrow(/booking and catalog/);
  });

  it('declares errors only in errors.ts files and builds no AppError by hand', async () => {
    const offenders: string[] = [];
    for (const file of await sourceFiles()) {
      const text = await readFile(file, 'utf8');
      if (/\bdefineErrors\(/.test(text) && !file.endsWith(`${path.sep}errors.ts`)) offenders.push(`${file}: defineErrors outside errors.ts`);
      if (/new AppError\(/.test(text) && file !== path.join('src', 'platform', 'errors.ts')) offenders.push(`${file}: new AppError`);
    }
    expect(offenders).toEqual([]);
  });

  it('every code a function says it throws is registered, so it is documented', async () => {
    await loadAllErrors();
    const unknown: string[] = [];
    for (const file of await sourceFiles()) {
      const text = await readFile(file, 'utf8');
      for (const m of text.matchAll(/@throws AppError ([^\n*]+)/g)) {
        for (const code of m[1]!.match(/\b[a-z]+(?:_[a-z]+)+\b|\b(?:forbidden|conflict|unauthenticated)\b/g) ?? []) {
          try {
            errorDefinition(code);
          } catch {
            unknown.push(`${file}: ${code}`);
          }
        }
      }
    }
    expect(unknown).toEqual([]);
  });

  it('words a parameter given in both languages in each message’s own language', () => {
    const err = queueErrors.mpp_closed({ reason: { id: 'sedang istirahat', en: 'on a break' }, nextOpening: '2026-11-23 13:00 WIB' });
    expect(err.messages.id).toContain('(sedang istirahat)');
    expect(err.messages.en).toBe('The MPP is closed (on a break). Opens again: 2026-11-23 13:00 WIB. Please come back during service hours.');
  });
});
