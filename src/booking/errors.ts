import { defineErrors, type AppError, type Messages } from '../platform/errors.js';
import { NIK_PROBLEMS, type NikProblem } from './nik.js';

export const bookingErrors = defineErrors('booking', {
  booking_not_offered: { status: 409, id: 'Layanan ini tidak dapat dibooking online. Silakan datang langsung dan ambil antrean di kiosk.', en: 'This service cannot be booked online. Please come in and take a ticket at the kiosk.' },
  slot_unknown: { status: 400, id: 'Jadwal yang dipilih tidak ada dalam jam layanan. Muat ulang daftar slot lalu pilih lagi.', en: 'The chosen time is not a slot of the service hours. Reload the slots and choose again.' },
  slot_too_far: { status: 409, id: 'Slot ini belum dibuka; booking paling jauh {days} hari ke depan.', en: 'This slot is not open yet; bookings open at most {days} days ahead.' },
  slot_past: { status: 409, id: 'Slot ini sudah lewat. Pilih slot lain.', en: 'This slot has already started. Choose another one.' },
  slot_cutoff: { status: 409, id: 'Booking untuk hari ini ditutup {minutes} menit sebelum slot dimulai. Pilih slot yang lebih siang atau hari lain.', en: 'Same-day booking closes {minutes} minutes before the slot starts. Choose a later slot or another day.' },
  slot_full: { status: 409, id: 'Slot pukul {time} sudah penuh. Silakan pilih slot lain.', en: 'The {time} slot is full. Please choose another slot.' },
  day_full: { status: 409, id: 'Kuota booking layanan ini pada {date} sudah habis. Silakan pilih hari lain.', en: 'The booking quota of this service on {date} is used up. Please choose another day.' },
  nik_day_limit: { status: 409, id: 'NIK ini sudah memiliki booking aktif untuk layanan yang sama pada hari itu. Kode booking ada di pesan konfirmasi yang dikirim ke ponsel atau email pemilik NIK. Satu NIK hanya boleh {limit} booking per layanan per hari.', en: 'This NIK already holds an active booking for this service on that day. Its code is in the confirmation sent to the NIK holder’s phone or email. One NIK may hold {limit} per service per day.' },
  nik_active_limit: { status: 409, id: 'NIK ini sudah memiliki {limit} booking aktif di MPP ini. Gunakan atau batalkan salah satu sebelum membuat yang baru.', en: 'This NIK already holds {limit} active bookings at this MPP. Use or cancel one before booking again.' },
  nik_suspended: { status: 409, id: 'Booking online untuk NIK ini ditangguhkan sampai {until} karena {noShows} kali tidak hadir. Anda tetap dapat datang langsung dan mengambil antrean di kiosk.', en: 'Online booking for this NIK is suspended until {until} after {noShows} no-shows. You can still come in and take a ticket at the kiosk.' },
  booking_unknown: { status: 404, id: 'Kode booking {code} tidak ditemukan di MPP ini. Periksa kode pada pesan konfirmasi, atau ambil antrean biasa.', en: 'Booking code {code} is not known at this MPP. Check the code in the confirmation, or take an ordinary ticket.' },
  checkin_too_early: { status: 409, id: 'Terlalu awal untuk check-in. Jadwal Anda pukul {slotTime}; silakan kembali mulai pukul {opensAt}.', en: 'Too early to check in. Your slot is at {slotTime}; please come back from {opensAt}.' },
  checkin_too_late: { status: 409, id: 'Waktu check-in sudah lewat (paling lambat pukul {closesAt}). Booking tidak dapat dipakai; silakan tanyakan ke meja informasi.', en: 'The check-in time has passed (latest {closesAt}). The booking cannot be used; please ask at the information desk.' },
  checkin_wrong_day: { status: 409, id: 'Booking ini untuk {date}, bukan hari ini.', en: 'This booking is for {date}, not today.' },
});

/** One 400 per kind of malformed NIK, worded as `parseNik` words it. */
const nikErrors = defineErrors(
  'booking',
  Object.fromEntries(Object.entries(NIK_PROBLEMS).map(([code, messages]) => [code, { status: 400, ...messages }])) as Record<NikProblem, { status: number } & Messages>,
);

/** The 400 for a malformed NIK, one code and message per kind of problem, naming the field. */
export function nikError(problem: NikProblem): AppError {
  const err = nikErrors[problem]();
  err.fieldIssues.push({ path: 'body.nik', messages: err.messages });
  return err;
}
