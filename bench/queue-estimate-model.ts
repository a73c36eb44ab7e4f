/**
 * Busy days replayed at the demo MPP (25 agencies, 159 services, the counters the demo seeds), to measure
 * how far the wait shown when a ticket is issued (src/queue/positions.ts, the function the API uses) is
 * from the wait that followed. Used by bench/queue-estimate-sim.ts (the table in docs/queue.md) and by
 * test/queue-estimate-accuracy.test.ts (fails when the busy day misses the target).
 *
 * The model, stated so a reader can disagree with it:
 * - Floor: every agency of the demo catalog (src/demo/data.ts) with the counters the demo seeds
 *   (demoCounterCount: 1-3), each counter serving all its agency's services at weight 1. In agencies with
 *   two or more counters the last one takes its midday break 12:00-13:00 (the estimate sees it paused
 *   only once it is, never when it comes back); a one-counter agency pauses 12:00-12:30.
 * - Counter time per person (log-normal, CV 0.6): a service done "in m minutes" takes m/4 at the counter,
 *   between 4 and 15 minutes; a service done in days (the counter takes the file) takes 8 minutes.
 * - Arrivals 08:00-15:00, Poisson, hourly profile with a morning peak. Within an agency the services are
 *   listed most-common first, so service i gets a share proportional to 1/(i+1). Each agency's peak hour
 *   loads its counters to `peakLoad` (0.95 on the busy day): queues build up through the morning.
 * - 10% of people are lansia (30 minutes of credit), as the demo's default priority class.
 * - Counters call with call-next's rule (pickNext) the moment they are free. The estimate sees only what
 *   the server sees: waiting tickets, counter states, the tickets at the counters, the last 20
 *   call-to-finish times per service (carried over from the days before; one warm-up day is not counted).
 */
import { TENANTS, demoCounterCount } from '../src/demo/data.js';
import { computePositions, pickNext, type PositionCounter, type PositionTicket } from '../src/queue/positions.js';

const H = 3_600_000;
const OPEN = 8 * H;
const LAST_ARRIVAL = 15 * H;
const CV = 0.6;
/** Share of the peak arrival rate per hour from 08:00 to 14:00. */
const PROFILE = [0.75, 0.95, 1, 0.85, 0.7, 0.8, 0.45];

export interface FloorService {
  id: string;
  agency: string;
  name: string;
  meanMinutes: number;
  /** Arrivals per hour at the peak. */
  peakRate: number;
}

export interface FloorCounter {
  id: string;
  agency: string;
  weights: Record<string, number>;
  pause?: [number, number];
}

export interface Floor {
  services: FloorService[];
  counters: FloorCounter[];
}

export interface Sample {
  service: string;
  /** Shown at issue, seconds; NaN when the ticket was told no counter is open. */
  estimate: number;
  low: number;
  high: number;
  actual: number;
}

/** Minutes at the counter for a demo service (see the model above). */
export function counterMinutes(value: number, unit: 'm' | 'd'): number {
  return unit === 'd' ? 8 : Math.min(15, Math.max(4, value / 4));
}

/** The demo MPP with every agency (mpp-demo-banyumas) on a day whose peak loads counters to `peakLoad`. */
export function demoFloor(peakLoad = 0.95): Floor {
  const services: FloorService[] = [];
  const counters: FloorCounter[] = [];
  for (const t of TENANTS) {
    const shares = t.services.map((_, i) => 1 / (i + 1));
    const total = shares.reduce((s, x) => s + x, 0);
    const mix = t.services.reduce((s, sv, i) => s + (shares[i]! / total) * counterMinutes(sv[3], sv[4]), 0);
    const n = demoCounterCount(t.services.length);
    const peakPerHour = (peakLoad * n * 60) / mix;
    const weights: Record<string, number> = {};
    t.services.forEach((sv, i) => {
      const id = `${t.code}/${i + 1}`;
      weights[id] = 1;
      services.push({ id, agency: t.code, name: sv[0], meanMinutes: counterMinutes(sv[3], sv[4]), peakRate: (peakPerHour * shares[i]!) / total });
    });
    for (let k = 0; k < n; k++) {
      const last = k === n - 1;
      counters.push({ id: `${t.code}-${k + 1}`, agency: t.code, weights, pause: last ? (n > 1 ? [12 * H, 13 * H] : [12 * H, 12.5 * H]) : undefined });
    }
  }
  return { services, counters };
}

