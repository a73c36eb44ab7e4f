import type { Queryable } from '../platform/db.js';
import { findDaysBetween } from '../calendar/repository.js';
import { commonErrors } from '../platform/errors.js';
import { findMppHours, listSpecialDaysBetween } from './hours-repository.js';

/** 'HH:MM', 24-hour clock, in the MPP's own zone. */
export type LocalTime = string;

export interface Break {
  start: LocalTime;
  end: LocalTime;
  label: string;
}

export interface DayHours {
  opens: LocalTime;
  closes: LocalTime;
  breaks: Break[];
}

/** Keyed by ISO weekday: '1' = Senin (Monday) ... '7' = Minggu (Sunday). A missing day is closed. */
export type WeeklyHours = Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', DayHours>>;

export type CalendarKind = 'holiday' | 'cuti_bersama' | 'closure';

export interface DaySchedule {
  date: string;
  weekday: number;
  /** The hours that apply that day, or null when the MPP is closed all day. */
  hours: DayHours | null;
  /** True when a special day (changed/shortened hours) replaced the weekly hours. */
  special: boolean;
  note: string | null;
  /** Set when the calendar domain closes the whole day. */
  closedBy: { kind: CalendarKind; name: string } | null;
}

export type StatusReason = 'open' | 'before_opening' | 'on_break' | 'after_closing' | 'closed_today';

export interface OpeningStatus {
  mppId: string;
  timezone: string;
  at: string;
  localDate: string;
  localTime: LocalTime;
  open: boolean;
  reason: StatusReason;
  today: DaySchedule;
  /** The break the MPP is in right now, if any. */
  currentBreak: Break | null;
  /** When open: the next instant service stops (a break or closing time). */
  closesAt: string | null;
  /** When not open: the next instant it opens, looking up to LOOKAHEAD_DAYS ahead; null if none. */
  nextOpening: string | null;
}

export const LOOKAHEAD_DAYS = 60;

export const toMinutes = (t: LocalTime): number => {
  const [h, m] = t.split(':');
  return Number(h) * 60 + Number(m);
};
const fromMinutes = (n: number): LocalTime => `${String(Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`;
/** PostgreSQL time values come back as 'HH:MM:SS'. */
export const hhmm = (t: string): LocalTime => t.slice(0, 5);

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock date, time and ISO weekday of an instant in a zone. */
export function localParts(at: Date, timeZone: string): { date: string; minutes: number; seconds: number; weekday: number } {
  const p = Object.fromEntries(formatter(timeZone).formatToParts(at).map((x) => [x.type, x.value]));
  const date = `${p.year}-${p.month}-${p.day}`;
  return { date, minutes: Number(p.hour) * 60 + Number(p.minute), seconds: Number(p.second), weekday: isoWeekday(date) };
}

export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The instant at which the wall clock in `timeZone` shows `date` `minutes` (Indonesian zones have no DST). */
export function zonedInstant(date: string, minutes: number, timeZone: string): Date {
  const guess = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000;
  const shown = localParts(new Date(guess), timeZone);
  const shownMs = Date.parse(`${shown.date}T00:00:00Z`) + shown.minutes * 60_000 + shown.seconds * 1000;
  return new Date(guess - (shownMs - guess));
}

/** The periods of service in a day: opening hours minus breaks, as [start, end) minutes. */
export function servicePeriods(hours: DayHours): [number, number][] {
  const out: [number, number][] = [];
  let cursor = toMinutes(hours.opens);
  const breaks = [...hours.breaks].sort((a, b) => toMinutes(a.start) - toMinutes(b.start));
  for (const b of breaks) {
    if (toMinutes(b.start) > cursor) out.push([cursor, toMinutes(b.start)]);
    cursor = Math.max(cursor, toMinutes(b.end));
  }
  if (toMinutes(hours.closes) > cursor) out.push([cursor, toMinutes(hours.closes)]);
  return out;
}

export interface HoursSource {
  timezone: string;
  weekly: WeeklyHours;
  special: Map<string, { hours: DayHours; note: string }>;
  /** Calendar days (holiday, cuti bersama, closure) by date; an MPP's own closure wins over a national entry. */
  calendar: Map<string, { kind: CalendarKind; name: string; mppSpecific: boolean }>;
}

/**
 * The schedule of one local date. Rules: an MPP closure always closes the day; a national holiday
 * or cuti bersama closes it unless the MPP set a special day for that date (it chose to open);
 * otherwise a special day replaces the weekly hours.
 */
