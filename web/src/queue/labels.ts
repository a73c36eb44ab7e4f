import type { Bilingual } from '../i18n';
import type { TicketStatus } from './types';

/** Why tickets cannot be taken now, as the kiosk and the online ticket page say it. */
const CLOSED_REASONS: Record<string, Bilingual> = {
  before_opening: { id: 'MPP belum buka', en: 'The MPP is not open yet' },
  on_break: { id: 'Sedang istirahat', en: 'On a break' },
  after_closing: { id: 'MPP sudah tutup', en: 'The MPP has closed' },
  closed_today: { id: 'MPP libur hari ini', en: 'The MPP is closed today' },
};

/** The words for a closed reason of the issue offer; an unknown or missing one reads "the MPP is closed". */
export function closedReasonText(reason: string | null | undefined): Bilingual {
  return CLOSED_REASONS[reason ?? ''] ?? { id: 'MPP tutup', en: 'The MPP is closed' };
}

/** A ticket's status in the holder's words (status page and online ticket page). */
export const TICKET_STATUS_TEXT: Record<TicketStatus, Bilingual> = {
  waiting: { id: 'Menunggu', en: 'Waiting' },
  called: { id: 'Dipanggil! Segera menuju loket', en: 'Called! Go to the counter now' },
  serving: { id: 'Sedang dilayani', en: 'Being served' },
  parked: { id: 'Diparkir: lengkapi berkas Anda, petugas akan memanggil kembali', en: 'Parked: complete your papers, the officer will call you back' },
  served: { id: 'Selesai dilayani', en: 'Served' },
  no_show: { id: 'Tidak hadir saat dipanggil', en: 'Missed the call' },
  cancelled: { id: 'Dibatalkan', en: 'Cancelled' },
};
