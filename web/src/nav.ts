import type { Role } from './session';

/** An entry of the staff navigation; each domain adds its own. */
export interface NavItem {
  path: string;
  label: [id: string, en: string];
  roles: Role[];
}

export const STAFF_NAV: NavItem[] = [
  { path: '/staf', label: ['Beranda', 'Home'], roles: ['national_admin', 'mpp_admin', 'tenant_admin', 'officer'] },
  { path: '/staf/pengguna', label: ['Pengguna', 'Users'], roles: ['national_admin', 'mpp_admin', 'tenant_admin'] },
  { path: '/staf/loket', label: ['Konsol loket', 'Counter console'], roles: ['mpp_admin', 'tenant_admin', 'officer'] },
  { path: '/staf/antrean', label: ['Pengaturan antrean', 'Queue set-up'], roles: ['national_admin', 'mpp_admin', 'tenant_admin'] },
  { path: '/staf/lantai', label: ['Lantai layanan', 'Service floor'], roles: ['national_admin', 'mpp_admin', 'tenant_admin'] },
  { path: '/staf/statistik', label: ['Statistik antrean', 'Queue statistics'], roles: ['national_admin', 'mpp_admin', 'tenant_admin'] },
  { path: '/staf/rapor', label: ['Rapor MPP', 'MPP scorecard'], roles: ['national_admin', 'mpp_admin'] },
  { path: '/staf/webhook', label: ['Webhook', 'Webhooks'], roles: ['national_admin', 'mpp_admin'] },
  { path: '/staf/rapor-nasional', label: ['Rapor nasional', 'National scorecards'], roles: ['national_admin'] },
  { path: '/staf/peluncuran', label: ['Peluncuran MPP', 'MPP rollout'], roles: ['national_admin'] },
  { path: '/staf/pengaduan', label: ['Pengaduan', 'Complaints'], roles: ['national_admin', 'mpp_admin', 'tenant_admin', 'officer'] },
  { path: '/staf/kalender', label: ['Kalender', 'Calendar'], roles: ['national_admin', 'mpp_admin'] },
  { path: '/staf/booking', label: ['Booking', 'Bookings'], roles: ['national_admin', 'mpp_admin', 'tenant_admin', 'officer'] },
  { path: '/staf/aturan-booking', label: ['Aturan booking', 'Booking rules'], roles: ['national_admin', 'mpp_admin', 'tenant_admin'] },
  { path: '/staf/audit', label: ['Log audit', 'Audit log'], roles: ['national_admin', 'mpp_admin', 'tenant_admin'] },
  { path: '/staf/perangkat', label: ['Perangkat', 'Devices'], roles: ['national_admin', 'mpp_admin'] },
  { path: '/staf/katalog', label: ['Katalog layanan', 'Service catalog'], roles: ['national_admin', 'mpp_admin', 'tenant_admin', 'officer'] },
  { path: '/staf/mpp', label: ['Daftar MPP', 'MPPs'], roles: ['national_admin'] },
  { path: '/staf/nasional', label: ['Ringkasan nasional', 'National summary'], roles: ['national_admin'] },
  { path: '/staf/kata-pencarian', label: ['Kata pencarian', 'Search words'], roles: ['national_admin'] },
  { path: '/staf/survei', label: ['Survei kepuasan', 'Satisfaction survey'], roles: ['national_admin', 'mpp_admin', 'tenant_admin'] },
  { path: '/staf/pengaturan-survei', label: ['Pengaturan survei', 'Survey settings'], roles: ['national_admin', 'mpp_admin', 'tenant_admin'] },
];
