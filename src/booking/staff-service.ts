import { loadHoursSource, scheduleOf } from '../catalog/hours.js';
import { recordAudit } from '../platform/audit.js';
import { requireMppRole, requireTenantRole, type Principal } from '../platform/auth.js';
import type { ServiceContext } from '../platform/context.js';
import type { Db } from '../platform/db.js';
import { sweepSchedule } from './jobs.js';
import * as repo from './repository.js';
import type { BookingView, StaffDay } from './schemas.js';
import { cancel, reschedule, viewOf, type BookingEnv } from './service.js';
import { BookingMppSettings, BookingSettings, type BookingMppSettingsChange, type BookingPreview, type BookingSettingsChange } from './settings.js';
import { bookableDays, slotTimes } from './slots.js';

const STAFF = ['tenant_admin', 'officer'] as const;

/** Staff of the service's tenant (and MPP admins). @throws AppError 401/404/403 */
async function serviceForStaff(db: Db, principal: Principal, mppId: string, serviceId: string, roles: readonly ('tenant_admin' | 'officer')[] = STAFF) {
  requireMppRole(principal, mppId, ['mpp_admin', 'tenant_admin', 'officer']);
  const service = await repo.getService(db, mppId, serviceId);
  requireTenantRole(principal, mppId, service.tenantId, roles);
  return service;
}

/**
 * A service's bookings of one local day with the use of each slot's capacity.
 * @throws AppError unauthenticated, not_found, forbidden
 */
export async function dayOverview(ctx: Pick<ServiceContext, 'db' | 'principal'>, input: { mppId: string; serviceId: string; date: string }): Promise<StaffDay> {
  const { db, principal } = ctx;
  const { mppId, serviceId, date } = input;
  const service = await serviceForStaff(db, principal, mppId, serviceId);
  const mpp = await repo.getMpp(db, mppId);
  const src = await loadHoursSource(db, mppId, new Date(`${date}T12:00:00Z`), 1);
  const slots = slotTimes(service.settings, scheduleOf(src, date), mpp.timezone);
  const counts = await repo.slotCounts(db, mppId, serviceId, date, date);
  const bookings = await repo.listBookingsOfDay(db, mppId, serviceId, date);
  const views: BookingView[] = [];
  for (const b of bookings) views.push(await viewOf(db, b, { mpp, service }));
  const count = (s: string) => bookings.filter((b) => b.status === s).length;
  return {
    serviceId,
    serviceName: service.name,
    date,
    timezone: mpp.timezone,
    capacity: slots.length * service.settings.capacityPerSlot,
    booked: count('booked'),
    checkedIn: count('checked_in'),
    noShows: count('no_show'),
    cancelled: count('cancelled'),
    slots: slots.map((s) => {
      const booked = counts.get(s.startsAt.toISOString()) ?? 0;
      const free = Math.max(0, service.settings.capacityPerSlot - booked);
      return { startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), localStart: s.localStart, localEnd: s.localEnd, capacity: service.settings.capacityPerSlot, booked, free, bookable: free > 0, reason: free > 0 ? null : 'full' };
    }),
    bookings: views,
  };
}

/** Moves a booking for its holder (e.g. after a change of hours); the holder is told. */
export async function staffMove(ctx: ServiceContext, env: BookingEnv, input: { mppId: string; bookingId: string; startsAt: string; note?: string }): Promise<BookingView> {
  const { db, principal, actor } = ctx;
  const { mppId, bookingId, startsAt, note } = input;
  const before = await repo.getBookingById(db, mppId, bookingId);
  await serviceForStaff(db, principal, mppId, before.serviceId);
  const after = await reschedule(ctx, env, {
    mppId,
    bookingId,
    startsAt,
    note: note ?? 'Dijadwalkan ulang oleh petugas MPP.',
    inSameTx: (tx, b, a) =>
      recordAudit(tx, actor, { action: 'booking.moved', targetType: 'booking', targetId: bookingId, mppId, before: { slotStart: b.slotStart }, after: { slotStart: a.slotStart } }),
  });
  return viewOf(db, after);
}

export async function staffCancel(ctx: ServiceContext, env: BookingEnv, input: { mppId: string; bookingId: string; reason: string }): Promise<BookingView> {
  const { db, principal, actor } = ctx;
  const { mppId, bookingId, reason } = input;
  const before = await repo.getBookingById(db, mppId, bookingId);
  await serviceForStaff(db, principal, mppId, before.serviceId);
  const after = await cancel(ctx, env, {
    mppId,
    bookingId,
    reason,
    inSameTx: (tx, b, a) =>
      recordAudit(tx, actor, { action: 'booking.cancelled', targetType: 'booking', targetId: bookingId, mppId, before: { status: b.status }, after: { status: a.status, reason } }),
  });
  return viewOf(db, after);
}

