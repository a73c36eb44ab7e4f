/**
 * Live fan-out: 1,000 display boards and 10,000 ticket-status streams (phones) connected over SSE to
 * one MPP; an officer calls next; how long from sending call-next until each board has the call event
 * and each phone its new status (p50/p99 over all receivers and calls), and the CPU the server and
 * its PostgreSQL backends spent per delivered event.
 *
 *   npx tsx bench/queue-fanout.ts            (embedded PGlite)
 *   DATABASE_URL=postgres://... BENCH_FANOUT_DB=postgres npx tsx bench/queue-fanout.ts
 *   BENCH_BOARDS=1000 BENCH_STATUS=10000 BENCH_STATUS_TICKETS=200 BENCH_CALLS=20
 *
 * The phones follow BENCH_STATUS_TICKETS waiting tickets (several phones per ticket): every call
 * moves each of them up the line, so every phone gets a new status per call.
 */
import http from 'node:http';
import { cpuBetween, cpuSeconds, DISPLAY_TOKEN, httpClient, login, percentile, postgresBackendPids, prefillWaiting, prepareDb, startServer } from './queue-support.js';

const BOARDS = Number(process.env.BENCH_BOARDS ?? 1000);
const STATUS = Number(process.env.BENCH_STATUS ?? 10000);
const STATUS_TICKETS = Number(process.env.BENCH_STATUS_TICKETS ?? 200);
const CALLS = Number(process.env.BENCH_CALLS ?? 20);
const kind = process.env.BENCH_FANOUT_DB === 'postgres' ? 'postgres' : 'pglite';

const b = await prepareDb(kind, 2);
let tokens: string[];
{
  const db = await b.open();
  await prefillWaiting(db, b.callMpp, CALLS + 5, 'F');
  // Issued after the F tickets (prefillWaiting dates them from now backwards, so wait a little).
  await new Promise((r) => setTimeout(r, 1100));
  await prefillWaiting(db, b.callMpp, STATUS_TICKETS, 'S');
  tokens = (await db.query<{ status_token: string }>("SELECT status_token FROM tickets WHERE mpp_id = $1 AND prefix = 'S'", [b.callMpp.mppId])).rows.map((r) => r.status_token);
  await db.close();
}
const server = await startServer({ ...b.env, SSE_MAX_PER_ADDRESS: '100000' }, 3204);
const m = b.callMpp;
const boardArrivals = new Map<string, number[]>();
/** Per phone: the round of the last status it received, and the latencies. */
const phoneRound = new Int32Array(STATUS).fill(-1);
const phoneLatencies: number[] = [];
let round = -1;
let roundStart = 0;
let phonesThisRound = 0;
const sockets: http.ClientRequest[] = [];
const agent = new http.Agent({ keepAlive: true, maxSockets: BOARDS + STATUS + 10 });
const url = new URL(server.url);

function connect(path: string, headers: Record<string, string>, onBlock: (block: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request({ agent, host: url.hostname, port: url.port, path, headers: { ...headers, accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`${path}: ${res.statusCode}`));
      resolve();
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buf += chunk;
        let cut;
        while ((cut = buf.indexOf('\n\n')) >= 0) {
          onBlock(buf.slice(0, cut));
          buf = buf.slice(cut + 2);
        }
      });
    });
    req.on('error', reject);
    req.end();
    sockets.push(req);
  });
}

