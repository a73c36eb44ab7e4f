import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { CrewEvent, EventBody } from './sync-engine.js';

/**
 * Two crew devices working offline at one stop: each issues walk-in tickets from its own block,
 * checks in bookings (both may check in the same one), calls, serves and marks no-shows, then the
 * batches come back in any order, every batch twice.
 */
export interface DeviceScript {
  deviceId: string;
  events: CrewEvent[];
  /** The device's events cut into consecutive batches as it would send them. */
  batches: CrewEvent[][];
}

export interface Scenario {
  devices: DeviceScript[];
  /** Deliveries: [device index, batch index], every batch at least twice, in any order. */
  deliveries: Array<[number, number]>;
}

type Action = { kind: 'walk_in' } | { kind: 'check_in'; booking: number } | { kind: 'call' | 'serve' | 'no_show'; pick: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.constant({ kind: 'walk_in' as const }),
  fc.record({ kind: fc.constant('check_in' as const), booking: fc.nat(4) }),
  fc.record({ kind: fc.constantFrom('call' as const, 'serve' as const, 'no_show' as const), pick: fc.nat(20) }),
);

/** Turns one device's actions into its local events, as the crew screen records them. */
function script(deviceId: string, firstNumber: number, actions: Action[], bookingIds: string[], serviceId: string, cuts: number[], start: number): DeviceScript {
  const events: CrewEvent[] = [];
  const mine: number[] = [];
  let next = firstNumber;
  let clock = start;
  const push = (body: EventBody) => {
    clock += 60_000;
    events.push({ ...body, id: randomUUID(), seq: events.length + 1, at: new Date(clock).toISOString() } as CrewEvent);
  };
  for (const a of actions) {
    if (a.kind === 'walk_in') {
      push({ type: 'ticket_issued', number: next, serviceId });
      mine.push(next++);
    } else if (a.kind === 'check_in') {
      push({ type: 'booking_checked_in', number: next, bookingId: bookingIds[a.booking % bookingIds.length]! });
      mine.push(next++);
    } else if (mine.length) {
      const n = mine[a.pick % mine.length]!;
      push({ type: a.kind === 'call' ? 'called' : a.kind === 'serve' ? 'served' : 'no_show', number: n });
    }
  }
  const batches: CrewEvent[][] = [];
  let from = 0;
  for (const cut of [...new Set(cuts.map((c) => c % (events.length + 1)))].sort((x, y) => x - y)) {
    if (cut > from) batches.push(events.slice(from, cut));
    from = Math.max(from, cut);
  }
  if (from < events.length || batches.length === 0) batches.push(events.slice(from));
  return { deviceId, events, batches };
}

export function scenarioArb(opts: { deviceIds: [string, string]; firstNumbers: [number, number]; bookingIds: string[]; serviceId: string; start: number; maxActions?: number }): fc.Arbitrary<Scenario> {
  const max = opts.maxActions ?? 25;
  return fc
    .tuple(fc.array(action, { maxLength: max }), fc.array(action, { maxLength: max }), fc.array(fc.nat(60), { maxLength: 4 }), fc.array(fc.nat(60), { maxLength: 4 }))
    .chain(([a0, a1, c0, c1]) => {
      const devices = [
        script(opts.deviceIds[0], opts.firstNumbers[0], a0, opts.bookingIds, opts.serviceId, c0, opts.start),
        script(opts.deviceIds[1], opts.firstNumbers[1], a1, opts.bookingIds, opts.serviceId, c1, opts.start + 30_000),
      ];
      const all: Array<[number, number]> = devices.flatMap((d, i) => d.batches.map((_, b) => [i, b] as [number, number]));
      return fc.shuffledSubarray([...all, ...all], { minLength: all.length * 2, maxLength: all.length * 2 }).map((deliveries) => ({ devices, deliveries }));
    });
}
