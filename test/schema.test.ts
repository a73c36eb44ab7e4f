import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, type TestDb } from './support/db.js';

/**
 * The sharding rule: every table with mpp_id has it NOT NULL and in its primary key and every unique
 * key. Tables that mix national rows (mpp_id NULL) with MPP rows are listed with the reason.
 */
const MIXED_NATIONAL_AND_MPP: Record<string, string> = {
  audit_log: 'append-only log keyed by a global sequence; national actions have no MPP',
  outbox: 'delivery queue keyed by a global sequence; national messages have no MPP',
  role_grants: 'national admin grants have no MPP; its unique key includes mpp_id',
  calendar_days: 'national holidays have no MPP; its unique key includes mpp_id (NULLS NOT DISTINCT)',
};

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.drop());

it('keys every MPP-owned table by mpp_id', async () => {
  const { rows: tables } = await t.db.query<{ table_name: string; is_nullable: string }>(
    // Base tables only: a read view (docs/architecture.md) reports every column nullable; its rows are its table's.
    `SELECT c.table_name, c.is_nullable FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = 'public' AND c.column_name = 'mpp_id' ORDER BY c.table_name`,
  );
  expect(tables.length).toBeGreaterThan(2);
  const { rows: keys } = await t.db.query<{ table_name: string; index_name: string; is_primary: boolean; columns: string[] }>(
    `SELECT c.relname AS table_name, i.relname AS index_name, x.indisprimary AS is_primary,
            array(SELECT a.attname FROM unnest(x.indkey) k JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k)::text[] AS columns
       FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND x.indisunique`,
  );
  const problems: string[] = [];
  for (const { table_name: table, is_nullable } of tables) {
    const mixed = table in MIXED_NATIONAL_AND_MPP;
    if (is_nullable === 'YES' && !mixed) problems.push(`${table}.mpp_id is nullable`);
    for (const key of keys.filter((k) => k.table_name === table)) {
      if (mixed && key.is_primary) continue;
      if (!key.columns.includes('mpp_id')) problems.push(`${table}: unique key ${key.index_name} (${key.columns.join(', ')}) lacks mpp_id`);
    }
  }
  expect(problems).toEqual([]);
});

it('refuses to edit or delete the audit log', async () => {
  await t.db.query("INSERT INTO audit_log (actor_type, action, target_type) VALUES ('system', 'test.entry', 'test')");
  await expect(t.db.query("UPDATE audit_log SET action = 'tampered'")).rejects.toThrow(/append-only/);
  await expect(t.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  await expect(t.db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
  const { rows } = await t.db.query<{ action: string }>("SELECT action FROM audit_log WHERE target_type = 'test'");
  expect(rows).toEqual([{ action: 'test.entry' }]);
});
