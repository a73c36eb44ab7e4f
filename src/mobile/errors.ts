import { defineErrors } from '../platform/errors.js';

export const mobileErrors = defineErrors('mobile', {
  mobile_plate_taken: { status: 409, id: 'Nomor polisi {plate} sudah dipakai unit lain di MPP ini.', en: 'Plate {plate} is already used by another unit of this MPP.' },
  mobile_unknown_services: {
    status: 400,
    id: 'Layanan berikut bukan layanan aktif MPP ini: {ids}. Pilih dari daftar layanan.',
    en: 'These are not active services of this MPP: {ids}. Choose from the list of services.',
  },
  mobile_unknown_crew: {
    status: 400,
    id: 'Awak berikut bukan petugas MPP ini: {ids}. Pilih dari daftar pengguna MPP.',
    en: 'These are not staff of this MPP: {ids}. Choose from the MPP\'s users.',
  },
  mobile_unit_inactive: { status: 409, id: 'Unit {name} tidak aktif. Aktifkan unit dulu sebelum menjadwalkan persinggahan.', en: 'Unit {name} is inactive. Activate it before scheduling stops.' },
  mobile_service_not_on_unit: {
    status: 400,
    id: 'Unit {unit} tidak membawa layanan: {names}. Tambahkan layanan itu ke unit, atau hapus dari persinggahan.',
    en: 'Unit {unit} does not offer: {names}. Add them to the unit, or remove them from the stop.',
  },
  mobile_mpp_without_region: {
    status: 409,
    id: 'MPP ini belum memiliki kabupaten/kota. Isi wilayah MPP di Katalog > Profil MPP sebelum menjadwalkan layanan keliling.',
    en: 'This MPP has no kabupaten/kota yet. Set the MPP\'s region in Catalog > MPP profile before scheduling mobile services.',
  },
  mobile_stop_outside_region: {
    status: 400,
    id: 'Kecamatan {code} berada di luar {regionName} (kode {region}). Layanan keliling hanya singgah di wilayah kabupaten/kota MPP ini.',
    en: 'Kecamatan {code} lies outside {regionName} (code {region}). Mobile services only stop inside this MPP\'s kabupaten/kota.',
  },
  mobile_unknown_kecamatan: {
    status: 400,
    id: 'Kode kecamatan {code} tidak ada dalam data wilayah Kemendagri untuk {regionName}. Pilih kecamatan dari daftar.',
    en: 'Kecamatan code {code} is not in the Kemendagri region data of {regionName}. Choose a kecamatan from the list.',
  },
  mobile_village_outside_kecamatan: {
    status: 400,
    id: 'Kode desa/kelurahan {village} tidak berada di kecamatan {kecamatan}. Empat digit desa mengikuti kode kecamatan (contoh {kecamatan}.2001).',
    en: 'Village code {village} does not lie in kecamatan {kecamatan}. A village code extends its kecamatan code (e.g. {kecamatan}.2001).',
  },
  mobile_unknown_village: {
    status: 400,
    id: 'Kode desa/kelurahan {village} tidak ada dalam data wilayah Kemendagri untuk Kecamatan {kecamatanName}. Pilih desa/kelurahan dari daftar.',
    en: 'Village code {village} is not in the Kemendagri region data of kecamatan {kecamatanName}. Choose a village from the list.',
  },
  mobile_stop_in_past: { status: 400, id: 'Waktu persinggahan sudah lewat. Pilih tanggal dan jam yang akan datang.', en: 'This stop time has passed. Choose a date and time ahead.' },
  mobile_stop_overlap: {
    status: 409,
    id: 'Unit {unit} sudah dijadwalkan di {place} pada {when}. Satu unit tidak dapat berada di dua tempat sekaligus; ubah jamnya atau pilih unit lain.',
    en: 'Unit {unit} is already scheduled at {place} on {when}. A unit cannot be in two places at once; change the time or choose another unit.',
  },
  mobile_capacity_below_bookings: {
    status: 409,
    id: 'Kapasitas {capacity} lebih kecil dari {booked} booking yang sudah ada. Pindahkan atau batalkan paling sedikit {mustMove} booking (daftar terlampir) sebelum menurunkan kapasitas.',
    en: 'Capacity {capacity} is below the {booked} bookings already made. Move or cancel at least {mustMove} of them (listed) before lowering the capacity.',
  },
  mobile_service_has_bookings: {
    status: 409,
    id: 'Layanan {names} masih memiliki booking di persinggahan ini. Pindahkan atau batalkan booking itu (daftar terlampir) sebelum menghapus layanannya.',
    en: 'Service {names} still has bookings at this stop. Move or cancel them (listed) before removing the service.',
  },
  mobile_stop_not_scheduled: { status: 409, id: 'Persinggahan ini sudah {status}; tidak dapat diubah atau dibooking.', en: 'This stop is already {status}; it cannot be changed or booked.' },
  mobile_stop_started: { status: 409, id: 'Persinggahan ini sudah dimulai atau selesai; booking online ditutup. Silakan datang langsung ke lokasi.', en: 'This stop has already started or ended; online booking is closed. Please come to the place in person.' },
  mobile_stop_full: { status: 409, id: 'Kuota persinggahan di {place} pada {date} sudah penuh ({capacity} orang). Pilih persinggahan lain.', en: 'The stop at {place} on {date} is full ({capacity} people). Choose another stop.' },
  mobile_service_not_at_stop: { status: 400, id: 'Layanan ini tidak tersedia di persinggahan tersebut. Pilih salah satu layanan yang tercantum.', en: 'This service is not offered at that stop. Choose one of the services listed.' },
  mobile_nik_already_booked: {
    status: 409,
    id: 'NIK ini sudah memiliki booking di persinggahan ini. Kode booking ada di pesan konfirmasi yang dikirim ke ponsel atau email pemilik NIK.',
    en: 'This NIK already holds a booking at this stop. Its code is in the confirmation sent to the NIK holder\'s phone or email.',
  },
  mobile_move_same_stop: { status: 400, id: 'Booking sudah berada di persinggahan ini. Pilih persinggahan lain.', en: 'The booking is already at this stop. Choose another stop.' },
});
