import { formatLocal } from '../booking/messages.js';
import { localParts, toMinutes, zonedInstant } from '../catalog/hours.js';
import { findDistricts, findVillage } from '../catalog/read.js';
import * as catalogRepo from '../catalog/repository.js';
import { listServices } from '../catalog/service-repository.js';
import { notify } from '../notifications/notify.js';
import { recordAudit } from '../platform/audit.js';
import type { ServiceContext } from '../platform/context.js';
import type { Queryable } from '../platform/db.js';
import { invalidTransition } from '../platform/errors.js';
import { mobileErrors } from './errors.js';
import * as repo from './repository.js';
import type { StopBookingView, StopInput, StopView } from './schemas.js';
import { bookingView, factsFor, placeOf, stopMessage, stopView, type StopMessageKind } from './views.js';

/** Stop views with their MPP, unit and service names. */
export async function viewsOf(q: Queryable, stops: repo.StopRow[]): Promise<StopView[]> {
  const units = [];
  for (const mppId of new Set(stops.map((s) => s.mppId))) units.push(...(await repo.listUnits(q, mppId, [...new Set(stops.filter((s) => s.mppId === mppId).map((s) => s.unitId))])));
  const facts = await factsFor(q, stops, units);
  return stops.map((s) => stopView(s, facts));
}

export async function viewOf(q: Queryable, stop: repo.StopRow): Promise<StopView> {
  return (await viewsOf(q, [stop]))[0]!;
}

/** @throws AppError not_found */
export async function listStops(ctx: ServiceContext, input: { mppId: string; from?: string; status?: repo.StopRow['status'] }): Promise<StopView[]> {
  const mpp = await catalogRepo.getMpp(ctx.db, input.mppId);
  const from = input.from ?? localParts(ctx.now, mpp.timezone).date;
  return viewsOf(ctx.db, await repo.listStops(ctx.db, input.mppId, { fromDay: from, status: input.status }));
}

/**
 * Checks a stop against the MPP (its kabupaten/kota, its clock) and the unit (active, offers the
 * services), and turns the local date and times into instants. The kecamatan and the desa/kelurahan (if
 * given) must be in the shipped region data, the desa inside the kecamatan; their names are taken from there.
 * @throws AppError not_found, mobile_mpp_without_region, mobile_stop_outside_region, mobile_unknown_kecamatan,
 *   mobile_village_outside_kecamatan, mobile_unknown_village, mobile_stop_in_past, mobile_unit_inactive, mobile_service_not_on_unit
 */
async function resolveStop(q: Queryable, mppId: string, input: StopInput, now: Date): Promise<repo.StopWrite> {
  const mpp = await catalogRepo.getMpp(q, mppId);
  if (!mpp.regionCode) throw mobileErrors.mobile_mpp_without_region();
  if (input.kecamatanCode.slice(0, 5) !== mpp.regionCode) {
    throw withField(mobileErrors.mobile_stop_outside_region({ code: input.kecamatanCode, region: mpp.regionCode, regionName: mpp.region?.name ?? mpp.regionCode }), 'body.kecamatanCode');
  }
  const [kecamatan] = await findDistricts(q, { codes: [input.kecamatanCode] });
  if (!kecamatan) throw withField(mobileErrors.mobile_unknown_kecamatan({ code: input.kecamatanCode, regionName: mpp.region?.name ?? mpp.regionCode }), 'body.kecamatanCode');
  if (input.villageCode && input.villageCode.slice(0, 8) !== input.kecamatanCode) {
    throw withField(mobileErrors.mobile_village_outside_kecamatan({ village: input.villageCode, kecamatan: input.kecamatanCode }), 'body.villageCode');
  }
  const village = input.villageCode ? await findVillage(input.villageCode) : undefined;
  if (input.villageCode && !village) throw withField(mobileErrors.mobile_unknown_village({ village: input.villageCode, kecamatanName: kecamatan.name }), 'body.villageCode');
  const startsAt = zonedInstant(input.date, toMinutes(input.startTime), mpp.timezone);
  const endsAt = zonedInstant(input.date, toMinutes(input.endTime), mpp.timezone);
  if (startsAt.getTime() <= now.getTime()) throw withField(mobileErrors.mobile_stop_in_past(), 'body.date');
  const unit = await repo.getUnit(q, mppId, input.unitId);
  if (!unit.active) throw mobileErrors.mobile_unit_inactive({ name: unit.name });
  const offered = new Set(unit.serviceIds);
  const missing = [...new Set(input.serviceIds)].filter((id) => !offered.has(id));
  if (missing.length) {
    const names = (await serviceNames(q, mppId, missing)).join(', ') || missing.join(', ');
    throw withField(mobileErrors.mobile_service_not_on_unit({ unit: unit.name, names }), 'body.serviceIds');
  }
  return {
    unitId: unit.id,
    regionCode: input.villageCode ?? input.kecamatanCode,
    kecamatanCode: input.kecamatanCode,
    kecamatanName: kecamatan.name,
    villageName: village?.name ?? null,
    address: input.address,
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    startsAt,
    endsAt,
    localDay: input.date,
    capacity: input.capacity,
    note: input.note || null,
  };
}

