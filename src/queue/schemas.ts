import { z } from 'zod';
import { bilingual } from '../platform/i18n.js';
import { TICKET_STATUSES } from './state.js';

export const MppParams = z.object({ mppId: z.uuid() });
export const TicketParams = z.object({ mppId: z.uuid(), ticketId: z.uuid() });
export const CounterParams = z.object({ mppId: z.uuid(), counterId: z.uuid() });
export const ServiceParams = z.object({ mppId: z.uuid(), serviceId: z.uuid() });
export const ClassParams = z.object({ mppId: z.uuid(), classId: z.uuid() });
export const TokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });
export const DisplayQuery = z.object({ zone: z.string().regex(/^[a-z0-9-]{1,30}$/).optional() });

export const TicketStatus = z.enum(TICKET_STATUSES);

export const IssueTicketRequest = z.object({
  serviceId: z.uuid(bilingual('Pilih layanan.', 'Choose a service.')),
  priorityClassId: z.uuid().nullable().optional(),
  /** Adds the ticket to an earlier ticket's visit (several services in one stay). */
  visitToken: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/).optional(),
});
export type IssueTicketRequest = z.infer<typeof IssueTicketRequest>;

export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{8,100}$/, bilingual('Idempotency-Key harus 8-100 karakter huruf, angka, titik, titik dua, _ atau -.', 'Idempotency-Key must be 8-100 letters, digits, dot, colon, _ or -.'))
    .optional(),
});

const CounterRef = z.object({ id: z.uuid(), number: z.number().int(), name: z.string() });

/** A ticket as its holder sees it (kiosk print, status page). */
export const TicketView = z.object({
  id: z.uuid(),
  number: z.string(),
  status: TicketStatus,
  mpp: z.object({ id: z.uuid(), name: z.string(), timezone: z.string() }),
  service: z.object({ id: z.uuid(), name: z.string() }),
  tenantName: z.string(),
  priorityClass: z.string().nullable(),
  channel: z.enum(['kiosk', 'reception', 'online']),
  issuedAt: z.string(),
  calledAt: z.string().nullable(),
  counter: CounterRef.nullable(),
  peopleAhead: z.number().int().nullable(),
  /** Null while no counter able to serve the ticket is open (see noCounter) or once called. */
  estimatedWaitMinutes: z.number().int().nullable(),
  /** The range the call is expected in (about 80% of calls fall inside, measured in docs/queue.md). */
  estimatedWaitRange: z.object({ lowMinutes: z.number().int(), highMinutes: z.number().int() }).nullable(),
  /** Why a waiting ticket has no time: every counter able to serve it is paused, or closed. */
  noCounter: z.enum(['paused', 'closed']).nullable(),
  statusToken: z.string(),
  /** A drive-thru ticket is called by the car's plate ("R 1234 AB") or, without a plate, by a name. */
  plate: z.string().nullable(),
  holderName: z.string().nullable(),
  /** The survey code printed on the ticket (answers once the ticket is served). */
  surveyCode: z.string(),
  visitToken: z.string(),
  visitTickets: z.array(z.object({ number: z.string(), serviceName: z.string(), status: TicketStatus })),
});
export type TicketView = z.infer<typeof TicketView>;