export function scheduleOf(src: HoursSource, date: string): DaySchedule {
  const weekday = isoWeekday(date);
  const cal = src.calendar.get(date);
  const special = src.special.get(date);
  if (cal && (cal.mppSpecific || !special)) {
    return { date, weekday, hours: null, special: false, note: null, closedBy: { kind: cal.kind, name: cal.name } };
  }
  if (special) return { date, weekday, hours: special.hours, special: true, note: special.note || null, closedBy: null };
  const weekly = src.weekly[String(weekday) as keyof WeeklyHours];
  return { date, weekday, hours: weekly ?? null, special: false, note: null, closedBy: null };
}

/** Pure computation of the opening status; `openingStatus` loads the data for it. */
export function computeOpeningStatus(mppId: string, src: HoursSource, at: Date): OpeningStatus {
  const now = localParts(at, src.timezone);
  const nowMin = now.minutes + now.seconds / 60;
  const today = scheduleOf(src, now.date);
  const base = {
    mppId,
    timezone: src.timezone,
    at: at.toISOString(),
    localDate: now.date,
    localTime: fromMinutes(now.minutes),
    today,
  };
  const periods = today.hours ? servicePeriods(today.hours) : [];
  const current = periods.find(([s, e]) => nowMin >= s && nowMin < e);
  if (current) {
    return { ...base, open: true, reason: 'open', currentBreak: null, closesAt: zonedInstant(now.date, current[1], src.timezone).toISOString(), nextOpening: null };
  }
  let reason: StatusReason = 'closed_today';
  let currentBreak: Break | null = null;
  if (today.hours) {
    if (nowMin < toMinutes(today.hours.opens)) reason = 'before_opening';
    else if (nowMin >= toMinutes(today.hours.closes)) reason = 'after_closing';
    else {
      reason = 'on_break';
      currentBreak = today.hours.breaks.find((b) => nowMin >= toMinutes(b.start) && nowMin < toMinutes(b.end)) ?? null;
    }
  }
  let nextOpening: string | null = null;
  const laterToday = periods.find(([s]) => s > nowMin);
  if (laterToday) nextOpening = zonedInstant(now.date, laterToday[0], src.timezone).toISOString();
  for (let i = 1; !nextOpening && i <= LOOKAHEAD_DAYS; i++) {
    const day = scheduleOf(src, addDays(now.date, i));
    const first = day.hours ? servicePeriods(day.hours)[0] : undefined;
    if (first) nextOpening = zonedInstant(day.date, first[0], src.timezone).toISOString();
  }
  return { ...base, open: false, reason, currentBreak, closesAt: null, nextOpening };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Loads everything the schedule of the local dates from `at`'s day on depends on. @throws AppError not_found */
export async function loadHoursSource(q: Queryable, mppId: string, at: Date, days = LOOKAHEAD_DAYS): Promise<HoursSource & { from: string }> {
  if (!UUID.test(mppId)) throw commonErrors.not_found();
  const mpp = await findMppHours(q, mppId);
  if (!mpp) throw commonErrors.not_found();
  const from = localParts(at, mpp.timezone).date;
  const to = addDays(from, days);
  const special = new Map<string, { hours: DayHours; note: string }>();
  for (const r of await listSpecialDaysBetween(q, { mppId, from, to })) special.set(r.day, { hours: { opens: hhmm(r.opens), closes: hhmm(r.closes), breaks: r.breaks }, note: r.note });
  const calendar = new Map<string, { kind: CalendarKind; name: string; mppSpecific: boolean }>();
  for (const r of await findDaysBetween(q, { mppId, from, to })) if (!calendar.has(r.day)) calendar.set(r.day, { kind: r.kind, name: r.name, mppSpecific: r.mpp_specific });
  return { from, timezone: mpp.timezone, weekly: mpp.weekly_hours, special, calendar };
}

/**
 * Whether an MPP is open at an instant, with that local day's hours and breaks and the next
 * opening time, all computed in the MPP's own time zone. Honours special days (catalog) and
 * full-day holidays, cuti bersama and closures (calendar domain's `calendar_days`, when present).
 * @throws AppError not_found when the MPP does not exist.
 */
export async function openingStatus(q: Queryable, mppId: string, at: Date): Promise<OpeningStatus> {
  return computeOpeningStatus(mppId, await loadHoursSource(q, mppId, at), at);
}