async function serviceNames(q: Queryable, mppId: string, ids: string[]): Promise<string[]> {
  return (await listServices(q, mppId, { ids })).map((s) => s.name);
}

function withField<E extends { fieldIssues: { path: string; messages: { id: string; en: string } }[]; messages: { id: string; en: string } }>(err: E, path: string): E {
  err.fieldIssues.push({ path, messages: err.messages });
  return err;
}

/** Under the unit's lock: refuses a time window that overlaps another scheduled stop of the unit. */
async function checkOverlap(tx: Queryable, mppId: string, s: repo.StopWrite, exceptId: string | null): Promise<void> {
  await repo.getUnit(tx, mppId, s.unitId, true);
  const clash = await repo.findOverlap(tx, mppId, s.unitId, s.startsAt, s.endsAt, exceptId);
  if (!clash) return;
  const [unit] = await repo.listUnits(tx, mppId, [s.unitId]);
  const mpp = await catalogRepo.getMpp(tx, mppId);
  const view = { villageName: clash.villageName, kecamatanName: clash.kecamatanName, address: clash.address };
  throw mobileErrors.mobile_stop_overlap({ unit: unit?.name ?? '', place: placeOf(view), when: `${formatLocal(clash.startsAt, mpp.timezone)}`, stopId: clash.id });
}

/**
 * Schedules a stop of a unit.
 * @throws AppError as resolveStop, mobile_stop_overlap
 */
export async function createStop(ctx: ServiceContext, input: { mppId: string; stop: StopInput }): Promise<StopView> {
  const { db, now, actor } = ctx;
  const s = await resolveStop(db, input.mppId, input.stop, now);
  const id = await db.transaction(async (tx) => {
    await checkOverlap(tx, input.mppId, s, null);
    const id = await repo.insertStop(tx, input.mppId, s);
    await repo.setStopServices(tx, input.mppId, id, [...new Set(input.stop.serviceIds)]);
    await recordAudit(tx, actor, { action: 'mobile_stop.created', targetType: 'mobile_stop', targetId: id, mppId: input.mppId, after: input.stop });
    return id;
  });
  return viewOf(db, await repo.getStop(db, input.mppId, id));
}

/** Queues one message per active booking of a stop (in the caller's transaction). */
async function notifyBookers(tx: Queryable, stop: StopView, bookings: repo.StopBookingRow[], kind: StopMessageKind, reason?: string): Promise<void> {
  for (const b of bookings) {
    const serviceName = stop.services.find((x) => x.id === b.serviceId)?.name ?? '';
    await notify(tx, b.mppId, { email: b.email, phone: b.phone }, stopMessage(kind, b, stop, serviceName, reason));
  }
}

async function bookingViews(q: Queryable, mppId: string, bookings: repo.StopBookingRow[]): Promise<StopBookingView[]> {
  const ids = [...new Set(bookings.map((b) => b.serviceId))];
  const names = new Map<string, string>();
  if (ids.length) for (const s of await listServices(q, mppId, { ids })) names.set(s.id, s.name);
  return bookings.map((b) => bookingView(b, names.get(b.serviceId) ?? ''));
}

/**
 * Changes a scheduled stop. Capacity cannot go below the bookings already made, and a service
 * cannot be taken off while it has bookings: both refusals list the bookings to move first. When
 * the time or place changes, everyone who booked is told, in the same transaction.
 * @throws AppError as resolveStop, mobile_stop_overlap, mobile_stop_not_scheduled,
 *   mobile_capacity_below_bookings, mobile_service_has_bookings
 */
