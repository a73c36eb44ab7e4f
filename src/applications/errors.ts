import { defineErrors } from '../platform/errors.js';

export const applicationErrors = defineErrors('applications', {
  application_input_missing: {
    status: 422,
    id: 'Tindakan "{action}" memerlukan isian: {fields}.',
    en: 'Action "{action}" needs: {fields}.',
  },
  application_missing_unknown: {
    status: 422,
    id: 'Persyaratan {typeCodes} tidak termasuk persyaratan layanan ini.',
    en: 'Requirements {typeCodes} are not requirements of this service.',
  },
  application_source_invalid: {
    status: 422,
    id: 'Tiket atau booking tidak ditemukan untuk layanan ini di MPP ini, atau belum dilayani.',
    en: 'The ticket or booking was not found for this service in this MPP, or is not served yet.',
  },
  service_not_online: {
    status: 422,
    id: 'Layanan ini tidak menerima permohonan daring. Ajukan langsung di loket.',
    en: 'This service does not take online applications. Apply at the counter.',
  },
  application_code_unknown: {
    status: 404,
    id: 'Kode permohonan tidak ditemukan. Periksa kembali kode Anda.',
    en: 'Application code not found. Check your code.',
  },
  pickup_refused: {
    status: 422,
    id: 'Kode permohonan dan NIK tidak cocok, atau permohonan belum siap diambil di anjungan.',
    en: 'The application code and NIK do not match, or the application is not ready for kiosk pickup.',
  },
  pickup_no_phone: {
    status: 422,
    id: 'Tidak ada nomor ponsel tercatat untuk permohonan ini. Ambil dokumen Anda di loket.',
    en: 'No phone number is on record for this application. Collect your document at the counter.',
  },
  product_not_pdf: {
    status: 415,
    id: 'Hasil layanan untuk dicetak di anjungan harus berkas PDF (maksimal 5 MB).',
    en: 'The product to print at the kiosk must be a PDF file (at most 5 MB).',
  },
  application_closed: { status: 409, id: 'Permohonan ini sudah selesai.', en: 'This application is closed.' },
  pickup_code_invalid: {
    status: 422,
    id: 'Kode sekali pakai salah atau kedaluwarsa. Minta kode baru.',
    en: 'The one-time code is wrong or expired. Ask for a new code.',
  },
});

export const walletErrors = defineErrors('applications', {
  wallet_file_missing: { status: 400, id: 'Pilih berkas dokumen untuk diunggah.', en: 'Choose a document file to upload.' },
  wallet_file_too_large: { status: 413, id: 'Berkas terlalu besar (maksimal {maxMb} MB).', en: 'File too large (at most {maxMb} MB).' },
  wallet_file_type_refused: {
    status: 415,
    id: 'Berkas bukan PDF, JPEG atau PNG menurut isinya.',
    en: 'The file is not a PDF, JPEG or PNG by its content.',
  },
  wallet_type_unknown: { status: 422, id: 'Jenis dokumen "{typeCode}" tidak dikenal.', en: 'Unknown document type "{typeCode}".' },
  wallet_document_not_found: { status: 404, id: 'Dokumen tidak ditemukan di dompet Anda.', en: 'Document not found in your wallet.' },
  application_not_yours: {
    status: 404,
    id: 'Permohonan tidak ditemukan di antara permohonan Anda.',
    en: 'Application not found among your applications.',
  },
  application_closed_for_sharing: { status: 409, id: 'Permohonan ini sudah selesai; dokumen tidak dapat dibagikan lagi.', en: 'This application is closed; documents can no longer be shared.' },
  wallet_grant_not_found: { status: 404, id: 'Izin akses tidak ditemukan.', en: 'Access grant not found.' },
  wallet_offer_not_found: { status: 404, id: 'Dokumen kiriman instansi tidak ditemukan.', en: 'Document sent by the agency not found.' },
  wallet_offer_decided: {
    status: 409,
    id: 'Dokumen kiriman ini sudah disetujui, ditolak, atau masa persetujuannya sudah lewat.',
    en: 'This document was already accepted or declined, or its consent period has passed.',
  },
  wallet_offer_refused_application: {
    status: 409,
    id: 'Permohonan ini ditolak; tidak ada dokumen hasil yang dapat dikirim ke dompet pemohon.',
    en: 'This application was refused; there is no product to send to the applicant\'s wallet.',
  },
  wallet_no_grant: {
    status: 403,
    id: 'Pemohon belum memberi izin akses dokumen ini untuk permohonan ini, izinnya sudah dicabut, atau sudah kedaluwarsa.',
    en: 'The applicant has not granted access to this document for this application, or the grant was revoked or has expired.',
  },
});
