import type { ResponseOf } from '../api/types';
import type { Bilingual, Translate } from '../i18n';
import { CHOSEN_PARAM } from '../ui/chosen';
import { fieldName } from './fields';

/** One entry of the audit log, as /api/audit answers it. */
export type AuditEntry = ResponseOf<'/api/audit'>['entries'][number];

type T = Translate;

/** Every action the server records, in words. An action missing here shows its code (and a test lists them). */
export const ACTION_NAMES: Record<string, Bilingual> = {
  'agreement.created': { id: 'Perjanjian (MoU/PKS) dicatat', en: 'Agreement (MoU/PKS) recorded' },
  'agreement.updated': { id: 'Perjanjian diubah', en: 'Agreement changed' },
  'application.check': { id: 'Berkas permohonan diperiksa', en: 'Application checked' },
  'application.collect': { id: 'Hasil permohonan diambil', en: 'Application collected' },
  'application.mark_ready': { id: 'Hasil permohonan siap diambil', en: 'Application ready for pickup' },
  'application.opened': { id: 'Permohonan dibuka petugas', en: 'Application opened by staff' },
  'application.pickup_refused': { id: 'Pengambilan di kios ditolak', en: 'Kiosk pickup refused' },
  'application.process': { id: 'Permohonan diproses', en: 'Application in process' },
  'application.product_attached': { id: 'Dokumen hasil dilampirkan', en: 'Result document attached' },
  'application.product_printed': { id: 'Dokumen hasil dicetak', en: 'Result document printed' },
  'application.product_purged': { id: 'Dokumen hasil dihapus (masa simpan habis)', en: 'Result document purged (retention over)' },
  'application.refuse': { id: 'Permohonan ditolak', en: 'Application refused' },
  'application.resubmit': { id: 'Berkas permohonan dilengkapi', en: 'Application resubmitted' },
  'application.return_incomplete': { id: 'Permohonan dikembalikan: berkas kurang', en: 'Application returned as incomplete' },
  'auth.login': { id: 'Masuk', en: 'Signed in' },
  'auth.login_failed': { id: 'Gagal masuk', en: 'Failed sign-in' },
  'booking.cancelled': { id: 'Booking dibatalkan', en: 'Booking cancelled' },
  'booking.moved': { id: 'Booking dipindah', en: 'Booking moved' },
  'booking_settings.updated': { id: 'Aturan keadilan booking diubah', en: 'Booking fairness rules changed' },
  'calendar_day.created': { id: 'Hari libur/penutupan ditambahkan', en: 'Holiday/closure added' },
  'calendar_day.deleted': { id: 'Hari libur/penutupan dihapus', en: 'Holiday/closure removed' },
  'catalog.imported': { id: 'Katalog diimpor', en: 'Catalog imported' },
  'complaint.answer': { id: 'Pengaduan dijawab', en: 'Complaint answered' },
  'complaint.assign': { id: 'Pengaduan diteruskan ke instansi', en: 'Complaint assigned to an agency' },
  'complaint.close': { id: 'Pengaduan ditutup', en: 'Complaint closed' },
  'complaint.confirm': { id: 'Jawaban dikonfirmasi', en: 'Answer confirmed' },
  'complaint.filed': { id: 'Pengaduan masuk', en: 'Complaint filed' },
  'complaint.note': { id: 'Catatan pengaduan', en: 'Complaint note' },
  'complaint.reopen': { id: 'Pengaduan dibuka kembali', en: 'Complaint reopened' },
  'complaint.set_aside': { id: 'Pengaduan dikesampingkan', en: 'Complaint set aside' },
  'complaint.start': { id: 'Pengaduan mulai ditangani', en: 'Complaint handling started' },
  'complaint.verify': { id: 'Pengaduan diverifikasi', en: 'Complaint verified' },
  'consultation.answer': { id: 'Konsultasi dijawab', en: 'Consultation answered' },
  'consultation.asked': { id: 'Konsultasi diajukan', en: 'Consultation asked' },
  'consultation.attachment_read': { id: 'Lampiran konsultasi dibuka', en: 'Consultation attachment opened' },
  'consultation.faq_published': { id: 'Jawaban diterbitkan sebagai FAQ', en: 'Answer published as FAQ' },
  'consultation.faq_unpublished': { id: 'FAQ ditarik', en: 'FAQ unpublished' },
  'consultation.schedule': { id: 'Konsultasi video dijadwalkan', en: 'Video consultation scheduled' },
  'consultation.settings_set': { id: 'Batas waktu jawab konsultasi diubah', en: 'Consultation answer limit changed' },
  'consultation.withdraw': { id: 'Konsultasi ditarik warga', en: 'Consultation withdrawn' },
  'counter.created': { id: 'Loket ditambahkan', en: 'Counter added' },
  'counter.updated': { id: 'Loket diubah', en: 'Counter changed' },
  'device.created': { id: 'Token perangkat dibuat', en: 'Device token issued' },
  'device.revoked': { id: 'Token perangkat dicabut', en: 'Device token revoked' },
  'mobile_booking.cancelled': { id: 'Booking layanan keliling dibatalkan', en: 'Mobile-service booking cancelled' },
  'mobile_booking.moved': { id: 'Booking layanan keliling dipindah', en: 'Mobile-service booking moved' },
  'mobile_stop.cancelled': { id: 'Jadwal layanan keliling dibatalkan', en: 'Mobile-service stop cancelled' },
  'mobile_stop.created': { id: 'Jadwal layanan keliling ditambahkan', en: 'Mobile-service stop added' },
  'mobile_stop.updated': { id: 'Jadwal layanan keliling diubah', en: 'Mobile-service stop changed' },
  'mobile_unit.created': { id: 'Kendaraan layanan keliling ditambahkan', en: 'Mobile unit added' },
  'mobile_unit.updated': { id: 'Kendaraan layanan keliling diubah', en: 'Mobile unit changed' },
  'mpp.created': { id: 'MPP ditambahkan', en: 'MPP added' },
  'mpp.special_day_deleted': { id: 'Jam khusus dihapus', en: 'Special hours removed' },
  'mpp.special_day_set': { id: 'Jam khusus ditetapkan', en: 'Special hours set' },
  'mpp.updated': { id: 'Profil MPP diubah', en: 'MPP profile changed' },
  'operations.rollout_recorded': { id: 'Tahap peluncuran MPP dicatat', en: 'MPP rollout stage recorded' },
  'operations.settings_updated': { id: 'Target waktu tunggu diubah', en: 'Target wait changed' },
  'operations.webhook_created': { id: 'Webhook ditambahkan', en: 'Webhook added' },
  'operations.webhook_deleted': { id: 'Webhook dihapus', en: 'Webhook removed' },
  'operations.webhook_replayed': { id: 'Kiriman webhook diulang', en: 'Webhook delivery replayed' },
  'queue.counter_closed': { id: 'Loket ditutup', en: 'Counter closed' },
  'queue.counter_open': { id: 'Loket dibuka', en: 'Counter opened' },
  'queue.counter_paused': { id: 'Loket dijeda', en: 'Counter paused' },
  'queue.counter_setup': { id: 'Layanan loket diatur', en: 'Counter services set' },
  'queue.counter_zone_set': { id: 'Zona loket diatur', en: 'Counter zone set' },
  'queue.device_zone_set': { id: 'Zona perangkat diatur', en: 'Device zone set' },
  'queue.pause_reason_created': { id: 'Alasan jeda ditambahkan', en: 'Pause reason added' },
  'queue.pause_reason_updated': { id: 'Alasan jeda diubah', en: 'Pause reason changed' },
  'queue.priority_class_created': { id: 'Kelas prioritas ditambahkan', en: 'Priority class added' },
  'queue.priority_class_updated': { id: 'Kelas prioritas diubah', en: 'Priority class changed' },
  'queue.service_quota_set': { id: 'Kuota antrean layanan diatur', en: 'Service queue quota set' },
  'queue.settings_updated': { id: 'Aturan antrean diubah', en: 'Queue rules changed' },
  'queue.ticket_called_out_of_order': { id: 'Nomor dipanggil di luar urutan', en: 'Ticket called out of order' },
  'queue.zone_created': { id: 'Zona/lajur ditambahkan', en: 'Zone/lane added' },
  'queue.zone_renamed': { id: 'Zona/lajur diganti nama', en: 'Zone/lane renamed' },
  'search_synonym.create': { id: 'Sinonim pencarian ditambahkan', en: 'Search synonym added' },
  'search_synonym.delete': { id: 'Sinonim pencarian dihapus', en: 'Search synonym removed' },
  'search_synonym.update': { id: 'Sinonim pencarian diubah', en: 'Search synonym changed' },
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
  'user.grant_added': { id: 'Peran diberikan', en: 'Role given' },
  'user.grant_removed': { id: 'Peran dicabut', en: 'Role removed' },
  'user.password_changed': { id: 'Kata sandi diganti', en: 'Password changed' },
  'user.password_reset': { id: 'Kata sandi diatur ulang', en: 'Password reset' },
  'user.updated': { id: 'Akun diubah', en: 'Account changed' },
  'wallet.document_added': { id: 'Dokumen masuk dompet warga', en: "Document added to a citizen's wallet" },
  'wallet.document_deleted': { id: 'Dokumen dihapus dari dompet warga', en: "Document removed from a citizen's wallet" },
  'wallet.document_offered': { id: 'Dokumen ditawarkan ke dompet warga', en: "Document offered to a citizen's wallet" },
  'wallet.granted': { id: 'Warga memberi akses dokumen', en: 'Citizen granted access to a document' },
  'wallet.offer_accepted': { id: 'Tawaran dokumen diterima warga', en: 'Document offer accepted' },
  'wallet.offer_declined': { id: 'Tawaran dokumen ditolak warga', en: 'Document offer declined' },
  'wallet.offer_expired': { id: 'Tawaran dokumen kedaluwarsa', en: 'Document offer expired' },
  'wallet.revoked': { id: 'Akses dokumen dicabut warga', en: 'Citizen revoked access to a document' },
};