export async function updateStop(ctx: ServiceContext, input: { mppId: string; stopId: string; stop: StopInput; note?: string }): Promise<StopView> {
  const { db, now, actor } = ctx;
  const { mppId, stopId } = input;
  const s = await resolveStop(db, mppId, input.stop, now);
  await db.transaction(async (tx) => {
    const before = await repo.getStop(tx, mppId, stopId, true);
    if (before.status !== 'scheduled') throw mobileErrors.mobile_stop_not_scheduled({ status: statusWord(before.status) });
    const active = await repo.listStopBookings(tx, mppId, stopId, { activeOnly: true });
    if (s.capacity < active.length) {
      throw mobileErrors.mobile_capacity_below_bookings({ capacity: s.capacity, booked: active.length, mustMove: active.length - s.capacity, bookings: await bookingViews(tx, mppId, active) });
    }
    const kept = new Set(input.stop.serviceIds);
    const orphaned = active.filter((b) => !kept.has(b.serviceId));
    if (orphaned.length) {
      const views = await bookingViews(tx, mppId, orphaned);
      throw mobileErrors.mobile_service_has_bookings({ names: [...new Set(views.map((v) => v.serviceName))], bookings: views });
    }
    await checkOverlap(tx, mppId, s, stopId);
    await repo.updateStop(tx, mppId, stopId, s);
    await repo.setStopServices(tx, mppId, stopId, [...new Set(input.stop.serviceIds)]);
    const after = await repo.getStop(tx, mppId, stopId);
    const moved =
      before.startsAt.getTime() !== after.startsAt.getTime() ||
      before.endsAt.getTime() !== after.endsAt.getTime() ||
      before.regionCode !== after.regionCode ||
      before.address !== after.address ||
      before.unitId !== after.unitId;
    if (moved && active.length) await notifyBookers(tx, await viewOf(tx, after), active, 'changed', input.stop.note);
    await recordAudit(tx, actor, { action: 'mobile_stop.updated', targetType: 'mobile_stop', targetId: stopId, mppId, before, after: input.stop });
  });
  return viewOf(db, await repo.getStop(db, mppId, stopId));
}

export const statusWord = (s: repo.StopRow['status']) => (s === 'cancelled' ? { id: 'dibatalkan', en: 'cancelled' } : s === 'done' ? { id: 'selesai', en: 'done' } : { id: 'terjadwal', en: 'scheduled' });

/**
 * Cancels a scheduled stop: every active booking is cancelled and its holder told why, in one transaction.
 * @throws AppError not_found, mobile_stop_not_scheduled
 */
export async function cancelStop(ctx: ServiceContext, input: { mppId: string; stopId: string; reason: string }): Promise<StopView> {
  const { db, now, actor } = ctx;
  const { mppId, stopId, reason } = input;
  await db.transaction(async (tx) => {
    const stop = await repo.getStop(tx, mppId, stopId, true);
    if (stop.status !== 'scheduled') throw mobileErrors.mobile_stop_not_scheduled({ status: statusWord(stop.status) });
    const active = await repo.listStopBookings(tx, mppId, stopId, { activeOnly: true });
    await repo.setStopStatus(tx, mppId, stopId, 'cancelled');
    for (const b of active) {
      await repo.transition(tx, mppId, b.id, b.status, 'cancelled', now);
      await repo.releasePlace(tx, mppId, stopId);
      await repo.insertEvent(tx, { mppId, bookingId: b.id, action: 'stop_cancelled', from: b.status, to: 'cancelled', actorType: actor.type, actorId: actor.id, at: now });
    }
    await notifyBookers(tx, await viewOf(tx, await repo.getStop(tx, mppId, stopId)), active, 'cancelled', reason);
    await recordAudit(tx, actor, { action: 'mobile_stop.cancelled', targetType: 'mobile_stop', targetId: stopId, mppId, before: stop, after: { status: 'cancelled', reason, bookingsCancelled: active.length } });
  });
  return viewOf(db, await repo.getStop(db, mppId, stopId));
}

/** @throws AppError not_found */
export async function stopBookings(ctx: ServiceContext, input: { mppId: string; stopId: string }): Promise<StopBookingView[]> {
  await repo.getStop(ctx.db, input.mppId, input.stopId);
  return bookingViews(ctx.db, input.mppId, await repo.listStopBookings(ctx.db, input.mppId, input.stopId));
}

