import { defineErrors } from '../platform/errors.js';

export const statsErrors = defineErrors('operations', {
  ops_bad_period: { status: 400, id: 'Tanggal akhir tidak boleh sebelum tanggal awal, dan periode paling panjang 366 hari.', en: 'The end date may not precede the start date, and a period is at most 366 days.' },
  ops_pick_tenant: { status: 400, id: 'Anda mengelola lebih dari satu instansi: pilih instansinya (tenantId).', en: 'You manage more than one agency: choose one (tenantId).' },
});
