/**
 * Display fan-out: 1,000 boards connected over SSE; an officer calls next; how long from sending
 * call-next until each board has the call event (p50/p99 over all boards and calls).
 *
 *   npx tsx bench/queue-fanout.ts            (embedded PGlite)
 *   DATABASE_URL=postgres://... BENCH_FANOUT_DB=postgres npx tsx bench/queue-fanout.ts
 *   BENCH_BOARDS=1000 BENCH_CALLS=20
 */
import http from 'node:http';
import { DISPLAY_TOKEN, httpClient, login, percentile, prefillWaiting, prepareDb, startServer } from './queue-support.js';

const BOARDS = Number(process.env.BENCH_BOARDS ?? 1000);
const CALLS = Number(process.env.BENCH_CALLS ?? 20);
const kind = process.env.BENCH_FANOUT_DB === 'postgres' ? 'postgres' : 'pglite';

const b = await prepareDb(kind, 2);
{
  const db = await b.open();
  await prefillWaiting(db, b.callMpp, CALLS + 5, 'F');
  await db.close();
}
const server = await startServer(b.env, 3204);
const m = b.callMpp;
const arrivals = new Map<string, number[]>();
const sockets: http.ClientRequest[] = [];
let connected = 0;
const agent = new http.Agent({ keepAlive: true, maxSockets: BOARDS + 10 });
const url = new URL(server.url);
try {
  await new Promise<void>((resolve, reject) => {
    for (let i = 0; i < BOARDS; i++) {
      const req = http.request(
        { agent, host: url.hostname, port: url.port, path: `/api/mpps/${m.mppId}/queue/display/events`, headers: { authorization: `Bearer ${DISPLAY_TOKEN}2`, accept: 'text/event-stream' } },
        (res) => {
          if (res.statusCode !== 200) return reject(new Error(`board ${i}: ${res.statusCode}`));
          if (++connected === BOARDS) setTimeout(resolve, 500);
          let buf = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            buf += chunk;
            let cut;
            while ((cut = buf.indexOf('\n\n')) >= 0) {
              const block = buf.slice(0, cut);
              buf = buf.slice(cut + 2);
              if (!block.includes('event: call')) continue;
              const data = JSON.parse(block.slice(block.indexOf('data: ') + 6));
              const list = arrivals.get(data.payload.number) ?? [];
              list.push(performance.now());
              arrivals.set(data.payload.number, list);
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
      sockets.push(req);
    }
  });
  const staff = await login(server.url, m.officerEmail);
  const client = httpClient(server.url, 2);
  await client.request('POST', `/api/mpps/${m.mppId}/queue/counters/${m.counters[0]}/open`, staff);
  const latencies: number[] = [];
  const afterResponse: number[] = [];
  const callLatency: number[] = [];
  let missing = 0;
  for (let i = 0; i < CALLS; i++) {
    const t0 = performance.now();
    const r = await client.request('POST', `/api/mpps/${m.mppId}/queue/counters/${m.counters[0]}/call-next`, staff);
    const t1 = performance.now();
    callLatency.push(t1 - t0);
    const tk = JSON.parse(r.body).ticket;
    const deadline = performance.now() + 5000;
    while ((arrivals.get(tk.number)?.length ?? 0) < BOARDS && performance.now() < deadline) await new Promise((res) => setTimeout(res, 2));
    const got = arrivals.get(tk.number) ?? [];
    missing += BOARDS - got.length;
    for (const at of got) {
      latencies.push(at - t0);
      afterResponse.push(Math.max(0, at - t1));
    }
    await client.request('POST', `/api/mpps/${m.mppId}/queue/tickets/${tk.id}/no-show`, staff);
    await new Promise((res) => setTimeout(res, 100));
  }
  client.close();
  latencies.sort((a, c) => a - c);
  afterResponse.sort((a, c) => a - c);
  callLatency.sort((a, c) => a - c);
  process.stdout.write(`\nDisplay fan-out (${kind === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL 15'}), ${new Date().toISOString()}\n\n`);
  process.stdout.write('| boards | calls | events received | missing | call-next → event p50 ms | p99 ms | max ms | call-next response p50 ms | response → event p50 ms | p99 ms |\n|---|---|---|---|---|---|---|---|---|---|\n');
  process.stdout.write(
    `| ${BOARDS} | ${CALLS} | ${latencies.length} | ${missing} | ${percentile(latencies, 50).toFixed(1)} | ${percentile(latencies, 99).toFixed(1)} | ${latencies.at(-1)!.toFixed(1)} | ${percentile(callLatency, 50).toFixed(1)} | ${percentile(afterResponse, 50).toFixed(1)} | ${percentile(afterResponse, 99).toFixed(1)} |\n`,
  );
} finally {
  for (const s of sockets) s.destroy();
  agent.destroy();
  await server.stop();
  await b.drop();
}
