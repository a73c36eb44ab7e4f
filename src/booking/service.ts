import { randomInt } from 'node:crypto';
import QRCode from 'qrcode';
import { loadHoursSource, localParts, scheduleOf, addDays } from '../catalog/hours.js';
import { notify } from '../notifications/notify.js';
import type { ServiceContext } from '../platform/context.js';
import { isUniqueViolation, type Queryable } from '../platform/db.js';
import { commonErrors, invalidTransition } from '../platform/errors.js';
import { bookingErrors, nikError } from './errors.js';
import { icsFor } from './ics.js';
import { nikHash, signBooking, verifyBookingSignature, type BookingKeys } from './keys.js';
import { bookingMessage, formatLocal, formatTime, type MessageKind } from './messages.js';
import { maskNik, parseNik } from './nik.js';
import * as repo from './repository.js';
import type { Availability, BookableService, BookingView, CreateBookingRequest, DayView, ManagedBooking, PublicMpp, SlotView } from './schemas.js';
import type { BookingSettings } from './settings.js';
import { bookableDays, findSlot, slotTimes, timingRefusal, type SlotTime } from './slots.js';

/** What the booking services need besides the database. */
export interface BookingEnv {
  /** Memoised; call it once before opening a transaction that queues messages (PGlite is single-connection). */
  keys: () => Promise<BookingKeys>;
  /** Absolute base of links sent to citizens (PUBLIC_URL, or the local address). */
  baseUrl: string;
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const newCode = () => Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

export async function listMpps(ctx: { db: Queryable }): Promise<PublicMpp[]> {
  return repo.listMpps(ctx.db);
}

/** @throws AppError not_found (unknown MPP) */
export async function listBookableServices(ctx: Pick<ServiceContext, 'db' | 'principal'>, input: { mppId: string }): Promise<BookableService[]> {
  const { db } = ctx;
  const { mppId } = input;
  await repo.getMpp(db, mppId, ctx.principal);
  return (await repo.listBookableServices(db, mppId)).map((s) => ({
    id: s.id,
    code: s.code,
    name: s.name,
    tenantName: s.tenantName,
    slotMinutes: s.settings.slotMinutes,
    bookAheadDays: s.settings.bookAheadDays,
  }));
}

async function bookableService(db: Queryable, mppId: string, serviceId: string): Promise<repo.ServiceRow> {
  const service = await repo.getService(db, mppId, serviceId);
  if (!service.active || !service.settings.enabled) throw bookingErrors.booking_not_offered();
  return service;
}

function slotView(settings: BookingSettings, slot: SlotTime, booked: number, dayFree: number | null, timezone: string, now: Date): SlotView {
  const free = Math.max(0, Math.min(settings.capacityPerSlot - booked, dayFree ?? Infinity));
  const timing = timingRefusal(settings, slot, timezone, now);
  const reason = timing ?? (settings.capacityPerSlot - booked <= 0 ? 'full' : free <= 0 ? 'day_full' : null);
  return {
    startsAt: slot.startsAt.toISOString(),
    endsAt: slot.endsAt.toISOString(),
    localStart: slot.localStart,
    localEnd: slot.localEnd,
    capacity: settings.capacityPerSlot,
    booked,
    free: timing ? 0 : free,
    bookable: reason === null,
    reason,
  };
}

/**
 * The days a service can be booked with their free places, and the slots of one day (the given
 * date, or the first day with a free place).
 * @throws AppError not_found, booking_not_offered
 */
export async function availability(ctx: Pick<ServiceContext, 'db' | 'now' | 'principal'>, input: { mppId: string; serviceId: string; date?: string }): Promise<Availability> {
  const { db, now } = ctx;
  const { mppId, serviceId, date } = input;
  await repo.getMpp(db, mppId, ctx.principal);
  const service = await bookableService(db, mppId, serviceId);
  const s = service.settings;
  const src = await loadHoursSource(db, mppId, now, s.bookAheadDays + 1);
  const days = bookableDays(s, src, now);
  const from = days[0]!.date;
  const to = days[days.length - 1]!.date;
  const slotsBooked = await repo.slotCounts(db, mppId, serviceId, from, to);
  const dayBooked = await repo.dayCounts(db, mppId, serviceId, from, to);
  const perDay = new Map<string, SlotView[]>();
  const dayViews: DayView[] = days.map((d) => {
    const dayFree = s.dailyQuota === null ? null : s.dailyQuota - (dayBooked.get(d.date) ?? 0);
    const slots = slotTimes(s, d, src.timezone).map((slot) => slotView(s, slot, slotsBooked.get(slot.startsAt.toISOString()) ?? 0, dayFree, src.timezone, now));
    perDay.set(d.date, slots);
    const free = Math.min(slots.reduce((n, v) => n + v.free, 0), dayFree ?? Infinity);
    return { date: d.date, open: d.hours !== null, closedReason: d.closedBy?.name ?? (d.hours ? null : 'Tutup'), free: Math.max(0, free) };
  });
  const chosen = date ?? dayViews.find((d) => d.free > 0)?.date ?? null;
  return {
    serviceId,
    serviceName: service.name,
    timezone: src.timezone,
    days: dayViews,
    date: chosen,
    slots: chosen ? (perDay.get(chosen) ?? []) : [],
  };
}

/** Checks the chosen instant is a slot of the schedule that may be booked now. */
async function resolveSlot(db: Queryable, mppId: string, service: repo.ServiceRow, startsAt: Date, now: Date, known?: repo.MppRow): Promise<{ slot: SlotTime; localDay: string; timezone: string }> {
  const mpp = known ?? (await repo.getMpp(db, mppId));
  const localDay = localParts(startsAt, mpp.timezone).date;
  const today = localParts(now, mpp.timezone).date;
  if (localDay < today) throw bookingErrors.slot_past();
  if (localDay > addDays(today, service.settings.bookAheadDays)) throw bookingErrors.slot_too_far({ days: service.settings.bookAheadDays });
  const src = await loadHoursSource(db, mppId, startsAt, 1);
  const slot = findSlot(service.settings, scheduleOf(src, localDay), mpp.timezone, startsAt);
  if (!slot) throw bookingErrors.slot_unknown();
  const refusal = timingRefusal(service.settings, slot, mpp.timezone, now);
  if (refusal === 'past') throw bookingErrors.slot_past();
  if (refusal === 'too_far_ahead') throw bookingErrors.slot_too_far({ days: service.settings.bookAheadDays });
  if (refusal === 'same_day_cutoff') throw bookingErrors.slot_cutoff({ minutes: service.settings.sameDayCutoffMinutes });
  return { slot, localDay, timezone: mpp.timezone };
}

/**
 * Takes the places of a slot (and of the day's quota) inside a transaction.
 * @throws AppError slot_full, day_full (the transaction must then roll back)
 */
async function takePlaces(tx: Queryable, mppId: string, service: repo.ServiceRow, slot: SlotTime, localDay: string, timezone: string): Promise<void> {
  if (!(await repo.takeSlotPlace(tx, mppId, service.id, slot.startsAt, localDay, service.settings.capacityPerSlot))) {
    throw bookingErrors.slot_full({ time: `${formatTime(slot.startsAt, timezone)}` });
  }
  if (!(await repo.takeDayPlace(tx, mppId, service.id, localDay, service.settings.dailyQuota))) throw bookingErrors.day_full({ date: localDay });
}

/**
 * Per-NIK rules, under the NIK's lock (the one mobile's stop bookings take too). The active limit counts
 * the NIK's counter bookings and its active mobile-service stop bookings together.
 * @throws AppError nik_suspended, nik_day_limit, nik_active_limit
 */
async function checkNikRules(tx: Queryable, mppId: string, service: repo.ServiceRow, hash: string, localDay: string, timezone: string, now: Date, exceptId?: string): Promise<void> {
  await repo.lockNik(tx, mppId, hash);
  const suspension = await repo.findSuspension(tx, mppId, hash, now);
  if (suspension) throw bookingErrors.nik_suspended({ until: formatLocal(suspension.until, timezone), noShows: suspension.noShows });
  const sameDay = await repo.countActive(tx, mppId, hash, { serviceId: service.id, localDay, exceptId });
  if (sameDay >= service.settings.maxPerNikPerDay) {
    // Never the other booking's code: whoever types a NIK (not only its holder) would get it, and code
    // + NIK open the booking's management. The holder has the code in the confirmation message.
    throw bookingErrors.nik_day_limit({ limit: service.settings.maxPerNikPerDay });
  }
  if (exceptId === undefined) {
    const settings = await repo.getMppSettings(tx, mppId);
    const active = (await repo.countActive(tx, mppId, hash)) + (await repo.countActiveStopBookings(tx, mppId, hash));
    if (active >= settings.maxActivePerNik) throw bookingErrors.nik_active_limit({ limit: settings.maxActivePerNik });
  }
}

async function messageFacts(db: Queryable, env: BookingEnv, b: repo.BookingRow, known: { mpp?: repo.MppRow; service?: repo.ServiceRow } = {}) {
  const mpp = known.mpp ?? (await repo.getMpp(db, b.mppId));
  const service = known.service ?? (await repo.getService(db, b.mppId, b.serviceId));
  const keys = await env.keys();
  return {
    mpp,
    service,
    facts: {
      code: b.code,
      name: b.name,
      serviceName: service.name,
      tenantName: service.tenantName,
      mppName: mpp.name,
      startsAt: b.slotStart,
      timezone: mpp.timezone,
      manageUrl: manageUrl(env, b.mppId, b.code, signBooking(keys, b.mppId, b.code)),
      checkInEarlyMinutes: service.settings.checkInEarlyMinutes,
      checkInLateMinutes: service.settings.checkInLateMinutes,
    },
  };
}

const manageUrl = (env: BookingEnv, mppId: string, code: string, sig: string) => `${env.baseUrl}/booking/kelola/${mppId}/${code}?sig=${encodeURIComponent(sig)}`;

/** Queues the message of a booking event in the caller's transaction (email with the .ics, SMS). */
export async function queueMessage(tx: Queryable, env: BookingEnv, b: repo.BookingRow, kind: MessageKind, extra: { reason?: string } = {}, known: { mpp?: repo.MppRow; service?: repo.ServiceRow } = {}): Promise<void> {
  const { facts, mpp, service } = await messageFacts(tx, env, b, known);
  const m = bookingMessage(kind, facts, extra);
  const withIcs = kind === 'confirmation' || kind === 'changed' || kind === 'cancelled';
  await notify(tx, b.mppId, { email: b.email, phone: b.phone }, {
    ...m,
    ...(withIcs ? { attachments: [{ filename: `booking-${b.code}.ics`, contentType: 'text/calendar; charset=utf-8', content: icsOf(b, mpp, service, facts.manageUrl, b.createdAt, kind === 'cancelled') }] } : {}),
  });
}

function icsOf(b: repo.BookingRow, mpp: repo.MppRow, service: repo.ServiceRow, url: string, stamp: Date, cancelled = false): string {
  return icsFor({
    uid: `${b.id}@layan`,
    start: b.slotStart,
    end: b.slotEnd,
    stamp,
    summary: `${service.name} - ${mpp.name} (kode ${b.code})`,
    location: mpp.name,
    description: `Kode booking: ${b.code}. Check-in di kiosk ${service.settings.checkInEarlyMinutes} menit sebelum s.d. ${service.settings.checkInLateMinutes} menit sesudah jadwal. Bawa KTP asli. Kelola: ${url}`,
    url,
    cancelled,
  });
}

/** The citizen-facing view of a booking. */
export async function viewOf(db: Queryable, b: repo.BookingRow, cache?: { mpp?: repo.MppRow; service?: repo.ServiceRow }): Promise<BookingView> {
  const mpp = cache?.mpp ?? (await repo.getMpp(db, b.mppId));
  const service = cache?.service ?? (await repo.getService(db, b.mppId, b.serviceId));
  const tz = mpp.timezone;
  const contact = b.phone ? `${b.phone.slice(0, 5)}****${b.phone.slice(-3)}` : b.email!.replace(/^(.).*(@.*)$/, '$1***$2');
  return {
    id: b.id,
    code: b.code,
    mppId: b.mppId,
    mppName: mpp.name,
    serviceId: b.serviceId,
    serviceName: service.name,
    tenantName: service.tenantName,
    timezone: tz,
    startsAt: b.slotStart.toISOString(),
    endsAt: b.slotEnd.toISOString(),
    localDate: b.localDay,
    localStart: formatTime(b.slotStart, tz).replace('.', ':'),
    localEnd: formatTime(b.slotEnd, tz).replace('.', ':'),
    status: b.status,
    name: b.name,
    nikMasked: b.nikMasked,
    contact,
    ticketNumber: b.ticketNumber,
    checkInOpensAt: new Date(b.slotStart.getTime() - service.settings.checkInEarlyMinutes * 60_000).toISOString(),
    checkInClosesAt: new Date(b.slotStart.getTime() + service.settings.checkInLateMinutes * 60_000).toISOString(),
    affected: b.affectedAt !== null,
    createdAt: b.createdAt.toISOString(),
  };
}

async function managed(db: Queryable, env: BookingEnv, b: repo.BookingRow, warnings: ManagedBooking['warnings'] = [], cache?: { mpp?: repo.MppRow; service?: repo.ServiceRow }): Promise<ManagedBooking> {
  const keys = await env.keys();
  const sig = signBooking(keys, b.mppId, b.code);
  const url = manageUrl(env, b.mppId, b.code, sig);
  return {
    ...(await viewOf(db, b, cache)),
    sig,
    manageUrl: url,
    icsUrl: `/api/mpps/${b.mppId}/bookings/${b.code}/calendar.ics?sig=${encodeURIComponent(sig)}`,
    // SVG: about 7 ms to make where a PNG takes about 50 ms of CPU, which counts in a booking rush.
    qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })).toString('base64')}`,
    warnings,
  };
}

function parseNikOrThrow(raw: string, now: Date, timezone: string) {
  const parsed = parseNik(raw, localParts(now, timezone).date);
  if (!parsed.ok) throw nikError(parsed.problem);
  return parsed.info;
}

/**
 * Books a slot for a citizen. Exactly `capacityPerSlot` concurrent attempts on a slot succeed; the
 * rest get slot_full. The confirmation is queued in the same transaction.
 * @throws AppError nik_* (400: malformed NIK), not_found, booking_not_offered, slot_unknown, slot_past,
 *   slot_too_far, slot_cutoff, slot_full, day_full, nik_suspended, nik_day_limit, nik_active_limit
 */
export async function createBooking(ctx: ServiceContext, env: BookingEnv, input: { mppId: string } & CreateBookingRequest): Promise<ManagedBooking> {
  const { db, now, actor, lang } = ctx;
  const { mppId } = input;
  const mpp = await repo.getMpp(db, mppId, ctx.principal);
  const nik = parseNikOrThrow(input.nik, now, mpp.timezone);
  const service = await bookableService(db, mppId, input.serviceId);
  const { slot, localDay, timezone } = await resolveSlot(db, mppId, service, new Date(input.startsAt), now, mpp);
  // A cheap look before the transaction turns most refusals of a rush away early; the conditional
  // upsert inside the transaction is what guarantees the capacity.
  const taken = (await repo.slotCounts(db, mppId, service.id, localDay, localDay)).get(slot.startsAt.toISOString()) ?? 0;
  if (taken >= service.settings.capacityPerSlot) throw bookingErrors.slot_full({ time: formatTime(slot.startsAt, timezone) });
  const keys = await env.keys();
  const hash = nikHash(keys, nik.nik);
  for (let attempt = 0; ; attempt++) {
    try {
      const booking = await db.transaction(async (tx) => {
        await checkNikRules(tx, mppId, service, hash, localDay, timezone, now);
        await takePlaces(tx, mppId, service, slot, localDay, timezone);
        const b = await repo.insertBooking(tx, {
          mppId,
          code: newCode(),
          serviceId: service.id,
          slotStart: slot.startsAt,
          slotEnd: slot.endsAt,
          localDay,
          nikHash: hash,
          nikMasked: maskNik(nik.nik),
          name: input.name,
          phone: input.phone ?? null,
          email: input.email ?? null,
          at: now,
        });
        await repo.insertEvent(tx, { mppId, bookingId: b.id, action: 'book', from: null, to: 'booked', actorType: actor.type, actorId: actor.id, at: now });
        await queueMessage(tx, env, b, 'confirmation', {}, { mpp, service });
        return b;
      });
      return managed(db, env, booking, nik.warnings.map((w) => ({ code: w.code, message: lang === 'en' ? w.messages.en : w.messages.id })), { mpp, service });
    } catch (err) {
      // A code collision (1 in 10^12) is retried with a fresh code.
      if (isUniqueViolation(err) && attempt < 3) continue;
      throw err;
    }
  }
}

/** @throws AppError not_found (unknown code or a wrong signature: the same answer, so nothing leaks) */
export async function getSigned(ctx: { db: Queryable }, env: BookingEnv, input: { mppId: string; code: string; sig: string }): Promise<repo.BookingRow> {
  const { db } = ctx;
  const { mppId, code, sig } = input;
  if (!verifyBookingSignature(await env.keys(), mppId, code, sig)) throw commonErrors.not_found();
  const b = await repo.findBookingByCode(db, mppId, code);
  if (!b) throw commonErrors.not_found();
  return b;
}

export async function viewSigned(ctx: { db: Queryable }, env: BookingEnv, input: { mppId: string; code: string; sig: string }): Promise<ManagedBooking> {
  return managed(ctx.db, env, await getSigned(ctx, env, input));
}

/** The .ics of a booking (a cancelled one gives a CANCEL event). */
export async function calendarSigned(ctx: { db: Queryable }, env: BookingEnv, input: { mppId: string; code: string; sig: string }): Promise<string> {
  const b = await getSigned(ctx, env, input);
  const { facts, mpp, service } = await messageFacts(ctx.db, env, b);
  return icsOf(b, mpp, service, facts.manageUrl, b.createdAt, b.status === 'cancelled');
}

/**
 * Finds a booking by its code and the NIK it was made with (for a citizen who lost the link).
 * @throws AppError nik_* (malformed), not_found (no such code, or the NIK does not match)
 */
export async function lookup(ctx: Pick<ServiceContext, 'db' | 'now'>, env: BookingEnv, input: { mppId: string; code: string; nik: string }): Promise<ManagedBooking> {
  const { db, now } = ctx;
  const { mppId, code, nik: nikRaw } = input;
  const mpp = await repo.getMpp(db, mppId);
  const nik = parseNikOrThrow(nikRaw, now, mpp.timezone);
  const b = await repo.findBookingByCode(db, mppId, code);
  if (!b || b.nikHash !== nikHash(await env.keys(), nik.nik)) throw commonErrors.not_found();
  return managed(db, env, b);
}

/** Runs in the transaction of a cancel or reschedule, with the booking before and after (the staff's audit entry). */
export type InSameTx = (tx: Queryable, before: repo.BookingRow, after: repo.BookingRow) => Promise<void>;

/**
 * Cancels a booked appointment and gives its place back.
 * @throws AppError not_found, invalid_transition (409: already used, cancelled or a no-show)
 */
export async function cancel(ctx: Pick<ServiceContext, 'db' | 'now' | 'actor'>, env: BookingEnv, input: { mppId: string; bookingId: string; reason?: string; inSameTx?: InSameTx }): Promise<repo.BookingRow> {
  const { db, now, actor } = ctx;
  const { mppId, bookingId, reason, inSameTx } = input;
  await env.keys(); // loaded outside the transaction: PGlite cannot take a second query meanwhile
  return db.transaction(async (tx) => {
    const current = await repo.getBookingById(tx, mppId, bookingId, true);
    if (current.status !== 'booked') throw invalidTransition('cancel', current.status, []);
    const b = (await repo.transition(tx, mppId, bookingId, 'booked', 'cancelled', now))!;
    await repo.releasePlaces(tx, mppId, b.serviceId, b.slotStart, b.localDay);
    await repo.insertEvent(tx, { mppId, bookingId, action: 'cancel', from: 'booked', to: 'cancelled', actorType: actor.type, actorId: actor.id, detail: reason ? { reason } : {}, at: now });
    await queueMessage(tx, env, b, 'cancelled', { reason });
    await inSameTx?.(tx, current, b);
    return b;
  });
}

/**
 * Moves a booked appointment to another slot of the same service: the new place is taken before the
 * old one is released, in one transaction, so a full slot leaves the booking where it was.
 * @throws AppError not_found, invalid_transition, slot_* , day_full, nik_day_limit
 */
export async function reschedule(ctx: Pick<ServiceContext, 'db' | 'now' | 'actor'>, env: BookingEnv, input: { mppId: string; bookingId: string; startsAt: string; note?: string; inSameTx?: InSameTx }): Promise<repo.BookingRow> {
  const { db, now, actor } = ctx;
  const { mppId, bookingId, startsAt: startsAtIso, note, inSameTx } = input;
  const existing = await repo.getBookingById(db, mppId, bookingId);
  const service = await repo.getService(db, mppId, existing.serviceId);
  const { slot, localDay, timezone } = await resolveSlot(db, mppId, service, new Date(startsAtIso), now);
  await env.keys();
  return db.transaction(async (tx) => {
    const current = await repo.getBookingById(tx, mppId, bookingId, true);
    if (current.status !== 'booked') throw invalidTransition('reschedule', current.status, []);
    if (current.slotStart.getTime() === slot.startsAt.getTime()) return current;
    await checkNikRules(tx, mppId, service, current.nikHash, localDay, timezone, now, current.id);
    await takePlaces(tx, mppId, service, slot, localDay, timezone);
    await repo.releasePlaces(tx, mppId, current.serviceId, current.slotStart, current.localDay);
    const b = await repo.moveSlot(tx, mppId, bookingId, slot.startsAt, slot.endsAt, localDay, now);
    await repo.insertEvent(tx, {
      mppId,
      bookingId,
      action: 'reschedule',
      from: 'booked',
      to: 'booked',
      actorType: actor.type,
      actorId: actor.id,
      detail: { from: current.slotStart.toISOString(), to: slot.startsAt.toISOString(), ...(note ? { note } : {}) },
      at: now,
    });
    await queueMessage(tx, env, b, 'changed', { reason: note });
    await inSameTx?.(tx, current, b);
    return b;
  });
}

export async function cancelSigned(ctx: ServiceContext, env: BookingEnv, input: { mppId: string; code: string; sig: string }): Promise<ManagedBooking> {
  const b = await getSigned(ctx, env, input);
  return managed(ctx.db, env, await cancel(ctx, env, { mppId: input.mppId, bookingId: b.id }));
}

export async function rescheduleSigned(ctx: ServiceContext, env: BookingEnv, input: { mppId: string; code: string; sig: string; startsAt: string }): Promise<ManagedBooking> {
  const b = await getSigned(ctx, env, input);
  return managed(ctx.db, env, await reschedule(ctx, env, { mppId: input.mppId, bookingId: b.id, startsAt: input.startsAt }));
}
