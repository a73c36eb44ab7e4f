/**
 * Zones and local time, in one place. Every time Layan shows is in the MPP's own IANA zone (a
 * citizen in Jakarta looking at an MPP in Makassar sees Makassar's clock), labelled with Indonesia's
 * zone names WIB/WITA/WIT. Dates without a time ('YYYY-MM-DD', an MPP-local day) are formatted as
 * they are, never shifted by a zone.
 */

type Lang = 'id' | 'en';

/**
 * The one zone table of the web app: Indonesia's zone names and UTC offsets for the IANA zones MPPs
 * use (Asia/Pontianak is WIB too). Indonesia has no daylight saving, so an offset is fixed.
 */
export const ZONES: Record<string, { abbr: 'WIB' | 'WITA' | 'WIT'; offset: '+07:00' | '+08:00' | '+09:00' }> = {
  'Asia/Jakarta': { abbr: 'WIB', offset: '+07:00' },
  'Asia/Pontianak': { abbr: 'WIB', offset: '+07:00' },
  'Asia/Makassar': { abbr: 'WITA', offset: '+08:00' },
  'Asia/Jayapura': { abbr: 'WIT', offset: '+09:00' },
};

/** 'WIB' | 'WITA' | 'WIT' for an Indonesian zone; the IANA name itself for any other. */
export function zoneAbbr(timeZone: string): string {
  return ZONES[timeZone]?.abbr ?? timeZone;
}

/** The instant (ISO) at which MPP-local day 'YYYY-MM-DD' starts in `timeZone` (WIB if unknown). */
export function localMidnight(day: string, timeZone: string): string {
  return new Date(`${day}T00:00:00${ZONES[timeZone]?.offset ?? '+07:00'}`).toISOString();
}

/** The Intl locale dates and numbers are written in for the UI language. */
export const locale = (lang: Lang | string) => (lang === 'en' ? 'en-GB' : 'id-ID');
const toDate = (at: string | Date) => (typeof at === 'string' ? new Date(at) : at);

/** The MPP-local calendar day of an instant, 'YYYY-MM-DD'. */
export function localDay(at: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(toDate(at));
}

/** Today in the MPP's zone, 'YYYY-MM-DD'. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return localDay(now, timeZone);
}

/** '08:05': the wall-clock time in the MPP's zone, 24-hour, the same in both languages. */
export function clockTime(at: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat('id-ID', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(toDate(at)).replace('.', ':');
}

/** '08:05 WITA'. */
export function clockTimeWithZone(at: string | Date, timeZone: string): string {
  return `${clockTime(at, timeZone)} ${zoneAbbr(timeZone)}`;
}

/** '24 Nov 2026 08.05 WITA': a date and time in the MPP's zone, with its zone name ('–' for none). */
export function dateTimeWithZone(at: string | null | undefined, lang: Lang | string, timeZone?: string): string {
  if (!at) return '–';
  const text = toDate(at).toLocaleString(locale(lang), { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) });
  return timeZone ? `${text} ${zoneAbbr(timeZone)}` : text;
}

/** '24 November 2026': the MPP-local date of an instant. */
export function longDate(at: string | Date, lang: Lang | string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale(lang), { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(toDate(at));
}

/**
 * An instant as the MPP's wall-clock time, with the day when it is not `today` (the MPP-local day):
 * '08:00 WIB' or 'Senin, 24 November, 08:00 WIB'.
 */
export function timeOrDayTime(at: string | Date, timeZone: string, today: string, lang: Lang | string): string {
  const time = clockTimeWithZone(at, timeZone);
  if (localDay(at, timeZone) === today) return time;
  const day = new Intl.DateTimeFormat(locale(lang), { timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(toDate(at));
  return `${day}, ${time}`;
}

/** 'Sel, 24 Nov' / 'Tue, 24 Nov' for an MPP-local day 'YYYY-MM-DD'. */
export function shortDay(day: string, lang: Lang | string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString(locale(lang), { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
}

/** 'Selasa, 24 November 2026' for an MPP-local day 'YYYY-MM-DD'. */
export function longDay(day: string, lang: Lang | string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString(locale(lang), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** 'Selasa' / 'Tuesday' for an MPP-local day 'YYYY-MM-DD'. */
export function weekdayName(day: string, lang: Lang | string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString(locale(lang), { weekday: 'long', timeZone: 'UTC' });
}
