import { describe, expect, it } from 'vitest';
import { computePositions, type PositionCounter, type PositionInput, type PositionTicket } from './positions.js';

// The range's top admits priority-class people still to come (positions.ts priorityDelayMs): measured
// on the replayed busy days (docs/queue.md), checked here on a line small enough to reason about.
const MIN = 60_000;
const now = Date.parse('2026-12-01T03:00:00Z');
const counter = (id: string, weights: Record<string, number>): PositionCounter => ({ id, number: 1, status: 'open', weights, current: null });
const ticket = (id: string, serviceId: string, issuedMinutesAgo: number, seq: number): PositionTicket => ({
  id,
  serviceId,
  targetCounterId: null,
  basisMs: now - issuedMinutesAgo * MIN,
  priorityWeight: 0,
  rankAtMs: now - issuedMinutesAgo * MIN,
  seq,
});
const base: PositionInput = {
  nowMs: now,
  // Four people ahead of the newest at one counter serving KTP, 6 minutes each.
  tickets: [ticket('t1', 'KTP', 20, 1), ticket('t2', 'KTP', 15, 2), ticket('t3', 'KTP', 10, 3), ticket('t4', 'KTP', 5, 4), ticket('t5', 'KTP', 0, 5)],
  counters: [counter('c1', { KTP: 1 })],
  recentCycles: { KTP: [360, 360, 360] },
  defaultServiceMinutes: 6,
};

describe('range of the estimated wait', () => {
  it('raises only the top of the range by the priority people expected while the ticket waits', () => {
    const plain = computePositions(base).get('t5')!;
    // Six lansia (30 minutes of credit) in the last hour at KTP: one every 10 minutes.
    const recentPriority = Array.from({ length: 6 }, (_, i) => ({ serviceId: 'KTP', atMs: now - (i * 10 + 5) * MIN, creditMinutes: 30 }));
    const withPriority = computePositions({ ...base, recentPriority }).get('t5')!;
    expect(withPriority.waitSeconds).toBe(24 * 60); // four people ahead at 6 minutes: the line that is here now
    expect(plain.waitSeconds).toBe(24 * 60);
    expect(withPriority.waitLowSeconds).toBe(plain.waitLowSeconds);
    // 6 an hour over its 24-minute wait (within their 30-minute credit): 2.4 people, 6 minutes each, one counter.
    expect(withPriority.waitHighSeconds! - plain.waitHighSeconds!).toBe(Math.round(2.4 * 6 * 60));
  });

  it('ignores priority arrivals at services its counters do not serve, and credits a ticket that has already waited', () => {
    const elsewhere = [{ serviceId: 'SIM', atMs: now - 5 * MIN, creditMinutes: 30 }];
    const plain = computePositions(base).get('t1')!;
    expect(computePositions({ ...base, recentPriority: elsewhere }).get('t5')!.waitHighSeconds).toBe(computePositions(base).get('t5')!.waitHighSeconds);
    // t1 is called now: nobody still to come can pass it.
    const lansia = Array.from({ length: 6 }, (_, i) => ({ serviceId: 'KTP', atMs: now - (i * 10 + 5) * MIN, creditMinutes: 30 }));
    expect(computePositions({ ...base, recentPriority: lansia }).get('t1')!.waitHighSeconds).toBe(plain.waitHighSeconds);
    // t2 has waited 15 minutes and is called in 6: passed by those arriving in the next min(6, 30 - 15)
    // minutes, 6 an hour: 0.6 people of 6 minutes.
    const t2 = computePositions(base).get('t2')!;
    expect(computePositions({ ...base, recentPriority: lansia }).get('t2')!.waitHighSeconds! - t2.waitHighSeconds!).toBe(Math.round(0.6 * 6 * 60));
  });
});
