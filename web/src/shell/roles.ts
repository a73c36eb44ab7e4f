import type { Bilingual } from '../i18n';
import type { Role } from '../session';

/** Roles named in both languages; the API's codes never reach the screen. */
export const ROLE_NAMES: Record<Role, Bilingual> = {
  national_admin: { id: 'Admin Nasional', en: 'National admin' },
  mpp_admin: { id: 'Admin MPP', en: 'MPP admin' },
  tenant_admin: { id: 'Admin Instansi', en: 'Agency admin' },
  officer: { id: 'Petugas', en: 'Officer' },
};
