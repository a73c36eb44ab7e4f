import type { ResponseOf } from '../api/types';
import type { Translate } from '../i18n';

/** Names for the queue contract's shapes (generated from the API; never written by hand). */
export type TicketView = ResponseOf<'/api/mpps/{mppId}/queue/tickets', 'post'>;
export type TicketStatus = TicketView['status'];
export type QueueOffer = ResponseOf<'/api/mpps/{mppId}/queue/offer'>;
export type DisplaySnapshot = ResponseOf<'/api/mpps/{mppId}/queue/display'>;
export type DisplayEvent = DisplaySnapshot['recentCalls'][number];

export const timeOf = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('id-ID', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

/** The wait a waiting ticket is told: a range in minutes, or why there is none (no counter open). */
export function waitText(ticket: Pick<TicketView, 'estimatedWaitMinutes' | 'estimatedWaitRange' | 'noCounter'>, t: Translate): string {
  if (ticket.noCounter === 'paused') return t('Loket sedang jeda — belum ada perkiraan', 'Counters paused — no estimate yet');
  if (ticket.noCounter === 'closed') return t('Belum ada loket buka — belum ada perkiraan', 'No counter open — no estimate yet');
  const r = ticket.estimatedWaitRange;
  if (!r) return '-';
  if (r.highMinutes <= 1) return t('sebentar lagi', 'any moment');
  return `${r.lowMinutes}–${r.highMinutes} ${t('menit', 'min')}`;
}
