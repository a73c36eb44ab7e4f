import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateTableTypes } from '../scripts/db-types.js';
import { createTestDb } from './support/db.js';

/**
 * SQL that still names another domain's table, file by file. Each entry is a debt: move the query
 * behind the owner's exported read function and delete the entry. The test fails on a stale entry,
 * so the list can only shrink; a new cross-domain query is never added here.
 */
const NOT_YET_MOVED: Record<string, string[]> = {
  'src/booking/repository.ts': ['mpps', 'services', 'tenants'],
  'src/calendar/repository.ts': ['mpps'],
  'src/catalog/hours.ts': ['calendar_days'],
  'src/complaints/repository.ts': ['mpps', 'role_grants', 'services', 'tenants', 'users'],
  'src/identity/repository.ts': ['mpps', 'tenants'],
  'src/operations/floor-repository.ts': ['counter_services', 'counters', 'device_tokens', 'mpps', 'queue_counter_state', 'services', 'tenants', 'tickets', 'users'],
  'src/operations/metrics.ts': ['counters', 'mpps', 'queue_counter_state', 'tickets'],
  'src/operations/repository.ts': ['counters', 'mpps', 'queue_counter_state', 'queue_mpp_settings', 'services', 'tenants', 'users'],
  'src/queue/console-service.ts': ['counters', 'mpps', 'services', 'tenants'],
  'src/queue/counter-repository.ts': ['counters', 'services', 'tenants', 'users'],
  'src/queue/display-repository.ts': ['counters', 'services'],
  'src/queue/floor-repository.ts': ['counters', 'services'],
  'src/queue/repository.ts': ['counters', 'mpps', 'services', 'tenants'],
  'src/queue/service.ts': ['services', 'tenants'],
  'src/queue/settings-service.ts': ['services', 'tenants'],
  'src/survey/queue-link.ts': ['bookings', 'ticket_events', 'tickets'],
  'src/survey/repository.ts': ['counters', 'device_tokens', 'mpps', 'services', 'tenants', 'tickets'],
  'src/survey/status-code.ts': ['tickets'],
};

/** Owner of each table, from the "Table ownership" list in docs/architecture.md. */
async function owners(): Promise<Map<string, string>> {
  const doc = await readFile('docs/architecture.md', 'utf8');
  const section = doc.split('## Table ownership')[1]?.split('\n## ')[0] ?? '';
  const map = new Map<string, string>();
  for (const line of section.split('\n')) {
    const m = /^- ([a-z]+): (.+)$/.exec(line.trim());
    if (!m) continue;
    for (const table of m[2]!.split(',').map((t) => t.trim())) {
      expect(map.has(table), `${table} has two owners in docs/architecture.md`).toBe(false);
      map.set(table, m[1]!);
    }
  }
  return map;
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
  it('gives every table of the migrated schema exactly one owning domain', async () => {
    const map = await owners();
    const testDb = await createTestDb();
    const types = await generateTableTypes(testDb.db).finally(() => testDb.drop());
    const tables = [...types.matchAll(/^ {2}([a-z_0-9]+): \{$/gm)].map((m) => m[1]!);
    expect(tables.length).toBeGreaterThan(40);
    expect(tables.filter((t) => !map.has(t))).toEqual([]);
    expect([...map.keys()].filter((t) => !tables.includes(t))).toEqual([]);
  });

  it("keeps each domain's SQL to its own tables, except the listed debts", async () => {
    const map = await owners();
    const foreign: Record<string, string[]> = {};
    for (const file of await sourceFiles()) {
      const domain = file.split(path.sep)[1]!;
      // The demo loader seeds every domain's tables on purpose; the kernel's tables (audit, outbox) serve all.
      if (domain === 'demo') continue;
      const named = [...tablesNamed(await readFile(file, 'utf8'), map)].filter((t) => map.get(t) !== domain && map.get(t) !== 'platform').sort();
      if (named.length) foreign[file.split(path.sep).join('/')] = named;
    }
    expect(foreign).toEqual(NOT_YET_MOVED);
  });
});
