import { defineErrors } from '../platform/errors.js';

export const consultationErrors = defineErrors('consultation', {
  consultation_input_missing: { status: 422, id: 'Tindakan "{action}" memerlukan isian: {fields}.', en: 'Action "{action}" needs: {fields}.' },
  consultation_not_meeting: { status: 422, id: 'Hanya permintaan konsultasi daring yang dijadwalkan dengan tautan pertemuan.', en: 'Only an online consultation request is scheduled with a meeting link.' },
  consultation_slot_invalid: {
    status: 422,
    id: 'Jadwal konsultasi daring harus antara besok dan {days} hari ke depan.',
    en: 'An online consultation must be between tomorrow and {days} days ahead.',
  },
  consultation_not_found: { status: 404, id: 'Konsultasi tidak ditemukan di antara konsultasi Anda.', en: 'Consultation not found among yours.' },
  consultation_code_unknown: { status: 404, id: 'Kode konsultasi tidak dikenal. Periksa kembali kode dari SMS/email Anda.', en: 'Unknown consultation code. Check the code from your SMS/email.' },
  consultation_faq_not_answered: { status: 409, id: 'Hanya pertanyaan tertulis yang sudah dijawab yang dapat diterbitkan sebagai FAQ.', en: 'Only an answered written question can be published as FAQ.' },
  consultation_no_attachment: { status: 404, id: 'Konsultasi ini tidak memiliki lampiran.', en: 'This consultation has no attachment.' },
  consultation_attachment_invalid: {
    status: 415,
    id: 'Lampiran harus berkas PDF, JPEG atau PNG menurut isinya, maksimal {maxMb} MB.',
    en: 'The attachment must be a PDF, JPEG or PNG by its content, at most {maxMb} MB.',
  },
});
