import type { Bilingual } from '../i18n';
import { ticketLabel } from './local-queue';
import type { Outcome } from './offline-store';

/** What a sync outcome means, for the crew, in both languages. */
export function outcomeText(o: Outcome): Bilingual {
  const num = o.number !== null ? ticketLabel(o.number) : '';
  const other = o.otherDevice ?? 'perangkat lain';
  const otherEn = o.otherDevice ?? 'another device';
  switch (o.code) {
    case 'booking_checked_in_elsewhere':
      return { id: `Booking ini sudah di-check-in di ${other} sebagai ${num}; catatan Anda digabung ke tiket itu.`, en: `This booking was already checked in on ${otherEn} as ${num}; your record was merged into that ticket.` };
    case 'already_served':
      return { id: `${num} sudah dilayani di ${other}; tidak dihitung dua kali.`, en: `${num} was already served on ${otherEn}; not counted twice.` };
    case 'already_no_show':
      return { id: `${num} sudah ditandai tidak hadir di ${other}.`, en: `${num} was already marked no-show on ${otherEn}.` };
    case 'no_show_overridden':
      return { id: `${num} tadinya ditandai tidak hadir di perangkat lain; kini dicatat dilayani.`, en: `${num} had been marked no-show on another device; now recorded as served.` };
    case 'number_outside_block':
      return { id: `Nomor ${num} bukan dari blok nomor perangkat ini; ditolak.`, en: `Number ${num} is not from this device's block; refused.` };
    case 'number_reused':
      return { id: `Nomor ${num} sudah dipakai; ditolak.`, en: `Number ${num} is already used; refused.` };
    case 'seq_reused':
      return { id: 'Urutan kejadian terpakai dua kali (data perangkat tidak utuh); ditolak.', en: 'An event sequence number was used twice (device data damaged); refused.' };
    case 'ticket_unknown':
      return { id: `Tiket ${num} tidak dikenal server; ditolak.`, en: `Ticket ${num} is unknown to the server; refused.` };
    case 'booking_unknown':
      return { id: 'Booking tidak dikenal untuk pemberhentian ini; ditolak.', en: 'Booking not known at this stop; refused.' };
    case 'booking_cancelled':
      return { id: 'Booking sudah dibatalkan; check-in ditolak.', en: 'The booking was cancelled; check-in refused.' };
    case 'service_not_at_stop':
      return { id: 'Layanan ini tidak ditawarkan di pemberhentian ini; ditolak.', en: 'This service is not offered at this stop; refused.' };
    case 'waiting_for_earlier':
      return { id: 'Menunggu kejadian sebelumnya dari perangkat ini.', en: 'Waiting for an earlier event of this device.' };
    default:
      return { id: `${num} ${o.result}`, en: `${num} ${o.result}` };
  }
}
