import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateTableTypes } from '../scripts/db-types.js';
import { createTestDb } from './support/db.js';

/**
 * SQL that still names another domain's table, file by file. Empty since every cross-domain read goes
 * through the owner's exported read function or read view; a new cross-domain query is never added
 * here (the test fails on any entry that does not match the code, so the list can only shrink).
 */
const NOT_YET_MOVED: Record<string, string[]> = {};

/** "- owner: name, name" lines of one section of docs/architecture.md, as name -> owner. */
function ownedIn(doc: string, heading: string, map: Map<string, string>): Set<string> {
  const section = doc.split(`## ${heading}`)[1]?.split('\n## ')[0] ?? '';
  const names = new Set<string>();
  for (const line of section.split('\n')) {
    const m = /^- ([a-z]+): (.+)$/.exec(line.trim());
    if (!m) continue;
    for (const name of m[2]!.split(',').map((t) => t.trim())) {
      expect(map.has(name), `${name} has two owners in docs/architecture.md`).toBe(false);
      map.set(name, m[1]!);
      names.add(name);
    }
  }
  return names;
}

/**
 * Owner of each table ("Table ownership") and of each read view ("Read views") in docs/architecture.md.
 * A view is its owner's public read contract: any domain may name it, while a base table is named
 * only by its owner.
 */
async function owners(): Promise<{ map: Map<string, string>; views: Set<string> }> {
  const doc = await readFile('docs/architecture.md', 'utf8');
  const map = new Map<string, string>();
  ownedIn(doc, 'Table ownership', map);
  const views = ownedIn(doc, 'Read views', map);
  return { map, views };
}

async function sourceFiles(dir = 'src'): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sourceFiles(full)));
    else if (entry.name.endsWith('.ts') && !/\.test(-helpers)?\.ts$/.test(entry.name) && entry.name !== 'tables.ts') out.push(full);
  }
  return out;
}

/** Table names a file's SQL reads or writes (SQL keywords are written in capitals in this code base). */
function tablesNamed(text: string, known: Map<string, string>): Set<string> {
  const found = new Set<string>();
  const pattern = /\b(?:FROM|JOIN|INTO|UPDATE|TABLE|REFERENCES|DELETE FROM)\s+(?:ONLY\s+)?([a-z_][a-z0-9_]*)/g;
  for (const m of text.matchAll(pattern)) if (known.has(m[1]!)) found.add(m[1]!);
  return found;
}

describe('table ownership', () => {
  it('gives every table and view of the migrated schema exactly one owning domain', async () => {
    const { map, views } = await owners();
    const testDb = await createTestDb();
    let types: string;
    let dbViews: { table_name: string }[];
    try {
      types = await generateTableTypes(testDb.db);
      dbViews = (await testDb.db.query<{ table_name: string }>("SELECT table_name FROM information_schema.views WHERE table_schema = 'public' ORDER BY table_name")).rows;
    } finally {
      await testDb.drop();
    }
    const tables = [...types.matchAll(/^ {2}([a-z_0-9]+): \{$/gm)].map((m) => m[1]!);
    expect(tables.length).toBeGreaterThan(40);
    expect(tables.filter((t) => !map.has(t))).toEqual([]);
    expect([...map.keys()].filter((t) => !tables.includes(t))).toEqual([]);
    // What docs/architecture.md lists as read views are the schema's views, and nothing else is one.
    expect(dbViews.map((v) => v.table_name)).toEqual([...views].sort());
  });

  it('has each read view created by a migration of its owning domain', async () => {
    const { map, views } = await owners();
    const createdBy = new Map<string, string>();
    for (const file of (await readdir('migrations')).filter((f) => f.endsWith('.sql'))) {
      const sql = await readFile(path.join('migrations', file), 'utf8');
      for (const m of sql.matchAll(/\bCREATE (?:OR REPLACE )?VIEW ([a-z_0-9]+)/g)) createdBy.set(m[1]!, file);
    }
    for (const view of views) {
      const file = createdBy.get(view) ?? '(none)';
      expect(file.split('_')[1], `${view} is created by ${file}`).toBe(map.get(view));
    }
  });

  it("keeps each domain's SQL to its own tables, except the listed debts", async () => {
    const { map, views } = await owners();
    const foreign: Record<string, string[]> = {};
    for (const file of await sourceFiles()) {
      const domain = file.split(path.sep)[1]!;
      // The demo loader seeds every domain's tables on purpose; the kernel's tables (audit, outbox) serve all.
      if (domain === 'demo') continue;
      const named = [...tablesNamed(await readFile(file, 'utf8'), map)].filter((t) => map.get(t) !== domain && map.get(t) !== 'platform' && !views.has(t)).sort();
      if (named.length) foreign[file.split(path.sep).join('/')] = named;
    }
    expect(foreign).toEqual(NOT_YET_MOVED);
  });
});
