import { recordAudit } from '../platform/audit.js';
import type { ServiceContext } from '../platform/context.js';
import { requireMppRole, requireNationalAdmin, type Actor } from '../platform/auth.js';
import { isUniqueViolation, type Db, type Queryable } from '../platform/db.js';
import * as repo from './repository.js';
import type { CalendarDay, CreateClosure, CreateNationalDay, DueAnswer } from './schemas.js';
import { addCalendarDays, endOfLocalDay, nthWorkingDayAfter, windowFor, type Timezone } from './working-days.js';
import { calendarErrors } from './errors.js';

/** National holidays and cuti bersama of a year (public data). */
export async function listNationalDays(ctx: Pick<ServiceContext, 'db'>, input: { year: number }): Promise<CalendarDay[]> {
  return repo.findDaysOfYear(ctx.db, input.year, null);
}

/**
 * The non-working days of an MPP in a year: national days plus its own closures (public data).
 * @throws AppError not_found when the MPP does not exist.
 */
export async function listMppDays(ctx: Pick<ServiceContext, 'db'>, input: { mppId: string; year: number }): Promise<CalendarDay[]> {
  const { db } = ctx;
  const { mppId, year } = input;
  await repo.getMppTimezone(db, mppId);
  return repo.findDaysOfYear(db, year, mppId);
}

async function insertAudited(db: Db, actor: Actor, row: { mppId: string | null; day: string; kind: CalendarDay['kind']; name: string }): Promise<CalendarDay> {
  try {
    return await db.transaction(async (tx) => {
      const created = await repo.insertDay(tx, row);
      await recordAudit(tx, actor, { action: 'calendar_day.created', targetType: 'calendar_day', targetId: created.id, mppId: row.mppId, after: created });
      return created;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw calendarErrors.day_taken({ day: row.day });
    throw err;
  }
}

async function deleteAudited(db: Db, actor: Actor, mppId: string | null, dayId: string): Promise<CalendarDay> {
  return db.transaction(async (tx) => {
    const removed = await repo.deleteDay(tx, mppId, dayId);
    await recordAudit(tx, actor, { action: 'calendar_day.deleted', targetType: 'calendar_day', targetId: dayId, mppId, before: removed });
    return removed;
  });
}

/** @throws AppError unauthenticated, forbidden (not a national admin), day_taken (409). */
export async function addNationalDay(ctx: ServiceContext, input: CreateNationalDay): Promise<CalendarDay> {
  const { db, principal, actor } = ctx;
  requireNationalAdmin(principal);
  return insertAudited(db, actor, { mppId: null, ...input });
}

/** @throws AppError unauthenticated, forbidden, not_found. */
export async function removeNationalDay(ctx: ServiceContext, input: { dayId: string }): Promise<CalendarDay> {
  const { db, principal, actor } = ctx;
  const { dayId } = input;
  requireNationalAdmin(principal);
  return deleteAudited(db, actor, null, dayId);
}

/** An MPP admin closes the MPP for a day (e.g. a regional holiday, building works). @throws AppError unauthenticated, not_found, forbidden, day_taken. */
export async function addClosure(ctx: ServiceContext, args: { mppId: string } & CreateClosure): Promise<CalendarDay> {
  const { db, principal, actor } = ctx;
  const { mppId, ...input } = args;
  requireMppRole(principal, mppId, ['mpp_admin']);
  await repo.getMppTimezone(db, mppId);
  return insertAudited(db, actor, { mppId, day: input.day, kind: 'closure', name: input.name });
}

/** @throws AppError unauthenticated, not_found, forbidden. */
export async function removeClosure(ctx: ServiceContext, input: { mppId: string; dayId: string }): Promise<CalendarDay> {
  const { db, principal, actor } = ctx;
  const { mppId, dayId } = input;
  requireMppRole(principal, mppId, ['mpp_admin']);
  return deleteAudited(db, actor, mppId, dayId);
}

/**
 * The due instant of an SLA of n working days from `from` for an MPP: loads the MPP's zone and its
 * non-working dates (national + closures) and applies the pure calculator.
 * @throws AppError not_found when the MPP does not exist; RangeError when n < 1.
 */
export async function dueAfterWorkingDays(q: Queryable, mppId: string, from: Date, n: number): Promise<DueAnswer> {
  const timezone = await repo.getMppTimezone(q, mppId);
  let window = windowFor(from, n, timezone);
  for (;;) {
    const nonWorking = await repo.findNonWorkingDates(q, mppId, window.from, window.to);
    const dueDate = nthWorkingDayAfter(from, n, timezone, nonWorking);
    // Only trust the answer if every date it walked over was covered by the loaded window.
    if (dueDate <= window.to) {
      return { from: from.toISOString(), days: n, timezone, dueDate, dueAt: endOfLocalDay(dueDate, timezone as Timezone).toISOString() };
    }
    window = { from: window.from, to: addCalendarDays(window.to, 365) };
  }
}
