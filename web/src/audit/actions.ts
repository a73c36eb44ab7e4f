import type { ResponseOf } from '../api/types';
import type { Bilingual, Translate } from '../i18n';

/** One entry of the audit log, as /api/audit answers it. */
export type AuditEntry = ResponseOf<'/api/audit'>['entries'][number];

type T = Translate;

/** Every action the server records, in words. An action missing here shows its code (and a test lists them). */
export const ACTION_NAMES: Record<string, Bilingual> = {
  'agreement.created': { id: 'Perjanjian (MoU/PKS) dicatat', en: 'Agreement (MoU/PKS) recorded' },
  'agreement.updated': { id: 'Perjanjian diubah', en: 'Agreement changed' },
  'auth.login': { id: 'Masuk', en: 'Signed in' },
  'auth.login_failed': { id: 'Gagal masuk', en: 'Failed sign-in' },
  'booking.cancelled': { id: 'Booking dibatalkan', en: 'Booking cancelled' },
  'booking.moved': { id: 'Booking dipindah', en: 'Booking moved' },
  'booking_settings.updated': { id: 'Aturan keadilan booking diubah', en: 'Booking fairness rules changed' },
  'calendar_day.created': { id: 'Hari libur/penutupan ditambahkan', en: 'Holiday/closure added' },
  'calendar_day.deleted': { id: 'Hari libur/penutupan dihapus', en: 'Holiday/closure removed' },
  'catalog.imported': { id: 'Katalog diimpor', en: 'Catalog imported' },
  'complaint.filed': { id: 'Pengaduan masuk', en: 'Complaint filed' },
  'complaint.note': { id: 'Catatan pengaduan', en: 'Complaint note' },
  'complaint.verify': { id: 'Pengaduan diverifikasi', en: 'Complaint verified' },
  'complaint.set_aside': { id: 'Pengaduan dikesampingkan', en: 'Complaint set aside' },
  'complaint.assign': { id: 'Pengaduan diteruskan ke instansi', en: 'Complaint assigned to an agency' },
  'complaint.start': { id: 'Pengaduan mulai ditangani', en: 'Complaint handling started' },
  'complaint.answer': { id: 'Pengaduan dijawab', en: 'Complaint answered' },
  'complaint.confirm': { id: 'Jawaban dikonfirmasi', en: 'Answer confirmed' },
  'complaint.reopen': { id: 'Pengaduan dibuka kembali', en: 'Complaint reopened' },
  'complaint.close': { id: 'Pengaduan ditutup', en: 'Complaint closed' },
  'counter.created': { id: 'Loket ditambahkan', en: 'Counter added' },
  'counter.updated': { id: 'Loket diubah', en: 'Counter changed' },
  'device.created': { id: 'Token perangkat dibuat', en: 'Device token issued' },
  'device.revoked': { id: 'Token perangkat dicabut', en: 'Device token revoked' },
  'mpp.created': { id: 'MPP ditambahkan', en: 'MPP added' },
  'mpp.updated': { id: 'Profil MPP diubah', en: 'MPP profile changed' },
  'mpp.special_day_set': { id: 'Jam khusus ditetapkan', en: 'Special hours set' },
  'mpp.special_day_deleted': { id: 'Jam khusus dihapus', en: 'Special hours removed' },
  'operations.settings_updated': { id: 'Target waktu tunggu diubah', en: 'Target wait changed' },
  'queue.counter_open': { id: 'Loket dibuka', en: 'Counter opened' },
  'queue.counter_paused': { id: 'Loket dijeda', en: 'Counter paused' },
  'queue.counter_closed': { id: 'Loket ditutup', en: 'Counter closed' },
  'queue.counter_setup': { id: 'Layanan loket diatur', en: 'Counter services set' },
  'queue.priority_class_created': { id: 'Kelas prioritas ditambahkan', en: 'Priority class added' },
  'queue.priority_class_updated': { id: 'Kelas prioritas diubah', en: 'Priority class changed' },
  'queue.service_quota_set': { id: 'Kuota antrean layanan diatur', en: 'Service queue quota set' },
  'queue.settings_updated': { id: 'Aturan antrean diubah', en: 'Queue rules changed' },
  'queue.ticket_called_out_of_order': { id: 'Nomor dipanggil di luar urutan', en: 'Ticket called out of order' },
  'search_synonym.create': { id: 'Sinonim pencarian ditambahkan', en: 'Search synonym added' },
  'search_synonym.update': { id: 'Sinonim pencarian diubah', en: 'Search synonym changed' },
  'search_synonym.delete': { id: 'Sinonim pencarian dihapus', en: 'Search synonym removed' },
  'service.booking_settings_updated': { id: 'Aturan booking layanan diubah', en: 'Service booking rules changed' },
  'service.created': { id: 'Layanan ditambahkan', en: 'Service added' },
  'service.updated': { id: 'Layanan diubah', en: 'Service changed' },
  'survey.labels_updated': { id: 'Kata-kata survei diubah', en: 'Survey wording changed' },
  'survey.published': { id: 'Hasil SKM diterbitkan', en: 'SKM results published' },
  'survey.tablet_paired': { id: 'Tablet survei dipasangkan', en: 'Survey tablet paired' },
  'survey.tablet_unpaired': { id: 'Tablet survei dilepas', en: 'Survey tablet unpaired' },
  'tenant.created': { id: 'Instansi ditambahkan', en: 'Agency added' },
  'tenant.updated': { id: 'Instansi diubah', en: 'Agency changed' },
  'user.created': { id: 'Akun dibuat', en: 'Account created' },
  'user.updated': { id: 'Akun diubah', en: 'Account changed' },
  'user.grant_added': { id: 'Peran diberikan', en: 'Role given' },
  'user.grant_removed': { id: 'Peran dicabut', en: 'Role removed' },
  'user.password_changed': { id: 'Kata sandi diganti', en: 'Password changed' },
  'user.password_reset': { id: 'Kata sandi diatur ulang', en: 'Password reset' },
};

