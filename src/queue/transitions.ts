import type { Queryable } from '../platform/db.js';
import { appendDisplayEvent, type DisplayEventType } from './display-repository.js';
import * as repo from './repository.js';
import type { StaffTicketView } from './schemas.js';
import { callAnnouncement } from './speech.js';
import { allowedActions } from './state.js';

/**
 * Records, in the transition's transaction, what the boards are told about a ticket at a counter (call,
 * recall, serving, done). The caller publishes it after the commit: publishBoardEvents (board-publisher.ts).
 */
export async function emitTicketDisplay(tx: Queryable, t: repo.TicketRow, type: DisplayEventType, at: Date): Promise<void> {
  const called = (type === 'call' || type === 'recall') && t.counterName !== null;
  await appendDisplayEvent(tx, {
    mppId: t.mppId,
    zone: null,
    zoneOfCounter: t.counterId,
    type,
    at,
    payload: {
      ticketId: t.id,
      number: t.number,
      serviceId: t.serviceId,
      serviceName: t.serviceName,
      counterId: t.counterId,
      counterNumber: t.counterNumber,
      counterName: t.counterName,
      speech: called ? callAnnouncement(t.prefix, t.seq, t.counterName!, { plate: t.plate, holderName: t.holderName }) : null,
      ...(t.lane ? { lane: t.lane, plate: t.plate, holderName: t.holderName } : {}),
    },
  });
}

const secondsBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 1000);

/**
 * Waiting, service and total time from a ticket's events: waiting runs from issue to the first call,
 * service is the sum of serving periods (start to finish or transfer), total from issue to the end.
 */
export function ticketTimes(events: repo.TicketEventRow[]): StaffTicketView['times'] {
  const issued = events.find((e) => e.type === 'issued');
  const firstCall = events.find((e) => e.type === 'called');
  const end = events.find((e) => e.type === 'served' || e.type === 'no_show' || e.type === 'cancelled');
  let service: number | null = null;
  let servingSince: string | null = null;
  for (const e of events) {
    if (e.type === 'serving') servingSince = e.at;
    else if (servingSince && (e.type === 'served' || e.type === 'transferred')) {
      service = (service ?? 0) + secondsBetween(servingSince, e.at);
      servingSince = null;
    }
  }
  return {
    waitingSeconds: issued && firstCall ? secondsBetween(issued.at, firstCall.at) : null,
    serviceSeconds: service,
    totalSeconds: issued && end ? secondsBetween(issued.at, end.at) : null,
  };
}

export async function staffTicketView(q: Queryable, t: repo.TicketRow): Promise<StaffTicketView> {
  const events = await repo.listTicketEvents(q, t.mppId, t.id);
  return {
    id: t.id,
    number: t.number,
    status: t.status,
    serviceId: t.serviceId,
    serviceName: t.serviceName,
    tenantName: t.tenantName,
    priorityClass: t.priorityName,
    issuedAt: t.issuedAt,
    calledAt: t.calledAt,
    recallCount: t.recallCount,
    counter: t.counterId ? { id: t.counterId, number: t.counterNumber!, name: t.counterName! } : null,
    plate: t.plate,
    holderName: t.holderName,
    events,
    times: ticketTimes(events),
    allowedActions: allowedActions(t.status),
  };
}
