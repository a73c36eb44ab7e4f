import type { AuditEntry } from './AuditPage';

type T = (id: string, en: string) => string;

/** Every action the server records, in words. An action missing here shows its code (and a test lists them). */
export const ACTION_NAMES: Record<string, [id: string, en: string]> = {
  'agreement.created': ['Perjanjian (MoU/PKS) dicatat', 'Agreement (MoU/PKS) recorded'],
  'agreement.updated': ['Perjanjian diubah', 'Agreement changed'],
  'auth.login': ['Masuk', 'Signed in'],
  'auth.login_failed': ['Gagal masuk', 'Failed sign-in'],
  'booking.cancelled': ['Booking dibatalkan', 'Booking cancelled'],
  'booking.moved': ['Booking dipindah', 'Booking moved'],
  'booking_settings.updated': ['Aturan keadilan booking diubah', 'Booking fairness rules changed'],
  'calendar_day.created': ['Hari libur/penutupan ditambahkan', 'Holiday/closure added'],
  'calendar_day.deleted': ['Hari libur/penutupan dihapus', 'Holiday/closure removed'],
  'catalog.imported': ['Katalog diimpor', 'Catalog imported'],
  'complaint.filed': ['Pengaduan masuk', 'Complaint filed'],
  'complaint.note': ['Catatan pengaduan', 'Complaint note'],
  'complaint.verify': ['Pengaduan diverifikasi', 'Complaint verified'],
  'complaint.set_aside': ['Pengaduan dikesampingkan', 'Complaint set aside'],
  'complaint.assign': ['Pengaduan diteruskan ke instansi', 'Complaint assigned to an agency'],
  'complaint.start': ['Pengaduan mulai ditangani', 'Complaint handling started'],
  'complaint.answer': ['Pengaduan dijawab', 'Complaint answered'],
  'complaint.confirm': ['Jawaban dikonfirmasi', 'Answer confirmed'],
  'complaint.reopen': ['Pengaduan dibuka kembali', 'Complaint reopened'],
  'complaint.close': ['Pengaduan ditutup', 'Complaint closed'],
  'counter.created': ['Loket ditambahkan', 'Counter added'],
  'counter.updated': ['Loket diubah', 'Counter changed'],
  'device.created': ['Token perangkat dibuat', 'Device token issued'],
  'device.revoked': ['Token perangkat dicabut', 'Device token revoked'],
  'mpp.created': ['MPP ditambahkan', 'MPP added'],
  'mpp.updated': ['Profil MPP diubah', 'MPP profile changed'],
  'mpp.special_day_set': ['Jam khusus ditetapkan', 'Special hours set'],
  'mpp.special_day_deleted': ['Jam khusus dihapus', 'Special hours removed'],
  'operations.settings_updated': ['Target waktu tunggu diubah', 'Target wait changed'],
  'queue.counter_open': ['Loket dibuka', 'Counter opened'],
  'queue.counter_paused': ['Loket dijeda', 'Counter paused'],
  'queue.counter_closed': ['Loket ditutup', 'Counter closed'],
  'queue.counter_setup': ['Layanan loket diatur', 'Counter services set'],
  'queue.priority_class_created': ['Kelas prioritas ditambahkan', 'Priority class added'],
  'queue.priority_class_updated': ['Kelas prioritas diubah', 'Priority class changed'],
  'queue.service_quota_set': ['Kuota antrean layanan diatur', 'Service queue quota set'],
  'queue.settings_updated': ['Aturan antrean diubah', 'Queue rules changed'],
  'queue.ticket_called_out_of_order': ['Nomor dipanggil di luar urutan', 'Ticket called out of order'],
  'search_synonym.create': ['Sinonim pencarian ditambahkan', 'Search synonym added'],
  'search_synonym.update': ['Sinonim pencarian diubah', 'Search synonym changed'],
  'search_synonym.delete': ['Sinonim pencarian dihapus', 'Search synonym removed'],
  'service.booking_settings_updated': ['Aturan booking layanan diubah', 'Service booking rules changed'],
  'service.created': ['Layanan ditambahkan', 'Service added'],
  'service.updated': ['Layanan diubah', 'Service changed'],
  'survey.labels_updated': ['Kata-kata survei diubah', 'Survey wording changed'],
  'survey.published': ['Hasil SKM diterbitkan', 'SKM results published'],
  'survey.tablet_paired': ['Tablet survei dipasangkan', 'Survey tablet paired'],
  'survey.tablet_unpaired': ['Tablet survei dilepas', 'Survey tablet unpaired'],
  'tenant.created': ['Instansi ditambahkan', 'Agency added'],
  'tenant.updated': ['Instansi diubah', 'Agency changed'],
  'user.created': ['Akun dibuat', 'Account created'],
  'user.updated': ['Akun diubah', 'Account changed'],
  'user.grant_added': ['Peran diberikan', 'Role given'],
  'user.grant_removed': ['Peran dicabut', 'Role removed'],
  'user.password_changed': ['Kata sandi diganti', 'Password changed'],
  'user.password_reset': ['Kata sandi diatur ulang', 'Password reset'],
};

