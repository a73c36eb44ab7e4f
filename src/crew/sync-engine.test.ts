import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyBatch, emptyState, nextBlock, pendingProjection, type CrewEvent, type EventBody, type StopState } from './sync-engine.js';
import { scenarioArb } from './sync-scenario.test-helpers.js';

const SERVICE = '00000000-0000-4000-8000-000000000001';
const BOOKINGS = ['b1', 'b2', 'b3'].map((b) => `00000000-0000-4000-8000-0000000000${b === 'b1' ? '11' : b === 'b2' ? '12' : '13'}`);
const NOW = '2026-12-01T09:00:00.000Z';
const START = Date.parse('2026-12-01T02:00:00.000Z');

function stop(): StopState {
  const s = emptyState([SERVICE]);
  for (const id of BOOKINGS) s.bookings.set(id, { id, serviceId: SERVICE, status: 'booked' });
  s.blocks.push(nextBlock(s.blocks, 'A', 100));
  s.blocks.push(nextBlock(s.blocks, 'B', 100));
  return s;
}

const ev = (seq: number, body: EventBody, at = `2026-12-01T03:${String(seq).padStart(2, '0')}:00.000Z`) =>
  ({ ...body, id: randomUUID(), seq, at }) as CrewEvent;

/** What the stop looks like, without the bookkeeping of which event came when. */
function summary(s: StopState) {
  return {
    tickets: [...s.tickets.values()].sort((a, b) => a.number - b.number),
    bookings: [...s.bookings.values()].sort((a, b) => a.id.localeCompare(b.id)),
    lastSeq: [...s.lastSeq.entries()].sort(),
  };
}

