import { z } from 'zod';
import { bilingual } from '../platform/i18n.js';
import { normalisePlate } from './plate.js';

export const ZoneParams = z.object({ mppId: z.uuid(), zoneId: z.uuid() });
export const DeviceParams = z.object({ mppId: z.uuid(), deviceId: z.uuid() });
export const ZoneKind = z.enum(['hall', 'drive_thru']);

const ZoneName = z
  .string()
  .trim()
  .min(2, bilingual('Nama zona minimal 2 karakter.', 'A zone name needs at least 2 characters.'))
  .max(80, bilingual('Nama zona paling banyak 80 karakter.', 'A zone name has at most 80 characters.'));

/** A queue zone: a part of the floor (hall) or a drive-thru lane, with its counters and devices. */
export const Zone = z.object({
  id: z.uuid(),
  code: z.string(),
  kind: ZoneKind,
  name: z.string(),
  counters: z.array(z.object({ id: z.uuid(), number: z.number().int(), name: z.string(), tenantName: z.string() })),
  deviceIds: z.array(z.uuid()),
});
export type Zone = z.infer<typeof Zone>;

export const CreateZone = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,30}$/, bilingual('Kode zona: 1-30 huruf kecil, angka atau tanda -, misalnya "sim-dt".', 'Zone code: 1-30 lowercase letters, digits or -, e.g. "sim-dt".')),
  kind: ZoneKind.default('hall'),
  name: ZoneName,
});
export type CreateZone = z.infer<typeof CreateZone>;
export const UpdateZone = z.object({ name: ZoneName });
export const AssignZone = z.object({ zoneId: z.uuid(bilingual('Pilih zona.', 'Choose a zone.')).nullable() });

/** What a drive-thru kiosk offers: the lane and its services only. */
export const LaneOffer = z.object({
  mpp: z.object({ id: z.uuid(), name: z.string(), timezone: z.string() }),
  zone: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  open: z.boolean(),
  closedReason: z.string().nullable(),
  nextOpening: z.string().nullable(),
  services: z.array(z.object({ id: z.uuid(), name: z.string(), prefix: z.string(), tenantName: z.string(), waiting: z.number().int(), countersOpen: z.number().int() })),
});
export type LaneOffer = z.infer<typeof LaneOffer>;

const PLATE_MESSAGE = bilingual(
  'Nomor pelat tidak dikenali. Tulis seperti pada pelat kendaraan, misalnya R 1234 AB (kode wilayah 1-2 huruf, nomor 1-4 angka, akhiran 0-3 huruf).',
  'The plate number is not recognised. Write it as on the plate, e.g. R 1234 AB (region 1-2 letters, number 1-4 digits, suffix 0-3 letters).',
);

/** A drive-thru ticket: the car is called by its plate or, when the driver prefers, by a name. */
export const LaneTicketRequest = z
  .object({
    serviceId: z.uuid(bilingual('Pilih layanan.', 'Choose a service.')),
    plate: z.string().max(20, PLATE_MESSAGE).refine((s) => normalisePlate(s) !== null, PLATE_MESSAGE).optional(),
    name: z
      .string()
      .trim()
      .min(2, bilingual('Nama minimal 2 huruf.', 'A name needs at least 2 letters.'))
      .max(60, bilingual('Nama paling banyak 60 huruf.', 'A name has at most 60 letters.'))
      .regex(/^[\p{L} .'-]+$/u, bilingual('Nama hanya berisi huruf, spasi, titik, tanda petik atau -.', 'A name holds only letters, spaces, dots, apostrophes or -.'))
      .optional(),
  })
  .refine((b) => (b.plate ? 1 : 0) + (b.name ? 1 : 0) === 1, {
    ...bilingual('Isi nomor pelat kendaraan atau nama (salah satu).', 'Give the plate number or a name (one of them).'),
    path: ['plate'],
  });
export type LaneTicketRequest = z.infer<typeof LaneTicketRequest>;
