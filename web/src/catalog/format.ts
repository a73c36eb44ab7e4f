import type { Bilingual, Translate } from '../i18n';
import { timeOrDayTime } from '../time';
import type { Channel, TenantKind } from './views';

type T = Translate;

export const rupiah = (n: number, t: T) => (n === 0 ? t('Gratis', 'Free') : `Rp${n.toLocaleString('id-ID')}`);

export const WEEKDAYS: Bilingual[] = [
  { id: 'Senin', en: 'Monday' },
  { id: 'Selasa', en: 'Tuesday' },
  { id: 'Rabu', en: 'Wednesday' },
  { id: 'Kamis', en: 'Thursday' },
  { id: 'Jumat', en: 'Friday' },
  { id: 'Sabtu', en: 'Saturday' },
  { id: 'Minggu', en: 'Sunday' },
];

export const KIND_NAMES: Record<TenantKind, Bilingual> = {
  central_agency: { id: 'Instansi vertikal', en: 'Central agency' },
  regional_office: { id: 'Perangkat daerah', en: 'Regional office' },
  bumn: { id: 'BUMN', en: 'State enterprise' },
  bumd: { id: 'BUMD', en: 'Regional enterprise' },
  private: { id: 'Swasta', en: 'Private' },
};

export const CHANNEL_NAMES: Record<Channel, Bilingual> = {
  direct: { id: 'Langsung di loket', en: 'At the counter' },
  mobile: { id: 'Layanan keliling', en: 'Mobile service' },
  self_service: { id: 'Mandiri (kios)', en: 'Self-service kiosk' },
  online: { id: 'Daring', en: 'Online' },
};

export function completionText(c: { value: number; unit: 'minutes' | 'working_days' }, t: T): string {
  if (c.unit === 'working_days') return t(`${c.value} hari kerja`, `${c.value} working day${c.value === 1 ? '' : 's'}`);
  return t(`${c.value} menit`, `${c.value} minutes`);
}

/** An instant shown as a wall-clock time in the MPP's zone, with the day when it is not today. */
export function localTime(iso: string, timeZone: string, today: string, t: T): string {
  return timeOrDayTime(iso, timeZone, today, t('id', 'en'));
}
