import type { CrewEvent, StopPack } from './offline-store';

/**
 * The stop's queue as this device sees it: the last pack from the server plus the events recorded
 * here since (those past the pack's device.lastSeq). The server has the final word when they sync;
 * this only has to be right for what this device did.
 */
export interface LocalTicket {
  number: number;
  serviceId: string;
  bookingId: string | null;
  status: 'waiting' | 'called' | 'served' | 'no_show';
  mine: boolean;
  issuedAt: string;
  /** Known once the server has the ticket as served: the code for the SKM survey at /survei. */
  surveyCode: string | null;
}

export interface LocalQueue {
  tickets: LocalTicket[];
  bookingStatus: Map<string, StopPack['bookings'][number]['status']>;
  /** The next free number of this device's blocks, or null when they are used up. */
  nextNumber: number | null;
  numbersLeft: number;
}

export function localQueue(pack: StopPack, waiting: readonly CrewEvent[]): LocalQueue {
  const tickets = new Map<number, LocalTicket>();
  for (const t of pack.tickets) if (t.mergedInto === null) tickets.set(t.number, { ...t });
  const used = new Set(pack.tickets.map((t) => t.number));
  const bookingStatus = new Map(pack.bookings.map((b) => [b.id, b.status]));
  for (const e of waiting) {
    if (e.seq <= pack.device.lastSeq) continue;
    if (e.type === 'ticket_issued' || e.type === 'booking_checked_in') {
      used.add(e.number);
      const bookingId = e.type === 'booking_checked_in' ? e.bookingId : null;
      const serviceId = e.type === 'ticket_issued' ? e.serviceId : (pack.bookings.find((b) => b.id === bookingId)?.serviceId ?? '');
      tickets.set(e.number, { number: e.number, serviceId, bookingId, status: 'waiting', mine: true, issuedAt: e.at, surveyCode: null });
      if (bookingId) bookingStatus.set(bookingId, 'checked_in');
      continue;
    }
    const t = tickets.get(e.number);
    if (!t || t.status === 'served') continue;
    t.status = e.type;
    if (t.bookingId && e.type !== 'called') bookingStatus.set(t.bookingId, e.type);
  }
  let nextNumber: number | null = null;
  let numbersLeft = 0;
  for (const b of pack.blocks) {
    for (let n = b.first; n <= b.last; n++) {
      if (used.has(n)) continue;
      nextNumber ??= n;
      numbersLeft++;
    }
  }
  return { tickets: [...tickets.values()].sort((a, b) => a.number - b.number), bookingStatus, nextNumber, numbersLeft };
}

export const ticketLabel = (n: number) => `K-${String(n).padStart(3, '0')}`;
