import { z } from 'zod';
import { phoneField } from '../booking/schemas.js';
import { bilingual } from '../platform/i18n.js';
import { ACTIONS, PICKUPS, STATUSES } from './state-machine.js';

export const Status = z.enum(STATUSES);
export const Action = z.enum(ACTIONS);
export const Pickup = z.enum(PICKUPS);

export const nikField = z.string().trim().regex(/^\d{16}$/, bilingual('NIK harus 16 digit angka (tertera di KTP/KK).', 'A NIK has exactly 16 digits (printed on the KTP/KK).'));
const codeField = z.string().trim().min(4).max(20);

export const MppParams = z.object({ mppId: z.uuid() });
export const ApplicationParams = z.object({ mppId: z.uuid(), applicationId: z.uuid() });
export const ActionParams = ApplicationParams.extend({ action: Action });
export const DocumentParams = ApplicationParams.extend({ documentId: z.uuid() });
export const CodeParams = z.object({ code: codeField });

export const OpenApplicationRequest = z.object({
  /** The service; taken from the ticket or booking when one is given. */
  serviceId: z.uuid().optional(),
  ticketId: z.uuid().optional(),
  bookingCode: z.string().trim().toUpperCase().min(4).max(20).optional(),
  nik: nikField,
  name: z.string().trim().min(2).max(200).optional(),
  phone: phoneField.optional(),
  email: z.email().max(200).optional(),
});
export type OpenApplicationRequest = z.infer<typeof OpenApplicationRequest>;

export const OnlineApplicationRequest = z.object({
  mppId: z.uuid(),
  serviceId: z.uuid(),
  nik: nikField,
  name: z.string().trim().min(2).max(200),
  /** Wallet documents the handling agency may read for this application, for `days` days (granted in the same transaction). */
  grant: z.object({
    documentIds: z.array(z.uuid()).min(1).max(20),
    days: z.number().int().min(1).max(90).default(30),
  }).optional(),
});
export type OnlineApplicationRequest = z.infer<typeof OnlineApplicationRequest>;

export const ActionRequest = z.object({
  /** return_incomplete: the requirement type codes still missing. */
  missing: z.array(z.string().trim().toUpperCase().regex(/^[A-Z0-9_]{2,40}$/)).max(40).optional(),
  /** refuse: why (shown to the applicant). */
  reason: z.string().trim().min(3).max(1000).optional(),
  /** mark_ready: where the product is collected. */
  pickup: Pickup.optional(),
  note: z.string().trim().max(1000).optional(),
});
export type ActionRequest = z.infer<typeof ActionRequest>;

export const WorkListQuery = z.object({
  view: z.enum(['open', 'due_soon', 'overdue', 'waiting', 'closed']).default('open'),
});

const Requirement = z.object({ typeCode: z.string(), name: z.string(), note: z.string(), missing: z.boolean() });
const Step = z.object({ at: z.string(), action: z.string(), status: Status, note: z.string().nullable() });

export const ApplicationSummary = z.object({
  id: z.uuid(),
  trackingCode: z.string(),
  serviceName: z.string(),
  tenantName: z.string(),
  status: Status,
  applicantName: z.string(),
  nikMasked: z.string(),
  channel: z.enum(['counter', 'online']),
  pickup: Pickup.nullable(),
  submittedAt: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  dueSoon: z.boolean(),
  waitingForCitizen: z.boolean(),
  timezone: z.string(),
});
export type ApplicationSummary = z.infer<typeof ApplicationSummary>;

export const GrantedDocument = z.object({
  id: z.uuid(),
  typeCode: z.string(),
  typeName: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  grantedUntil: z.string(),
});

export const ApplicationDetail = ApplicationSummary.extend({
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  requirements: z.array(Requirement),
  reason: z.string().nullable(),
  allowedActions: z.array(Action),
  steps: z.array(Step.extend({ actor: z.string().nullable() })),
  documents: z.array(GrantedDocument),
  /** The printable product attached for the kiosk, if any. */
  product: z.object({ fileName: z.string(), sizeBytes: z.number().int() }).nullable(),
  /** Documents the agency added for the applicant's wallet, and whether the applicant consented. */
  offers: z.array(z.object({
    id: z.uuid(), typeCode: z.string(), fileName: z.string(), status: z.enum(['pending', 'accepted', 'declined', 'expired']), offeredAt: z.string(), decidedAt: z.string().nullable(),
  })),
});
export type ApplicationDetail = z.infer<typeof ApplicationDetail>;

/** What anyone holding the code sees: no name, NIK or contact. */
export const TrackingView = z.object({
  trackingCode: z.string(),
  serviceName: z.string(),
  tenantName: z.string(),
  mppName: z.string(),
  timezone: z.string(),
  status: Status,
  statusLabel: z.string(),
  missing: z.array(z.object({ typeCode: z.string(), name: z.string() })),
  pickup: Pickup.nullable(),
  reason: z.string().nullable(),
  submittedAt: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  steps: z.array(Step),
});
export type TrackingView = z.infer<typeof TrackingView>;

export const PickupStartRequest = z.object({ code: codeField, nik: nikField });
export const PickupStarted = z.object({ trackingCode: z.string(), serviceName: z.string(), phoneMasked: z.string(), expiresAt: z.string() });
export const PickupCollectRequest = PickupStartRequest.extend({ otp: z.string().trim().regex(/^\d{6}$/, bilingual('Kode sekali pakai berisi 6 angka.', 'The one-time code has 6 digits.')) });
export const PickupCollected = z.object({ trackingCode: z.string(), serviceName: z.string(), status: Status, collectedAt: z.string(), hasProduct: z.boolean() });
export const ProductQuery = z.object({ fileName: z.string().trim().min(1).max(200).default('hasil.pdf') });
