import { openPglite, pgliteDb, type Db } from '../src/platform/db.js';
import { migrate } from '../src/platform/migrate.js';

/** Where the generated row types live, relative to the repository root. */
export const TABLES_PATH = 'src/platform/tables.ts';

// As both drivers hand values to us (src/platform/db.ts): int8 as number, date as 'YYYY-MM-DD', numeric as string.
const SCALARS: Record<string, string> = {
  int2: 'number',
  int4: 'number',
  int8: 'number',
  float4: 'number',
  float8: 'number',
  numeric: 'string',
  text: 'string',
  varchar: 'string',
  bpchar: 'string',
  citext: 'string',
  uuid: 'string',
  inet: 'string',
  date: 'string',
  time: 'string',
  timetz: 'string',
  interval: 'string',
  tsvector: 'string',
  bool: 'boolean',
  timestamptz: 'Date',
  timestamp: 'Date',
  json: 'unknown',
  jsonb: 'unknown',
  bytea: 'Uint8Array',
};

interface Column {
  table_name: string;
  column_name: string;
  udt_name: string;
  is_nullable: 'YES' | 'NO';
}

/** The TypeScript row type of every table and view in the migrated schema, as `Tables[name]`. */
export async function generateTableTypes(given?: Db): Promise<string> {
  let db = given;
  if (!db) {
    db = pgliteDb(await openPglite());
    await migrate(db);
  }
  try {
    const { rows: enums } = await db.query<{ name: string; labels: string[] }>(
      `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    const enumType = new Map(enums.map((e) => [e.name, e.labels.map((l) => `'${l}'`).join(' | ')]));
    const { rows } = await db.query<Column>(
      `SELECT table_name, column_name, udt_name, is_nullable
         FROM information_schema.columns
        WHERE table_schema = 'public'
        ORDER BY table_name, ordinal_position`,
    );
    const tsType = (udt: string): string => {
      if (udt.startsWith('_')) {
        const inner = tsType(udt.slice(1));
        return inner.includes(' ') ? `(${inner})[]` : `${inner}[]`;
      }
      const known = SCALARS[udt] ?? enumType.get(udt);
      if (!known) throw new Error(`db:types does not know the PostgreSQL type ${udt}; add it to SCALARS`);
      return known;
    };
    const tables = new Map<string, Column[]>();
    for (const c of rows) tables.set(c.table_name, [...(tables.get(c.table_name) ?? []), c]);
    const out = [
      '// Generated from the migrated schema by `npm run db:types`; do not edit. test/db-types.test.ts fails when stale.',
      '// Value types are what src/platform/db.ts hands back: int8 as number, date as string, numeric as string.',
      '',
      'export interface Tables {',
    ];
    for (const [table, columns] of tables) {
      out.push(`  ${table}: {`);
      for (const c of columns) out.push(`    ${c.column_name}: ${tsType(c.udt_name)}${c.is_nullable === 'YES' ? ' | null' : ''};`);
      out.push('  };');
    }
    out.push('}', '', '/** One row of a table, as `SELECT *` returns it. */', 'export type Row<T extends keyof Tables> = Tables[T];', '');
    return out.join('\n');
  } finally {
    if (!given) await db.close();
  }
}
