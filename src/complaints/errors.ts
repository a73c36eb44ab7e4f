import { defineErrors } from '../platform/errors.js';

export const complaintErrors = defineErrors('complaints', {
  subject_invalid: {
    status: 422,
    id: 'Pihak yang diadukan tidak dikenal di MPP ini: {reason}.',
    en: 'The subject of the complaint is not known in this MPP: {reason}.',
  },
  action_input_missing: {
    status: 422,
    id: 'Tindakan "{action}" memerlukan isian: {fields}.',
    en: 'Action "{action}" needs: {fields}.',
  },
  duplicate_target_invalid: {
    status: 422,
    id: 'Pengaduan asal untuk duplikat tidak ditemukan di MPP ini.',
    en: 'The original complaint for this duplicate was not found in this MPP.',
  },
  respond_period_over: {
    status: 409,
    id: 'Batas waktu untuk menanggapi jawaban sudah lewat.',
    en: 'The period to respond to the answer has passed.',
  },
  tracking_code_unknown: {
    status: 404,
    id: 'Kode lacak tidak ditemukan. Periksa kembali kode Anda.',
    en: 'Tracking code not found. Check your code.',
  },
});

export const uploadErrors = defineErrors('complaints', {
  file_too_large: { status: 413, id: 'Berkas terlalu besar (maksimal 5 MB per berkas).', en: 'File too large (at most 5 MB per file).' },
  too_many_files: { status: 413, id: 'Terlalu banyak berkas (maksimal 3).', en: 'Too many files (at most 3).' },
  file_type_refused: {
    status: 415,
    id: 'Berkas "{file}" bukan foto (JPEG, PNG, WebP) atau PDF menurut isinya.',
    en: 'File "{file}" is not a photo (JPEG, PNG, WebP) or a PDF by its content.',
  },
  malformed_multipart: {
    status: 400,
    id: 'Formulir multipart tidak lengkap atau rusak. Kirim ulang formulirnya.',
    en: 'The multipart form is incomplete or malformed. Send the form again.',
  },
  unexpected_part: { status: 400, id: 'Bagian formulir tidak dikenal: {field}.', en: 'Unknown form part: {field}.' },
});
