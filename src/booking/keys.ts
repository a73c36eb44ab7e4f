import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../platform/db.js';
import { ensureMasterSecret, hasMasterSecret } from './secrets-repository.js';

/** The two keys the booking domain signs and hashes with, both derived from one master secret. */
export interface BookingKeys {
  link: Buffer;
  nik: Buffer;
}

const derive = (master: string, purpose: string) => createHmac('sha256', master).update(`layan-booking:${purpose}`).digest();

/**
 * The booking keys: from BOOKING_SECRET when set (recommended: then a stolen database alone does not
 * let anyone forge links or test NIKs against the hashes); otherwise from a random secret generated
 * once and kept in the booking_secrets table, so links survive restarts without configuration.
 */
export async function loadBookingKeys(db: Queryable, configured: string | undefined): Promise<BookingKeys> {
  let master = configured;
  if (!master) {
    master = await ensureMasterSecret(db, randomBytes(32).toString('base64url'));
  }
  return { link: derive(master, 'link'), nik: derive(master, 'nik') };
}

/** A keyed hash of a NIK for the per-NIK rules; without the key a hash cannot be tested against guesses. */
export function nikHash(keys: BookingKeys, nik: string): string {
  return createHmac('sha256', keys.nik).update(nik).digest('base64url');
}

/** The signature of a booking's manage link (view, cancel, reschedule). */
export function signBooking(keys: BookingKeys, mppId: string, code: string): string {
  return createHmac('sha256', keys.link).update(`${mppId}:${code}`).digest('base64url').slice(0, 32);
}

export function verifyBookingSignature(keys: BookingKeys, mppId: string, code: string, sig: string): boolean {
  const expected = Buffer.from(signBooking(keys, mppId, code));
  const given = Buffer.from(sig);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Whether a generated key is stored in the database (made by a start without BOOKING_SECRET). */
export async function bookingKeyInDatabase(db: Queryable): Promise<boolean> {
  return hasMasterSecret(db);
}
