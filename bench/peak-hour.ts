/**
 * The nation's peak hour on one app node, replayed open-loop (issue 17, target 3).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres BENCH_SCALE=0.1 BENCH_SECONDS=60 npx tsx bench/peak-hour.ts
 *   BENCH_SCALE=0.1,0.25,0.5,1 runs the load levels one after another on the same database.
 *
 * Builds a throw-away database on the server: 514 MPPs (one per kabupaten/kota of the regions table),
 * each with the demo catalog (src/demo/data.ts: 25 agencies, 159 services, counters as the demo gives
 * them), open around the clock, every counter open, and ~39 tickets already waiting per MPP. Then,
 * at BENCH_SCALE of the national peak, for BENCH_SECONDS:
 *   - tickets issued at kiosks: 600 an hour per MPP (Poisson arrivals), each followed by call-next at a
 *     free counter of its agency, start 0.5 s later and finish 2 s later (4 transitions a ticket:
 *     ~343 a second at full load);
 *   - 2,000 display boards and 20,000 ticket-status streams (phones) connected over SSE, spread over
 *     the MPPs, following the waiting tickets;
 *   - citizen service searches (`/api/public/search`, the labelled queries of bench/search-queries.ts)
 *     at one per ticket issued, and kiosk offer reads (the services screen) at one per ticket issued.
 * Requests are sent on schedule whether or not earlier ones have answered (open loop); a request
 * still unanswered when the run ends counts as not achieved. Reported: offered and achieved rate,
 * p50/p99 per operation, and the CPU time of the app process and of its PostgreSQL backends per
 * operation and as a share of one core. Bookings are not replayed (see docs/benchmarks.md).
 */
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sha256 } from '../src/identity/service.js';
import { TENANTS, demoCounterCount } from '../src/demo/data.js';
import { postgresDb } from '../src/platform/db.js';
import { migrate } from '../src/platform/migrate.js';
import { cpuBetween, cpuSeconds, percentile, postgresBackendPids, startServer } from './queue-support.js';
import { ALWAYS_OPEN } from './queue-seed.js';
import { QUERIES } from './search-queries.js';

const SCALES = (process.env.BENCH_SCALE ?? '0.1').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const MPPS = 514;
const TICKETS_PER_HOUR = 600;
const BOARDS = 2000;
const PHONES = 20_000;
const WAITING_PER_MPP = 39;
const BASE = process.env.DATABASE_URL;
if (!BASE) throw new Error('DATABASE_URL is required');

interface Mpp {
  id: string;
  kiosk: string;
  display: string;
  cookie: Record<string, string>;
  /** Agency -> its services and free counters. */
  tenants: { services: string[]; free: string[]; backlog: number }[];
  tokens: string[];
}

