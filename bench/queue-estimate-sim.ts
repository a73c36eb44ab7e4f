/**
 * Simulates a service day at one MPP service and measures how far the estimated wait shown on the
 * ticket (src/queue/estimate.ts, the same function the API uses) is from the wait that followed.
 *
 *   npx tsx bench/queue-estimate-sim.ts [--days 20] [--seed 7]
 *
 * Model: 08:00-15:00, arrivals Poisson with a morning peak (rate per hour below), service (call to
 * finish) log-normal with mean 6 min and CV 0.6, 3 counters, first come first served, one counter
 * paused 12:00-13:00 (the estimate sees open counters, as in production).
 */
import { estimateWaitSeconds } from '../src/queue/estimate.js';

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
const MEAN_S = 360;
const CV = 0.6;
const sigma = Math.sqrt(Math.log(1 + CV * CV));
const mu = Math.log(MEAN_S) - sigma * sigma / 2;
const serviceTime = () => Math.exp(mu + sigma * normal());
/** Arrivals per hour from 08:00 (index 0) to 14:00 (index 6). */
const RATE = [20, 34, 38, 30, 22, 26, 16];
const COUNTERS = 3;
const OPEN_S = 8 * 3600;
const LAST_ARRIVAL_S = 15 * 3600;

interface Sample {
  ahead: number;
  estimate: number;
  actual: number;
}

function simulateDay(): Sample[] {
  const arrivals: number[] = [];
  for (let t = OPEN_S; ; ) {
    const rate = RATE[Math.min(RATE.length - 1, Math.floor((t - OPEN_S) / 3600))]! / 3600;
    t += -Math.log(1 - rand()) / rate;
    if (t >= LAST_ARRIVAL_S) break;
    arrivals.push(t);
  }
  const freeAt = Array.from({ length: COUNTERS }, () => OPEN_S);
  const paused = (c: number, t: number) => c === 2 && t >= 12 * 3600 && t < 13 * 3600;
  const startOf: number[] = [];
  const completions: { at: number; cycle: number }[] = [];
  // FCFS: each person goes to the counter that frees first (respecting the pause).
  for (const [i, arrival] of arrivals.entries()) {
    let best = 0;
    let bestStart = Infinity;
    for (let c = 0; c < COUNTERS; c++) {
      let s = Math.max(freeAt[c]!, i === 0 ? arrival : Math.max(arrival, startOf[i - 1]!));
      if (paused(c, s)) s = 13 * 3600;
      if (s < bestStart) {
        bestStart = s;
        best = c;
      }
    }
    const st = serviceTime();
    startOf.push(bestStart);
    freeAt[best] = bestStart + st;
    completions.push({ at: bestStart + st, cycle: st });
  }
  return arrivals.map((arrival, i) => {
    // What the server knows at issue time: who still waits ahead, the last 20 finished cycles, open counters.
    let ahead = 0;
    for (let j = 0; j < i; j++) if (startOf[j]! > arrival) ahead++;
    const recent = completions.filter((c) => c.at <= arrival).sort((a, b) => b.at - a.at).slice(0, 20).map((c) => c.cycle);
    let open = 0;
    for (let c = 0; c < COUNTERS; c++) if (!paused(c, arrival)) open++;
    const estimate = estimateWaitSeconds({ ahead, recentCycleSeconds: recent, openCounters: open, defaultServiceMinutes: 6 });
    return { ahead, estimate, actual: startOf[i]! - arrival };
  });
}

const samples = Array.from({ length: DAYS }, simulateDay).flat();
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const min = (s: number) => (s / 60).toFixed(1);
function report(label: string, xs: Sample[]) {
  if (!xs.length) return;
  const abs = xs.map((x) => Math.abs(x.estimate - x.actual));
  const signed = xs.map((x) => x.estimate - x.actual);
  const actual = xs.map((x) => x.actual);
  console.log(
    `| ${label} | ${xs.length} | ${min(actual.reduce((a, b) => a + b, 0) / xs.length)} | ${min(abs.reduce((a, b) => a + b, 0) / xs.length)} | ${min(pct(abs, 50))} | ${min(pct(abs, 90))} | ${min(signed.reduce((a, b) => a + b, 0) / xs.length)} |`,
  );
}
console.log(`Simulated ${DAYS} days, ${samples.length} tickets, ${COUNTERS} counters, service mean ${MEAN_S / 60} min (CV ${CV}).`);
console.log('| tickets | n | mean actual wait (min) | mean abs error (min) | median abs error | p90 abs error | mean signed error (est - actual) |');
console.log('|---|---|---|---|---|---|---|');
report('all', samples);
report('0-2 ahead', samples.filter((s) => s.ahead <= 2));
report('3-9 ahead', samples.filter((s) => s.ahead >= 3 && s.ahead <= 9));
report('10+ ahead', samples.filter((s) => s.ahead >= 10));
