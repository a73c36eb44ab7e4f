/**
 * Working-day arithmetic for SLAs (pure: no database, no clock).
 *
 * Rules (see docs/calendar.md):
 * - A working day is a local calendar day of the MPP that is not a Saturday or Sunday and not in the
 *   given set of non-working dates (national holidays, cuti bersama, the MPP's closures).
 * - The day of receipt is never counted, whatever the hour: counting starts on the first working day
 *   after the local date of the instant. A complaint filed at 08:00 on a Monday, at 22:00 on a Monday,
 *   or on a Sunday all have "day 1" on the next working day. This keeps the rule independent of
 *   opening hours (which differ per MPP and on Fridays) and never shortens a handler's time.
 * - The due instant is the end of the local calendar day of the Nth working day
 *   (23:59:59.999 in the MPP's zone), so an answer given that evening is still on time.
 * - Indonesia has no daylight saving, so each zone is a fixed offset from UTC.
 */

export const TIMEZONES = ['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type Timezone = (typeof TIMEZONES)[number];

/** WIB +7 (Jakarta, Pontianak), WITA +8 (Makassar), WIT +9 (Jayapura); fixed all year. */
export const ZONE_OFFSET_MINUTES: Record<Timezone, number> = {
  'Asia/Jakarta': 420,
  'Asia/Pontianak': 420,
  'Asia/Makassar': 480,
  'Asia/Jayapura': 540,
};

const DAY_MS = 86_400_000;

/** An ISO date 'YYYY-MM-DD' as a UTC-midnight epoch in ms (only for date arithmetic). */
function dateMs(date: string): number {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(ms)) throw new RangeError(`not an ISO date: ${date}`);
  return ms;
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The MPP-local calendar date ('YYYY-MM-DD') of an instant. */
export function localDateOf(instant: Date, zone: Timezone): string {
  return isoDate(instant.getTime() + ZONE_OFFSET_MINUTES[zone] * 60_000);
}

export function addCalendarDays(date: string, days: number): string {
  return isoDate(dateMs(date) + days * DAY_MS);
}

export function isWeekend(date: string): boolean {
  const dow = new Date(dateMs(date)).getUTCDay();
  return dow === 0 || dow === 6;
}

export function isWorkingDay(date: string, nonWorking: ReadonlySet<string>): boolean {
  return !isWeekend(date) && !nonWorking.has(date);
}

/** The last millisecond of a local date in the zone, as a UTC instant. */
export function endOfLocalDay(date: string, zone: Timezone): Date {
  return new Date(dateMs(date) + DAY_MS - ZONE_OFFSET_MINUTES[zone] * 60_000 - 1);
}

/**
 * The local date of the Nth working day after the local date of `from` (the day of `from` itself
 * is never counted).
 * @throws RangeError when n is not a whole number of at least 1.
 */
export function nthWorkingDayAfter(from: Date, n: number, zone: Timezone, nonWorking: ReadonlySet<string>): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`working days must be a whole number >= 1, got ${n}`);
  let date = localDateOf(from, zone);
  let counted = 0;
  while (counted < n) {
    date = addCalendarDays(date, 1);
    if (isWorkingDay(date, nonWorking)) counted++;
  }
  return date;
}

/**
 * The due instant of an SLA of n working days started at `from`: the end of the local day of the
 * Nth working day after the day of `from`.
 * @throws RangeError when n is not a whole number of at least 1.
 */
export function addWorkingDays(from: Date, n: number, zone: Timezone, nonWorking: ReadonlySet<string>): Date {
  return endOfLocalDay(nthWorkingDayAfter(from, n, zone, nonWorking), zone);
}

/**
 * The local date range a loader must read non-working dates for so that adding n working days
 * from `from` never runs past it: n working days take at most 7/5 n calendar days plus the
 * non-working weekdays met on the way, which a year never has more than ~30 of.
 */
export function windowFor(from: Date, n: number, zone: Timezone): { from: string; to: string } {
  const start = localDateOf(from, zone);
  return { from: start, to: addCalendarDays(start, Math.ceil((n * 7) / 5) + 60) };
}