async function seed(url: string): Promise<Mpp[]> {
  // The bulk inserts of the seed (82,000 services) outlast the app's 30 s statement timeout on a busy machine.
  const db = postgresDb(url, { poolSize: 2, statementTimeoutMs: 600_000 });
  await migrate(db);
  await db.query(
    `INSERT INTO mpps (slug, name, timezone, region_code, published, weekly_hours)
     SELECT 'mpp-' || replace(code, '.', '-'), 'MPP ' || name, timezone, code, true, $1 FROM regions WHERE level = 'regency' ORDER BY code LIMIT ${MPPS}`,
    [JSON.stringify(ALWAYS_OPEN)],
  );
  const catalog = TENANTS.map((t, i) => ({ ord: i, code: t.code, kind: t.kind, name: t.name, prefix: t.prefix, counters: demoCounterCount(t.services.length), services: t.services.map((s) => s[0]) }));
  await db.query(`INSERT INTO tenants (mpp_id, code, name, kind) SELECT m.id, t.code, t.name, t.kind FROM mpps m, jsonb_to_recordset($1) AS t(code text, name text, kind text)`, [JSON.stringify(catalog)]);
  await db.query(
    `INSERT INTO services (mpp_id, tenant_id, code, name, ticket_prefix, search_text)
     SELECT tn.mpp_id, tn.id, t.code || '-' || lpad(s.n::text, 2, '0'), s.name, t.prefix,
            lower(regexp_replace(s.name || ' ' || tn.name, '[^A-Za-z0-9]+', ' ', 'g'))
       FROM jsonb_to_recordset($1) AS t(code text, prefix text, services jsonb)
       JOIN tenants tn ON tn.code = t.code,
       LATERAL jsonb_array_elements_text(t.services) WITH ORDINALITY AS s(name, n)`,
    [JSON.stringify(catalog)],
  );
  await db.query(
    `INSERT INTO counters (mpp_id, tenant_id, number, name)
     SELECT tn.mpp_id, tn.id, t.ord * 10 + k, 'Loket ' || t.code || ' ' || k
       FROM jsonb_to_recordset($1) AS t(ord int, code text, counters int) JOIN tenants tn ON tn.code = t.code, generate_series(1, t.counters) k`,
    [JSON.stringify(catalog)],
  );
  await db.query('INSERT INTO counter_services (mpp_id, counter_id, service_id) SELECT c.mpp_id, c.id, s.id FROM counters c JOIN services s ON s.mpp_id = c.mpp_id AND s.tenant_id = c.tenant_id');
  await db.query("INSERT INTO queue_counter_state (mpp_id, counter_id, status) SELECT mpp_id, id, 'open' FROM counters");
  // Tickets already waiting (spread over each MPP's services), for the phones to follow.
  await db.query(
    `WITH pick AS (SELECT s.mpp_id, s.id AS service_id, s.tenant_id, s.ticket_prefix, g, row_number() OVER (PARTITION BY s.mpp_id ORDER BY g, s.id) AS n
                     FROM services s, generate_series(1, 3) g),
          w AS (SELECT * FROM pick WHERE n <= ${WAITING_PER_MPP}),
          v AS (INSERT INTO visits (mpp_id, token, created_at) SELECT mpp_id, md5(random()::text || mpp_id || n), now() FROM w RETURNING id, mpp_id, token),
          vn AS (SELECT id, mpp_id, row_number() OVER (PARTITION BY mpp_id ORDER BY token) AS n FROM v)
     INSERT INTO tickets (mpp_id, visit_id, service_id, tenant_id, prefix, seq, number, local_day, channel, status, priority_weight, issued_at, rank_at, queued_at, status_token, updated_at)
     SELECT w.mpp_id, vn.id, w.service_id, w.tenant_id, 'ZZ', w.n, 'ZZ-' || w.n, (now() AT TIME ZONE m.timezone)::date, 'kiosk', 'waiting', 0,
            now() - interval '10 minutes', now() - interval '10 minutes', now() - interval '10 minutes', md5(random()::text || vn.id), now()
       FROM w JOIN vn ON vn.mpp_id = w.mpp_id AND vn.n = w.n JOIN mpps m ON m.id = w.mpp_id`,
  );
  const { rows: userRows } = await db.query<{ id: string }>("INSERT INTO users (email, name, password_hash) SELECT 'admin.' || slug || '@bench.layan', 'Admin ' || name, 'x' FROM mpps RETURNING id");
  void userRows;
  await db.query("INSERT INTO role_grants (user_id, role, mpp_id) SELECT u.id, 'mpp_admin', m.id FROM users u JOIN mpps m ON u.email = 'admin.' || m.slug || '@bench.layan'");
  const mpps: Mpp[] = [];
  const { rows } = await db.query<{ id: string; slug: string; user_id: string }>("SELECT m.id, m.slug, u.id AS user_id FROM mpps m JOIN users u ON u.email = 'admin.' || m.slug || '@bench.layan' ORDER BY m.slug");
  const { rows: counters } = await db.query<{ mpp_id: string; tenant_id: string; id: string }>('SELECT mpp_id, tenant_id, id FROM counters');
  const { rows: services } = await db.query<{ mpp_id: string; tenant_id: string; id: string }>('SELECT mpp_id, tenant_id, id FROM services');
  const { rows: waiting } = await db.query<{ mpp_id: string; status_token: string }>("SELECT mpp_id, status_token FROM tickets WHERE status = 'waiting'");
  for (const r of rows) {
    const kiosk = `kiosk_${randomBytes(16).toString('hex')}`;
    const display = `display_${randomBytes(16).toString('hex')}`;
    const session = randomBytes(24).toString('hex');
    await db.query("INSERT INTO device_tokens (mpp_id, kind, name, token_hash) VALUES ($1, 'kiosk', 'bench kiosk', $2), ($1, 'display', 'bench board', $3)", [r.id, sha256(kiosk), sha256(display)]);
    await db.query("INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, 'csrf-bench', now() + interval '1 day')", [sha256(session), r.user_id]);
    const byTenant = new Map<string, { services: string[]; free: string[]; backlog: number }>();
    for (const s of services.filter((x) => x.mpp_id === r.id)) {
      if (!byTenant.has(s.tenant_id)) byTenant.set(s.tenant_id, { services: [], free: [], backlog: 0 });
      byTenant.get(s.tenant_id)!.services.push(s.id);
    }
    for (const c of counters.filter((x) => x.mpp_id === r.id)) byTenant.get(c.tenant_id)?.free.push(c.id);
    mpps.push({
      id: r.id,
      kiosk,
      display,
      cookie: { cookie: `layan_session=${session}`, 'x-csrf-token': 'csrf-bench' },
      tenants: [...byTenant.values()].filter((t) => t.free.length > 0),
      tokens: waiting.filter((w) => w.mpp_id === r.id).map((w) => w.status_token),
    });
  }
  await db.query('VACUUM ANALYZE');
  await db.close();
  return mpps;
}

