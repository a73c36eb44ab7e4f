/**
 * Ticket issue and call-next over HTTP, at 16 and 64 concurrent clients, on embedded PGlite and on
 * the PostgreSQL server of DATABASE_URL (a throw-away database is created and dropped), with pgbench
 * running the very same SQL at the same concurrency.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:queue
 *   BENCH_SECONDS=5 (issue phase length) BENCH_ONLY=pglite|postgres BENCH_PHASES=issue,call BENCH_CALLS=1280
 *   BENCH_WAITS=1 samples pg_stat_activity every 50 ms during the HTTP phases on PostgreSQL and prints
 *   what the app's backends were waiting on (lock waits by relation, or CPU/IO), to profile contention.
 *
 * The pgbench scripts are not hand-written: the bench runs the service functions once through a
 * recording database handle and replays the statements they sent (parameters inlined; the fresh
 * tokens and the ids a statement returns become pgbench expressions and \gset variables).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { resolveDevice, resolveSession, sha256 } from '../src/identity/service.js';
import type { Db, Queryable } from '../src/platform/db.js';
import { SYSTEM_ACTOR, type Actor } from '../src/platform/auth.js';
import { callNext, ticketAction } from '../src/queue/console-service.js';
import { issueTicket } from '../src/queue/service.js';
import { KIOSK_TOKEN, httpClient, login, pgbench, prefillWaiting, prepareDb, startServer, summarize, type BenchDb } from './queue-support.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const LEVELS = [16, 64];
const CALLS_PER_LEVEL = Number(process.env.BENCH_CALLS ?? 1280);
const PHASES = new Set((process.env.BENCH_PHASES ?? 'issue,call').split(','));

interface Row {
  db: string;
  op: string;
  clients: number;
  rate: number;
  p50: number | string;
  p99: number | string;
  note: string;
}
const rows: Row[] = [];

async function issuePhase(base: string, mppId: string, serviceId: string, clients: number): Promise<void> {
  const client = httpClient(base, clients);
  const lat: number[] = [];
  let errors = 0;
  const start = performance.now();
  const end = start + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        const r = await client.request('POST', `/api/mpps/${mppId}/queue/tickets`, { authorization: `Bearer ${KIOSK_TOKEN}` }, { serviceId });
        if (r.status === 201) lat.push(performance.now() - t0);
        else errors++;
      }
    }),
  );
  client.close();
  const s = summarize(lat, performance.now() - start);
  rows.push({ db: '', op: 'issue ticket (HTTP)', clients, rate: s.perSecond, p50: s.p50.toFixed(1), p99: s.p99.toFixed(1), note: errors ? `${errors} errors` : '' });
}

async function callPhase(base: string, b: BenchDb, clients: number, staff: Record<string, string>): Promise<void> {
  const client = httpClient(base, clients);
  const m = b.callMpp;
  await Promise.all(m.counters.slice(0, clients).map((c) => client.request('POST', `/api/mpps/${m.mppId}/queue/counters/${c}/open`, staff)));
  const lat: number[] = [];
  let empty = 0;
  let errors = 0;
  const perClient = CALLS_PER_LEVEL / clients;
  const start = performance.now();
  await Promise.all(
    m.counters.slice(0, clients).map(async (c) => {
      for (let i = 0; i < perClient; i++) {
        const t0 = performance.now();
        const r = await client.request('POST', `/api/mpps/${m.mppId}/queue/counters/${c}/call-next`, staff);
        const t1 = performance.now();
        if (r.status !== 200) {
          errors++;
          continue;
        }
        const tk = JSON.parse(r.body).ticket;
        if (!tk) {
          empty++;
          continue;
        }
        lat.push(t1 - t0);
        await client.request('POST', `/api/mpps/${m.mppId}/queue/tickets/${tk.id}/no-show`, staff);
      }
    }),
  );
  const elapsed = performance.now() - start;
  client.close();
  const s = summarize(lat, elapsed);
  rows.push({
    db: '',
    op: 'call-next + no-show (HTTP)',
    clients,
    rate: Math.round((lat.length / elapsed) * 1000),
    p50: s.p50.toFixed(1),
    p99: s.p99.toFixed(1),
    note: [`p50/p99 of call-next alone`, empty ? `${empty} empty` : '', errors ? `${errors} errors` : ''].filter(Boolean).join('; '),
  });
}

/** The recorded issue statement replayed by `clients` concurrent callers for SECONDS on a direct handle (PGlite's baseline). */
async function minimalIssueInProcess(b: BenchDb, clients: number): Promise<{ perSecond: number; p50: number; p99: number }> {
  const db = await b.open();
  try {
    const log: Stmt[] = [];
    const rec: Db = { ...db, query: (sql, params = []) => (log.push({ sql, params }), db.query(sql, params)) };
    const actor: Actor = { type: 'device', id: null, label: 'bench', requestId: null };
    const first = await issueTicket(rec, b.issueMpp.mppId, 'kiosk', { serviceId: b.issueMpp.services.ktp }, { at: new Date(), actor });
    const stmt = log.find((s) => s.sql.includes('INSERT INTO queue_service_day'))!;
    const tokens = new Set<unknown>([first.statusToken, first.visitToken]);
    const lat: number[] = [];
    const start = performance.now();
    const end = start + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (performance.now() < end) {
          const t0 = performance.now();
          await db.query(stmt.sql, stmt.params.map((p) => (tokens.has(p) ? `${String(p)}${randomBytes(6).toString('hex')}` : p)));
          lat.push(performance.now() - t0);
        }
      }),
    );
    return summarize(lat, performance.now() - start);
  } finally {
    await db.close();
  }
}

