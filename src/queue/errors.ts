import { defineErrors } from '../platform/errors.js';

export const queueErrors = defineErrors('queue', {
  service_unavailable: {
    status: 409,
    id: 'Layanan ini sedang tidak menerima antrean. Silakan tanyakan ke meja informasi.',
    en: 'This service is not taking tickets now. Please ask at the information desk.',
  },
  mpp_closed: {
    status: 409,
    id: 'MPP sedang tutup ({reason}). Buka kembali: {nextOpening}. Silakan datang lagi pada jam layanan.',
    en: 'The MPP is closed ({reason}). Opens again: {nextOpening}. Please come back during service hours.',
  },
  quota_exhausted: {
    status: 409,
    id: 'Kuota antrean hari ini untuk "{service}" sudah habis ({quota} tiket). Silakan datang lagi besok pagi atau buat janji temu (booking) online untuk hari lain.',
    en: 'Today\'s ticket quota for "{service}" is used up ({quota} tickets). Please come back tomorrow morning or book an appointment online for another day.',
  },
  waiting_room_full: {
    status: 409,
    id: 'Ruang tunggu sedang penuh ({capacity} orang). Ambil antrean online dari ponsel Anda, tunggu di luar, dan pantau nomor Anda dari halaman status.',
    en: 'The waiting room is full ({capacity} people). Take an online ticket on your phone, wait outside and follow your number on the status page.',
  },
  visit_unknown: {
    status: 400,
    id: 'Kunjungan tidak ditemukan atau sudah berakhir. Ambil tiket baru tanpa kode kunjungan.',
    en: 'The visit is unknown or over. Take a new ticket without the visit code.',
  },
});

export const consoleErrors = defineErrors('queue', {
  counter_busy: {
    status: 409,
    id: 'Loket masih menangani tiket {number}. Selesaikan, tandai tidak hadir, atau alihkan tiket itu dulu.',
    en: 'The counter is still handling ticket {number}. Finish it, mark it no-show or transfer it first.',
  },
  recall_limit: {
    status: 409,
    id: 'Tiket ini sudah dipanggil ulang {max} kali. Mulai layani atau tandai tidak hadir.',
    en: 'This ticket has been recalled {max} times already. Start serving it or mark it no-show.',
  },
  not_in_line: {
    status: 409,
    id: 'Tiket {number} tidak ada di antrean loket ini (layanan lain atau bukan hari ini).',
    en: 'Ticket {number} is not in this counter\'s line (another service or not today).',
  },
  wrong_counter: {
    status: 409,
    id: 'Tiket ini sedang ditangani loket lain.',
    en: 'Another counter is handling this ticket.',
  },
  service_of_other_tenant: {
    status: 400,
    id: 'Layanan "{service}" bukan milik instansi loket ini.',
    en: 'The service "{service}" does not belong to this counter\'s agency.',
  },
  unknown_target: { status: 400, id: 'Layanan atau loket tujuan tidak ditemukan.', en: 'The target service or counter does not exist.' },
  transfer_foreign_counter: {
    status: 409,
    id: 'Tiket hanya dapat dipindahkan ke loket instansi sendiri. Untuk instansi lain, pilih layanannya; tiket masuk antreannya sesuai waktu ambil.',
    en: 'A ticket can be moved only to a counter of your own agency. For another agency choose its service; the ticket joins its line by issue time.',
  },
  transfer_not_seen: {
    status: 409,
    id: 'Tiket yang belum dipanggil di loket Anda tidak dapat dipindahkan ke instansi lain.',
    en: 'A ticket not yet called at your counter cannot be moved to another agency.',
  },
});

/** The floor's own refusals (pause reasons, parking pool, no-show undo, reprint). */
export const floorErrors = defineErrors('queue', {
  pause_reason_unknown: { status: 400, id: 'Alasan jeda tidak ditemukan atau tidak aktif.', en: 'The pause reason does not exist or is not active.' },
  undo_expired: {
    status: 409,
    id: 'Tanda tidak hadir hanya dapat dibatalkan dalam {seconds} detik.',
    en: 'A no-show can be undone only within {seconds} seconds.',
  },
  parked_taken: {
    status: 409,
    id: 'Tiket {number} sudah dipanggil kembali oleh loket lain.',
    en: 'Ticket {number} has already been called back by another counter.',
  },
  parked_other_tenant: {
    status: 409,
    id: 'Tiket {number} diparkir oleh instansi lain.',
    en: 'Ticket {number} is parked by another agency.',
  },
  reprint_final: { status: 409, id: 'Tiket yang sudah selesai tidak dicetak ulang.', en: 'A finished ticket is not reprinted.' },
});

export const zoneErrors = defineErrors('queue', {
  zone_unknown: {
    status: 400,
    id: 'Zona "{zone}" belum ada. Buat zonanya dulu di Pengaturan antrean, tab Zona & lajur.',
    en: 'Zone "{zone}" does not exist. Create it first in Queue settings, tab Zones & lanes.',
  },
  zone_code_taken: {
    status: 409,
    id: 'Kode zona "{code}" sudah dipakai di MPP ini. Pilih kode lain.',
    en: 'Zone code "{code}" is already used at this MPP. Choose another code.',
  },
  not_a_lane: {
    status: 409,
    id: 'Zona "{zone}" adalah zona ruang tunggu, bukan lajur drive-thru. Ambil tiket di kios biasa.',
    en: 'Zone "{zone}" is a hall zone, not a drive-thru lane. Take a ticket at the ordinary kiosk.',
  },
  service_not_in_lane: {
    status: 409,
    id: 'Layanan "{service}" tidak dilayani di lajur {zone}. Pilih layanan yang tersedia di lajur ini.',
    en: 'Service "{service}" is not served in lane {zone}. Choose a service this lane offers.',
  },
  counter_not_in_lane: {
    status: 409,
    id: 'Loket "{counter}" bukan jendela lajur {zone}. Kendaraan hanya dapat dipindahkan ke jendela lajur ini.',
    en: 'Counter "{counter}" is not a window of lane {zone}. A car can only be transferred to this lane\'s windows.',
  },
  kiosk_of_other_zone: {
    status: 403,
    id: 'Kios ini terpasang di zona lain dan tidak dapat mengeluarkan tiket untuk lajur ini.',
    en: 'This kiosk is bound to another zone and cannot issue tickets for this lane.',
  },
  zone_in_use: {
    status: 409,
    id: 'Zona "{zone}" masih dipakai oleh {counters} loket. Pindahkan loketnya dulu.',
    en: 'Zone "{zone}" is still used by {counters} counters. Move the counters first.',
  },
});
