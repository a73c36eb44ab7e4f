import { z } from 'zod';
import { bilingual } from '../platform/i18n.js';
import { TicketView } from '../queue/schemas.js';
import { BookingMppSettings, BookingMppSettingsChange, BookingPreview, BookingSettings, BookingSettingsChange } from './settings.js';

export const MppParams = z.object({ mppId: z.uuid() });
export const ServiceParams = z.object({ mppId: z.uuid(), serviceId: z.uuid() });
const codeField = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{8}$/, bilingual('Kode booking terdiri dari 8 huruf/angka, contoh: K7M2Q9XA.', 'A booking code has 8 letters/digits, e.g. K7M2Q9XA.'));
export const CodeParams = z.object({ mppId: z.uuid(), code: codeField });
export const BookingIdParams = z.object({ mppId: z.uuid(), bookingId: z.uuid() });
const sig = z.string().min(10).max(64);
export const SigQuery = z.object({ sig });
const isRealDate = (d: string) => {
  const t = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
};
const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, bilingual('Tanggal harus berformat YYYY-MM-DD.', 'Dates are written YYYY-MM-DD.'))
  .refine(isRealDate, bilingual('Tanggal tidak ada di kalender.', 'This date does not exist.'));
const instant = z.iso.datetime({ offset: true, error: JSON.stringify({ id: 'Waktu slot harus berupa waktu ISO 8601.', en: 'The slot time must be an ISO 8601 instant.' }) });

export const PublicMpp = z.object({ id: z.uuid(), slug: z.string(), name: z.string(), timezone: z.string() });
export type PublicMpp = z.infer<typeof PublicMpp>;

export const BookableService = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  tenantName: z.string(),
  slotMinutes: z.number().int(),
  bookAheadDays: z.number().int(),
});
export type BookableService = z.infer<typeof BookableService>;

export const AvailabilityQuery = z.object({ date: localDate.optional() });
export const SlotView = z.object({
  startsAt: z.string(),
  endsAt: z.string(),
  localStart: z.string(),
  localEnd: z.string(),
  capacity: z.number().int(),
  booked: z.number().int(),
  free: z.number().int(),
  bookable: z.boolean(),
  /** Why a slot cannot be booked: past, same_day_cutoff, full, day_full. */
  reason: z.string().nullable(),
});
export type SlotView = z.infer<typeof SlotView>;
export const DayView = z.object({ date: z.string(), open: z.boolean(), closedReason: z.string().nullable(), free: z.number().int() });
export type DayView = z.infer<typeof DayView>;
export const Availability = z.object({
  serviceId: z.uuid(),
  serviceName: z.string(),
  timezone: z.string(),
  days: z.array(DayView),
  date: z.string().nullable(),
  slots: z.array(SlotView),
});
export type Availability = z.infer<typeof Availability>;

/** Indonesian mobile numbers in any usual writing (08.., 628.., +628..) become +628... */
export const phoneField = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s.-]/g, ''))
  .transform((v) => (v.startsWith('+62') ? v : v.startsWith('62') ? `+${v}` : v.startsWith('0') ? `+62${v.slice(1)}` : v))
  .pipe(z.string().regex(/^\+62[0-9]{8,13}$/, bilingual('Nomor ponsel tidak valid; tulis seperti 081234567890.', 'Invalid mobile number; write it like 081234567890.')));

export const CreateBookingRequest = z
  .object({
    serviceId: z.uuid(),
    startsAt: instant,
    nik: z.string().trim().min(1, bilingual('NIK wajib diisi (16 digit sesuai KTP).', 'NIK is required (16 digits as on the KTP).')).max(40),
    name: z.string().trim().min(2, bilingual('Nama minimal 2 huruf.', 'The name needs at least 2 letters.')).max(100),
    phone: phoneField.optional(),
    email: z.email(bilingual('Alamat email tidak valid.', 'Invalid email address.')).max(200).optional(),
  })
  .refine((b) => b.phone || b.email, { ...bilingual('Isi nomor ponsel atau email agar kami bisa mengirim konfirmasi.', 'Give a mobile number or an email so we can send the confirmation.'), path: ['phone'] });
export type CreateBookingRequest = z.infer<typeof CreateBookingRequest>;

export const LookupRequest = z.object({ code: codeField, nik: z.string().max(40) });
export const CancelRequest = z.object({ sig });
export const RescheduleRequest = z.object({ sig, startsAt: instant });
export const StaffMoveRequest = z.object({ startsAt: instant, note: z.string().max(300).optional() });
export const StaffCancelRequest = z.object({ reason: z.string().trim().min(3).max(300) });
export const CheckInRequest = z.object({
  /** The booking code, or the whole text of the QR (the manage link holding the code). */
  code: z.string().trim().min(8).max(500),
});

export const BookingStatus = z.enum(['booked', 'checked_in', 'no_show', 'cancelled']);
export const BookingView = z.object({
  id: z.uuid(),
  code: z.string(),
  mppId: z.uuid(),
  mppName: z.string(),
  serviceId: z.uuid(),
  serviceName: z.string(),
  tenantName: z.string(),
  timezone: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  localDate: z.string(),
  localStart: z.string(),
  localEnd: z.string(),
  status: BookingStatus,
  name: z.string(),
  nikMasked: z.string(),
  contact: z.string(),
  ticketNumber: z.string().nullable(),
  checkInOpensAt: z.string(),
  checkInClosesAt: z.string(),
  affected: z.boolean(),
  createdAt: z.string(),
});
export type BookingView = z.infer<typeof BookingView>;

export const ManagedBooking = BookingView.extend({
  sig: z.string(),
  manageUrl: z.string(),
  icsUrl: z.string(),
  qrDataUrl: z.string(),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
});
export type ManagedBooking = z.infer<typeof ManagedBooking>;

export const StaffDayQuery = z.object({ serviceId: z.uuid(), date: localDate });
export const StaffDay = z.object({
  serviceId: z.uuid(),
  serviceName: z.string(),
  date: z.string(),
  timezone: z.string(),
  capacity: z.number().int(),
  booked: z.number().int(),
  checkedIn: z.number().int(),
  noShows: z.number().int(),
  cancelled: z.number().int(),
  slots: z.array(SlotView),
  bookings: z.array(BookingView),
});
export type StaffDay = z.infer<typeof StaffDay>;

export const CheckInResult = z.object({
  outcome: z.enum(['checked_in', 'walk_in']),
  /** The queue ticket as the kiosk prints it (number, people ahead, estimate, status QR token, survey code). */
  ticket: TicketView,
  booking: BookingView,
  message: z.string(),
});
export type CheckInResult = z.infer<typeof CheckInResult>;

export { BookingMppSettings, BookingMppSettingsChange, BookingPreview, BookingSettings, BookingSettingsChange };