export const TicketEvent = z.object({
  type: z.string(),
  at: z.string(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  counterId: z.uuid().nullable(),
  serviceId: z.uuid(),
  fromServiceId: z.uuid().nullable(),
  note: z.string().nullable(),
});

export const TicketTimes = z.object({
  waitingSeconds: z.number().nullable(),
  serviceSeconds: z.number().nullable(),
  totalSeconds: z.number().nullable(),
});

/** A ticket as staff see it: with its history and the times computed from it. */
export const StaffTicketView = z.object({
  id: z.uuid(),
  number: z.string(),
  status: TicketStatus,
  serviceId: z.uuid(),
  serviceName: z.string(),
  tenantName: z.string(),
  priorityClass: z.string().nullable(),
  issuedAt: z.string(),
  calledAt: z.string().nullable(),
  recallCount: z.number().int(),
  counter: CounterRef.nullable(),
  /** A drive-thru car: its plate, or the name it is called by. */
  plate: z.string().nullable(),
  holderName: z.string().nullable(),
  events: z.array(TicketEvent),
  times: TicketTimes,
  allowedActions: z.array(z.string()),
});
export type StaffTicketView = z.infer<typeof StaffTicketView>;

export const Reason = z
  .string()
  .trim()
  .min(3, bilingual('Tuliskan alasan (minimal 3 karakter).', 'Give a reason (at least 3 characters).'))
  .max(200);

/** A pause names one of the MPP's pause reasons (reasonId); a free-text reason is still accepted from API clients. */
export const PauseRequest = z
  .object({ reasonId: z.uuid().optional(), reason: Reason.optional() })
  .refine((b) => b.reasonId || b.reason, bilingual('Pilih alasan jeda.', 'Choose a reason for the pause.'));
export type PauseRequest = z.infer<typeof PauseRequest>;
export const CallSpecificRequest = z.object({ ticketId: z.uuid(), reason: Reason });
export const TransferRequest = z
  .object({
    serviceId: z.uuid().optional(),
    counterId: z.uuid().optional(),
    note: z.string().trim().max(300).optional(),
  })
  .refine((b) => b.serviceId || b.counterId, bilingual('Pilih layanan atau loket tujuan.', 'Choose a target service or counter.'));
export type TransferRequest = z.infer<typeof TransferRequest>;

export const CounterView = z.object({
  id: z.uuid(),
  number: z.number().int(),
  name: z.string(),
  tenantId: z.uuid(),
  tenantName: z.string(),
  status: z.enum(['open', 'paused', 'closed']),
  pauseReason: z.string().nullable(),
  officerName: z.string().nullable(),
  zone: z.string().nullable(),
  services: z.array(z.object({ serviceId: z.uuid(), name: z.string(), prefix: z.string(), weight: z.number().int() })),
});
export type CounterView = z.infer<typeof CounterView>;

export const ConsoleView = z.object({
  /** The MPP's IANA zone: the console shows times in it, whatever the browser's zone. */
  timezone: z.string(),
  counter: CounterView,
  current: StaffTicketView.nullable(),
  waiting: z.object({
    total: z.number().int(),
    tickets: z.array(
      z.object({ id: z.uuid(), number: z.string(), serviceId: z.uuid(), serviceName: z.string(), priorityName: z.string().nullable(), issuedAt: z.string(), transferred: z.boolean(), bookedFor: z.string().nullable(),
        /** A drive-thru car: the plate (or the name) the window calls it by. */
        plate: z.string().nullable(), holderName: z.string().nullable() }),
    ),
  }),
  myCounts: z.object({ called: z.number().int(), served: z.number().int(), noShow: z.number().int(), transferred: z.number().int() }),
  transferTargets: z.object({
    services: z.array(z.object({ id: z.uuid(), name: z.string(), tenantName: z.string() })),
    counters: z.array(z.object({ id: z.uuid(), number: z.number().int(), name: z.string() })),
  }),
  /** The MPP's recall limit, so the console can say why recall is disabled. */
  maxRecalls: z.number().int(),
  /** The agency's pool of parked tickets today (any of its counters may call one back). */
  parked: z.array(z.object({ id: z.uuid(), number: z.string(), serviceName: z.string(), parkedAt: z.string(), parkedByCounter: z.string().nullable() })),
  pauseReasons: z.array(z.object({ id: z.uuid(), label: z.string() })),
  /** The last no-show this counter marked, while it can still be undone. */
  undoableNoShow: z.object({ ticketId: z.uuid(), number: z.string(), until: z.string() }).nullable(),
});
export type ConsoleView = z.infer<typeof ConsoleView>;

export const CallResult = z.object({ ticket: StaffTicketView.nullable() });

export const CounterSetupRequest = z.object({
  services: z.array(z.object({ serviceId: z.uuid(), weight: z.number().int().min(1).max(10).default(1) })).max(100),
  zone: z.string().regex(/^[a-z0-9-]{1,30}$/).nullable().optional(),
});

export const ServiceSettingsRequest = z.object({ dailyQuota: z.number().int().min(1).max(100000).nullable() });
export const ServiceSettingsView = z.object({ serviceId: z.uuid(), dailyQuota: z.number().int().nullable() });

export const QueueSettings = z.object({
  maxRecalls: z.number().int().min(0).max(10),
  waitingRoomCapacity: z.number().int().min(1).max(100000).nullable(),
  defaultServiceMinutes: z.number().int().min(1).max(240),
});
export type QueueSettings = z.infer<typeof QueueSettings>;
/** A change to the queue rules: only the rules named change, so a form never rewrites another admin's edit. */
export const QueueSettingsUpdate = QueueSettings.partial();
export type QueueSettingsUpdate = z.infer<typeof QueueSettingsUpdate>;

export const PriorityClass = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  weight: z.number().int(),
  active: z.boolean(),
});
export type PriorityClass = z.infer<typeof PriorityClass>;
export const CreatePriorityClass = z.object({
  code: z.string().regex(/^[a-z0-9_]{2,30}$/, bilingual('Kode: 2-30 huruf kecil, angka atau _.', 'Code: 2-30 lowercase letters, digits or _.')),
  name: z.string().trim().min(2).max(100),
  weight: z.number().int().min(0).max(240),
});
export const UpdatePriorityClass = z.object({
  name: z.string().trim().min(2).max(100).optional(),
  weight: z.number().int().min(0).max(240).optional(),
  active: z.boolean().optional(),
});