/** Reproducible uniform numbers (mulberry32). */
function generator(seed: number) {
  let s = seed | 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const sigma = Math.sqrt(Math.log(1 + CV * CV));
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const serviceMs = (meanMinutes: number) => Math.round(Math.exp(Math.log(meanMinutes * 60_000) - (sigma * sigma) / 2 + sigma * normal()));
  return { rand, serviceMs };
}

/** Replays `days` busy days (after `warmupDays` not counted) and returns one sample per call. */
export function simulate(floor: Floor, opts: { days: number; seed: number; warmupDays?: number; defaultServiceMinutes?: number }): Sample[] {
  const { rand, serviceMs } = generator(opts.seed);
  const byId = new Map(floor.services.map((s) => [s.id, s]));
  // Last 20 call-to-finish seconds per service, newest first, kept across days like the 7-day window.
  const recent = new Map<string, number[]>(floor.services.map((s) => [s.id, []]));
  const samples: Sample[] = [];
  const warmup = opts.warmupDays ?? 1;
  for (let d = 0; d < warmup + opts.days; d++) {
    const day = simulateDay(floor, byId, recent, rand, serviceMs, opts.defaultServiceMinutes ?? 6);
    if (d >= warmup) samples.push(...day);
  }
  return samples;
}

function simulateDay(
  floor: Floor,
  byId: Map<string, FloorService>,
  recent: Map<string, number[]>,
  rand: () => number,
  serviceMs: (meanMinutes: number) => number,
  defaultServiceMinutes: number,
): Sample[] {
  const arrivals: { at: number; service: string; lansia: boolean }[] = [];
  for (const s of floor.services) {
    for (let t = OPEN; ; ) {
      const rate = s.peakRate * PROFILE[Math.min(PROFILE.length - 1, Math.floor((t - OPEN) / H))]!;
      t += -Math.log(1 - rand()) / (rate / H);
      if (t >= LAST_ARRIVAL) break;
      arrivals.push({ at: Math.round(t), service: s.id, lansia: rand() < 0.1 });
    }
  }
  arrivals.sort((a, b) => a.at - b.at);
  const counters = floor.counters.map((c, i) => ({
    pc: { id: c.id, number: i + 1, status: 'open', weights: c.weights, current: null } as PositionCounter,
    pause: c.pause,
    busyUntil: Infinity,
  }));
  const pauseEdges = [...new Set(floor.counters.flatMap((c) => c.pause ?? []))].sort((a, b) => a - b);
  const waiting = new Map<string, PositionTicket>();
  const priority: { serviceId: string; atMs: number; creditMinutes: number }[] = [];
  const pending = new Map<string, { service: string; estimate: number; low: number; high: number; issuedAt: number }>();
  const samples: Sample[] = [];
  let seq = 0;
  let ai = 0;
  const callAll = (now: number) => {
    for (const c of counters) {
      if (c.pc.status !== 'open' || c.pc.current) continue;
      const t = pickNext(waiting.values(), c.pc, now);
      if (!t) continue;
      waiting.delete(t.id);
      const p = pending.get(t.id)!;
      samples.push({ service: p.service, estimate: p.estimate, low: p.low, high: p.high, actual: (now - p.issuedAt) / 1000 });
      c.pc.current = { serviceId: t.serviceId, calledAtMs: now };
      c.busyUntil = now + serviceMs(byId.get(t.serviceId)!.meanMinutes);
    }
  };
  let edge = 0;
  for (;;) {
    const nextArrival = arrivals[ai]?.at ?? Infinity;
    let nextFree = Infinity;
    for (const c of counters) if (c.pc.current && c.busyUntil < nextFree) nextFree = c.busyUntil;
    if (nextArrival === Infinity && nextFree === Infinity && waiting.size === 0) break;
    const nextEdge = pauseEdges[edge] ?? Infinity;
    const now = Math.min(nextArrival, nextFree, nextEdge);
    if (now === Infinity) break;
    if (now === nextEdge) edge++;
    // A counter goes on break once its person is done (the console refuses a pause with a ticket at it).
    for (const c of counters) {
      if (c.pc.current && c.busyUntil === now) {
        const r = recent.get(c.pc.current.serviceId)!;
        r.unshift((now - c.pc.current.calledAtMs) / 1000);
        if (r.length > 20) r.pop();
        c.pc.current = null;
        c.busyUntil = Infinity;
      }
      const onBreak = !!c.pause && now >= c.pause[0] && now < c.pause[1];
      if (!c.pc.current) c.pc.status = onBreak ? 'paused' : 'open';
    }
    callAll(now);
    while (arrivals[ai] && arrivals[ai]!.at === now) {
      const a = arrivals[ai++]!;
      const id = `t${++seq}`;
      const credit = a.lansia ? 30 : 0;
      const ticket: PositionTicket = { id, serviceId: a.service, targetCounterId: null, basisMs: now, priorityWeight: credit, rankAtMs: now - credit * 60_000, seq };
      waiting.set(id, ticket);
      if (credit > 0) priority.push({ serviceId: a.service, atMs: now, creditMinutes: credit });
      while (priority.length && priority[0]!.atMs <= now - H) priority.shift();
      const recentCycles = Object.fromEntries(recent);
      const pos = computePositions({ nowMs: now, tickets: [...waiting.values()], counters: counters.map((c) => ({ ...c.pc })), recentCycles, recentPriority: priority, defaultServiceMinutes }).get(id)!;
      pending.set(id, { service: a.service, estimate: pos.waitSeconds ?? NaN, low: pos.waitLowSeconds ?? NaN, high: pos.waitHighSeconds ?? NaN, issuedAt: now });
      callAll(now);
    }
  }
  return samples;
}

