import { loadHoursSource, scheduleOf, servicePeriods, localParts, zonedInstant, type HoursSource } from '../catalog/hours.js';
import { SYSTEM_ACTOR } from '../platform/auth.js';
import type { Db } from '../platform/db.js';
import * as repo from './repository.js';
import { queueMessage, type BookingEnv } from './service.js';

/**
 * Bookings still "booked" when their check-in window has closed become no-shows. A NIK that reaches
 * the MPP's no-show limit within the window (counting only no-shows after its last suspension) is
 * suspended from online booking for the configured days.
 */
export async function markNoShows(db: Db, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const overdue = await repo.claimOverdue(tx, now);
    for (const o of overdue) {
      const b = await repo.transition(tx, o.mppId, o.id, 'booked', 'no_show', now);
      if (!b) continue;
      await repo.insertEvent(tx, { mppId: b.mppId, bookingId: b.id, action: 'no_show', from: 'booked', to: 'no_show', actorType: SYSTEM_ACTOR.type, actorId: null, at: now });
      const settings = await repo.getMppSettings(tx, b.mppId);
      if (settings.noShowLimit === 0) continue;
      const windowStart = new Date(now.getTime() - settings.noShowWindowDays * 86_400_000);
      const last = await repo.lastSuspensionStart(tx, b.mppId, b.nikHash);
      const since = last && last > windowStart ? last : windowStart;
      const count = await repo.countNoShows(tx, b.mppId, b.nikHash, since);
      if (count >= settings.noShowLimit) {
        await repo.suspend(tx, b.mppId, b.nikHash, b.nikMasked, new Date(now.getTime() + settings.suspensionDays * 86_400_000), count, now);
      }
    }
    return overdue.length;
  });
}

/** Queues the day-before reminders that are due. */
export async function sendReminders(db: Db, env: BookingEnv, now: Date): Promise<number> {
  await env.keys();
  return db.transaction(async (tx) => {
    const due = await repo.claimReminders(tx, now);
    for (const b of due) await queueMessage(tx, env, b, 'reminder');
    return due.length;
  });
}

/** Whether [start, end) lies inside one service period of the day (hours minus breaks). */
export function withinHours(src: HoursSource, start: Date, end: Date): boolean {
  const day = localParts(start, src.timezone).date;
  const schedule = scheduleOf(src, day);
  if (!schedule.hours) return false;
  return servicePeriods(schedule.hours).some(
    ([s, e]) => zonedInstant(day, s, src.timezone).getTime() <= start.getTime() && end.getTime() <= zonedInstant(day, e, src.timezone).getTime(),
  );
}

/**
 * Compares every upcoming booking with the current hours, breaks, special days, holidays and
 * closures. A booking left outside service hours is never dropped: it is flagged (listed for the MPP
 * admin to move or cancel) and its holder is told once; if the hours come back, the flag is cleared.
 * @returns how many bookings became affected in this sweep.
 */
export async function sweepSchedule(db: Db, env: BookingEnv, now: Date, onlyMppId?: string): Promise<number> {
  await env.keys();
  const upcoming = (await repo.listUpcoming(db, now)).filter((b) => !onlyMppId || b.mppId === onlyMppId);
  const byMpp = new Map<string, repo.BookingRow[]>();
  for (const b of upcoming) byMpp.set(b.mppId, [...(byMpp.get(b.mppId) ?? []), b]);
  let flagged = 0;
  for (const [mppId, bookings] of byMpp) {
    const last = bookings[bookings.length - 1]!.slotStart;
    const src = await loadHoursSource(db, mppId, now, Math.ceil((last.getTime() - now.getTime()) / 86_400_000) + 2);
    for (const b of bookings) {
      const ok = withinHours(src, b.slotStart, b.slotEnd);
      if (ok && b.affectedAt) await repo.setAffected(db, mppId, b.id, null);
      if (!ok && !b.affectedAt) {
        const changed = await db.transaction(async (tx) => {
          if (!(await repo.setAffected(tx, mppId, b.id, now))) return false;
          await repo.insertEvent(tx, { mppId, bookingId: b.id, action: 'schedule_changed', from: 'booked', to: 'booked', actorType: 'system', actorId: null, at: now });
          await queueMessage(tx, env, b, 'schedule_changed');
          return true;
        });
        if (changed) flagged++;
      }
    }
  }
  return flagged;
}

/** Runs the periodic booking work every `intervalMs`; returns the stop function. */
export function startBookingJobs(db: Db, env: BookingEnv, now: () => Date, log: { error(o: object, m: string): void }, intervalMs = 60_000): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = (async () => {
      const at = now();
      await markNoShows(db, at);
      await sendReminders(db, env, at);
      await sweepSchedule(db, env, at);
    })().catch((err) => log.error({ err }, 'booking jobs failed'));
  };
  const timer = setInterval(tick, intervalMs);
  return async () => {
    clearInterval(timer);
    await running;
  };
}
