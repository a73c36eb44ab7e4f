import { z } from 'zod';
import { phoneField } from '../booking/schemas.js';
import { bilingual } from '../platform/i18n.js';

export const MppParams = z.object({ mppId: z.uuid() });
export const UnitParams = z.object({ mppId: z.uuid(), unitId: z.uuid() });
export const StopParams = z.object({ mppId: z.uuid(), stopId: z.uuid() });
export const BookingIdParams = z.object({ mppId: z.uuid(), bookingId: z.uuid() });

const isRealDate = (d: string) => {
  const t = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
};
const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, bilingual('Tanggal harus berformat YYYY-MM-DD.', 'Dates are written YYYY-MM-DD.'))
  .refine(isRealDate, bilingual('Tanggal tidak ada di kalender.', 'This date does not exist.'));
const localTime = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, bilingual('Jam harus berformat JJ:MM, contoh 08:30.', 'Times are written HH:MM, e.g. 08:30.'));
const kecamatanCode = z
  .string()
  .trim()
  .regex(/^[0-9]{2}\.[0-9]{2}\.[0-9]{2}$/, bilingual('Kode kecamatan Kemendagri berformat NN.NN.NN, contoh 33.02.14.', 'A Kemendagri kecamatan code is NN.NN.NN, e.g. 33.02.14.'));
const villageCode = z
  .string()
  .trim()
  .regex(/^[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}$/, bilingual('Kode desa/kelurahan Kemendagri berformat NN.NN.NN.NNNN, contoh 33.02.14.2001.', 'A Kemendagri village code is NN.NN.NN.NNNN, e.g. 33.02.14.2001.'));
const name = (min: number, max: number) => z.string().trim().min(min, bilingual(`Minimal ${min} huruf.`, `At least ${min} characters.`)).max(max, bilingual(`Paling banyak ${max} huruf.`, `At most ${max} characters.`));

export const UnitInput = z.object({
  name: name(2, 100),
  vehicle: name(2, 100),
  plate: z
    .string()
    .trim()
    .toUpperCase()
    .transform((p) => p.replace(/\s+/g, ' '))
    .pipe(z.string().regex(/^[A-Z]{1,2} [0-9]{1,4}( [A-Z]{1,3})?$/, bilingual('Nomor polisi seperti R 1234 XY (huruf wilayah, angka, huruf seri).', 'A plate like R 1234 XY (area letters, digits, series letters).'))),
  active: z.boolean().default(true),
  serviceIds: z.array(z.uuid()).max(100).default([]),
  crewUserIds: z.array(z.uuid()).max(30).default([]),
});
export type UnitInput = z.infer<typeof UnitInput>;

