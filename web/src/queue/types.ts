/** Shapes of the queue API (src/queue/schemas.ts), as the web app reads them. */
export type TicketStatus = 'waiting' | 'called' | 'serving' | 'parked' | 'served' | 'no_show' | 'cancelled';

export interface TicketView {
  id: string;
  number: string;
  status: TicketStatus;
  mpp: { id: string; name: string; timezone: string };
  service: { id: string; name: string };
  tenantName: string;
  priorityClass: string | null;
  channel: 'kiosk' | 'reception' | 'online';
  issuedAt: string;
  calledAt: string | null;
  counter: { id: string; number: number; name: string } | null;
  peopleAhead: number | null;
  estimatedWaitMinutes: number | null;
  estimatedWaitRange: { lowMinutes: number; highMinutes: number } | null;
  noCounter: 'paused' | 'closed' | null;
  statusToken: string;
  /** Printed on the ticket: the survey code that answers once the ticket is served. */
  surveyCode: string;
  visitToken: string;
  visitTickets: { number: string; serviceName: string; status: TicketStatus }[];
}

export interface QueueOffer {
  mpp: { id: string; name: string; timezone: string };
  open: boolean;
  closedReason: string | null;
  nextOpening: string | null;
  services: { id: string; code: string; name: string; prefix: string; tenantName: string; waiting: number; quotaLeft: number | null; countersOpen: number }[];
  priorityClasses: { id: string; code: string; name: string; weight: number }[];
}

export interface DisplayEvent {
  seq: number;
  zone: string | null;
  type: 'call' | 'recall' | 'serving' | 'done';
  payload: { ticketId: string; number: string; serviceId: string; serviceName: string; counterId: string | null; counterNumber: number | null; counterName: string | null; speech: string | null };
  at: string;
}

export interface DisplaySnapshot {
  mpp: { id: string; name: string; timezone: string };
  zone: string | null;
  lastSeq: number;
  recentCalls: DisplayEvent[];
  nowServing: { ticketId: string; number: string; status: string; serviceName: string; counterId: string; counterNumber: number; counterName: string }[];
  waiting: { serviceId: string; name: string; prefix: string; waiting: number }[];
}

export const timeOf = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('id-ID', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

/** The wait a waiting ticket is told: a range in minutes, or why there is none (no counter open). */
export function waitText(ticket: Pick<TicketView, 'estimatedWaitMinutes' | 'estimatedWaitRange' | 'noCounter'>, t: (id: string, en: string) => string): string {
  if (ticket.noCounter === 'paused') return t('Loket sedang jeda — belum ada perkiraan', 'Counters paused — no estimate yet');
  if (ticket.noCounter === 'closed') return t('Belum ada loket buka — belum ada perkiraan', 'No counter open — no estimate yet');
  const r = ticket.estimatedWaitRange;
  if (!r) return '-';
  if (r.highMinutes <= 1) return t('sebentar lagi', 'any moment');
  return `${r.lowMinutes}–${r.highMinutes} ${t('menit', 'min')}`;
}
