import type { Role } from '../session';

/** Roles named in both languages; the API's codes never reach the screen. */
export const ROLE_NAMES: Record<Role, [id: string, en: string]> = {
  national_admin: ['Admin Nasional', 'National admin'],
  mpp_admin: ['Admin MPP', 'MPP admin'],
  tenant_admin: ['Admin Instansi', 'Agency admin'],
  officer: ['Petugas', 'Officer'],
};
