import { randomInt } from 'node:crypto';
import { applyNikRules, checkNik } from '../booking/fairness.js';
import type { BookingKeys } from '../booking/keys.js';
import { findDistricts } from '../catalog/read.js';
import * as catalogRepo from '../catalog/repository.js';
import { notify } from '../notifications/notify.js';
import type { ServiceContext } from '../platform/context.js';
import { isUniqueViolation, type Db, type Queryable } from '../platform/db.js';
import { commonErrors } from '../platform/errors.js';
import { mobileErrors } from './errors.js';
import * as repo from './repository.js';
import type { CreateStopBookingRequest, KecamatanView, StopBookingResult, StopView } from './schemas.js';
import { cancelBookingTx, statusWord, viewOf, viewsOf } from './stop-service.js';
import { placeOf, stopMessage, stopsCalendar } from './views.js';

/** What the public booking needs besides the database: the booking domain's keys (NIK hash). */
export interface MobileEnv {
  /** Memoised; call it before opening a transaction (PGlite is single-connection). */
  keys: () => Promise<BookingKeys>;
  baseUrl: string;
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const newCode = () => Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

/** Published MPPs only: a stop of an unpublished MPP is not shown to the public. */
async function publishedOnly(q: Queryable, stops: repo.StopRow[]): Promise<repo.StopRow[]> {
  const ids = [...new Set(stops.map((s) => s.mppId))];
  if (!ids.length) return stops;
  const published = new Set((await catalogRepo.listMpps(q, { ids, publishedOnly: true })).map((m) => m.id));
  return stops.filter((s) => published.has(s.mppId));
}

/** Scheduled stops still to come (in a kecamatan, or of an MPP), soonest first. */
export async function upcoming(db: Db, input: { now: Date; kecamatan?: string; mppId?: string; limit: number }): Promise<StopView[]> {
  const rows = await repo.listUpcoming(db, { now: input.now, kecamatanCode: input.kecamatan, mppId: input.mppId, limit: input.limit });
  return viewsOf(db, await publishedOnly(db, rows));
}

/**
 * The kecamatan that have stops to come, named as the shipped region data names them, with the
 * kabupaten/kota each lies in.
 */
export async function kecamatanList(db: Db, input: { now: Date; mppId?: string }): Promise<KecamatanView[]> {
  const rows = await repo.listKecamatan(db, input);
  const names = new Map((await findDistricts(db, { codes: rows.map((r) => r.code) })).map((d) => [d.code, d.name]));
  const ids = [...new Set(rows.map((r) => r.mppId))];
  const mpps = new Map((ids.length ? await catalogRepo.listMpps(db, { ids, publishedOnly: true }) : []).map((m) => [m.id, m]));
  return rows
    .filter((r) => mpps.has(r.mppId))
    .map((r) => ({ code: r.code, name: names.get(r.code) ?? r.name, regencyName: mpps.get(r.mppId)!.region?.name ?? null, nextStartsAt: r.nextStartsAt.toISOString(), stops: r.stops }));
}

/** The iCalendar feed of the stops to come (in a kecamatan, or of an MPP). */
export async function calendar(db: Db, env: MobileEnv, input: { now: Date; kecamatan?: string; mppId?: string }): Promise<string> {
  const stops = await upcoming(db, { ...input, limit: 100 });
  const scope = input.kecamatan ? `Kec. ${stops[0]?.kecamatanName ?? input.kecamatan}` : (stops[0]?.mppName ?? 'MPP');
  return stopsCalendar(stops, { baseUrl: env.baseUrl, stamp: input.now, name: `Layanan keliling - ${scope}` });
}

/** @throws AppError not_found (unknown, or of an unpublished MPP) */
export async function publicStop(db: Db, input: { mppId: string; stopId: string }): Promise<StopView> {
  const stop = await repo.getStop(db, input.mppId, input.stopId);
  if (!(await publishedOnly(db, [stop])).length) throw commonErrors.not_found();
  return viewOf(db, stop);
}

/**
 * Books a place at a stop with the counter bookings' fairness rules (NIK check, suspension, the
 * MPP's limit of active bookings per NIK counted over counter and stop bookings) and one booking per
 * NIK per stop. Exactly `capacity` concurrent attempts succeed; the rest get mobile_stop_full.
 * @throws AppError nik_* (400), not_found, mobile_stop_not_scheduled, mobile_stop_started,
 *   mobile_service_not_at_stop, mobile_stop_full, nik_suspended, nik_active_limit, mobile_nik_already_booked
 */
export async function bookStop(ctx: ServiceContext, env: MobileEnv, input: { mppId: string; stopId: string; booking: CreateStopBookingRequest }): Promise<StopBookingResult> {
  const { db, now, actor, lang } = ctx;
  const { mppId, stopId, booking } = input;
  const view = await publicStop(db, { mppId, stopId });
  if (view.status !== 'scheduled') throw mobileErrors.mobile_stop_not_scheduled({ status: statusWord(view.status) });
  if (Date.parse(view.startsAt) <= now.getTime()) throw mobileErrors.mobile_stop_started();
  const serviceName = view.services.find((s) => s.id === booking.serviceId)?.name;
  if (!serviceName) throw withField(mobileErrors.mobile_service_not_at_stop(), 'body.serviceId');
  const full = () => mobileErrors.mobile_stop_full({ place: placeOf(view), date: view.localDate, capacity: view.capacity });
  // A cheap look first turns most refusals of a rush away; the conditional UPDATE is the guarantee.
  if (view.free <= 0) throw full();
  const nik = checkNik({ raw: booking.nik, now, timezone: view.timezone, keys: await env.keys() });
  for (let attempt = 0; ; attempt++) {
    try {
      const b = await db.transaction(async (tx) => {
        await applyNikRules(tx, { mppId, hash: nik.hash, now, timezone: view.timezone, otherActive: (q) => repo.countActiveForNik(q, mppId, nik.hash) });
        if (await repo.hasActiveAtStop(tx, mppId, stopId, nik.hash)) throw mobileErrors.mobile_nik_already_booked();
        if (!(await repo.takePlace(tx, mppId, stopId))) {
          const now2 = await repo.getStop(tx, mppId, stopId);
          if (now2.status !== 'scheduled') throw mobileErrors.mobile_stop_not_scheduled({ status: statusWord(now2.status) });
          throw full();
        }
        const b = await repo.insertBooking(tx, {
          mppId,
          stopId,
          code: newCode(),
          serviceId: booking.serviceId,
          nikHash: nik.hash,
          nikMasked: nik.masked,
          name: booking.name,
          phone: booking.phone ?? null,
          email: booking.email ?? null,
          at: now,
        });
        await repo.insertEvent(tx, { mppId, bookingId: b.id, action: 'book', from: null, to: 'booked', actorType: actor.type, actorId: actor.id, at: now });
        await notify(tx, mppId, { email: b.email, phone: b.phone }, stopMessage('confirmation', b, view, serviceName));
        return b;
      });
      const stop = await viewOf(db, await repo.getStop(db, mppId, stopId));
      return {
        code: b.code,
        status: b.status,
        name: b.name,
        nikMasked: b.nikMasked,
        serviceName,
        stop,
        warnings: nik.info.warnings.map((w) => ({ code: w.code, message: lang === 'en' ? w.messages.en : w.messages.id })),
      };
    } catch (err) {
      // A code collision (1 in 10^12) is retried with a fresh code.
      if (isUniqueViolation(err, 'mobile_stop_bookings_mpp_id_code_key') && attempt < 3) continue;
      throw err;
    }
  }
}

function withField<E extends { fieldIssues: { path: string; messages: { id: string; en: string } }[]; messages: { id: string; en: string } }>(err: E, path: string): E {
  err.fieldIssues.push({ path, messages: err.messages });
  return err;
}

/**
 * A citizen cancels with the booking code and the NIK it was made with (both needed: a code alone
 * is printed and passed around).
 * @throws AppError nik_* (400), not_found (unknown code or another NIK: the same answer), invalid_transition
 */
export async function citizenCancel(ctx: ServiceContext, env: MobileEnv, input: { mppId: string; code: string; nik: string }): Promise<StopBookingResult> {
  const { db } = ctx;
  const mpp = await catalogRepo.getMpp(db, input.mppId);
  const nik = checkNik({ raw: input.nik, now: ctx.now, timezone: mpp.timezone, keys: await env.keys() });
  const found = await repo.findBookingByCode(db, input.mppId, input.code);
  if (!found || found.nikHash !== nik.hash) throw commonErrors.not_found();
  const b = await db.transaction((tx) => cancelBookingTx(tx, ctx, { mppId: input.mppId, bookingId: found.id }));
  const stop = await viewOf(db, await repo.getStop(db, input.mppId, b.stopId));
  return { code: b.code, status: b.status, name: b.name, nikMasked: b.nikMasked, serviceName: stop.services.find((s) => s.id === b.serviceId)?.name ?? '', stop, warnings: [] };
}
