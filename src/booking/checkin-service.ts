import { localParts } from '../catalog/hours.js';
import { requireDevice, requireMppRole } from '../platform/auth.js';
import type { ServiceContext } from '../platform/context.js';
import { invalidTransition } from '../platform/errors.js';
import { issueTicket, ticketViewById } from '../queue/service.js';
import { bookingErrors } from './errors.js';
import { formatTime } from './messages.js';
import * as repo from './repository.js';
import type { CheckInResult } from './schemas.js';
import { viewOf } from './service.js';

/** The code from what the kiosk read: a typed code, or the manage link inside the QR. */
export function codeFromScan(scanned: string): string {
  const fromLink = /\/booking\/kelola\/[0-9a-f-]{36}\/([A-Za-z0-9]{8})/.exec(scanned);
  return (fromLink?.[1] ?? scanned.trim()).toUpperCase();
}

/**
 * Checks a booking in at the kiosk (or at reception by staff) and issues its queue ticket.
 * Within the window (checkInEarlyMinutes before to checkInLateMinutes after the slot start) the
 * ticket is issued on the online channel, ranked from the slot start (booking precedence), with the
 * booking's id as idempotency key, so a double scan
 * or a crash between the two steps yields the same ticket. After the window, per the service's
 * lateArrival setting, an ordinary walk-in ticket or a refusal; the booking then counts as used,
 * not as a no-show, since the person came.
 * @throws AppError unauthenticated/forbidden/not_found (caller), booking_unknown, checkin_wrong_day,
 *   checkin_too_early (with the time to come back), checkin_too_late, invalid_transition (cancelled
 *   or no-show), and the queue's own refusals (mpp_closed, quota_exhausted...).
 */
export async function checkIn(ctx: ServiceContext, input: { mppId: string; code: string }): Promise<CheckInResult> {
  const { db, principal, now, actor, lang } = ctx;
  const { mppId, code: scanned } = input;
  const channel = principal.kind === 'device' ? (requireDevice(principal, mppId, ['kiosk']), 'kiosk' as const) : (requireMppRole(principal, mppId, ['mpp_admin', 'tenant_admin', 'officer']), 'reception' as const);
  const code = codeFromScan(scanned);
  const booking = await repo.findBookingByCode(db, mppId, code);
  if (!booking) throw bookingErrors.booking_unknown({ code });
  const mpp = await repo.getMpp(db, mppId);
  const service = await repo.getService(db, mppId, booking.serviceId);
  const say = (id: string, en: string) => (lang === 'en' ? en : id);
  if (booking.status === 'checked_in' && booking.ticketId) {
    return {
      outcome: 'checked_in',
      ticket: await ticketViewById(db, { mppId, ticketId: booking.ticketId, at: now }),
      booking: await viewOf(db, booking, { mpp, service }),
      message: say(`Anda sudah check-in. Nomor antrean Anda: ${booking.ticketNumber}.`, `You are already checked in. Your ticket number: ${booking.ticketNumber}.`),
    };
  }
  if (booking.status !== 'booked') throw invalidTransition('check_in', booking.status, []);
  const today = localParts(now, mpp.timezone).date;
  if (booking.localDay !== today) throw bookingErrors.checkin_wrong_day({ date: booking.localDay });
  const opensAt = new Date(booking.slotStart.getTime() - service.settings.checkInEarlyMinutes * 60_000);
  const closesAt = new Date(booking.slotStart.getTime() + service.settings.checkInLateMinutes * 60_000);
  if (now < opensAt) {
    const err = bookingErrors.checkin_too_early({ slotTime: formatTime(booking.slotStart, mpp.timezone), opensAt: formatTime(opensAt, mpp.timezone) });
    Object.assign(err.details, { comeBackAt: opensAt.toISOString() });
    throw err;
  }
  const late = now > closesAt;
  if (late && service.settings.lateArrival === 'refuse') throw bookingErrors.checkin_too_late({ closesAt: formatTime(closesAt, mpp.timezone) });

  // In the window the ticket carries the slot start (booking precedence: it ranks as if its holder had
  // arrived then); a late arrival gets an ordinary walk-in ticket. The idempotency key contains '/',
  // which the public routes' Idempotency-Key header may not, so no caller can pre-claim it.
  const ticket = await issueTicket(db, mppId, late ? channel : 'online', { serviceId: booking.serviceId }, {
    idempotencyKey: `booking${late ? '-late' : ''}/${booking.id}`,
    at: now,
    actor,
    ...(late ? {} : { bookedFor: booking.slotStart }),
  });
  const updated = await db.transaction(async (tx) => {
    const b = await repo.transition(tx, mppId, booking.id, 'booked', 'checked_in', now, { ticketId: ticket.id, ticketNumber: ticket.number });
    if (b) {
      await repo.insertEvent(tx, { mppId, bookingId: b.id, action: 'check_in', from: 'booked', to: 'checked_in', actorType: actor.type, actorId: actor.id, detail: { ticket: ticket.number, late }, at: now });
    }
    return b ?? (await repo.getBookingById(tx, mppId, booking.id));
  });
  return {
    outcome: late ? 'walk_in' : 'checked_in',
    // A racing second check-in of the same booking got the same ticket (one idempotency key).
    ticket,
    booking: await viewOf(db, updated, { mpp, service }),
    message: late
      ? say(`Anda terlambat dari jadwal booking; Anda mendapat antrean biasa nomor ${ticket.number}.`, `You are past your booking time; you got an ordinary ticket, number ${ticket.number}.`)
      : say(`Check-in berhasil. Nomor antrean Anda: ${ticket.number}. Silakan tunggu panggilan.`, `Checked in. Your ticket number: ${ticket.number}. Please wait to be called.`),
  };
}
