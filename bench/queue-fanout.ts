/**
 * Live fan-out: 1,000 display boards and 10,000 ticket-status streams (phones) connected over SSE to
 * one MPP; an officer calls next; how long from sending call-next until each board has the call event
 * and each phone its new status (p50/p99 over all receivers and calls), and the CPU the server and
 * its PostgreSQL backends spent per delivered event.
 *
 *   npx tsx bench/queue-fanout.ts            (embedded PGlite)
 *   DATABASE_URL=postgres://... BENCH_FANOUT_DB=postgres npx tsx bench/queue-fanout.ts
 *   BENCH_BOARDS=1000 BENCH_STATUS=10000 BENCH_STATUS_TICKETS=200 BENCH_CALLS=20 BENCH_FANOUT_WORKERS=4
 *
 * The streams are held by BENCH_FANOUT_WORKERS separate load-generator processes on plain sockets
 * (bench/queue-fanout-worker.ts), which stamp arrivals with the machine's clock; their CPU is reported
 * apart from the server's, so the latency is the server's delivery, not one generator thread's backlog.
 *
 * The phones follow BENCH_STATUS_TICKETS waiting tickets (several phones per ticket): every call
 * moves each of them up the line, so every phone gets a new status per call.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { cpuBetween, cpuSeconds, DISPLAY_TOKEN, httpClient, login, percentile, postgresBackendPids, prefillWaiting, prepareDb, startServer } from './queue-support.js';

const BOARDS = Number(process.env.BENCH_BOARDS ?? 1000);
const STATUS = Number(process.env.BENCH_STATUS ?? 10000);
const STATUS_TICKETS = Number(process.env.BENCH_STATUS_TICKETS ?? 200);
const CALLS = Number(process.env.BENCH_CALLS ?? 20);
/** Load-generator processes (bench/queue-fanout-worker.ts), so the generator is not one busy thread. */
const WORKERS = Number(process.env.BENCH_FANOUT_WORKERS ?? 4);
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
const url = new URL(server.url);

/** A load-generator process (bench/queue-fanout-worker.ts) and the last progress it reported. */
interface Worker {
  child: ChildProcess;
  calls: number;
  phones: number;
}
const workers: Worker[] = Array.from({ length: WORKERS }, () => {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'queue-fanout-worker.ts')], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const w: Worker = { child, calls: 0, phones: 0 };
  child.on('message', (msg: { type: string; calls?: number; phones?: number }) => {
    if (msg.type === 'progress') Object.assign(w, { calls: msg.calls, phones: msg.phones });
  });
  return w;
});
const reply = <T>(w: Worker, type: string): Promise<T> =>
  new Promise((resolve, reject) => {
    const on = (msg: { type: string; error?: string }) => {
      if (msg.type === 'failed') reject(new Error(msg.error));
      else if (msg.type !== type) return;
      w.child.off('message', on);
      resolve(msg as T);
    };
    w.child.on('message', on);
  });
const now = () => performance.timeOrigin + performance.now();

