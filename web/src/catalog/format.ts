import { timeOrDayTime } from '../time';
import type { Channel, TenantKind } from './views';

type T = (id: string, en: string) => string;

export const rupiah = (n: number, t: T) => (n === 0 ? t('Gratis', 'Free') : `Rp${n.toLocaleString('id-ID')}`);

export const WEEKDAYS: [id: string, en: string][] = [
  ['Senin', 'Monday'],
  ['Selasa', 'Tuesday'],
  ['Rabu', 'Wednesday'],
  ['Kamis', 'Thursday'],
  ['Jumat', 'Friday'],
  ['Sabtu', 'Saturday'],
  ['Minggu', 'Sunday'],
];

export const KIND_NAMES: Record<TenantKind, [string, string]> = {
  central_agency: ['Instansi vertikal', 'Central agency'],
  regional_office: ['Perangkat daerah', 'Regional office'],
  bumn: ['BUMN', 'State enterprise'],
  bumd: ['BUMD', 'Regional enterprise'],
  private: ['Swasta', 'Private'],
};

export const CHANNEL_NAMES: Record<Channel, [string, string]> = {
  direct: ['Langsung di loket', 'At the counter'],
  mobile: ['Layanan keliling', 'Mobile service'],
  self_service: ['Mandiri (kios)', 'Self-service kiosk'],
  online: ['Daring', 'Online'],
};

export function completionText(c: { value: number; unit: 'minutes' | 'working_days' }, t: T): string {
  if (c.unit === 'working_days') return t(`${c.value} hari kerja`, `${c.value} working day${c.value === 1 ? '' : 's'}`);
  return t(`${c.value} menit`, `${c.value} minutes`);
}

/** An instant shown as a wall-clock time in the MPP's zone, with the day when it is not today. */
export function localTime(iso: string, timeZone: string, today: string, t: T): string {
  return timeOrDayTime(iso, timeZone, today, t('id', 'en'));
}
