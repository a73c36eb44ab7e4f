import type { Bilingual } from '../i18n';

/** Words of the consultation workflow, Bahasa Indonesia first. */
export const CONSULTATION_STATUS: Record<string, Bilingual> = {
  submitted: { id: 'Menunggu jawaban', en: 'Waiting for an answer' },
  scheduled: { id: 'Konsultasi daring dijadwalkan', en: 'Online consultation scheduled' },
  answered: { id: 'Dijawab', en: 'Answered' },
  withdrawn: { id: 'Dibatalkan', en: 'Withdrawn' },
};

export const CONSULTATION_KIND: Record<string, Bilingual> = {
  question: { id: 'Pertanyaan tertulis', en: 'Written question' },
  meeting: { id: 'Konsultasi daring (video)', en: 'Online consultation (video)' },
};

export const label = (table: Record<string, Bilingual>, key: string, t: (id: string, en: string) => string) => (table[key] ? t(table[key].id, table[key].en) : key);
