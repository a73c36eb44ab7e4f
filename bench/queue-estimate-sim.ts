/**
 * Replays simulated busy days at a floor of two agencies and measures how far the wait shown on the
 * ticket (src/queue/positions.ts, the function the API uses) is from the wait that followed, per
 * service, and how often the call fell inside the range shown.
 *
 *   npx tsx bench/queue-estimate-sim.ts [--days 20] [--seed 7]
 *
 * Model (08:00-15:00 arrivals, Poisson with a morning peak; 10% lansia; service log-normal, CV 0.6):
 *   Dukcapil: KTP-el (mean 6 min), KK (mean 8 min); counters D1 {KTP 1, KK 3}, D2 {KTP}, D3 {KTP, KK}
 *             with D3 paused 12:00-13:00 (the estimate sees it paused, not when it comes back).
 *   Polres:   SIM A (mean 10 min), SKCK (mean 5 min); counters P1 {SIM}, P2 {SIM, SKCK}, P3 {SKCK}.
 * Counters call with the same rule as call-next (pickNext) the moment they are free. The estimate
 * sees only what the server sees: waiting tickets, counter states, current tickets, finished cycles.
 */
import { computePositions, pickNext, type PositionCounter, type PositionTicket } from '../src/queue/positions.js';

const args = new Map(process.argv.slice(2).map((a, i, all) => [a, all[i + 1]] as const).filter(([a]) => a.startsWith('--')));
const DAYS = Number(args.get('--days') ?? 20);
let seed = Number(args.get('--seed') ?? 7);
const rand = () => {
  // mulberry32: reproducible runs
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
const CV = 0.6;
const sigma = Math.sqrt(Math.log(1 + CV * CV));
const serviceTime = (meanS: number) => Math.exp(Math.log(meanS) - (sigma * sigma) / 2 + sigma * normal());

const H = 3_600_000;
const OPEN = 8 * H;
const LAST_ARRIVAL = 15 * H;
/** Per service: mean minutes, arrivals per hour from 08:00 to 14:00. */
const SERVICES: Record<string, { mean: number; rate: number[] }> = {
  KTP: { mean: 6, rate: [14, 20, 22, 16, 12, 14, 8] },
  KK: { mean: 8, rate: [4, 6, 7, 5, 4, 4, 2] },
  SIM: { mean: 10, rate: [8, 11, 12, 10, 7, 8, 4] },
  SKCK: { mean: 5, rate: [6, 9, 10, 8, 6, 6, 3] },
};
const COUNTERS: { id: string; weights: Record<string, number>; pause?: [number, number] }[] = [
  { id: 'D1', weights: { KTP: 1, KK: 3 } },
  { id: 'D2', weights: { KTP: 1 } },
  { id: 'D3', weights: { KTP: 1, KK: 1 }, pause: [12 * H, 13 * H] },
  { id: 'P1', weights: { SIM: 1 } },
  { id: 'P2', weights: { SIM: 1, SKCK: 1 } },
  { id: 'P3', weights: { SKCK: 1 } },
];

interface Sample {
  service: string;
  estimate: number;
  low: number;
  high: number;
  actual: number;
}

function simulateDay(): Sample[] {
  const arrivals: { at: number; service: string; lansia: boolean }[] = [];
  for (const [service, s] of Object.entries(SERVICES)) {
    for (let t = OPEN; ; ) {
      t += (-Math.log(1 - rand()) / (s.rate[Math.min(s.rate.length - 1, Math.floor((t - OPEN) / H))]! / H));
      if (t >= LAST_ARRIVAL) break;
      arrivals.push({ at: Math.round(t), service, lansia: rand() < 0.1 });
    }
  }
  arrivals.sort((a, b) => a.at - b.at);
  const counters = COUNTERS.map((c, i) => ({
    pc: { id: c.id, number: i + 1, status: 'open', weights: c.weights, current: null } as PositionCounter,
    pause: c.pause,
    busyUntil: 0,
    currentTicket: null as null | { serviceId: string; calledAt: number },
  }));
  const waiting = new Map<string, PositionTicket>();
  const pending = new Map<string, { service: string; estimate: number; low: number; high: number; issuedAt: number }>();
  const completions: { at: number; service: string; secs: number }[] = [];
  const samples: Sample[] = [];
  let seq = 0;
  let ai = 0;
  let lastNow = -1;
  const setStatus = (now: number) => {
    for (const c of counters) c.pc.status = c.pause && now >= c.pause[0] && now < c.pause[1] ? 'paused' : 'open';
  };
  const callAll = (now: number) => {
    for (const c of counters) {
      if (c.pc.status !== 'open' || c.currentTicket) continue;
      const t = pickNext(waiting.values(), c.pc, now);
      if (!t) continue;
      waiting.delete(t.id);
      const p = pending.get(t.id)!;
      samples.push({ service: p.service, estimate: p.estimate, low: p.low, high: p.high, actual: (now - p.issuedAt) / 1000 });
      const dur = Math.round(serviceTime(SERVICES[t.serviceId]!.mean * 60_000));
      c.currentTicket = { serviceId: t.serviceId, calledAt: now };
      c.pc.current = { serviceId: t.serviceId, calledAtMs: now };
      c.busyUntil = now + dur;
    }
  };
  for (;;) {
    const nextArrival = arrivals[ai]?.at ?? Infinity;
    const nextFree = Math.min(...counters.filter((c) => c.currentTicket).map((c) => c.busyUntil));
    const nextPauseEdge = Math.min(...counters.flatMap((c) => (c.pause ? c.pause : [])).filter((p) => p > lastNow));
    if (nextArrival === Infinity && nextFree === Infinity) break;
    const now = Math.min(nextArrival, nextFree, nextPauseEdge);
    lastNow = now;
    setStatus(now);
    for (const c of counters) {
      if (c.currentTicket && c.busyUntil === now) {
        completions.push({ at: now, service: c.currentTicket.serviceId, secs: (now - c.currentTicket.calledAt) / 1000 });
        c.currentTicket = null;
        c.pc.current = null;
      }
    }
    callAll(now);
    while (arrivals[ai] && arrivals[ai]!.at === now) {
      const a = arrivals[ai++]!;
      const id = `t${++seq}`;
      const ticket: PositionTicket = { id, serviceId: a.service, targetCounterId: null, basisMs: now, priorityWeight: a.lansia ? 30 : 0, rankAtMs: now - (a.lansia ? 30 * 60_000 : 0), seq };
      waiting.set(id, ticket);
      const recentCycles: Record<string, number[]> = {};
      for (const s of Object.keys(SERVICES)) {
        recentCycles[s] = completions.filter((c) => c.service === s && c.at > now - 7 * 24 * H).slice(-20).reverse().map((c) => c.secs);
      }
      const pos = computePositions({ nowMs: now, tickets: [...waiting.values()], counters: counters.map((c) => ({ ...c.pc })), recentCycles, defaultServiceMinutes: 6 }).get(id)!;
      pending.set(id, { service: a.service, estimate: pos.waitSeconds ?? NaN, low: pos.waitLowSeconds ?? NaN, high: pos.waitHighSeconds ?? NaN, issuedAt: now });
      callAll(now);
    }
  }
  return samples;
}
const all: Sample[] = [];
for (let d = 0; d < DAYS; d++) all.push(...simulateDay());

const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * (s.length - 1)))] ?? NaN;
};
const min = (s: number) => (s / 60).toFixed(1);
const row = (label: string, xs: Sample[]) => {
  const timed = xs.filter((x) => Number.isFinite(x.estimate));
  const err = timed.map((x) => Math.abs(x.estimate - x.actual));
  const inside = timed.filter((x) => x.actual >= Math.floor(x.low / 60) * 60 && x.actual <= Math.ceil(x.high / 60) * 60).length;
  const mean = (ys: number[]) => ys.reduce((s, y) => s + y, 0) / ys.length;
  return `| ${label} | ${xs.length} | ${xs.length - timed.length} | ${min(mean(xs.map((x) => x.actual)))} | ${min(q(err, 0.5))} | ${min(q(err, 0.9))} | ${((100 * inside) / timed.length).toFixed(0)}% | ${min(mean(timed.map((x) => x.estimate - x.actual)))} |`;
};
console.log(`${DAYS} simulated busy days, seed ${args.get('--seed') ?? 7}\n`);
console.log('| service | tickets | without a time (counters paused) | mean actual wait (min) | median abs error (min) | p90 abs error (min) | calls inside the range shown | mean signed error (est - actual, min) |');
console.log('|---|---|---|---|---|---|---|---|');
for (const s of Object.keys(SERVICES)) console.log(row(s, all.filter((x) => x.service === s)));
console.log(row('all', all));
