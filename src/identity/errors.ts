import { defineErrors } from '../platform/errors.js';

export const identityErrors = defineErrors('identity', {
  invalid_token: { status: 401, id: 'Token perangkat tidak dikenal atau sudah dicabut.', en: 'The device token is unknown or has been revoked.' },
  password_change_required: { status: 403, id: 'Ganti kata sandi sementara Anda terlebih dahulu.', en: 'Change your temporary password first.' },
  invalid_credentials: { status: 401, id: 'Email atau kata sandi salah.', en: 'Wrong email or password.' },
  login_throttled: {
    status: 429,
    id: 'Terlalu banyak percobaan masuk yang gagal untuk email ini dari alamat Anda. Coba lagi dalam {retryAfterSeconds} detik.',
    en: 'Too many failed sign-ins for this email from your address. Try again in {retryAfterSeconds} seconds.',
  },
  account_disabled: { status: 403, id: 'Akun ini dinonaktifkan. Hubungi admin.', en: 'This account is disabled. Contact an admin.' },
  wrong_current_password: { status: 400, id: 'Kata sandi saat ini salah.', en: 'The current password is wrong.' },
  email_taken: { status: 409, id: 'Email ini sudah dipakai akun lain.', en: 'This email is already used by another account.' },
  grant_not_allowed: {
    status: 403,
    id: 'Anda tidak boleh memberikan peran "{role}" pada lingkup ini.',
    en: 'You may not grant the role "{role}" in this scope.',
  },
  grant_invalid: {
    status: 400,
    id: 'Peran "{role}" memerlukan: {needs}.',
    en: 'The role "{role}" requires: {needs}.',
  },
  cannot_disable_self: {
    status: 409,
    id: 'Anda tidak dapat menonaktifkan akun Anda sendiri. Minta admin lain melakukannya.',
    en: 'You cannot disable your own account. Ask another admin to do it.',
  },
  last_admin: {
    status: 409,
    id: 'Ini admin aktif terakhir {scope}. Tambahkan admin lain terlebih dahulu.',
    en: 'This is the last active admin of {scope}. Add another admin first.',
  },
  cannot_remove_own_grant: {
    status: 409,
    id: 'Anda tidak dapat mencabut peran Anda sendiri. Minta admin lain melakukannya.',
    en: 'You cannot remove your own role. Ask another admin to do it.',
  },
});
