import { z } from 'zod';
import { bilingual } from '../platform/i18n.js';

const int = (min: number, max: number, id: string, en: string) =>
  z.number().int().min(min, bilingual(`${id} minimal ${min}.`, `${en} must be at least ${min}.`)).max(max, bilingual(`${id} maksimal ${max}.`, `${en} must be at most ${max}.`));

/**
 * A service's booking settings, stored by the catalog in `services.booking_settings` (jsonb).
 * Every field has a default, so `{}` (the catalog's placeholder) parses to "booking off".
 */
export const BookingSettings = z.object({
  /** Whether citizens may book this service online. */
  enabled: z.boolean().default(false),
  /** Length of one slot in minutes; slots are laid out from each opening period's start. */
  slotMinutes: int(5, 240, 'Panjang slot', 'Slot length').default(30),
  /** How many people one slot takes. */
  capacityPerSlot: int(1, 500, 'Kapasitas per slot', 'Capacity per slot').default(5),
  /** Bookings a day for this service across all slots; null = only the slot capacities limit. */
  dailyQuota: int(1, 10000, 'Kuota harian', 'Daily quota').nullable().default(null),
  /** How many days ahead a slot may be booked (0 = today only). */
  bookAheadDays: int(0, 90, 'Batas hari pemesanan', 'Days ahead').default(14),
  /** On the same day, booking closes this many minutes before the slot starts. */
  sameDayCutoffMinutes: int(0, 600, 'Batas pemesanan hari yang sama', 'Same-day cutoff').default(60),
  /** Active bookings one NIK may hold for this service on one day. */
  maxPerNikPerDay: int(1, 10, 'Batas per NIK per hari', 'Per NIK per day').default(1),
  /** Check-in opens this many minutes before the slot... */
  checkInEarlyMinutes: int(0, 240, 'Check-in paling awal', 'Earliest check-in').default(30),
  /** ...and closes this many minutes after its start; later the booking becomes a no-show. */
  checkInLateMinutes: int(0, 240, 'Check-in paling lambat', 'Latest check-in').default(10),
  /** What a late arrival at the kiosk gets: an ordinary walk-in ticket, or nothing. */
  lateArrival: z.enum(['walk_in', 'refuse']).default('walk_in'),
});
export type BookingSettings = z.infer<typeof BookingSettings>;

/**
 * A change to a service's booking settings: only the fields given change, the rest keep their stored
 * value (a form that sends only the slot length must not turn booking off through a default).
 */
export const BookingSettingsChange = z.object(optionalFields(BookingSettings.shape)).strict();
export type BookingSettingsChange = z.infer<typeof BookingSettingsChange>;

/** The shape's fields with their defaults removed and made optional. */
function optionalFields<S extends Record<string, z.ZodType>>(shape: S): { [K in keyof S]: z.ZodOptional<z.ZodType<z.output<S[K]>>> } {
  const out: Record<string, z.ZodType> = {};
  for (const [k, v] of Object.entries(shape)) out[k] = (v instanceof z.ZodDefault ? (v.unwrap() as z.ZodType) : v).optional();
  return out as { [K in keyof S]: z.ZodOptional<z.ZodType<z.output<S[K]>>> };
}

/** Reads stored settings, falling back to defaults field by field for anything unreadable. */
export function readBookingSettings(stored: unknown): BookingSettings {
  const parsed = BookingSettings.safeParse(stored ?? {});
  if (parsed.success) return parsed.data;
  const defaults = BookingSettings.parse({});
  const out: Record<string, unknown> = { ...defaults };
  for (const [k, v] of Object.entries((stored as Record<string, unknown>) ?? {})) {
    const one = BookingSettings.safeParse({ ...defaults, [k]: v });
    if (one.success) out[k] = v;
  }
  return BookingSettings.parse(out);
}

/** Fairness rules of an MPP (table booking_mpp_settings; defaults when no row). */
export const BookingMppSettings = z.object({
  /** Active (not yet used) bookings one NIK may hold at this MPP across services. */
  maxActivePerNik: int(1, 20, 'Batas booking aktif per NIK', 'Active bookings per NIK').default(3),
  /** No-shows within the window that suspend booking; 0 = never suspend. */
  noShowLimit: int(0, 50, 'Batas tidak hadir', 'No-show limit').default(3),
  noShowWindowDays: int(1, 365, 'Periode hitung tidak hadir', 'No-show window').default(60),
  suspensionDays: int(1, 365, 'Lama penangguhan', 'Suspension length').default(30),
});
export type BookingMppSettings = z.infer<typeof BookingMppSettings>;

/** A change to the fairness rules: only the fields given change. */
export const BookingMppSettingsChange = z.object(optionalFields(BookingMppSettings.shape)).strict();
export type BookingMppSettingsChange = z.infer<typeof BookingMppSettingsChange>;
