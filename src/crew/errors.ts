import { defineErrors } from '../platform/errors.js';

export const crewErrors = defineErrors('crew', {
  not_crew: {
    status: 403,
    id: 'Anda bukan kru unit keliling yang melayani pemberhentian ini. Minta admin MPP menambahkan Anda ke kru unit.',
    en: 'You are not in the crew of the mobile unit serving this stop. Ask the MPP admin to add you to the unit crew.',
  },
  stop_cancelled: {
    status: 409,
    id: 'Pemberhentian ini dibatalkan; antreannya tidak dapat dibuka lagi.',
    en: 'This stop is cancelled; its queue cannot be opened.',
  },
  device_unknown: {
    status: 409,
    id: 'Perangkat ini belum mengunduh paket pemberhentian. Unduh paket dulu saat ada sinyal, lalu kirim ulang.',
    en: 'This device has not downloaded the stop pack. Download it while online, then send again.',
  },
});
