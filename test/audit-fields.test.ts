import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

// The audit log's "Perubahan" column names the changed fields in words, not by API key (`maxPerDay`).
// Audited writes record API views and inputs (zod schemas) or object literals written at the
// `recordAudit` call; every key of both must have a name or be readable from known words.
type Bilingual = { id: string; en: string };
let fields: {
  FIELD_NAMES: Record<string, Bilingual>;
  WORDS: Record<string, string>;
  keyWords(key: string): string[];
  fieldName(key: string, t: (a: string | Bilingual, b?: string) => string): string;
};
let actions: { changeSummary(e: unknown, t: unknown): string; changeRows(e: unknown, t: unknown): { field: string; before: string; after: string }[] };
const idT = (a: string | Bilingual) => (typeof a === 'string' ? a : a.id);

const SRC = path.resolve(import.meta.dirname, '../src');
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(p);
    return d.name.endsWith('.ts') && !/test/.test(d.name) ? [p] : [];
  });
}

/** Every top-level key of every zod object a module of the server exports (the process entry points aside). */
async function schemaKeys(): Promise<Set<string>> {
  const keys = new Set<string>();
  // The process entry points and the process configuration are never audited.
  const entryPoints = ['app.ts', 'main.ts', 'cli.ts', 'platform/config.ts'].map((f) => path.join(SRC, f));
  for (const file of sourceFiles(SRC).filter((f) => !entryPoints.includes(f) && readFileSync(f, 'utf8').includes('z.object('))) {
    for (const value of Object.values(await import(file))) if (value instanceof z.ZodObject) Object.keys(value.shape).forEach((k) => keys.add(k));
  }
  return keys;
}

/** The keys of object literals written as `before: { … }` / `after: { … }` in `recordAudit` calls. */
function literalKeys(): Set<string> {
  const keys = new Set<string>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('recordAudit(')) continue;
    for (const m of text.matchAll(/\b(?:before|after): \{([^{}]*)\}/g)) for (const k of m[1]!.matchAll(/(?:^|,)\s*(?:\.\.\.)?([a-zA-Z_]\w*)/g)) keys.add(k[1]!);
  }
  return keys;
}

beforeAll(async () => {
  fields = (await import(new URL('../web/src/audit/fields.ts', import.meta.url).href)) as typeof fields;
  actions = (await import(new URL('../web/src/audit/actions.ts', import.meta.url).href)) as typeof actions;
});

describe('the audit log names changed fields in words', () => {
  it('has a name, or known words, for every field key an audited write can record', async () => {
    const keys = new Set([...(await schemaKeys()), ...literalKeys()]);
    // A sanity floor: the readers really found the schemas and the literals.
    expect(keys.size).toBeGreaterThan(300);
    for (const k of ['maxPerNikPerDay', 'dailyQuota', 'targetWaitMinutes', 'slotStart', 'bookingsCancelled', 'assignedTenantId']) expect(keys).toContain(k);
    const unreadable = [...keys].filter((k) => !fields.FIELD_NAMES[k] && !fields.keyWords(k).every((w) => fields.WORDS[w])).sort();
    expect(unreadable).toEqual([]);
  });

  it('words a key in Bahasa Indonesia, head word first, with its own name where words would read badly', () => {
    expect(fields.fieldName('maxPerDay', idT)).toBe('Maks. per hari');
    expect(fields.fieldName('serviceName', idT)).toBe('Nama layanan');
    expect(fields.fieldName('bookingsCancelled', idT)).toBe('Booking yang dibatalkan');
    expect(fields.fieldName('recallLimit', idT)).toBe('Batas panggil ulang');
    expect(fields.fieldName('answerWaitMinutes', idT)).toBe('Tunggu jawaban (menit)');
    expect(fields.fieldName('expiresAt', idT)).toBe('Kedaluwarsa');
    expect(fields.fieldName('serviceId', idT)).toBe('Layanan');
    expect(fields.fieldName('someNewThing', idT)).toBe('Some new thing');
  });

  it('shows the changed fields in words in the summary and the detail rows, never the key', () => {
    const e = { before: { maxPerDay: 2, name: 'Loket 1', tenantId: '0b8a3a57-1c2d-4e5f-8a9b-0c1d2e3f4a5b' }, after: { maxPerDay: 3, name: 'Loket 1', tenantId: '7d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a' } };
    expect(actions.changeSummary(e, idT)).toBe('Maks. per hari, Instansi');
    expect(actions.changeRows(e, idT)).toEqual([
      { key: 'maxPerDay', field: 'Maks. per hari', before: '2', after: '3' },
      { key: 'tenantId', field: 'Instansi', before: '…', after: '…' },
    ]);
    expect(actions.changeRows({ before: null, after: { active: true, breaks: [] } }, idT)).toEqual([
      { key: 'active', field: 'Aktif', before: '–', after: 'ya' },
      { key: 'breaks', field: 'Istirahat', before: '–', after: '[]' },
    ]);
  });
});