/** What the kiosk and the online ticket page offer. */
export const QueueOffer = z.object({
  /** `slug` names the MPP's public page (`/api/public/mpps/:slug`), where the kiosk reads the agencies' logos. */
  mpp: z.object({ id: z.uuid(), name: z.string(), timezone: z.string(), slug: z.string() }),
  open: z.boolean(),
  closedReason: z.string().nullable(),
  nextOpening: z.string().nullable(),
  services: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      name: z.string(),
      prefix: z.string(),
      tenantName: z.string(),
      waiting: z.number().int(),
      quotaLeft: z.number().int().nullable(),
      countersOpen: z.number().int(),
      /** Tickets issued for it in the MPP's last 30 local days, today included: the kiosk's "most used". */
      recentTickets: z.number().int(),
    }),
  ),
  priorityClasses: z.array(PriorityClass),
});
export type QueueOffer = z.infer<typeof QueueOffer>;

const DisplayPayloadSchema = z.object({
  ticketId: z.uuid(),
  number: z.string(),
  serviceId: z.uuid(),
  serviceName: z.string(),
  counterId: z.uuid().nullable(),
  counterNumber: z.number().int().nullable(),
  counterName: z.string().nullable(),
  speech: z.string().nullable(),
  /** Drive-thru calls: the lane's zone code and the plate or name the car is called by. */
  lane: z.string().nullable().optional(),
  plate: z.string().nullable().optional(),
  holderName: z.string().nullable().optional(),
});
export const DisplayEventView = z.object({
  seq: z.number().int(),
  zone: z.string().nullable(),
  type: z.enum(['call', 'recall', 'serving', 'done']),
  payload: DisplayPayloadSchema,
  at: z.string(),
});

export const DisplaySnapshot = z.object({
  mpp: z.object({ id: z.uuid(), name: z.string(), timezone: z.string() }),
  zone: z.string().nullable(),
  /** The zone's name and whether it is a drive-thru lane (null for the whole MPP). */
  zoneInfo: z.object({ code: z.string(), name: z.string(), kind: z.enum(['hall', 'drive_thru']) }).nullable(),
  lastSeq: z.number().int(),
  recentCalls: z.array(DisplayEventView),
  nowServing: z.array(
    z.object({
      ticketId: z.uuid(),
      number: z.string(),
      status: z.string(),
      serviceName: z.string(),
      counterId: z.uuid(),
      counterNumber: z.number().int(),
      counterName: z.string(),
      plate: z.string().nullable(),
      holderName: z.string().nullable(),
    }),
  ),
  waiting: z.array(z.object({ serviceId: z.uuid(), name: z.string(), prefix: z.string(), waiting: z.number().int() })),
});
export type DisplaySnapshot = z.infer<typeof DisplaySnapshot>;

/** What the queue set-up page edits: the caller's services with their daily quota, and counters. */
export const QueueSetupView = z.object({
  services: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      name: z.string(),
      prefix: z.string(),
      tenantId: z.uuid(),
      tenantName: z.string(),
      active: z.boolean(),
      dailyQuota: z.number().int().nullable(),
    }),
  ),
  counters: z.array(CounterView),
  /** MPP admins (and national admins) also manage priority classes and MPP rules. */
  mppWide: z.boolean(),
});
export type QueueSetupView = z.infer<typeof QueueSetupView>;

export const PauseReasonParams = z.object({ mppId: z.uuid(), reasonId: z.uuid() });
export const PauseReason = z.object({ id: z.uuid(), label: z.string(), active: z.boolean(), sort: z.number().int() });
export type PauseReason = z.infer<typeof PauseReason>;
const Label = z.string().trim().min(3, bilingual('Alasan minimal 3 karakter.', 'A reason needs at least 3 characters.')).max(100);
export const CreatePauseReason = z.object({ label: Label, sort: z.number().int().min(0).max(1000).optional() });
export const UpdatePauseReason = z.object({ label: Label.optional(), active: z.boolean().optional(), sort: z.number().int().min(0).max(1000).optional() });

export const UnparkRequest = z.object({ ticketId: z.uuid() });

export const HeartbeatRequest = z.object({
  appVersion: z.string().trim().min(1).max(40),
  page: z.string().max(200).optional(),
  /** The printer's last error as the device saw it (null: printing works again). */
  printerError: z.string().max(200).nullable().optional(),
});
export const HeartbeatResult = z.object({
  serverTime: z.string(),
  /** A kiosk bound to a drive-thru lane: the lane's zone id, so a hall kiosk page opened on it turns into the lane's kiosk. */
  lane: z.uuid().nullable(),
});
export const DeviceHealth = z.object({
  deviceId: z.uuid(),
  name: z.string(),
  kind: z.enum(['kiosk', 'display']),
  revoked: z.boolean(),
  lastSeenAt: z.string().nullable(),
  online: z.boolean(),
  appVersion: z.string().nullable(),
  page: z.string().nullable(),
  printerError: z.string().nullable(),
  printerErrorAt: z.string().nullable(),
});
export type DeviceHealth = z.infer<typeof DeviceHealth>;