export const UnitView = z.object({
  id: z.uuid(),
  name: z.string(),
  vehicle: z.string(),
  plate: z.string(),
  active: z.boolean(),
  services: z.array(z.object({ id: z.uuid(), name: z.string() })),
  crew: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type UnitView = z.infer<typeof UnitView>;

export const MobileOptions = z.object({
  timezone: z.string(),
  /** The MPP's kabupaten/kota; stops must lie inside it. */
  region: z.object({ code: z.string(), name: z.string() }).nullable(),
  /** The kecamatan of the MPP's kabupaten/kota (shipped region data), by name: what a stop may pick, each with its desa/kelurahan by name. */
  kecamatan: z.array(z.object({ code: z.string(), name: z.string(), villages: z.array(z.object({ code: z.string(), name: z.string() })) })),
  staff: z.array(z.object({ id: z.uuid(), name: z.string(), email: z.string() })),
  services: z.array(z.object({ id: z.uuid(), name: z.string(), tenantName: z.string() })),
});
export type MobileOptions = z.infer<typeof MobileOptions>;

export const StopInput = z
  .object({
    unitId: z.uuid(),
    /** Its name comes from the shipped region data (src/catalog/data/regions), never from the client. */
    kecamatanCode,
    /** A desa/kelurahan of the kecamatan in the shipped region data; its name comes from there too. */
    villageCode: villageCode.optional(),
    address: name(5, 300),
    lat: z.number().min(-11).max(6).optional(),
    lng: z.number().min(94).max(142).optional(),
    date: localDate,
    startTime: localTime,
    endTime: localTime,
    capacity: z.number().int().min(1, bilingual('Kapasitas minimal 1 orang.', 'Capacity is at least 1 person.')).max(2000),
    serviceIds: z.array(z.uuid()).min(1, bilingual('Pilih paling sedikit satu layanan.', 'Choose at least one service.')).max(50),
    note: z.string().trim().max(500).optional(),
  })
  .refine((s) => s.endTime > s.startTime, { ...bilingual('Jam selesai harus setelah jam mulai.', 'The end time must be after the start time.'), path: ['endTime'] })
  .refine((s) => (s.lat === undefined) === (s.lng === undefined), { ...bilingual('Titik peta perlu lintang dan bujur sekaligus.', 'A map point needs both latitude and longitude.'), path: ['lng'] });
export type StopInput = z.infer<typeof StopInput>;

export const StopStatus = z.enum(['scheduled', 'cancelled', 'done']);
export const StopView = z.object({
  id: z.uuid(),
  mppId: z.uuid(),
  mppName: z.string(),
  mppSlug: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  vehicle: z.string(),
  plate: z.string(),
  regionCode: z.string(),
  kecamatanCode: z.string(),
  kecamatanName: z.string(),
  villageCode: z.string().nullable(),
  villageName: z.string().nullable(),
  /** The kabupaten/kota, from the shipped region data. */
  regencyName: z.string().nullable(),
  address: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  timezone: z.string(),
  localDate: z.string(),
  localStart: z.string(),
  localEnd: z.string(),
  capacity: z.number().int(),
  booked: z.number().int(),
  free: z.number().int(),
  status: StopStatus,
  note: z.string().nullable(),
  services: z.array(z.object({ id: z.uuid(), name: z.string(), tenantName: z.string() })),
});
export type StopView = z.infer<typeof StopView>;

export const StopListQuery = z.object({ from: localDate.optional(), status: StopStatus.optional() });
export const CancelStopRequest = z.object({ reason: name(3, 300) });

export const StopBookingStatus = z.enum(['booked', 'cancelled', 'checked_in', 'served', 'no_show']);
export const StopBookingView = z.object({
  id: z.uuid(),
  code: z.string(),
  stopId: z.uuid(),
  serviceId: z.uuid(),
  serviceName: z.string(),
  name: z.string(),
  nikMasked: z.string(),
  contact: z.string(),
  status: StopBookingStatus,
  createdAt: z.string(),
});
export type StopBookingView = z.infer<typeof StopBookingView>;

export const MoveBookingRequest = z.object({ stopId: z.uuid() });
export const StaffCancelBookingRequest = z.object({ reason: name(3, 300) });

// Public

export const PublicStopsQuery = z.object({
  kecamatan: kecamatanCode.optional(),
  mppId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const KecamatanQuery = z.object({ mppId: z.uuid().optional() });
export const KecamatanView = z.object({
  code: z.string(),
  name: z.string(),
  regencyName: z.string().nullable(),
  nextStartsAt: z.string(),
  stops: z.number().int(),
});
export type KecamatanView = z.infer<typeof KecamatanView>;

export const CreateStopBookingRequest = z
  .object({
    serviceId: z.uuid(),
    nik: z.string().trim().min(1, bilingual('NIK wajib diisi (16 digit sesuai KTP).', 'NIK is required (16 digits as on the KTP).')).max(40),
    name: name(2, 100),
    phone: phoneField.optional(),
    email: z.email(bilingual('Alamat email tidak valid.', 'Invalid email address.')).max(200).optional(),
  })
  .refine((b) => b.phone || b.email, { ...bilingual('Isi nomor ponsel atau email agar kami bisa mengirim konfirmasi.', 'Give a mobile number or an email so we can send the confirmation.'), path: ['phone'] });
export type CreateStopBookingRequest = z.infer<typeof CreateStopBookingRequest>;

export const CitizenCancelRequest = z.object({
  code: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{8}$/, bilingual('Kode booking terdiri dari 8 huruf/angka.', 'A booking code has 8 letters/digits.')),
  nik: z.string().trim().max(40),
});

export const StopBookingResult = z.object({
  code: z.string(),
  status: StopBookingStatus,
  name: z.string(),
  nikMasked: z.string(),
  serviceName: z.string(),
  stop: StopView,
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
});
export type StopBookingResult = z.infer<typeof StopBookingResult>;