/**
 * Moves a booking to another scheduled stop that offers its service: the new place is taken before
 * the old one is given back, in one transaction, so a full stop leaves the booking where it was.
 * @throws AppError not_found, invalid_transition, mobile_move_same_stop, mobile_stop_not_scheduled,
 *   mobile_stop_started, mobile_service_not_at_stop, mobile_nik_already_booked, mobile_stop_full
 */
export async function moveBooking(ctx: ServiceContext, input: { mppId: string; bookingId: string; stopId: string }): Promise<StopBookingView> {
  const { db, now, actor } = ctx;
  const { mppId, bookingId, stopId } = input;
  const moved = await db.transaction(async (tx) => {
    const b = await repo.getBooking(tx, mppId, bookingId, true);
    if (b.status !== 'booked') throw invalidTransition('move', b.status, []);
    if (b.stopId === stopId) throw mobileErrors.mobile_move_same_stop();
    const target = await repo.getStop(tx, mppId, stopId);
    if (target.status !== 'scheduled') throw mobileErrors.mobile_stop_not_scheduled({ status: statusWord(target.status) });
    if (target.startsAt.getTime() <= now.getTime()) throw mobileErrors.mobile_stop_started();
    if (!target.serviceIds.includes(b.serviceId)) throw mobileErrors.mobile_service_not_at_stop();
    if (await repo.hasActiveAtStop(tx, mppId, stopId, b.nikHash)) throw mobileErrors.mobile_nik_already_booked();
    if (!(await repo.takePlace(tx, mppId, stopId))) {
      const view = await viewOf(tx, target);
      throw mobileErrors.mobile_stop_full({ place: placeOf(view), date: view.localDate, capacity: view.capacity });
    }
    await repo.releasePlace(tx, mppId, b.stopId);
    const after = await repo.moveBooking(tx, mppId, bookingId, stopId, now);
    await repo.insertEvent(tx, { mppId, bookingId, action: 'move', from: 'booked', to: 'booked', actorType: actor.type, actorId: actor.id, at: now });
    await notifyBookers(tx, await viewOf(tx, await repo.getStop(tx, mppId, stopId)), [after], 'changed');
    await recordAudit(tx, actor, { action: 'mobile_booking.moved', targetType: 'mobile_stop_booking', targetId: bookingId, mppId, before: { stopId: b.stopId }, after: { stopId } });
    return after;
  });
  return (await bookingViews(db, mppId, [moved]))[0]!;
}

/**
 * Cancels a booking (by staff or by the citizen) and gives its place back, telling its holder.
 * @throws AppError not_found, invalid_transition
 */
export async function cancelBookingTx(tx: Queryable, ctx: Pick<ServiceContext, 'now' | 'actor'>, input: { mppId: string; bookingId: string; reason?: string }): Promise<repo.StopBookingRow> {
  const { mppId, bookingId, reason } = input;
  const b = await repo.getBooking(tx, mppId, bookingId, true);
  if (b.status !== 'booked') throw invalidTransition('cancel', b.status, []);
  const after = (await repo.transition(tx, mppId, bookingId, 'booked', 'cancelled', ctx.now))!;
  await repo.releasePlace(tx, mppId, b.stopId);
  await repo.insertEvent(tx, { mppId, bookingId, action: 'cancel', from: 'booked', to: 'cancelled', actorType: ctx.actor.type, actorId: ctx.actor.id, at: ctx.now });
  await notifyBookers(tx, await viewOf(tx, await repo.getStop(tx, mppId, b.stopId)), [after], 'cancelled', reason);
  return after;
}

/** @throws AppError not_found, invalid_transition */
export async function staffCancelBooking(ctx: ServiceContext, input: { mppId: string; bookingId: string; reason: string }): Promise<StopBookingView> {
  const after = await ctx.db.transaction(async (tx) => {
    const b = await cancelBookingTx(tx, ctx, input);
    await recordAudit(tx, ctx.actor, { action: 'mobile_booking.cancelled', targetType: 'mobile_stop_booking', targetId: b.id, mppId: input.mppId, after: { reason: input.reason } });
    return b;
  });
  return (await bookingViews(ctx.db, input.mppId, [after]))[0]!;
}
