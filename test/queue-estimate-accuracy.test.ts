/**
 * The busy-day target of the wait shown on a ticket (issue 12): replayed at the demo MPP (25 agencies,
 * 159 services; model in bench/queue-estimate-model.ts), the wait promised at issue must be within
 * 5 minutes of the real wait for half the calls, and at least 80% of calls must fall inside the range
 * printed. Fails when a change to the estimator (src/queue/positions.ts, estimate.ts) makes it worse.
 * The full table: `npx tsx bench/queue-estimate-sim.ts --days 5 --seed 7` (docs/queue.md).
 */
import { describe, expect, it } from 'vitest';
import { accuracy, demoFloor, groupBy, simulate } from '../bench/queue-estimate-model.js';

describe('estimated wait on a replayed busy day at the demo MPP', () => {
  const floor = demoFloor(0.95);
  const samples = simulate(floor, { days: 2, seed: 7 });

  it('meets the target over the floor: median absolute error under 5 minutes, 80% inside the range', () => {
    const all = accuracy(samples);
    expect(all.tickets).toBeGreaterThan(3000);
    expect(all.medianAbsErrorMin).toBeLessThan(5);
    expect(all.insideRange).toBeGreaterThanOrEqual(0.8);
    // A range as wide as the wait would hold every call and tell nobody anything.
    expect(all.medianRangeWidthMin).toBeLessThanOrEqual(10);
  });

  // Not met, and said so in docs/queue.md: an agency with ONE counter whose officer takes an unannounced
  // 30-minute break. The estimate cannot see the break coming, so everyone issued before it is late.
  it('keeps the median error under 5 minutes for every busy service served by two or more counters', () => {
    const counters = new Map<string, number>();
    for (const c of floor.counters) counters.set(c.agency, (counters.get(c.agency) ?? 0) + 1);
    const agencyOf = new Map(floor.services.map((s) => [s.id, s.agency]));
    const busy = [...groupBy(samples, (s) => s.service)].filter(([id, xs]) => xs.length >= 60 && counters.get(agencyOf.get(id)!)! >= 2);
    expect(busy.length).toBeGreaterThanOrEqual(10);
    for (const [service, xs] of busy) expect({ service, median: accuracy(xs).medianAbsErrorMin < 5 }).toEqual({ service, median: true });
  });
});