try {
  // Streams dealt out to the workers in turn; each worker connects its share.
  await Promise.all(
    workers.map((w, k) => {
      const started = reply(w, 'started');
      w.child.send({
        type: 'start',
        host: url.hostname,
        port: Number(url.port),
        workers: WORKERS,
        boards: Array.from({ length: BOARDS }, (_, i) => i).filter((i) => i % WORKERS === k).map(() => ({ path: `/api/mpps/${m.mppId}/queue/display/events`, auth: `Bearer ${DISPLAY_TOKEN}2` })),
        phones: Array.from({ length: STATUS }, (_, i) => i).filter((i) => i % WORKERS === k).map((i) => `/api/queue/status/${tokens[i % tokens.length]}/events`),
      });
      return started;
    }),
  );
  await new Promise((r) => setTimeout(r, 2000));

  const staff = await login(server.url, m.officerEmail);
  const client = httpClient(server.url, 2);
  await client.request('POST', `/api/mpps/${m.mppId}/queue/counters/${m.counters[0]}/open`, staff);
  await new Promise((r) => setTimeout(r, 1000));
  const pgPids = b.url ? await postgresBackendPids(b.url) : [];
  const workerPids = workers.map((w) => w.child.pid!);
  const cpuBefore = cpuSeconds([server.child.pid!, ...pgPids]);
  const genBefore = cpuSeconds([process.pid, ...workerPids]);
  /** Per round: when call-next was sent, and when the no-show after it was (phones' window ends there). */
  const rounds: { t0: number; noShowAt: number }[] = [];
  const callLatency: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const t0 = now();
    for (const w of workers) {
      w.calls = 0;
      w.phones = 0;
      w.child.send({ type: 'round', t0 });
    }
    const r = await client.request('POST', `/api/mpps/${m.mppId}/queue/counters/${m.counters[0]}/call-next`, staff);
    callLatency.push(now() - t0);
    const tk = JSON.parse(r.body).ticket;
    const deadline = performance.now() + 10_000;
    let seen = -1;
    let quietSince = performance.now();
    for (;;) {
      const calls = workers.reduce((n, w) => n + w.calls, 0);
      const phones = workers.reduce((n, w) => n + w.phones, 0);
      if ((calls >= BOARDS && phones >= STATUS) || performance.now() > deadline) break;
      // Every board has the call and no phone got anything for 2 s: the rest get no change this round.
      if (calls + phones !== seen) [seen, quietSince] = [calls + phones, performance.now()];
      else if (calls >= BOARDS && performance.now() - quietSince > 2000) break;
      await new Promise((res) => setTimeout(res, 5));
    }
    const noShowAt = now();
    rounds.push({ t0, noShowAt });
    await client.request('POST', `/api/mpps/${m.mppId}/queue/tickets/${tk.id}/no-show`, staff);
    // Let the no-show's own status updates pass before the next round starts.
    await new Promise((res) => setTimeout(res, 1500));
  }
  const cpuAfter = cpuSeconds([server.child.pid!, ...pgPids, ...(b.url ? await postgresBackendPids(b.url) : [])]);
  const genAfter = cpuSeconds([process.pid, ...workerPids]);
  client.close();

  // Latencies from the workers' arrival stamps: a board's first call frame of the round, a phone's
  // first status frame between the call-next and the no-show.
  const reports = await Promise.all(workers.map(async (w) => {
    const r = reply<{ boardCalls: number[][]; phoneStatuses: number[][] }>(w, 'report');
    w.child.send({ type: 'report' });
    return r;
  }));
  const latencies: number[] = [];
  const phoneLatencies: number[] = [];
  let missingBoards = 0;
  let missingPhones = 0;
  for (const [i, round] of rounds.entries()) {
    const until = rounds[i + 1]?.t0 ?? Infinity;
    for (const rep of reports) {
      for (const list of rep.boardCalls) {
        const at = list.find((t) => t >= round.t0 && t < until);
        if (at === undefined) missingBoards++;
        else latencies.push(at - round.t0);
      }
      for (const list of rep.phoneStatuses) {
        const at = list.find((t) => t >= round.t0 && t < round.noShowAt);
        if (at === undefined) missingPhones++;
        else phoneLatencies.push(at - round.t0);
      }
    }
  }
  latencies.sort((a, c) => a - c);
  phoneLatencies.sort((a, c) => a - c);
  callLatency.sort((a, c) => a - c);
  const delivered = latencies.length + phoneLatencies.length;
  // Each round also delivers the no-show's status change to the phones (not timed): count them as
  // delivered work too, so CPU per event is not flattered.
  const deliveredAll = delivered + CALLS * STATUS;
  const cpu = cpuBetween(cpuBefore, cpuAfter);
  const genCpu = cpuBetween(genBefore, genAfter);
  process.stdout.write(`\nLive fan-out (${kind === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL 15'}), ${new Date().toISOString()}, load generator: ${WORKERS} processes\n\n`);
  process.stdout.write('| boards | phones | calls | board events | phone events | missing | call-next → board p50 ms | p99 ms | call-next → phone p50 ms | p99 ms | call-next response p50 ms | CPU s (server + its PG backends) | CPU µs per delivered event | load generator CPU s |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n');
  process.stdout.write(
    `| ${BOARDS} | ${STATUS} | ${CALLS} | ${latencies.length} | ${phoneLatencies.length} | ${missingBoards + missingPhones} | ${percentile(latencies, 50).toFixed(1)} | ${percentile(latencies, 99).toFixed(1)} | ${percentile(phoneLatencies, 50).toFixed(1)} | ${percentile(phoneLatencies, 99).toFixed(1)} | ${percentile(callLatency, 50).toFixed(1)} | ${cpu.toFixed(2)} | ${((cpu / deliveredAll) * 1e6).toFixed(0)} | ${genCpu.toFixed(2)} |\n`,
  );
} finally {
  for (const w of workers) if (w.child.connected) w.child.send({ type: 'stop' });
  await Promise.all(workers.map((w) => (w.child.exitCode !== null ? undefined : new Promise((r) => w.child.once('exit', r)))));
  await server.stop();
  await b.drop();
}