export const TARGET_NAMES: Record<string, Bilingual> = {
  application: { id: 'Permohonan', en: 'Application' },
  booking: { id: 'Booking', en: 'Booking' },
  calendar_day: { id: 'Hari kalender', en: 'Calendar day' },
  complaint: { id: 'Pengaduan', en: 'Complaint' },
  consultation: { id: 'Konsultasi', en: 'Consultation' },
  counter: { id: 'Loket', en: 'Counter' },
  device: { id: 'Perangkat', en: 'Device' },
  mobile_stop: { id: 'Jadwal layanan keliling', en: 'Mobile-service stop' },
  mobile_stop_booking: { id: 'Booking layanan keliling', en: 'Mobile-service booking' },
  mobile_unit: { id: 'Kendaraan layanan keliling', en: 'Mobile unit' },
  mpp: { id: 'MPP', en: 'MPP' },
  mpp_special_day: { id: 'Jam khusus', en: 'Special hours' },
  pause_reason: { id: 'Alasan jeda', en: 'Pause reason' },
  priority_class: { id: 'Kelas prioritas', en: 'Priority class' },
  queue_zone: { id: 'Zona/lajur', en: 'Zone/lane' },
  region: { id: 'Wilayah', en: 'Region' },
  search_synonym: { id: 'Sinonim pencarian', en: 'Search synonym' },
  service: { id: 'Layanan', en: 'Service' },
  survey_period: { id: 'Periode SKM', en: 'SKM period' },
  tenant: { id: 'Instansi', en: 'Agency' },
  tenant_agreement: { id: 'Perjanjian', en: 'Agreement' },
  ticket: { id: 'Nomor antrean', en: 'Queue ticket' },
  user: { id: 'Akun', en: 'Account' },
  wallet_document: { id: 'Dokumen dompet warga', en: 'Citizen wallet document' },
  wallet_grant: { id: 'Akses dokumen', en: 'Document access' },
  wallet_offer: { id: 'Tawaran dokumen', en: 'Document offer' },
  webhook: { id: 'Webhook', en: 'Webhook' },
  webhook_delivery: { id: 'Kiriman webhook', en: 'Webhook delivery' },
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

/** `path` opening the item `id` of a list-and-detail screen (`useChosen`), or just `path` without one. */
const chosen = (path: string, id: string | null | undefined): string => (id ? `${path}${path.includes('?') ? '&' : '?'}${CHOSEN_PARAM}=${encodeURIComponent(id)}` : path);

/**
 * Where the changed object is shown, with its name (from the entry, else from `names`: the MPP's
 * services, counters and agencies by id); null: no staff screen shows it (a sign-in, a citizen's
 * wallet). Lists of dozens open on the very item (`?pilih=`).
 */
export function targetLink(e: AuditEntry, names?: ReadonlyMap<string, string>): { to: string; label?: string } | null {
  const id = e.targetId;
  const label = nameIn(e.after) ?? nameIn(e.before) ?? (id ? names?.get(id) : undefined);
  const applicationId = (e.after as { applicationId?: unknown } | null)?.applicationId;
  const to: Record<string, string | undefined> = {
    service:
      e.action === 'service.booking_settings_updated' ? chosen('/staf/aturan-booking', id)
      : e.action === 'queue.service_quota_set' ? '/staf/antrean?tab=kuota'
      : e.action === 'survey.labels_updated' ? '/staf/pengaturan-survei'
      : e.mppId && id ? `/staf/katalog/${e.mppId}/layanan/${id}` : '/staf/katalog?tab=layanan',
    tenant: e.action === 'consultation.settings_set' ? '/staf/konsultasi' : chosen('/staf/katalog?tab=instansi', id),
    tenant_agreement: '/staf/katalog?tab=instansi',
    counter:
      e.action === 'queue.counter_setup' ? chosen('/staf/antrean?tab=per-loket', id)
      : e.action === 'queue.counter_zone_set' ? '/staf/antrean?tab=zona'
      : e.action.startsWith('queue.counter_') ? '/staf/lantai'
      : chosen('/staf/antrean?tab=loket', id),
    mpp: e.action === 'queue.settings_updated' || e.action === 'operations.settings_updated' ? '/staf/antrean?tab=aturan' : e.action === 'booking_settings.updated' ? '/staf/aturan-booking?tab=mpp' : e.action === 'mpp.created' ? '/staf/mpp' : '/staf/katalog?tab=profil',
    mpp_special_day: '/staf/katalog?tab=profil',
    complaint: id ? `/staf/pengaduan/${id}` : '/staf/pengaduan',
    application: id ? `/staf/permohonan/${id}` : '/staf/permohonan',
    wallet_offer: typeof applicationId === 'string' ? `/staf/permohonan/${applicationId}` : undefined,
    consultation: '/staf/konsultasi',
    user: '/staf/pengguna',
    device: e.action === 'queue.device_zone_set' ? '/staf/antrean?tab=zona' : e.action.startsWith('survey.tablet_') ? '/staf/pengaturan-survei' : '/staf/perangkat',
    booking: '/staf/booking',
    priority_class: '/staf/antrean?tab=prioritas',
    pause_reason: '/staf/antrean?tab=alasan-jeda',
    queue_zone: '/staf/antrean?tab=zona',
    calendar_day: '/staf/kalender',
    survey_period: '/staf/survei',
    mobile_stop: '/staf/keliling',
    mobile_stop_booking: '/staf/keliling',
    mobile_unit: '/staf/keliling',
    webhook: '/staf/webhook',
    webhook_delivery: '/staf/webhook',
    region: '/staf/peluncuran',
    search_synonym: '/staf/kata-pencarian',
  };
  const path = to[e.targetType];
  return path ? { to: path, label } : null;
}

/** The keys whose value differs between before and after (all keys of a creation or removal). */
function changedKeys(e: Pick<AuditEntry, 'before' | 'after'>): string[] {
  const before = (e.before ?? {}) as Record<string, unknown>;
  const after = (e.after ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

/** "Nama, Status": the fields an entry changed, in words, or what was created/removed. */
export function changeSummary(e: AuditEntry, t: T): string {
  if (!e.before && e.after) return t('dibuat', 'created');
  if (e.before && !e.after) return t('dihapus', 'removed');
  if (!e.before && !e.after) return '–';
  const changed = changedKeys(e).map((k) => fieldName(k, t));
  return changed.length ? changed.slice(0, 4).join(', ') + (changed.length > 4 ? '…' : '') : t('tanpa perubahan', 'no change');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const noIds = (_key: string, value: unknown) => (typeof value === 'string' && UUID.test(value) ? '…' : value);
/** Before and after, as the entry keeps them, but with no raw id on screen: an id reads "…" (the target link names the object). */
export function changeDetail(e: Pick<AuditEntry, 'before' | 'after'>): string {
  return JSON.stringify({ before: e.before, after: e.after }, noIds, 2);
}

/** A value as a cell shows it: text as it is, yes/no, "–" for none, lists and objects as compact JSON (ids as "…"). */
function shown(value: unknown, t: T): string {
  if (value === undefined || value === null) return '–';
  if (typeof value === 'boolean') return value ? t('ya', 'yes') : t('tidak', 'no');
  if (typeof value === 'string') return UUID.test(value) ? '…' : value;
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value, noIds);
}

/** Each changed field in words with its value before and after (the detail under the summary). */
export function changeRows(e: Pick<AuditEntry, 'before' | 'after'>, t: T): { key: string; field: string; before: string; after: string }[] {
  const before = (e.before ?? {}) as Record<string, unknown>;
  const after = (e.after ?? {}) as Record<string, unknown>;
  if (typeof e.before !== 'object' && e.before !== null) return [];
  return changedKeys(e).map((key) => ({ key, field: fieldName(key, t), before: e.before ? shown(before[key], t) : '–', after: e.after ? shown(after[key], t) : '–' }));
}
