import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedQueueWorld, type QueueWorld } from '../../src/queue/fixtures.test-helpers.js';
import { createTestApp, staffCaller, type Caller, type TestApp } from '../support/app.js';
import { fromSchema, junk, type JsonSchema, type SchemaContext } from './schema-arbitrary.js';

/**
 * Schema-derived fuzzing of every route in the OpenAPI document (issue 18): random callers send
 * inputs drawn from each route's own schemas (mostly valid, partly wrong types and nasty strings).
 * Properties: no 5xx; every 4xx is problem+json; a refused request commits no row (a trigger on
 * every table logs committed writes; rolled-back ones vanish with their transaction).
 *
 * FUZZ_RUNS sets the number of requests: default 5,000 (7-27 ms a request on the 2-core CI machine,
 * depending on its load); a nightly-style run uses FUZZ_RUNS=20000. FUZZ_SEED replays a run.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 5000);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

/** Long-lived streams would hold the request open; logout and password changes end our own sessions. */
const SKIP = [/\/events$/, /^\/api\/auth\/(logout|password)$/];

/** Writes a refused request may legitimately commit: bookkeeping of who tried (and the audit of a failed sign-in). */
const BOOKKEEPING = new Set(['sessions', 'devices', 'device_tokens', 'login_throttle', 'citizen_sessions', 'booking_secrets']);

interface Operation {
  method: string;
  path: string;
  params: { name: string; in: 'path' | 'query'; schema: JsonSchema; required: boolean }[];
  body?: JsonSchema;
}

let t: TestApp;
let w: QueueWorld;
let callers: { name: string; caller: Caller }[];
let operations: Operation[];
let ctx: SchemaContext;

async function installWriteLog(): Promise<void> {
  await t.db.exec(`
    CREATE TABLE fuzz_write_log (id bigserial PRIMARY KEY, tbl text NOT NULL, op text NOT NULL);
    CREATE FUNCTION fuzz_log() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO fuzz_write_log (tbl, op) VALUES (TG_TABLE_NAME, TG_OP); RETURN NULL; END $$;
    DO $$ DECLARE r record; BEGIN
      FOR r IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                  AND c.relname NOT IN ('fuzz_write_log', 'schema_migrations') LOOP
        EXECUTE format('CREATE TRIGGER fuzz_log AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION fuzz_log()', r.relname);
      END LOOP;
    END $$;`);
}

beforeAll(async () => {
  t = await createTestApp({ env: { BOOKING_RATE_LIMIT: '1000000', SSE_MAX_PER_ADDRESS: '1000' } });
  w = await seedQueueWorld(t);
  callers = [
    { name: 'anonymous', caller: { headers: {} } },
    { name: 'national_admin', caller: await staffCaller(t, 'national_admin') },
    { name: 'mpp_admin', caller: w.admin },
    { name: 'officer', caller: w.officer },
    { name: 'samsat_officer', caller: w.samsatOfficer },
    { name: 'kiosk', caller: w.kiosk },
    { name: 'display', caller: w.display },
  ];
  const { rows: slugs } = await t.db.query<{ slug: string }>('SELECT slug FROM mpps');
  const doc = t.app.swagger() as { paths: Record<string, Record<string, any>>; components?: { schemas?: Record<string, JsonSchema> } };
  ctx = {
    resolve: (ref) => doc.components?.schemas?.[ref.split('/').pop()!],
    knownIds: [w.mppId, w.tenantId, w.otherTenantId, ...Object.values(w.services), ...Object.values(w.counters)],
    knownSlugs: slugs.map((s) => s.slug),
  };
  operations = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (SKIP.some((re) => re.test(path))) continue;
      operations.push({
        method: method.toUpperCase(),
        path,
        params: (op.parameters ?? []).filter((p: { in: string }) => p.in === 'path' || p.in === 'query'),
        body: op.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  await installWriteLog();
});
afterAll(() => t?.close());

function segment(v: unknown): string {
  const text = typeof v === 'string' ? v : (JSON.stringify(v) ?? '');
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80'; // a lone surrogate: sent as the invalid UTF-8 it would become
  }
}

describe('fuzzing every route', () => {
  it(`${RUNS} random requests: no 5xx, problem+json for every 4xx, no rows from refused requests`, async () => {
    expect(operations.length).toBeGreaterThan(100);
    const request = fc.integer({ min: 0, max: operations.length - 1 }).chain((i) => {
      const op = operations[i]!;
      const values: Record<string, fc.Arbitrary<unknown>> = {};
      for (const p of op.params) values[`${p.in}:${p.name}`] = p.in === 'path' ? fromSchema(p.schema, ctx) : fc.option(fromSchema(p.schema, ctx), { nil: undefined });
      return fc.record({
        op: fc.constant(op),
        values: fc.record(values),
        body: op.body ? fromSchema(op.body, ctx) : fc.option(junk, { nil: undefined, freq: 4 }),
        caller: fc.integer({ min: 0, max: callers.length - 1 }),
        ip: fc.ipV4(),
      });
    });
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(request, async ({ op, values, body, caller, ip }) => {
        let url = op.path;
        const query: string[] = [];
        for (const p of op.params) {
          const v = values[`${p.in}:${p.name}`];
          if (p.in === 'path') url = url.replace(`{${p.name}}`, segment(v) || 'x');
          else if (v !== undefined) query.push(`${encodeURIComponent(p.name)}=${segment(v)}`);
        }
        if (query.length) url += `?${query.join('&')}`;
        const who = callers[caller]!;
        if (process.env.FUZZ_TRACE) process.stderr.write(`${op.method} ${url.slice(0, 160)} as ${who.name}\n`);
        const res = await t.app.inject({
          method: op.method as 'GET',
          url,
          remoteAddress: ip,
          headers: { ...who.caller.headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
          ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
        });
        const label = `${op.method} ${op.path} as ${who.name} -> ${res.statusCode}`;
        seen.set(`${res.statusCode}`, (seen.get(`${res.statusCode}`) ?? 0) + 1);
        expect(res.statusCode, `${label}: ${res.body.slice(0, 500)}`).toBeLessThan(500);
        const { rows: writes } = await t.db.query<{ tbl: string; op: string }>('DELETE FROM fuzz_write_log RETURNING tbl, op');
        if (res.statusCode >= 400) {
          expect(res.headers['content-type'], label).toContain('application/problem+json');
          const domainWrites = writes.filter((r) => !BOOKKEEPING.has(r.tbl) && !(r.tbl === 'audit_log' && op.path === '/api/auth/login'));
          expect(domainWrites, `${label} committed rows: ${res.body.slice(0, 300)}`).toEqual([]);
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true, verbose: 1 },
    );
    // A record of what the run reached, to see that requests got past validation.
    process.stdout.write(`fuzz: ${RUNS} requests over ${operations.length} operations; statuses ${JSON.stringify(Object.fromEntries([...seen].sort()))}\n`);
  }, 15 * 60_000);
});
