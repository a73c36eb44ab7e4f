import { addDays, localParts, scheduleOf, servicePeriods, zonedInstant, type DaySchedule, type HoursSource } from '../catalog/hours.js';
import type { BookingSettings } from './settings.js';

export interface SlotTime {
  startsAt: Date;
  endsAt: Date;
  /** 'HH:MM' in the MPP's zone. */
  localStart: string;
  localEnd: string;
}

const hm = (n: number) => `${String(Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`;

/**
 * The slots of one local day: each service period (opening hours minus breaks) cut into slots of
 * `slotMinutes` from its start; a slot that would run into a break or past closing is not offered.
 */
export function slotTimes(settings: BookingSettings, schedule: DaySchedule, timezone: string): SlotTime[] {
  if (!schedule.hours) return [];
  const out: SlotTime[] = [];
  for (const [start, end] of servicePeriods(schedule.hours)) {
    for (let m = start; m + settings.slotMinutes <= end; m += settings.slotMinutes) {
      out.push({
        startsAt: zonedInstant(schedule.date, m, timezone),
        endsAt: zonedInstant(schedule.date, m + settings.slotMinutes, timezone),
        localStart: hm(m),
        localEnd: hm(m + settings.slotMinutes),
      });
    }
  }
  return out;
}

export type SlotRefusal = 'too_far_ahead' | 'past' | 'same_day_cutoff';

/**
 * Whether a slot may still be booked at `now`, before looking at capacity: within the days ahead,
 * not started, and on the same day not later than the cutoff before its start.
 */
export function timingRefusal(settings: BookingSettings, slot: SlotTime, timezone: string, now: Date): SlotRefusal | null {
  const today = localParts(now, timezone).date;
  const day = localParts(slot.startsAt, timezone).date;
  if (day > addDays(today, settings.bookAheadDays)) return 'too_far_ahead';
  if (slot.startsAt.getTime() <= now.getTime()) return 'past';
  if (day === today && slot.startsAt.getTime() - now.getTime() < settings.sameDayCutoffMinutes * 60_000) return 'same_day_cutoff';
  return null;
}

/** The local dates a citizen may choose from at `now`, with each day's schedule. */
export function bookableDays(settings: BookingSettings, src: HoursSource, now: Date): DaySchedule[] {
  const today = localParts(now, src.timezone).date;
  const out: DaySchedule[] = [];
  for (let i = 0; i <= settings.bookAheadDays; i++) out.push(scheduleOf(src, addDays(today, i)));
  return out;
}

/** Finds the slot of a day that starts at an instant, if the schedule still has one. */
export function findSlot(settings: BookingSettings, schedule: DaySchedule, timezone: string, startsAt: Date): SlotTime | undefined {
  return slotTimes(settings, schedule, timezone).find((s) => s.startsAt.getTime() === startsAt.getTime());
}
