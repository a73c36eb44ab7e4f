/**
 * Ticket issue on embedded PGlite, in process (issue 17: "on PGlite, report the same"): pgbench
 * cannot talk to PGlite, so the baseline is the same process running the minimal issue statement
 * (the recorded issue CTE: quota and number rows, visit, ticket, event) at the same concurrency, on the
 * same database, in the same run. Then `issueTicket` (the service the kiosk route calls) with every
 * statement it sends timed, to show where an issue's time goes.
 *
 *   npx tsx bench/queue-pglite.ts            (BENCH_ISSUES=400 per phase, BENCH_CLIENTS=16)
 */
import os from 'node:os';
import type { Db, Queryable } from '../src/platform/db.js';
import type { Actor } from '../src/platform/auth.js';
import { issueTicket } from '../src/queue/service.js';
import { prepareDb, summarize } from './queue-support.js';

const ISSUES = Number(process.env.BENCH_ISSUES ?? 400);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16);
const actor: Actor = { type: 'device', id: null, label: 'bench', requestId: null };

interface Timing {
  n: number;
  ms: number;
}

/** A Db whose every statement (inside transactions too) is timed by its first words. */
function timed(db: Db): { db: Db; times: Map<string, Timing> } {
  const times = new Map<string, Timing>();
  const wrap = (q: Queryable): Queryable => ({
    async query(sql, params) {
      const t0 = performance.now();
      try {
        return await q.query(sql, params);
      } finally {
        const key = sql.replace(/\s+/g, ' ').trim().slice(0, 70);
        const t = times.get(key) ?? { n: 0, ms: 0 };
        t.n++;
        t.ms += performance.now() - t0;
        times.set(key, t);
      }
    },
    exec: (sql) => q.exec(sql),
  });
  const outer = wrap(db);
  return { times, db: { ...db, query: outer.query, transaction: (fn) => db.transaction((tx) => fn(wrap(tx))) } };
}

async function run(clients: number, total: number, one: () => Promise<unknown>): Promise<{ perSecond: number; p50: number; p99: number }> {
  const lat: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next++ < total) {
        const t0 = performance.now();
        await one();
        lat.push(performance.now() - t0);
      }
    }),
  );
  return summarize(lat, performance.now() - start);
}

const b = await prepareDb('pglite');
const db = await b.open();
try {
  const m = b.issueMpp;
  process.stdout.write(`load average before: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
  // Record the issue statement once, then replay it as the baseline.
  const rec: { sql: string; params: readonly unknown[] }[] = [];
  const recording: Db = { ...db, query: (sql, params = []) => (rec.push({ sql, params }), db.query(sql, params)), transaction: (fn) => db.transaction(fn) };
  const first = await issueTicket(recording, m.mppId, 'kiosk', { serviceId: m.services.ktp }, { at: new Date(), actor });
  const stmt = rec.find((s) => s.sql.includes('INSERT INTO queue_service_day'));
  if (!stmt) throw new Error('issue statement not recorded');
  // Fresh visit and status tokens for every replay (they are unique); everything else as recorded.
  const tokens = new Set<unknown>([first.statusToken, first.visitToken]);
  const fresh = () => stmt.params.map((p) => (tokens.has(p) ? `${String(p)}${Math.random().toString(36).slice(2)}` : p));
  const rows: string[] = [];
  for (let round = 0; round < 2; round++) {
    const minimal = await run(CLIENTS, ISSUES, () => db.query(stmt.sql, fresh()));
    const t = timed(db);
    const service = await run(CLIENTS, ISSUES, () => issueTicket(t.db, m.mppId, 'kiosk', { serviceId: m.services.ktp }, { at: new Date(), actor }));
    rows.push(`| ${round + 1} | minimal issue statement | ${CLIENTS} | ${minimal.perSecond} | ${minimal.p50.toFixed(1)} | ${minimal.p99.toFixed(1)} |`);
    rows.push(`| ${round + 1} | issueTicket (the kiosk route's service) | ${CLIENTS} | ${service.perSecond} | ${service.p50.toFixed(1)} | ${service.p99.toFixed(1)} | ${(service.perSecond / minimal.perSecond).toFixed(2)}x |`);
    if (round === 1) {
      process.stdout.write(`\nStatements of issueTicket (round 2, ${ISSUES} issues): total ms, count, mean ms\n`);
      for (const [sql, v] of [...t.times].sort((a, b2) => b2[1].ms - a[1].ms)) process.stdout.write(`  ${v.ms.toFixed(0).padStart(7)} ${String(v.n).padStart(5)} ${(v.ms / v.n).toFixed(2).padStart(7)}  ${sql}\n`);
    }
  }
  process.stdout.write(`\n| round | PGlite, in process | clients | per second | p50 ms | p99 ms | vs minimal |\n|---|---|---|---|---|---|---|\n${rows.join('\n')}\n`);
  process.stdout.write(`load average after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
} finally {
  await db.close();
  await b.drop();
}
