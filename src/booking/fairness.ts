import { localParts } from '../catalog/hours.js';
import type { Queryable } from '../platform/db.js';
import { bookingErrors, nikError } from './errors.js';
import { nikHash, type BookingKeys } from './keys.js';
import { formatLocal } from './messages.js';
import { maskNik, parseNik, type NikInfo } from './nik.js';
import * as repo from './repository.js';

/**
 * The booking rules other domains share when they take bookings of their own (the mobile service
 * stops of src/mobile): the same NIK check, the same keyed hash, the same suspension and the same
 * per-NIK limit of active bookings, counted over counter bookings plus the caller's own.
 */

export interface CheckedNik {
  info: NikInfo;
  hash: string;
  masked: string;
}

/**
 * Checks a typed NIK and gives its hash (under the booking domain's NIK key) and masked form.
 * @throws AppError nik_length, nik_not_digits, nik_day, nik_month, nik_date, nik_serial (400)
 */
export function checkNik(input: { raw: string; now: Date; timezone: string; keys: BookingKeys }): CheckedNik {
  const parsed = parseNik(input.raw, localParts(input.now, input.timezone).date);
  if (!parsed.ok) throw nikError(parsed.problem);
  return { info: parsed.info, hash: nikHash(input.keys, parsed.info.nik), masked: maskNik(parsed.info.nik) };
}

/**
 * Applies the per-NIK rules inside the caller's transaction, under the same per-NIK lock as counter
 * bookings (so a counter booking and a stop booking made at the same instant are counted one after
 * the other): a suspended NIK is refused, and so is one that already holds the MPP's maximum of
 * active bookings, counting `otherActive(tx)` (the caller's own active bookings of this NIK).
 * @throws AppError nik_suspended, nik_active_limit (409)
 */
export async function applyNikRules(
  tx: Queryable,
  input: { mppId: string; hash: string; now: Date; timezone: string; otherActive: (tx: Queryable) => Promise<number> },
): Promise<void> {
  await repo.lockNik(tx, input.mppId, input.hash);
  const suspension = await repo.findSuspension(tx, input.mppId, input.hash, input.now);
  if (suspension) throw bookingErrors.nik_suspended({ until: formatLocal(suspension.until, input.timezone), noShows: suspension.noShows });
  const settings = await repo.getMppSettings(tx, input.mppId);
  const active = (await repo.countActive(tx, input.mppId, input.hash)) + (await input.otherActive(tx));
  if (active >= settings.maxActivePerNik) throw bookingErrors.nik_active_limit({ limit: settings.maxActivePerNik });
}