export interface Accuracy {
  tickets: number;
  /** Told "no counter open" at issue: no time shown, so not in the error figures. */
  untimed: number;
  meanActualMin: number;
  medianAbsErrorMin: number;
  p90AbsErrorMin: number;
  /** Share of timed calls whose actual wait fell inside the range shown (in whole minutes, as printed). */
  insideRange: number;
  meanSignedErrorMin: number;
  /** Median width of the range shown (high - low), minutes. */
  medianRangeWidthMin: number;
}

const quantile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * (s.length - 1)))] ?? NaN;
};
const mean = (xs: number[]) => xs.reduce((s, y) => s + y, 0) / xs.length;

export function accuracy(xs: Sample[]): Accuracy {
  const timed = xs.filter((x) => Number.isFinite(x.estimate));
  const err = timed.map((x) => Math.abs(x.estimate - x.actual) / 60);
  // The ticket prints the range in whole minutes (floor of low, ceiling of high).
  const inside = timed.filter((x) => x.actual >= Math.floor(x.low / 60) * 60 && x.actual <= Math.ceil(x.high / 60) * 60).length;
  return {
    tickets: xs.length,
    untimed: xs.length - timed.length,
    meanActualMin: mean(xs.map((x) => x.actual / 60)),
    medianAbsErrorMin: quantile(err, 0.5),
    p90AbsErrorMin: quantile(err, 0.9),
    insideRange: timed.length ? inside / timed.length : NaN,
    meanSignedErrorMin: mean(timed.map((x) => (x.estimate - x.actual) / 60)),
    medianRangeWidthMin: quantile(timed.map((x) => (Math.ceil(x.high / 60) - Math.floor(x.low / 60))), 0.5),
  };
}

/** Samples grouped by a key (service id, agency code). */
export function groupBy(samples: Sample[], key: (s: Sample) => string): Map<string, Sample[]> {
  const out = new Map<string, Sample[]>();
  for (const s of samples) {
    const k = key(s);
    let list = out.get(k);
    if (!list) out.set(k, (list = []));
    list.push(s);
  }
  return out;
}
