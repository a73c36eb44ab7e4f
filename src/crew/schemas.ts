import { z } from 'zod';
import { bilingual } from '../platform/i18n.js';

export const StopParams = z.object({ mppId: z.uuid(), stopId: z.uuid() });

const TicketNumber = z.number().int().min(1).max(1_000_000);
const EventBase = {
  /** Made by the device; a replay of the same id changes nothing. */
  id: z.uuid(bilingual('Setiap kejadian perlu id (uuid) dari perangkat.', 'Every event needs a device-made id (uuid).')),
  /** The device's own order of events at this stop: 1, 2, 3 ... */
  seq: z.number().int().min(1).max(10_000_000),
  at: z.iso.datetime({ offset: true }),
};
export const CrewEvent = z.discriminatedUnion('type', [
  z.object({ ...EventBase, type: z.literal('ticket_issued'), number: TicketNumber, serviceId: z.uuid() }),
  z.object({ ...EventBase, type: z.literal('booking_checked_in'), number: TicketNumber, bookingId: z.uuid() }),
  z.object({ ...EventBase, type: z.literal('called'), number: TicketNumber }),
  z.object({ ...EventBase, type: z.literal('served'), number: TicketNumber }),
  z.object({ ...EventBase, type: z.literal('no_show'), number: TicketNumber }),
]);
export type CrewEvent = z.infer<typeof CrewEvent>;

export const PackRequest = z.object({
  deviceId: z.uuid(),
  label: z.string().trim().min(1).max(60),
  /** Ask for one more block of numbers (the device is running low). */
  reserveBlock: z.boolean().optional(),
});
export type PackRequest = z.infer<typeof PackRequest>;

export const SyncRequest = z.object({
  deviceId: z.uuid(),
  events: z.array(CrewEvent).max(1000, bilingual('Paling banyak 1000 kejadian per kiriman.', 'At most 1000 events per batch.')),
});
export type SyncRequest = z.infer<typeof SyncRequest>;

export const CrewStopSummary = z.object({
  id: z.uuid(),
  mppId: z.uuid(),
  unitName: z.string(),
  kecamatanName: z.string(),
  villageName: z.string().nullable(),
  address: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  localDay: z.string(),
  status: z.enum(['scheduled', 'cancelled', 'done']),
});
export type CrewStopSummary = z.infer<typeof CrewStopSummary>;

export const StopTicket = z.object({
  number: z.number().int(),
  serviceId: z.uuid(),
  bookingId: z.uuid().nullable(),
  status: z.enum(['waiting', 'called', 'served', 'no_show']),
  mergedInto: z.number().int().nullable(),
  /** Issued on the asking device. */
  mine: z.boolean(),
  issuedAt: z.string(),
  /** For a served ticket once synced: the code the person types at /survei (SKM), as on a counter ticket. */
  surveyCode: z.string().nullable(),
});

export const StopPack = z.object({
  stop: CrewStopSummary,
  mpp: z.object({ id: z.uuid(), name: z.string(), timezone: z.string() }),
  services: z.array(z.object({ id: z.uuid(), name: z.string(), tenantName: z.string() })),
  device: z.object({ id: z.uuid(), lastSeq: z.number().int() }),
  /** This device's number blocks, oldest first. */
  blocks: z.array(z.object({ first: z.number().int(), last: z.number().int() })),
  bookings: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      serviceId: z.uuid(),
      name: z.string(),
      nikMasked: z.string(),
      status: z.enum(['booked', 'cancelled', 'checked_in', 'served', 'no_show']),
    }),
  ),
  tickets: z.array(StopTicket),
});
export type StopPack = z.infer<typeof StopPack>;

export const SyncOutcome = z.object({
  eventId: z.uuid(),
  seq: z.number().int(),
  result: z.enum(['applied', 'merged', 'duplicate', 'conflict', 'rejected', 'pending']),
  code: z.string().nullable(),
  number: z.number().int().nullable(),
  otherDevice: z.string().nullable(),
});
export const SyncResult = z.object({
  outcomes: z.array(SyncOutcome),
  /** Events of this device from earlier batches that were waiting and are settled now. */
  settled: z.array(SyncOutcome),
  lastSeq: z.number().int(),
});
export type SyncResult = z.infer<typeof SyncResult>;
