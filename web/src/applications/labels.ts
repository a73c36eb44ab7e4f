import type { Bilingual } from '../i18n';

/** Words of the application workflow, Bahasa Indonesia first. */
export const STATUS: Record<string, Bilingual> = {
  submitted: { id: 'Diterima', en: 'Submitted' },
  returned: { id: 'Dikembalikan: persyaratan belum lengkap', en: 'Returned: requirements incomplete' },
  requirements_checked: { id: 'Persyaratan lengkap', en: 'Requirements checked' },
  in_process: { id: 'Sedang diproses', en: 'In process' },
  ready: { id: 'Siap diambil', en: 'Ready' },
  collected: { id: 'Sudah diambil', en: 'Collected' },
  refused: { id: 'Ditolak', en: 'Refused' },
};

export const ACTION: Record<string, Bilingual> = {
  open: { id: 'Dibuka di loket', en: 'Opened at the counter' },
  apply_online: { id: 'Diajukan daring', en: 'Applied online' },
  check: { id: 'Persyaratan lengkap', en: 'Requirements complete' },
  return_incomplete: { id: 'Kembalikan: belum lengkap', en: 'Return: incomplete' },
  resubmit: { id: 'Persyaratan dibawa lagi', en: 'Requirements brought again' },
  process: { id: 'Mulai proses', en: 'Start processing' },
  mark_ready: { id: 'Tandai siap diambil', en: 'Mark ready' },
  collect: { id: 'Tandai sudah diambil', en: 'Mark collected' },
  refuse: { id: 'Tolak', en: 'Refuse' },
};

export const PICKUP: Record<string, Bilingual> = {
  counter: { id: 'Di loket', en: 'At the counter' },
  kiosk: { id: 'Di anjungan mandiri (kios)', en: 'At the self-service kiosk' },
  delivery: { id: 'Dikirim', en: 'Delivered' },
};

export const pick = (table: Record<string, Bilingual>, key: string, t: (id: string, en: string) => string) => (table[key] ? t(table[key].id, table[key].en) : key);

/** Where a document an agency added for the citizen's wallet stands. */
export const OFFER_STATUS: Record<string, Bilingual> = {
  pending: { id: 'Menunggu persetujuan pemohon', en: "Waiting for the applicant's consent" },
  accepted: { id: 'Disetujui: ada di dompet pemohon', en: "Accepted: in the applicant's wallet" },
  declined: { id: 'Ditolak pemohon; salinan dihapus', en: 'Declined by the applicant; copy deleted' },
  expired: { id: 'Tidak disetujui tepat waktu; salinan dihapus', en: 'Not accepted in time; copy deleted' },
};
