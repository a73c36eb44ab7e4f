import { defineErrors } from '../platform/errors.js';

export const operationsErrors = defineErrors('operations', {
  ops_bad_period: {
    status: 400,
    id: 'Tanggal akhir tidak boleh sebelum tanggal awal, dan periode paling panjang 366 hari.',
    en: 'The end date may not precede the start date, and a period is at most 366 days.',
  },
  ops_pick_tenant: {
    status: 400,
    id: 'Anda mengelola lebih dari satu instansi: pilih instansinya (tenantId).',
    en: 'You manage more than one agency: choose one (tenantId).',
  },
  ops_webhook_private_address: {
    status: 400,
    id: 'Alamat webhook menuju jaringan privat, loopback, link-local atau server metadata; Layan hanya mengirim ke alamat publik.',
    en: 'The webhook address leads to a private, loopback, link-local or metadata address; Layan sends only to public addresses.',
  },
  ops_webhook_unresolvable: {
    status: 400,
    id: 'Nama host alamat webhook tidak ditemukan di DNS; periksa alamatnya.',
    en: 'The webhook address’s host name is not found in DNS; check the address.',
  },
});