// ---- What the app's backends wait on (BENCH_WAITS=1, PostgreSQL only) ------------------------------

/** Samples the benchmark database's active backends every 50 ms; returns a stop function printing the tally. */
function sampleWaits(url: string | null, label: string): () => Promise<void> {
  if (!url || !process.env.BENCH_WAITS) return async () => {};
  const c = new pg.Client({ connectionString: url });
  const tally = new Map<string, number>();
  let samples = 0;
  let running = true;
  const done = (async () => {
    await c.connect();
    while (running) {
      const { rows } = await c.query<{ what: string }>(
        `SELECT coalesce(a.wait_event_type || ':' || a.wait_event, 'CPU') ||
                coalesce(' on ' || (SELECT string_agg(DISTINCT coalesce(l.relation::regclass::text, l.locktype), ',') FROM pg_locks l
                                     WHERE l.pid = a.pid AND NOT l.granted), '') ||
                ' | ' || left(regexp_replace(a.query, '\\s+', ' ', 'g'), 60) AS what
           FROM pg_stat_activity a
          WHERE a.datname = current_database() AND a.pid <> pg_backend_pid() AND a.state = 'active'`,
      );
      samples++;
      for (const r of rows) tally.set(r.what, (tally.get(r.what) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 50));
    }
    await c.end();
  })();
  return async () => {
    running = false;
    await done;
    process.stderr.write(`\nWaits during ${label} (${samples} samples; backends active per sample, by what they waited on):\n`);
    for (const [what, n] of [...tally].sort((a, b) => b[1] - a[1]).slice(0, 15)) process.stderr.write(`  ${(n / samples).toFixed(2).padStart(6)}  ${what}\n`);
  };
}

// ---- Recording the SQL the services send -------------------------------------------------------

interface Stmt {
  sql: string;
  params: readonly unknown[];
}

function recording(db: Db): { db: Db; log: Stmt[] } {
  const log: Stmt[] = [];
  const wrap = (q: Queryable): Queryable => ({
    query: (sql, params = []) => {
      log.push({ sql, params });
      return q.query(sql, params);
    },
    exec: (sql) => q.exec(sql),
  });
  const outer = wrap(db);
  return {
    log,
    db: {
      ...db,
      query: outer.query,
      transaction: (fn) => {
        log.push({ sql: 'BEGIN', params: [] });
        return db.transaction((tx) => fn(wrap(tx))).then((r) => {
          log.push({ sql: 'COMMIT', params: [] });
          return r;
        });
      },
    },
  };
}

