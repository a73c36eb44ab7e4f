import type { BilingualPair } from '../i18n';
import { dateTimeWithZone } from '../time';

/** Words shown for the complaint domain's codes: [Bahasa Indonesia, English]. */
export const CLASS_LABEL = {
  pengaduan: ['Pengaduan', 'Complaint'],
  aspirasi: ['Aspirasi (saran)', 'Suggestion'],
  permintaan_informasi: ['Permintaan informasi', 'Information request'],
} as const;

export const SUBJECT_LABEL = {
  mpp: ['MPP secara umum', 'The MPP in general'],
  tenant: ['Instansi / gerai', 'An agency (counter)'],
  service: ['Jenis layanan', 'A service'],
  facility: ['Fasilitas', 'A facility'],
  officer: ['Petugas', 'An officer'],
} as const;

export const STATUS_LABEL = {
  received: ['Diterima', 'Received'],
  verified: ['Terverifikasi', 'Verified'],
  not_ours: ['Bukan wewenang', 'Not our remit'],
  duplicate: ['Duplikat', 'Duplicate'],
  archived: ['Diarsipkan', 'Archived'],
  assigned: ['Diteruskan ke instansi', 'Passed to the agency'],
  in_progress: ['Sedang ditindaklanjuti', 'In progress'],
  answered: ['Dijawab', 'Answered'],
  closed: ['Selesai', 'Closed'],
} as const;

export const ACTION_LABEL = {
  verify: ['Verifikasi', 'Verify'],
  set_aside: ['Kesampingkan', 'Set aside'],
  assign: ['Teruskan ke instansi', 'Assign to agency'],
  start: ['Mulai tindak lanjut', 'Start work'],
  answer: ['Kirim jawaban', 'Send answer'],
  confirm: ['Konfirmasi selesai', 'Confirm'],
  reopen: ['Buka kembali', 'Reopen'],
  close: ['Tutup', 'Close'],
} as const;

export type Pair = BilingualPair;
/** The label of `key` in `map` in the current language (the key itself if it has none). */
export const pick = <K extends string>(map: Record<K, Pair>, key: K, t: (label: Pair) => string) => {
  const p = map[key];
  return p ? t(p) : key;
};

/** A date and time in the MPP's own zone (deadlines are the end of the MPP's local day), with WIB/WITA/WIT. */
export const formatDateTime = dateTimeWithZone;
