import type { Bilingual } from './i18n';
import type { Role } from './session';

/** An entry of the staff navigation; each domain adds its own. */
export interface NavItem {
  path: string;
  label: Bilingual;
  roles: Role[];
}

export const STAFF_NAV: NavItem[] = [
  { path: '/staf', label: { id: 'Beranda', en: 'Home' }, roles: ['national_admin', 'mpp_admin', 'tenant_admin', 'officer'] },
  { path: '/staf/pengguna', label: { id: 'Pengguna', en: 'Users' }, roles: ['national_admin', 'mpp_admin', 'tenant_admin'] },
  { path: '/staf/loket', label: { id: 'Konsol loket', en: 'Counter console' }, roles: ['mpp_admin', 'tenant_admin', 'officer'] },
  { path: '/staf/antrean', label: { id: 'Pengaturan antrean', en: 'Queue set-up' }, roles: ['national_admin', 'mpp_admin', 'tenant_admin'] },
  { path: '/staf/lantai', label: { id: 'Lantai layanan', en: 'Service floor' }, roles: ['national_admin', 'mpp_admin', 'tenant_admin'] },
  { path: '/staf/statistik', label: { id: 'Statistik antrean', en: 'Queue statistics' }, roles: ['national_admin', 'mpp_admin', 'tenant_admin'] },
  { path: '/staf/permohonan', label: { id: 'Permohonan', en: 'Applications' }, roles: ['mpp_admin', 'tenant_admin', 'officer'] },
  { path: '/staf/konsultasi', label: { id: 'Konsultasi', en: 'Consultations' }, roles: ['mpp_admin', 'tenant_admin', 'officer'] },
  { path: '/staf/rapor', label: { id: 'Rapor MPP', en: 'MPP scorecard' }, roles: ['national_admin', 'mpp_admin'] },
  { path: '/staf/webhook', label: { id: 'Webhook', en: 'Webhooks' }, roles: ['national_admin', 'mpp_admin'] },
  { path: '/staf/rapor-nasional', label: { id: 'Rapor nasional', en: 'National scorecards' }, roles: ['national_admin'] },
  { path: '/staf/peluncuran', label: { id: 'Peluncuran MPP', en: 'MPP rollout' }, roles: ['national_admin'] },
  { path: '/staf/pengaduan', label: { id: 'Pengaduan', en: 'Complaints' }, roles: ['national_admin', 'mpp_admin', 'tenant_admin', 'officer'] },
  { path: '/staf/keliling', label: { id: 'Layanan keliling', en: 'Mobile services' }, roles: ['national_admin', 'mpp_admin'] },
  { path: '/staf/kalender', label: { id: 'Kalender', en: 'Calendar' }, roles: ['national_admin', 'mpp_admin'] },
  { path: '/staf/booking', label: { id: 'Booking', en: 'Bookings' }, roles: ['national_admin', 'mpp_admin', 'tenant_admin', 'officer'] },
  { path: '/staf/aturan-booking', label: { id: 'Aturan booking', en: 'Booking rules' }, roles: ['national_admin', 'mpp_admin', 'tenant_admin'] },
  { path: '/staf/audit', label: { id: 'Log audit', en: 'Audit log' }, roles: ['national_admin', 'mpp_admin', 'tenant_admin'] },
  { path: '/staf/perangkat', label: { id: 'Perangkat', en: 'Devices' }, roles: ['national_admin', 'mpp_admin'] },
  { path: '/staf/katalog', label: { id: 'Katalog layanan', en: 'Service catalog' }, roles: ['national_admin', 'mpp_admin', 'tenant_admin', 'officer'] },
  { path: '/staf/mpp', label: { id: 'Daftar MPP', en: 'MPPs' }, roles: ['national_admin'] },
  { path: '/staf/nasional', label: { id: 'Ringkasan nasional', en: 'National summary' }, roles: ['national_admin'] },
  { path: '/staf/kata-pencarian', label: { id: 'Kata pencarian', en: 'Search words' }, roles: ['national_admin'] },
  { path: '/staf/survei', label: { id: 'Survei kepuasan', en: 'Satisfaction survey' }, roles: ['national_admin', 'mpp_admin', 'tenant_admin'] },
  { path: '/staf/pengaturan-survei', label: { id: 'Pengaturan survei', en: 'Survey settings' }, roles: ['national_admin', 'mpp_admin', 'tenant_admin'] },
];