const TARGET_NAMES: Record<string, [string, string]> = {
  booking: ['Booking', 'Booking'],
  calendar_day: ['Hari kalender', 'Calendar day'],
  complaint: ['Pengaduan', 'Complaint'],
  counter: ['Loket', 'Counter'],
  device: ['Perangkat', 'Device'],
  mpp: ['MPP', 'MPP'],
  mpp_special_day: ['Jam khusus', 'Special hours'],
  priority_class: ['Kelas prioritas', 'Priority class'],
  search_synonym: ['Sinonim pencarian', 'Search synonym'],
  service: ['Layanan', 'Service'],
  survey_period: ['Periode SKM', 'SKM period'],
  tenant: ['Instansi', 'Agency'],
  tenant_agreement: ['Perjanjian', 'Agreement'],
  ticket: ['Nomor antrean', 'Queue ticket'],
  user: ['Akun', 'Account'],
};

export function actionName(action: string, t: T): string {
  const name = ACTION_NAMES[action];
  return name ? t(...name) : action;
}

export function targetName(type: string, t: T): string {
  const name = TARGET_NAMES[type];
  return name ? t(...name) : type;
}

const nameIn = (x: unknown): string | undefined => {
  if (!x || typeof x !== 'object') return undefined;
  const o = x as Record<string, unknown>;
  for (const k of ['name', 'number', 'code', 'email', 'trackingCode', 'period']) if (typeof o[k] === 'string' || typeof o[k] === 'number') return String(o[k]);
  return undefined;
};

/** Where the changed object is shown, with its name when the entry carries one; null: no screen shows it. */
export function targetLink(e: AuditEntry & { mppId?: string | null }): { to: string; label?: string } | null {
  const label = nameIn(e.after) ?? nameIn(e.before);
  const to: Record<string, string | undefined> = {
    service:
      e.action === 'service.booking_settings_updated' ? '/staf/aturan-booking'
      : e.action === 'queue.service_quota_set' ? '/staf/antrean?tab=kuota'
      : e.action === 'survey.labels_updated' ? '/staf/pengaturan-survei'
      : e.mppId && e.targetId ? `/staf/katalog/${e.mppId}/layanan/${e.targetId}` : '/staf/katalog?tab=layanan',
    tenant: '/staf/katalog?tab=instansi',
    tenant_agreement: '/staf/katalog?tab=instansi',
    counter: e.action === 'queue.counter_setup' ? '/staf/antrean' : '/staf/antrean?tab=loket',
    mpp: e.action === 'queue.settings_updated' || e.action === 'operations.settings_updated' ? '/staf/antrean?tab=aturan' : e.action === 'booking_settings.updated' ? '/staf/aturan-booking?tab=mpp' : '/staf/katalog?tab=profil',
    mpp_special_day: '/staf/katalog?tab=profil',
    complaint: e.targetId ? `/staf/pengaduan/${e.targetId}` : '/staf/pengaduan',
    user: '/staf/pengguna',
    device: '/staf/perangkat',
    booking: '/staf/booking',
    priority_class: '/staf/antrean?tab=prioritas',
    calendar_day: '/staf/kalender',
    survey_period: '/staf/survei',
  };
  const path = to[e.targetType];
  return path ? { to: path, label } : null;
}

/** 'nama, status' : the fields an entry changed, or what was created/removed. */
export function changeSummary(e: AuditEntry, t: T): string {
  const before = (e.before ?? {}) as Record<string, unknown>;
  const after = (e.after ?? {}) as Record<string, unknown>;
  if (!e.before && e.after) return t('dibuat', 'created');
  if (e.before && !e.after) return t('dihapus', 'removed');
  if (!e.before && !e.after) return '–';
  const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return changed.length ? changed.slice(0, 4).join(', ') + (changed.length > 4 ? '…' : '') : t('tanpa perubahan', 'no change');
}
