/**
 * The stop queue's sync engine, pure: no database, no clock. The server loads one stop's state under
 * the stop's lock, runs a device's batch through `applyBatch`, and writes back what changed. The same
 * function is what the property tests drive, so "every event once, no duplicate number" is proven on
 * the rules themselves and again through the database (sync.test.ts).
 *
 * Rules (docs/mobile-crew.md):
 * - A device applies its events in its own sequence (1, 2, 3 ...). An event past a gap waits
 *   ('pending') until the missing ones arrive; an event id seen before answers 'duplicate' with its
 *   first outcome and changes nothing.
 * - A ticket number must come from a block reserved for that device; blocks of a stop never overlap,
 *   so two devices offline never issue the same number.
 * - A booking has one ticket. A second check-in of the same booking (another device, offline) is
 *   merged into the first ticket: later events on the second number act on the first.
 * - served is final; served after no_show wins (the person did come); anything after served is a
 *   conflict reported to the device, and counts nothing.
 */

export type TicketStatus = 'waiting' | 'called' | 'served' | 'no_show';
export type BookingStatus = 'booked' | 'cancelled' | 'checked_in' | 'served' | 'no_show';

export type EventBody =
  | { type: 'ticket_issued'; number: number; serviceId: string }
  | { type: 'booking_checked_in'; number: number; bookingId: string }
  | { type: 'called'; number: number }
  | { type: 'served'; number: number }
  | { type: 'no_show'; number: number };

export type CrewEvent = EventBody & { id: string; seq: number; at: string };

export interface Block {
  deviceId: string;
  first: number;
  last: number;
}

export interface Ticket {
  number: number;
  deviceId: string;
  serviceId: string;
  bookingId: string | null;
  status: TicketStatus;
  /** Set on a second check-in of a booking: the number its events act on. */
  mergedInto: number | null;
  issuedAt: string;
  calledAt: string | null;
  finishedAt: string | null;
  /** The device that served it (or marked the no-show), for the report to the others. */
  finishedBy: string | null;
  /** What the queue's own tickets already show for it (statistics, survey): null until final. */
  projected: 'served' | 'no_show' | null;
}

export interface Booking {
  id: string;
  serviceId: string;
  status: BookingStatus;
}

export type Result = 'applied' | 'merged' | 'duplicate' | 'conflict' | 'rejected' | 'pending';

export interface Outcome {
  eventId: string;
  seq: number;
  result: Result;
  /** Why, for anything but a plain 'applied': a stable code the crew screen explains. */
  code: string | null;
  /** The ticket number the event acted on (after a merge, the first ticket's). */
  number: number | null;
  /** The device whose earlier event decided a conflict or merge. */
  otherDevice: string | null;
}

export interface StopState {
  serviceIds: Set<string>;
  blocks: Block[];
  lastSeq: Map<string, number>;
  tickets: Map<number, Ticket>;
  bookings: Map<string, Booking>;
  /** Every event ever received for the stop, with its outcome ('pending' while parked). */
  seen: Map<string, { deviceId: string; outcome: Outcome; event: CrewEvent }>;
}

export interface BatchResult {
  outcomes: Outcome[];
  /** Events of this device held from an earlier batch and settled now (not in this batch). */
  settled: Outcome[];
  /** Numbers of tickets created or changed, bookings changed, events newly recorded or settled. */
  touchedTickets: Set<number>;
  touchedBookings: Set<string>;
  touchedEvents: Set<string>;
}

/** Accepts device clocks up to this far ahead of the server; later times are cut to the server's now. */
export const CLOCK_SKEW_MS = 5 * 60_000;

const outcome = (e: CrewEvent, result: Result, code: string | null = null, extra: Partial<Outcome> = {}): Outcome => ({
  eventId: e.id,
  seq: e.seq,
  result,
  code,
  number: 'number' in e ? e.number : null,
  otherDevice: null,
  ...extra,
});

export function ownsNumber(blocks: readonly Block[], deviceId: string, n: number): boolean {
  return blocks.some((b) => b.deviceId === deviceId && n >= b.first && n <= b.last);
}

/** Reserves the next block after every existing one: the caller holds the stop's lock. */
export function nextBlock(blocks: readonly Block[], deviceId: string, size: number): Block {
  const first = blocks.reduce((m, b) => Math.max(m, b.last), 0) + 1;
  return { deviceId, first, last: first + size - 1 };
}

const later = (a: string, b: string | null) => (b && b > a ? b : a);

/**
 * Applies one device's batch to the stop state (mutating it) and returns an outcome per event, in the
 * batch's order. `now` is the server's receive time (ISO).
 */