type Op = 'issue' | 'call-next' | 'start' | 'finish' | 'search' | 'kiosk offer';

async function run(serverUrl: string, url: string, pid: number, mpps: Mpp[], scale: number) {
  const u = new URL(serverUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  const streamAgent = new http.Agent({ keepAlive: true, maxSockets: 100_000 });
  const lat = new Map<Op, number[]>();
  const offered = new Map<Op, number>();
  const failed = new Map<Op, number>();
  const failures = new Map<string, number>();
  let open = 0;
  const send = (op: Op, method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<{ status: number; body: string } | null> => {
    offered.set(op, (offered.get(op) ?? 0) + 1);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const t0 = performance.now();
    open++;
    return new Promise((resolve) => {
      const req = http.request({ agent, host: u.hostname, port: u.port, method, path, headers: { ...headers, ...(payload ? { 'content-type': 'application/json' } : {}) } }, (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (data += c));
        res.on('end', () => {
          open--;
          if (res.statusCode! < 300) {
            const list = lat.get(op) ?? [];
            list.push(performance.now() - t0);
            lat.set(op, list);
          } else {
            failed.set(op, (failed.get(op) ?? 0) + 1);
            const key = `${op} ${res.statusCode} ${/"code":"([a-z_]+)"/.exec(data)?.[1] ?? ''}`;
            failures.set(key, (failures.get(key) ?? 0) + 1);
          }
          resolve({ status: res.statusCode!, body: data });
        });
      });
      req.on('error', () => {
        open--;
        failed.set(op, (failed.get(op) ?? 0) + 1);
        resolve(null);
      });
      if (payload) req.write(payload);
      req.end();
    });
  };

  // Live streams: boards and phones, spread over the MPPs.
  const streams: http.ClientRequest[] = [];
  let events = 0;
  const connect = (path: string, headers: Record<string, string>) =>
    new Promise<void>((resolve) => {
      const req = http.request({ agent: streamAgent, host: u.hostname, port: u.port, path, headers: { ...headers, accept: 'text/event-stream' } }, (res) => {
        resolve();
        res.on('data', (chunk: Buffer) => {
          for (let i = chunk.indexOf('event: '); i >= 0; i = chunk.indexOf('event: ', i + 1)) events++;
        });
      });
      req.on('error', () => resolve());
      req.end();
      streams.push(req);
    });
  const boards = Math.round(BOARDS * scale);
  const phones = Math.round(PHONES * scale);
  const pending: Promise<void>[] = [];
  for (let i = 0; i < boards; i++) {
    const m = mpps[i % mpps.length]!;
    pending.push(connect(`/api/mpps/${m.id}/queue/display/events`, { authorization: `Bearer ${m.display}` }));
    if (pending.length >= 100) await Promise.all(pending.splice(0));
  }
  for (let i = 0; i < phones; i++) {
    const m = mpps[i % mpps.length]!;
    pending.push(connect(`/api/queue/status/${m.tokens[Math.floor(i / mpps.length) % m.tokens.length]}/events`, {}));
    if (pending.length >= 100) await Promise.all(pending.splice(0));
  }
  await Promise.all(pending);
  await new Promise((r) => setTimeout(r, 2000));
  const eventsBefore = events;

  // The ticket life: call-next at a free counter of its agency, start, finish, counter free again.
  const serveNext = (m: Mpp, t: Mpp['tenants'][number]) => {
    const counter = t.free.pop();
    if (!counter) {
      t.backlog++;
      return;
    }
    void (async () => {
      const r = await send('call-next', 'POST', `/api/mpps/${m.id}/queue/counters/${counter}/call-next`, m.cookie);
      const ticket = r && r.status === 200 ? (JSON.parse(r.body) as { ticket: { id: string } | null }).ticket : null;
      if (ticket) {
        await new Promise((res) => setTimeout(res, 500));
        await send('start', 'POST', `/api/mpps/${m.id}/queue/tickets/${ticket.id}/start`, m.cookie);
        await new Promise((res) => setTimeout(res, 2000));
        await send('finish', 'POST', `/api/mpps/${m.id}/queue/tickets/${ticket.id}/finish`, m.cookie, {});
      }
      t.free.push(counter);
      if (t.backlog > 0 && running) {
        t.backlog--;
        serveNext(m, t);
      }
    })();
  };

  const perSecond = (MPPS * TICKETS_PER_HOUR * scale) / 3600;
  const pids = [pid, ...(await postgresBackendPids(url))];
  const cpu0 = cpuSeconds(pids);
  const wall0 = performance.now();
  let running = true;
  const end = wall0 + SECONDS * 1000;
  let next = wall0;
  const timers: Promise<unknown>[] = [];
  while (next < end) {
    next += (-Math.log(1 - Math.random()) / perSecond) * 1000;
    const wait = next - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const m = mpps[Math.floor(Math.random() * mpps.length)]!;
    const t = m.tenants[Math.floor(Math.random() * m.tenants.length)]!;
    const service = t.services[Math.floor(Math.random() * t.services.length)]!;
    timers.push(
      send('issue', 'POST', `/api/mpps/${m.id}/queue/tickets`, { authorization: `Bearer ${m.kiosk}` }, { serviceId: service }).then((r) => {
        if (r && r.status === 201) setTimeout(() => running && serveNext(m, t), 1000);
      }),
    );
    timers.push(send('search', 'GET', `/api/public/search?q=${encodeURIComponent(QUERIES[Math.floor(Math.random() * QUERIES.length)]!.q)}`, {}));
    timers.push(send('kiosk offer', 'GET', `/api/mpps/${m.id}/queue/offer`, { authorization: `Bearer ${m.kiosk}` }));
  }
  const wall = (performance.now() - wall0) / 1000;
  const cpu1 = cpuSeconds([...pids, ...(await postgresBackendPids(url))]);
  running = false;
  const unanswered = open;
  // What answered within the window; later answers (and the server stopping) do not count.
  const copy = <K, V>(m: Map<K, V[]>) => new Map([...m].map(([k, v]) => [k, [...v]]));
  const window = { lat: copy(lat), offered: new Map(offered), failed: new Map(failed), failures: new Map(failures) };
  const eventsDuring = events - eventsBefore;
  // Let what is in flight finish before closing, so the next level starts clean.
  await Promise.race([Promise.all(timers), new Promise((r) => setTimeout(r, 10_000))]);
  for (const s of streams) s.destroy();
  streamAgent.destroy();
  agent.destroy();
  const appCpu = cpuBetween(new Map([[pid, cpu0.get(pid) ?? 0]]), new Map([[pid, cpu1.get(pid) ?? 0]]));
  const allCpu = cpuBetween(cpu0, cpu1);
  const ops = [...window.lat.values()].reduce((n, l) => n + l.length, 0);
  return { scale, wall, boards, phones, ...window, unanswered, appCpu, dbCpu: allCpu - appCpu, ops, eventsDuring };
}

const admin = new pg.Client({ connectionString: BASE });
await admin.connect();
const name = `layan_peak_${randomBytes(4).toString('hex')}`;
await admin.query(`CREATE DATABASE ${name}`);
const dbUrl = new URL(BASE);
dbUrl.pathname = `/${name}`;
const url = dbUrl.toString();
let server: Awaited<ReturnType<typeof startServer>> | undefined;
try {
  const t0 = performance.now();
  const mpps = await seed(url);
  process.stderr.write(`seeded ${mpps.length} MPPs in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  for (const scale of SCALES) {
    server = await startServer({ DATABASE_URL: url, DATA_DIR: '/tmp/layan-peak-unused', SSE_MAX_PER_ADDRESS: '100000', LAYAN_DEMO: '0' }, 3205);
    const r = await run(server.url, url, server.child.pid!, mpps, scale);
    await server.stop();
    server = undefined;
    const load = (await import('node:os')).loadavg()[0]!.toFixed(1);
    process.stdout.write(
      `\nPeak hour at ${(scale * 100).toFixed(0)} % (${r.boards} boards, ${r.phones} phones, ${r.wall.toFixed(0)} s, load average ${load}), ${new Date().toISOString()}\n\n`,
    );
    process.stdout.write('| operation | offered /s | achieved /s | failed | p50 ms | p99 ms |\n|---|---|---|---|---|---|\n');
    for (const op of ['issue', 'call-next', 'start', 'finish', 'search', 'kiosk offer'] as Op[]) {
      const l = (r.lat.get(op) ?? []).sort((a, b) => a - b);
      process.stdout.write(
        `| ${op} | ${((r.offered.get(op) ?? 0) / r.wall).toFixed(1)} | ${(l.length / r.wall).toFixed(1)} | ${r.failed.get(op) ?? 0} | ${percentile(l, 50).toFixed(1)} | ${percentile(l, 99).toFixed(1)} |\n`,
      );
    }
    process.stdout.write(
      `\nUnanswered at the end: ${r.unanswered}. Live events delivered during the run: ${r.eventsDuring}. ` +
        `CPU: app ${r.appCpu.toFixed(1)} s (${((r.appCpu / r.wall) * 100).toFixed(0)} % of one core), its PostgreSQL backends ${r.dbCpu.toFixed(1)} s (${((r.dbCpu / r.wall) * 100).toFixed(0)} %); ` +
        `per answered request ${(((r.appCpu + r.dbCpu) / Math.max(1, r.ops)) * 1000).toFixed(1)} ms (app ${((r.appCpu / Math.max(1, r.ops)) * 1000).toFixed(1)} ms).` +
        ` Failures: ${[...r.failures].map(([k, n]) => `${k} x${n}`).join(', ') || 'none'}.\n`,
    );
  }
} finally {
  await server?.stop();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
