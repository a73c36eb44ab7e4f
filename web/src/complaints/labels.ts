import type { Bilingual } from '../i18n';
import { dateTimeWithZone } from '../time';

/** Words shown for the complaint domain's codes, in both languages. */
export const CLASS_LABEL = {
  pengaduan: { id: 'Pengaduan', en: 'Complaint' },
  aspirasi: { id: 'Aspirasi (saran)', en: 'Suggestion' },
  permintaan_informasi: { id: 'Permintaan informasi', en: 'Information request' },
} as const;

export const SUBJECT_LABEL = {
  mpp: { id: 'MPP secara umum', en: 'The MPP in general' },
  tenant: { id: 'Instansi / gerai', en: 'An agency (counter)' },
  service: { id: 'Jenis layanan', en: 'A service' },
  facility: { id: 'Fasilitas', en: 'A facility' },
  officer: { id: 'Petugas', en: 'An officer' },
} as const;

export const STATUS_LABEL = {
  received: { id: 'Diterima', en: 'Received' },
  verified: { id: 'Terverifikasi', en: 'Verified' },
  not_ours: { id: 'Bukan wewenang', en: 'Not our remit' },
  duplicate: { id: 'Duplikat', en: 'Duplicate' },
  archived: { id: 'Diarsipkan', en: 'Archived' },
  assigned: { id: 'Diteruskan ke instansi', en: 'Passed to the agency' },
  in_progress: { id: 'Sedang ditindaklanjuti', en: 'In progress' },
  answered: { id: 'Dijawab', en: 'Answered' },
  closed: { id: 'Selesai', en: 'Closed' },
} as const;

export const ACTION_LABEL = {
  verify: { id: 'Verifikasi', en: 'Verify' },
  set_aside: { id: 'Kesampingkan', en: 'Set aside' },
  assign: { id: 'Teruskan ke instansi', en: 'Assign to agency' },
  start: { id: 'Mulai tindak lanjut', en: 'Start work' },
  answer: { id: 'Kirim jawaban', en: 'Send answer' },
  confirm: { id: 'Konfirmasi selesai', en: 'Confirm' },
  reopen: { id: 'Buka kembali', en: 'Reopen' },
  close: { id: 'Tutup', en: 'Close' },
} as const;

export type Pair = Bilingual;
/** The label of `key` in `map` in the current language (the key itself if it has none). */
export const pick = <K extends string>(map: Record<K, Pair>, key: K, t: (label: Pair) => string) => {
  const p = map[key];
  return p ? t(p) : key;
};

/** A date and time in the MPP's own zone (deadlines are the end of the MPP's local day), with WIB/WITA/WIT. */
export const formatDateTime = dateTimeWithZone;