const literal = (v: unknown): string => {
  if (v === null || v === undefined) return 'NULL';
  if (v instanceof Date) return `'${v.toISOString()}'`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `'{${v.map((x) => `"${String(x).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}'`;
  let text = String(v);
  // pgbench reads ":name" as a variable even inside quotes: give JSON a space after its colons.
  if (/^[[{]/.test(text)) {
    try {
      text = JSON.stringify(JSON.parse(text), null, 1);
    } catch {
      // not JSON
    }
  }
  return `'${text.replace(/'/g, "''")}'`;
};

/** Inlines parameters; `subst` maps a literal value to a pgbench expression. */
function toScript(log: Stmt[], subst: Map<string, string>, gset: Map<number, string>): string {
  return log
    .map((s, i) => {
      let sql = s.sql.replace(/\$(\d+)/g, (_, n: string) => {
        const v = s.params[Number(n) - 1];
        const lit = literal(v);
        return subst.get(lit) ?? lit;
      });
      sql = sql.replace(/\s*\n\s*/g, ' ').trim();
      const g = gset.get(i);
      // A data-modifying statement cannot be wrapped: its RETURNING columns are \gset as they are.
      if (g === 'raw') return `${sql} \\gset`;
      return g ? `SELECT ${g} FROM (${sql}) AS x \\gset` : `${sql};`;
    })
    .join('\n');
}

interface Scripts {
  issue: string;
  call: string;
  /** The issue statement alone (bump the service's quota and number rows, insert visit, ticket and event). */
  issueMinimal: string;
  /**
   * The minimal call-next + no-show pair, what one HTTP iteration must write: call-next's claim and its
   * 'called' event in one transaction, then the no-show's status update and its event in another. (A
   * claim alone cannot be repeated: the counter still holds the called ticket; before 2026-12-01 the
   * script was the claim alone and pgbench aborted every client after its first transaction.)
   */
  callMinimal: string;
}

async function recordScripts(b: BenchDb, staffUserId: string): Promise<Scripts> {
  const db = await b.open();
  const actor: Actor = { type: 'device', id: null, label: 'bench', requestId: null };
  // Issue, as the route does it: resolve the kiosk token, then issue.
  const rec = recording(db);
  // Once to warm what a running server keeps in memory (hours: src/catalog/hours-cache.ts), then recorded.
  await issueTicket(rec.db, b.issueMpp.mppId, 'kiosk', { serviceId: b.issueMpp.services.ktp }, { at: new Date(), actor });
  rec.log.length = 0;
  await resolveDevice(rec.db, KIOSK_TOKEN);
  const ticket = await issueTicket(rec.db, b.issueMpp.mppId, 'kiosk', { serviceId: b.issueMpp.services.ktp }, { at: new Date(), actor });
  const { rows: tRows } = await db.query<{ id: string; visit_id: string }>('SELECT id, visit_id FROM tickets WHERE status_token = $1', [ticket.statusToken]);
  const t = tRows[0]!;
  const subst = new Map<string, string>([
    [literal(ticket.statusToken), 'md5(random()::text)'],
    [literal(ticket.visitToken), 'md5(random()::text)'],
    [literal(t.id), ':id::uuid'],
    [literal(t.visit_id), ':vid::uuid'],
  ]);
  const insertIdx = rec.log.findIndex((s) => s.sql.includes('INSERT INTO queue_service_day'));
  // A read-back of the new ticket (main before issue 17 sent one) gives the visit id to the next statements.
  const firstRead = rec.log.findIndex((s, i) => i > insertIdx && s.sql.includes('v.token AS visit_token'));
  const issue = toScript(rec.log, subst, new Map([[insertIdx, 'raw'], ...(firstRead >= 0 ? [[firstRead, 'visit_id AS vid'] as [number, string]] : [])]));
  const issueMinimal = toScript([rec.log[insertIdx]!], subst, new Map([[0, 'raw']]));

  // Call-next then no-show, as an officer at the counter numbered :client_id + 1.
  const token = randomBytes(16).toString('hex');
  await db.query("INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, 'x', now() + interval '1 day')", [sha256(token), staffUserId]);
  const session = await resolveSession(db, token);
  const principal = session!.principal;
  await prefillWaiting(db, b.callMpp, 1, 'RC');
  const counter = b.callMpp.counters[0]!;
  await db.query("INSERT INTO queue_counter_state (mpp_id, counter_id, status) VALUES ($1, $2, 'open') ON CONFLICT (mpp_id, counter_id) DO UPDATE SET status = 'open'", [b.callMpp.mppId, counter]);
  const crec = recording(db);
  await resolveSession(crec.db, token);
  const officer = { principal, actor: { ...SYSTEM_ACTOR, type: 'user' as const, id: staffUserId }, lang: 'id' as const };
  const called = await callNext({ ...officer, db: crec.db, now: new Date() }, { mppId: b.callMpp.mppId, counterId: counter });
  await resolveSession(crec.db, token);
  await ticketAction({ ...officer, db: crec.db, now: new Date() }, { mppId: b.callMpp.mppId, ticketId: called!.id, action: 'no_show' });
  const csubst = new Map<string, string>([
    [literal(counter), ':cid::uuid'],
    [literal(called!.id), ':id::uuid'],
  ]);
  const claimIdx = crec.log.findIndex((s) => s.sql.includes('WITH pick AS'));
  const counterOfClient = `SELECT id AS cid FROM counters WHERE mpp_id = '${b.callMpp.mppId}' AND number = (:client_id)::int + 1 \\gset\n`;
  const call = `${counterOfClient}${toScript(crec.log, csubst, new Map([[claimIdx, 'raw']]))}`;
  if (claimIdx < 0) throw new Error('the recorded call-next statements were not found');
  const callMinimal = `${counterOfClient}${minimalCallPair({ mppId: b.callMpp.mppId, userId: staffUserId, localDay: await localDay(db, b.callMpp.mppId), at: new Date() })}`;
  await db.close();
  return { issue, call, issueMinimal, callMinimal };
}

async function localDay(db: Db, mppId: string): Promise<string> {
  const { rows } = await db.query<{ d: string }>("SELECT ((now() AT TIME ZONE timezone)::date)::text AS d FROM mpps WHERE id = $1", [mppId]);
  return rows[0]!.d;
}

/**
 * The minimal call-next + no-show pair, written out rather than recorded (since issue 17 the service
 * claims, writes the event and reads the ticket in one statement, so its recording is no longer the
 * minimum): the claim as call-next orders it (the same candidates and score as counter-repository's
 * claim) returning only the id, its 'called' event, commit; then the no-show's status update and event,
 * commit. What any implementation of one HTTP iteration must write, with nothing read back.
 */
function minimalCallPair(p: { mppId: string; userId: string; localDay: string; at: Date }): string {
  const [mpp, day, at, uid] = [`'${p.mppId}'`, `'${p.localDay}'::date`, `'${p.at.toISOString()}'::timestamptz`, `'${p.userId}'`];
  const event = (type: string) =>
    `INSERT INTO ticket_events (mpp_id, ticket_id, type, at, actor_type, actor_id, counter_id, service_id) VALUES (${mpp}, :id::uuid, '${type}', ${at}, 'user', ${uid}, :cid::uuid, :sid::uuid);`;
  return [
    'BEGIN;',
    `WITH pick AS (SELECT t.id FROM tickets t LEFT JOIN counter_services cs ON cs.mpp_id = t.mpp_id AND cs.counter_id = :cid::uuid AND cs.service_id = t.service_id
       WHERE t.mpp_id = ${mpp} AND t.status = 'waiting' AND t.local_day = ${day}
         AND (t.target_counter_id = :cid::uuid OR (t.target_counter_id IS NULL AND cs.counter_id IS NOT NULL
              AND t.lane IS NOT DISTINCT FROM (SELECT z.code FROM queue_counter_state st JOIN queue_zones z ON z.mpp_id = st.mpp_id AND z.code = st.zone
                                                WHERE st.mpp_id = ${mpp} AND st.counter_id = :cid::uuid AND z.kind = 'drive_thru')))
       ORDER BY (t.target_counter_id IS NOT NULL) DESC,
         (extract(epoch FROM (${at} - coalesce(t.booked_for, t.queued_at))) * coalesce(cs.weight, 1) + t.priority_weight * 60) DESC, t.rank_at, t.seq, t.id
       LIMIT 1 FOR UPDATE OF t SKIP LOCKED)
     UPDATE tickets SET status = 'called', counter_id = :cid::uuid, target_counter_id = NULL, called_at = ${at}, recall_count = 0, updated_at = ${at}
       FROM pick WHERE tickets.mpp_id = ${mpp} AND tickets.id = pick.id AND tickets.status = 'waiting'
     RETURNING tickets.id, tickets.service_id AS sid`.replace(/\s*\n\s*/g, ' ') + ' \\gset',
    event('called'),
    'COMMIT;',
    'BEGIN;',
    `UPDATE tickets SET status = 'no_show', updated_at = ${at} WHERE mpp_id = ${mpp} AND id = :id::uuid AND status = 'called';`,
    event('no_show'),
    'COMMIT;',
  ].join('\n');
}

const pgbenchNote = (r: { failed: number; aborted: string | null }): string => [r.failed ? `${r.failed} failed` : '', r.aborted ?? ''].filter(Boolean).join('; ');

// ---- The run -------------------------------------------------------------------------------------

async function runBackend(kind: 'pglite' | 'postgres', port: number): Promise<void> {
  const b = await prepareDb(kind);
  const note = (from: number) => rows.slice(from).forEach((r) => (r.db = kind === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL 15'));
  const from = rows.length;
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    let scripts: Scripts | null = null;
    if (kind === 'postgres') scripts = await recordScripts(b, b.callMpp.officerUserId);
    server = await startServer(b.env, port);
    const staff = await login(server.url, b.callMpp.officerEmail);
    for (const c of PHASES.has('issue') ? LEVELS : []) {
      const stopWaits = sampleWaits(b.url, `issue, ${c} clients`);
      await issuePhase(server.url, b.issueMpp.mppId, b.issueMpp.services.ktp, c);
      await stopWaits();
      if (kind === 'pglite') {
        // pgbench cannot reach the embedded database: the baseline is the minimal issue statement run
        // in one process on the same data directory, at the same concurrency, right after.
        await server.stop();
        const m = await minimalIssueInProcess(b, c);
        server = await startServer(b.env, port);
        const http = rows.at(-1)!;
        rows.push({ db: '', op: 'issue ticket (in process, minimal issue statement)', clients: c, rate: m.perSecond, p50: m.p50.toFixed(1), p99: m.p99.toFixed(1), note: `HTTP = ${(http.rate / m.perSecond).toFixed(2)}x` });
      }
      if (scripts) {
        const r = await pgbench(b.url!, scripts.issue, c, { seconds: SECONDS });
        rows.push({ db: '', op: 'issue ticket (pgbench, same SQL)', clients: c, rate: Math.round(r.tps), p50: `avg ${r.latencyAvgMs.toFixed(1)}`, p99: '-', note: pgbenchNote(r) });
        const m = await pgbench(b.url!, scripts.issueMinimal, c, { seconds: SECONDS });
        rows.push({ db: '', op: 'issue ticket (pgbench, minimal issue statement)', clients: c, rate: Math.round(m.tps), p50: `avg ${m.latencyAvgMs.toFixed(1)}`, p99: '-', note: [`HTTP = ${(rows.at(-2)!.rate / m.tps).toFixed(2)}x`, pgbenchNote(m)].filter(Boolean).join('; ') });
      }
    }
    for (const c of PHASES.has('call') ? LEVELS : []) {
      if (kind === 'pglite') {
        // The embedded database is the server's alone: stop it to put tickets in line, then restart.
        await server.stop();
        const db = await b.open();
        await prefillWaiting(db, b.callMpp, CALLS_PER_LEVEL + 50, `H${c}`);
        await db.close();
        server = await startServer(b.env, port);
      } else {
        const db = await b.open();
        await prefillWaiting(db, b.callMpp, CALLS_PER_LEVEL + 50, `H${c}`);
        await db.close();
      }
      const stopWaits = sampleWaits(b.url, `call-next + no-show, ${c} clients`);
      await callPhase(server.url, b, c, await login(server.url, b.callMpp.officerEmail));
      await stopWaits();
      if (scripts) {
        const db = await b.open();
        await db.query("UPDATE tickets SET status = 'no_show' WHERE mpp_id = $1 AND status = 'waiting'", [b.callMpp.mppId]);
        await prefillWaiting(db, b.callMpp, CALLS_PER_LEVEL + 50, `G${c}`);
        await db.close();
        const r = await pgbench(b.url!, scripts.call, c, { transactions: CALLS_PER_LEVEL / c });
        rows.push({ db: '', op: 'call-next + no-show (pgbench, same SQL)', clients: c, rate: Math.round(r.tps), p50: `avg ${r.latencyAvgMs.toFixed(1)}`, p99: '-', note: pgbenchNote(r) });
        const db2 = await b.open();
        await db2.query("UPDATE tickets SET status = 'no_show' WHERE mpp_id = $1 AND status IN ('waiting', 'called')", [b.callMpp.mppId]);
        await prefillWaiting(db2, b.callMpp, CALLS_PER_LEVEL + 50, `M${c}`);
        await db2.close();
        const m = await pgbench(b.url!, scripts.callMinimal, c, { transactions: CALLS_PER_LEVEL / c });
        const http = rows.find((x) => x.op.startsWith('call-next + no-show (HTTP)') && x.clients === c && x.db === '')!;
        rows.push({ db: '', op: 'call-next + no-show (pgbench, minimal pair written out)', clients: c, rate: Math.round(m.tps), p50: `avg ${m.latencyAvgMs.toFixed(1)}`, p99: '-', note: [`HTTP = ${(http.rate / m.tps).toFixed(2)}x`, pgbenchNote(m)].filter(Boolean).join('; ') });
      }
      const db = kind === 'postgres' ? await b.open() : null;
      if (db) {
        // The minimal call script leaves its tickets called at the counters: clear them for the next level.
        await db.query("UPDATE tickets SET status = 'no_show' WHERE mpp_id = $1 AND status IN ('waiting', 'called')", [b.callMpp.mppId]);
        await db.close();
      }
    }
    void staff;
  } finally {
    await server?.stop();
    note(from);
    await b.drop();
  }
}

const only = process.env.BENCH_ONLY;
if (only !== 'postgres') await runBackend('pglite', 3202);
if (only !== 'pglite') {
  if (process.env.DATABASE_URL) await runBackend('postgres', 3203);
  else process.stderr.write('DATABASE_URL not set: PostgreSQL run skipped.\n');
}

process.stdout.write(`\nQueue over HTTP (${SECONDS} s issue phases, ${CALLS_PER_LEVEL} calls per level), ${new Date().toISOString()}\n\n`);
process.stdout.write('| database | operation | clients | per second | p50 ms | p99 ms | note |\n|---|---|---|---|---|---|---|\n');
for (const r of rows) process.stdout.write(`| ${r.db} | ${r.op} | ${r.clients} | ${r.rate} | ${r.p50} | ${r.p99} | ${r.note} |\n`);