const TARGET_NAMES: Record<string, Bilingual> = {
  booking: { id: 'Booking', en: 'Booking' },
  calendar_day: { id: 'Hari kalender', en: 'Calendar day' },
  complaint: { id: 'Pengaduan', en: 'Complaint' },
  counter: { id: 'Loket', en: 'Counter' },
  device: { id: 'Perangkat', en: 'Device' },
  mpp: { id: 'MPP', en: 'MPP' },
  mpp_special_day: { id: 'Jam khusus', en: 'Special hours' },
  priority_class: { id: 'Kelas prioritas', en: 'Priority class' },
  search_synonym: { id: 'Sinonim pencarian', en: 'Search synonym' },
  service: { id: 'Layanan', en: 'Service' },
  survey_period: { id: 'Periode SKM', en: 'SKM period' },
  tenant: { id: 'Instansi', en: 'Agency' },
  tenant_agreement: { id: 'Perjanjian', en: 'Agreement' },
  ticket: { id: 'Nomor antrean', en: 'Queue ticket' },
  user: { id: 'Akun', en: 'Account' },
};

export function actionName(action: string, t: T): string {
  const name = ACTION_NAMES[action];
  return name ? t(name) : action;
}

export function targetName(type: string, t: T): string {
  const name = TARGET_NAMES[type];
  return name ? t(name) : type;
}

const nameIn = (x: unknown): string | undefined => {
  if (!x || typeof x !== 'object') return undefined;
  const o = x as Record<string, unknown>;
  for (const k of ['name', 'number', 'code', 'email', 'trackingCode', 'period']) if (typeof o[k] === 'string' || typeof o[k] === 'number') return String(o[k]);
  return undefined;
};

/** Where the changed object is shown, with its name when the entry carries one; null: no screen shows it. */
export function targetLink(e: AuditEntry): { to: string; label?: string } | null {
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
