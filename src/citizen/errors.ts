import { defineErrors } from '../platform/errors.js';

export const citizenErrors = defineErrors('citizen', {
  code_invalid: {
    status: 400,
    id: 'Kode salah, sudah dipakai, atau kedaluwarsa. Minta kode baru bila perlu.',
    en: 'The code is wrong, already used or expired. Ask for a new code if needed.',
  },
  code_rate_limited: {
    status: 429,
    id: 'Terlalu banyak permintaan kode. Coba lagi dalam {retryAfterMinutes} menit.',
    en: 'Too many code requests. Try again in {retryAfterMinutes} minutes.',
  },
  citizen_unauthenticated: {
    status: 401,
    id: 'Masuk ke Layanan saya dengan kode sekali pakai terlebih dahulu.',
    en: 'Sign in to My services with a one-time code first.',
  },
  citizen_csrf_failed: {
    status: 403,
    id: 'Token keamanan tidak cocok. Muat ulang halaman lalu coba lagi.',
    en: 'The security token does not match. Reload the page and try again.',
  },
  ticket_not_followable: {
    status: 409,
    id: 'Tiket ini sudah selesai; pemberitahuan tidak dapat diaktifkan lagi.',
    en: 'This ticket is finished; notifications can no longer be turned on.',
  },
  last_contact: {
    status: 409,
    id: 'Ini satu-satunya kontak akun Anda. Untuk menghapusnya, hapus akun Layanan saya.',
    en: 'This is the only contact of your account. To remove it, delete your My services account.',
  },
  contact_not_found: {
    status: 404,
    id: 'Kontak ini tidak terdaftar di akun Anda.',
    en: 'This contact is not on your account.',
  },
});
