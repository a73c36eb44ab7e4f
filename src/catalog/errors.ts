import { defineErrors } from '../platform/errors.js';

export const catalogErrors = defineErrors('catalog', {
  import_rejected: {
    status: 422,
    id: 'Impor dibatalkan: {count} masalah pada berkas. Tidak ada yang disimpan; perbaiki baris yang disebut lalu unggah lagi.',
    en: 'Import refused: {count} problems in the file. Nothing was saved; fix the rows listed and upload again.',
  },
  unknown_region: {
    status: 400,
    id: 'Kode wilayah "{code}" tidak dikenal. Gunakan kode Kemendagri kabupaten/kota, misalnya 33.02.',
    en: 'Unknown region code "{code}". Use a Kemendagri kabupaten/kota code, e.g. 33.02.',
  },
  region_not_regency: {
    status: 400,
    id: 'Kode wilayah "{code}" adalah provinsi; MPP berada di kabupaten/kota (kode NN.NN).',
    en: 'Region code "{code}" is a province; an MPP belongs to a kabupaten/kota (code NN.NN).',
  },
  slug_taken: { status: 409, id: 'Slug "{slug}" sudah dipakai MPP lain.', en: 'The slug "{slug}" is already used by another MPP.' },
  tenant_code_taken: { status: 409, id: 'Kode instansi "{code}" sudah ada di MPP ini.', en: 'The tenant code "{code}" already exists in this MPP.' },
  counter_number_taken: { status: 409, id: 'Nomor loket {number} sudah dipakai di MPP ini.', en: 'Counter number {number} is already used in this MPP.' },
  service_code_taken: { status: 409, id: 'Kode layanan "{code}" sudah ada di MPP ini.', en: 'The service code "{code}" already exists in this MPP.' },
  agreement_number_taken: { status: 409, id: 'Nomor {kind} "{number}" sudah tercatat.', en: '{kind} number "{number}" is already recorded.' },
  unknown_requirement_types: {
    status: 400,
    id: 'Jenis persyaratan tidak dikenal: {codes}. Pilih dari kamus persyaratan nasional.',
    en: 'Unknown requirement types: {codes}. Pick from the national requirement dictionary.',
  },
  duplicate_requirement: { status: 400, id: 'Persyaratan "{code}" tercantum dua kali.', en: 'Requirement "{code}" is listed twice.' },
  synonym_expansion_required: {
    status: 400,
    id: 'Isi arti kata "{term}": kata atau frasa yang dipakai nama layanan.',
    en: 'Give what "{term}" stands for: the word or phrase service names use.',
  },
  tenant_field_locked: {
    status: 403,
    id: 'Hanya Admin MPP yang dapat mengubah {field} instansi.',
    en: 'Only an MPP admin can change a tenant\'s {field}.',
  },
});