export function applyBatch(state: StopState, deviceId: string, events: readonly CrewEvent[], now: string): BatchResult {
  const res: BatchResult = { outcomes: [], settled: [], touchedTickets: new Set(), touchedBookings: new Set(), touchedEvents: new Set() };
  const byId = new Map<string, Outcome>();
  const cap = new Date(Date.parse(now) + CLOCK_SKEW_MS).toISOString();
  const fresh: CrewEvent[] = [];
  for (const e of events) {
    const prior = state.seen.get(e.id);
    if (prior) {
      // Same id again: a replay. Its first answer stands ('pending' stays pending until its turn).
      byId.set(e.id, prior.outcome.result === 'pending' ? prior.outcome : { ...prior.outcome, result: 'duplicate', code: prior.outcome.result });
      continue;
    }
    if (fresh.some((f) => f.id === e.id)) continue;
    fresh.push(e);
  }
  const last = () => state.lastSeq.get(deviceId) ?? 0;
  for (const e of fresh.sort((a, b) => a.seq - b.seq)) {
    const ev = { ...e, at: e.at > cap ? now : e.at };
    let o: Outcome;
    if (ev.seq <= last() || [...state.seen.values()].some((s) => s.deviceId === deviceId && s.event.seq === ev.seq)) {
      o = outcome(ev, 'rejected', 'seq_reused');
    } else {
      o = outcome(ev, 'pending', 'waiting_for_earlier');
    }
    state.seen.set(ev.id, { deviceId, outcome: o, event: ev });
    res.touchedEvents.add(ev.id);
  }
  // Settle this device's parked events in sequence order, as far as there is no gap.
  for (;;) {
    const next = [...state.seen.values()].find((s) => s.deviceId === deviceId && s.outcome.result === 'pending' && s.event.seq === last() + 1);
    if (!next) break;
    next.outcome = decide(state, deviceId, next.event, res);
    state.lastSeq.set(deviceId, next.event.seq);
    res.touchedEvents.add(next.event.id);
  }
  for (const e of events) res.outcomes.push(byId.get(e.id) ?? state.seen.get(e.id)!.outcome);
  const inBatch = new Set(events.map((e) => e.id));
  for (const id of res.touchedEvents) if (!inBatch.has(id)) res.settled.push(state.seen.get(id)!.outcome);
  return res;
}

function decide(state: StopState, deviceId: string, e: CrewEvent, res: BatchResult): Outcome {
  if (e.type === 'ticket_issued' || e.type === 'booking_checked_in') {
    if (!ownsNumber(state.blocks, deviceId, e.number)) return outcome(e, 'rejected', 'number_outside_block');
    const taken = state.tickets.get(e.number);
    if (taken) return outcome(e, 'rejected', 'number_reused', { otherDevice: taken.deviceId });
    let serviceId: string;
    let bookingId: string | null = null;
    let mergedInto: number | null = null;
    if (e.type === 'ticket_issued') {
      if (!state.serviceIds.has(e.serviceId)) return outcome(e, 'rejected', 'service_not_at_stop');
      serviceId = e.serviceId;
    } else {
      const booking = state.bookings.get(e.bookingId);
      if (!booking) return outcome(e, 'rejected', 'booking_unknown');
      if (booking.status === 'cancelled') return outcome(e, 'rejected', 'booking_cancelled');
      serviceId = booking.serviceId;
      bookingId = booking.id;
      const first = [...state.tickets.values()].find((t) => t.bookingId === booking.id && t.mergedInto === null);
      if (first) mergedInto = first.number;
      else {
        booking.status = 'checked_in';
        res.touchedBookings.add(booking.id);
      }
    }
    state.tickets.set(e.number, {
      number: e.number,
      deviceId,
      serviceId,
      bookingId,
      status: 'waiting',
      mergedInto,
      issuedAt: e.at,
      calledAt: null,
      finishedAt: null,
      finishedBy: null,
      projected: null,
    });
    res.touchedTickets.add(e.number);
    if (mergedInto !== null) {
      const first = state.tickets.get(mergedInto)!;
      return outcome(e, 'merged', 'booking_checked_in_elsewhere', { number: mergedInto, otherDevice: first.deviceId });
    }
    return outcome(e, 'applied');
  }

  let ticket = state.tickets.get(e.number);
  if (!ticket) return outcome(e, 'rejected', 'ticket_unknown');
  const merged = ticket.mergedInto !== null;
  if (merged) ticket = state.tickets.get(ticket.mergedInto!)!;
  const extra = { number: ticket.number };
  const done = (code: string | null = null) => {
    res.touchedTickets.add(ticket.number);
    if (ticket.bookingId) res.touchedBookings.add(ticket.bookingId);
    return outcome(e, merged ? 'merged' : 'applied', code ?? (merged ? 'booking_checked_in_elsewhere' : null), extra);
  };
  const at = later(e.at, ticket.calledAt ?? ticket.issuedAt);
  if (ticket.status === 'served') return outcome(e, 'conflict', 'already_served', { ...extra, otherDevice: ticket.finishedBy });
  const booking = ticket.bookingId ? state.bookings.get(ticket.bookingId) : undefined;
  switch (e.type) {
    case 'called':
      if (ticket.status === 'no_show') return outcome(e, 'conflict', 'already_no_show', { ...extra, otherDevice: ticket.finishedBy });
      if (ticket.status === 'called') return outcome(e, merged ? 'merged' : 'applied', 'recalled', extra);
      ticket.status = 'called';
      ticket.calledAt = at;
      return done();
    case 'served': {
      const wasNoShow = ticket.status === 'no_show';
      ticket.calledAt ??= at;
      ticket.status = 'served';
      ticket.finishedAt = later(e.at, ticket.calledAt);
      ticket.finishedBy = deviceId;
      if (booking) booking.status = 'served';
      return done(wasNoShow ? 'no_show_overridden' : null);
    }
    case 'no_show':
      if (ticket.status === 'no_show') return outcome(e, 'conflict', 'already_no_show', { ...extra, otherDevice: ticket.finishedBy });
      ticket.status = 'no_show';
      ticket.finishedAt = at;
      ticket.finishedBy = deviceId;
      if (booking) booking.status = 'no_show';
      return done();
  }
}

/** A ticket whose final state the queue's tickets do not show yet: what to write there. */
export function pendingProjection(t: Ticket): 'served' | 'no_show' | null {
  if (t.mergedInto !== null) return null;
  if (t.status !== 'served' && t.status !== 'no_show') return null;
  return t.projected === t.status ? null : t.status;
}

export function emptyState(serviceIds: Iterable<string>): StopState {
  return { serviceIds: new Set(serviceIds), blocks: [], lastSeq: new Map(), tickets: new Map(), bookings: new Map(), seen: new Map() };
}