describe('stop sync rules', () => {
  it('reserves blocks that never overlap', () => {
    const s = stop();
    s.blocks.push(nextBlock(s.blocks, 'A', 50));
    expect(s.blocks).toEqual([
      { deviceId: 'A', first: 1, last: 100 },
      { deviceId: 'B', first: 101, last: 200 },
      { deviceId: 'A', first: 201, last: 250 },
    ]);
  });

  it('applies a device batch in sequence order and answers a replay as a duplicate', () => {
    const s = stop();
    const batch = [ev(1, { type: 'ticket_issued', number: 1, serviceId: SERVICE }), ev(2, { type: 'called', number: 1 }), ev(3, { type: 'served', number: 1 })];
    expect(applyBatch(s, 'A', batch, NOW).outcomes.map((o) => o.result)).toEqual(['applied', 'applied', 'applied']);
    const before = structuredClone(summary(s));
    const again = applyBatch(s, 'A', batch, NOW);
    expect(again.outcomes.map((o) => [o.result, o.code])).toEqual([
      ['duplicate', 'applied'],
      ['duplicate', 'applied'],
      ['duplicate', 'applied'],
    ]);
    expect(summary(s)).toEqual(before);
    expect(again.touchedTickets.size).toBe(0);
    expect(pendingProjection(s.tickets.get(1)!)).toBe('served');
  });

  it('holds events past a gap until the missing ones arrive', () => {
    const s = stop();
    const e1 = ev(1, { type: 'ticket_issued', number: 1, serviceId: SERVICE });
    const e2 = ev(2, { type: 'served', number: 1 });
    expect(applyBatch(s, 'A', [e2], NOW).outcomes[0]).toMatchObject({ result: 'pending', code: 'waiting_for_earlier' });
    expect(s.tickets.size).toBe(0);
    const r = applyBatch(s, 'A', [e1], NOW);
    expect(r.outcomes[0]!.result).toBe('applied');
    expect(r.touchedEvents).toEqual(new Set([e1.id, e2.id]));
    expect(s.tickets.get(1)!.status).toBe('served');
  });

  it('refuses a number outside the device block, a reused number and a reused sequence', () => {
    const s = stop();
    const out = applyBatch(
      s,
      'A',
      [ev(1, { type: 'ticket_issued', number: 150, serviceId: SERVICE }), ev(2, { type: 'ticket_issued', number: 2, serviceId: SERVICE }), ev(3, { type: 'ticket_issued', number: 2, serviceId: SERVICE })],
      NOW,
    ).outcomes;
    expect(out.map((o) => o.code)).toEqual(['number_outside_block', null, 'number_reused']);
    expect(applyBatch(s, 'A', [ev(2, { type: 'called', number: 2 })], NOW).outcomes[0]).toMatchObject({ result: 'rejected', code: 'seq_reused' });
  });

  it('merges a booking checked in on two devices and reports the second serve as a conflict', () => {
    const s = stop();
    const [b] = BOOKINGS;
    applyBatch(s, 'A', [ev(1, { type: 'booking_checked_in', number: 1, bookingId: b! }), ev(2, { type: 'served', number: 1 })], NOW);
    const out = applyBatch(s, 'B', [ev(1, { type: 'booking_checked_in', number: 101, bookingId: b! }), ev(2, { type: 'served', number: 101 })], NOW).outcomes;
    expect(out[0]).toMatchObject({ result: 'merged', code: 'booking_checked_in_elsewhere', number: 1, otherDevice: 'A' });
    expect(out[1]).toMatchObject({ result: 'conflict', code: 'already_served', number: 1, otherDevice: 'A' });
    expect(s.bookings.get(b!)!.status).toBe('served');
    expect([...s.tickets.values()].filter((t) => pendingProjection(t))).toHaveLength(1);
  });

  it('lets a serve win over a no-show marked on another device', () => {
    const s = stop();
    const [b] = BOOKINGS;
    applyBatch(s, 'B', [ev(1, { type: 'booking_checked_in', number: 101, bookingId: b! }), ev(2, { type: 'no_show', number: 101 })], NOW);
    const out = applyBatch(s, 'A', [ev(1, { type: 'booking_checked_in', number: 1, bookingId: b! }), ev(2, { type: 'served', number: 1 })], NOW).outcomes;
    expect(out[1]).toMatchObject({ result: 'merged', code: 'no_show_overridden', number: 101 });
    expect(s.tickets.get(101)!.status).toBe('served');
    expect(s.bookings.get(b!)!.status).toBe('served');
  });

  it('cuts a device clock running ahead to the server time', () => {
    const s = stop();
    applyBatch(s, 'A', [ev(1, { type: 'ticket_issued', number: 1, serviceId: SERVICE }, '2027-01-01T00:00:00.000Z')], NOW);
    expect(s.tickets.get(1)!.issuedAt).toBe(NOW);
  });

  it('two devices offline, batches back in any order, twice: no duplicate number, every event once, same end state', () => {
    fc.assert(
      fc.property(scenarioArb({ deviceIds: ['A', 'B'], firstNumbers: [1, 101], bookingIds: BOOKINGS, serviceId: SERVICE, start: START }), (scenario) => {
        const s = stop();
        const answers = new Map<string, string[]>();
        for (const [d, b] of scenario.deliveries) {
          const device = scenario.devices[d]!;
          const r = applyBatch(s, device.deviceId, device.batches[b]!, NOW);
          for (const o of [...r.outcomes, ...r.settled]) answers.set(o.eventId, [...(answers.get(o.eventId) ?? []), o.result]);
        }
        const all = scenario.devices.flatMap((d) => d.events);
        // Every event settled exactly once: one non-duplicate, non-pending answer, then only duplicates.
        for (const e of all) {
          const got = answers.get(e.id)!.filter((r) => r !== 'pending');
          expect(got.filter((r) => r !== 'duplicate')).toHaveLength(1);
          expect(s.seen.get(e.id)!.outcome.result).not.toBe('pending');
        }
        // No number twice, each inside its device's block; one live ticket per booking.
        const numbers = [...s.tickets.keys()];
        expect(new Set(numbers).size).toBe(numbers.length);
        for (const t of s.tickets.values()) expect(t.number <= 100 ? 'A' : 'B').toBe(t.deviceId);
        const live = [...s.tickets.values()].filter((t) => t.mergedInto === null && t.bookingId);
        expect(new Set(live.map((t) => t.bookingId)).size).toBe(live.length);
        // A booking is served exactly when some device served it, whatever the order.
        for (const id of BOOKINGS) {
          const servedSomewhere = scenario.devices.some((d) =>
            d.events.some((e) => e.type === 'served' && d.events.some((c) => c.type === 'booking_checked_in' && c.bookingId === id && c.number === e.number)),
          );
          expect(s.bookings.get(id)!.status === 'served').toBe(servedSomewhere);
        }
        // Replaying everything again changes nothing.
        const before = structuredClone(summary(s));
        for (const d of scenario.devices) for (const b of d.batches) expect(applyBatch(s, d.deviceId, b, NOW).touchedTickets.size).toBe(0);
        expect(summary(s)).toEqual(before);
      }),
      { numRuns: 300 },
    );
  });
});