/** Bookings a change of hours left outside service hours (after a fresh sweep). MPP admins only. */
export async function affected(ctx: Pick<ServiceContext, 'db' | 'principal' | 'now'>, env: BookingEnv, input: { mppId: string }): Promise<BookingView[]> {
  const { db, principal, now } = ctx;
  const { mppId } = input;
  requireMppRole(principal, mppId, ['mpp_admin']);
  await sweepSchedule(db, env, now, mppId);
  const rows = await repo.listAffected(db, mppId);
  const out: BookingView[] = [];
  for (const b of rows) out.push(await viewOf(db, b));
  return out;
}

/** The MPP's fairness rules. MPP admins only. @throws AppError not_found */
export async function getMppSettings(ctx: Pick<ServiceContext, 'db' | 'principal'>, input: { mppId: string }): Promise<BookingMppSettings> {
  const { db, principal } = ctx;
  const { mppId } = input;
  requireMppRole(principal, mppId, ['mpp_admin']);
  await repo.getMpp(db, mppId);
  return repo.getMppSettings(db, mppId);
}

/** Changes the fields given of the MPP's fairness rules; the others keep their value. */
export async function putMppSettings(ctx: Pick<ServiceContext, 'db' | 'principal' | 'actor'>, input: { mppId: string; change: BookingMppSettingsChange }): Promise<BookingMppSettings> {
  const { db, principal, actor } = ctx;
  const { mppId, change } = input;
  requireMppRole(principal, mppId, ['mpp_admin']);
  await repo.getMpp(db, mppId);
  return db.transaction(async (tx) => {
    const before = await repo.getMppSettings(tx, mppId);
    const after = BookingMppSettings.parse({ ...before, ...definedOnly(change) });
    await repo.putMppSettings(tx, mppId, after);
    await recordAudit(tx, actor, { action: 'booking_settings.updated', targetType: 'mpp', targetId: mppId, mppId, before, after });
    return after;
  });
}

export async function getServiceSettings(ctx: Pick<ServiceContext, 'db' | 'principal'>, input: { mppId: string; serviceId: string }): Promise<BookingSettings> {
  return (await serviceForStaff(ctx.db, ctx.principal, input.mppId, input.serviceId)).settings;
}

/**
 * Changes the fields given of a service's booking settings (its tenant admin or the MPP admin); the
 * others keep their stored value. Read and written under a row lock so two admins editing different
 * fields at once both keep their change.
 */
export async function putServiceSettings(ctx: Pick<ServiceContext, 'db' | 'principal' | 'actor'>, input: { mppId: string; serviceId: string; change: BookingSettingsChange }): Promise<BookingSettings> {
  const { db, principal, actor } = ctx;
  const { mppId, serviceId, change } = input;
  const service = await serviceForStaff(db, principal, mppId, serviceId, ['tenant_admin']);
  return db.transaction(async (tx) => {
    const before = await repo.lockServiceSettings(tx, mppId, serviceId);
    const after = BookingSettings.parse({ ...before, ...definedOnly(change) });
    await repo.updateServiceSettings(tx, mppId, serviceId, after);
    await recordAudit(tx, actor, { action: 'service.booking_settings_updated', targetType: 'service', targetId: serviceId, mppId, tenantId: service.tenantId, before, after });
    return after;
  });
}

function definedOnly<T extends Record<string, unknown>>(change: T): Partial<T> {
  return Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * The slots a change of a service's booking rules would produce over the next week (at most its
 * days ahead), from the real hours, holidays, closures and special days; nothing is saved.
 * @throws AppError unauthenticated, not_found, forbidden
 */
export async function previewServiceSettings(ctx: Pick<ServiceContext, 'db' | 'principal' | 'now'>, input: { mppId: string; serviceId: string; change: BookingSettingsChange }): Promise<BookingPreview> {
  const { db, principal, now } = ctx;
  const { mppId, serviceId, change } = input;
  const service = await serviceForStaff(db, principal, mppId, serviceId, ['tenant_admin']);
  const settings = BookingSettings.parse({ ...service.settings, ...definedOnly(change) });
  const mpp = await repo.getMpp(db, mppId);
  const dayCount = Math.min(7, settings.bookAheadDays + 1);
  const src = await loadHoursSource(db, mppId, now, dayCount);
  const days = bookableDays({ ...settings, bookAheadDays: dayCount - 1 }, src, now).map((schedule) => {
    const slots = slotTimes(settings, schedule, mpp.timezone);
    const raw = slots.length * settings.capacityPerSlot;
    return {
      date: schedule.date,
      closedBy: schedule.closedBy?.name ?? null,
      slots: slots.map((s) => ({ localStart: s.localStart, localEnd: s.localEnd })),
      places: settings.dailyQuota === null ? raw : Math.min(raw, settings.dailyQuota),
    };
  });
  return { timezone: mpp.timezone, settings, days };
}