try {
  const pending: Promise<void>[] = [];
  for (let i = 0; i < BOARDS; i++) {
    pending.push(
      connect(`/api/mpps/${m.mppId}/queue/display/events`, { authorization: `Bearer ${DISPLAY_TOKEN}2` }, (block) => {
        if (!block.includes('event: call')) return;
        const data = JSON.parse(block.slice(block.indexOf('data: ') + 6));
        const list = boardArrivals.get(data.payload.number) ?? [];
        list.push(performance.now());
        boardArrivals.set(data.payload.number, list);
      }),
    );
    if (pending.length >= 200) await Promise.all(pending.splice(0));
  }
  for (let i = 0; i < STATUS; i++) {
    pending.push(
      connect(`/api/queue/status/${tokens[i % tokens.length]}/events`, {}, (block) => {
        if (!block.includes('event: status') || round < 0 || phoneRound[i] === round) return;
        phoneRound[i] = round;
        phonesThisRound++;
        phoneLatencies.push(performance.now() - roundStart);
      }),
    );
    if (pending.length >= 50) await Promise.all(pending.splice(0));
  }
  await Promise.all(pending);
  await new Promise((r) => setTimeout(r, 2000));

  const staff = await login(server.url, m.officerEmail);
  const client = httpClient(server.url, 2);
  await client.request('POST', `/api/mpps/${m.mppId}/queue/counters/${m.counters[0]}/open`, staff);
  await new Promise((r) => setTimeout(r, 1000));
  const pgPids = b.url ? await postgresBackendPids(b.url) : [];
  const cpuBefore = cpuSeconds([server.child.pid!, ...pgPids]);
  const latencies: number[] = [];
  const callLatency: number[] = [];
  let missingBoards = 0;
  let missingPhones = 0;
  for (let i = 0; i < CALLS; i++) {
    round = i;
    phonesThisRound = 0;
    const t0 = (roundStart = performance.now());
    const r = await client.request('POST', `/api/mpps/${m.mppId}/queue/counters/${m.counters[0]}/call-next`, staff);
    callLatency.push(performance.now() - t0);
    const tk = JSON.parse(r.body).ticket;
    const deadline = performance.now() + 10_000;
    while (((boardArrivals.get(tk.number)?.length ?? 0) < BOARDS || phonesThisRound < STATUS) && performance.now() < deadline) await new Promise((res) => setTimeout(res, 2));
    const got = boardArrivals.get(tk.number) ?? [];
    missingBoards += BOARDS - got.length;
    missingPhones += STATUS - phonesThisRound;
    for (const at of got) latencies.push(at - t0);
    round = -1;
    await client.request('POST', `/api/mpps/${m.mppId}/queue/tickets/${tk.id}/no-show`, staff);
    // Let the no-show's own status updates pass before the next round starts.
    await new Promise((res) => setTimeout(res, 1500));
  }
  const cpuAfter = cpuSeconds([server.child.pid!, ...pgPids, ...(b.url ? await postgresBackendPids(b.url) : [])]);
  client.close();
  latencies.sort((a, c) => a - c);
  phoneLatencies.sort((a, c) => a - c);
  callLatency.sort((a, c) => a - c);
  const delivered = latencies.length + phoneLatencies.length;
  // Each round also delivers the no-show's status change to the phones (not timed): count them as
  // delivered work too, so CPU per event is not flattered.
  const deliveredAll = delivered + CALLS * STATUS;
  const cpu = cpuBetween(cpuBefore, cpuAfter);
  process.stdout.write(`\nLive fan-out (${kind === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL 15'}), ${new Date().toISOString()}\n\n`);
  process.stdout.write('| boards | phones | calls | board events | phone events | missing | call-next → board p50 ms | p99 ms | call-next → phone p50 ms | p99 ms | call-next response p50 ms | CPU s (server + its PG backends) | CPU µs per delivered event |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|\n');
  process.stdout.write(
    `| ${BOARDS} | ${STATUS} | ${CALLS} | ${latencies.length} | ${phoneLatencies.length} | ${missingBoards + missingPhones} | ${percentile(latencies, 50).toFixed(1)} | ${percentile(latencies, 99).toFixed(1)} | ${percentile(phoneLatencies, 50).toFixed(1)} | ${percentile(phoneLatencies, 99).toFixed(1)} | ${percentile(callLatency, 50).toFixed(1)} | ${cpu.toFixed(2)} | ${((cpu / deliveredAll) * 1e6).toFixed(0)} |\n`,
  );
} finally {
  for (const s of sockets) s.destroy();
  agent.destroy();
  await server.stop();
  await b.drop();
}
