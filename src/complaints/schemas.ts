import { z } from 'zod';
import { bilingual } from '../platform/i18n.js';
import { TRACKS } from './sla.js';
import { ACTIONS, SET_ASIDE_AS, STATUSES } from './state-machine.js';

export const ComplaintClass = z.enum(['pengaduan', 'aspirasi', 'permintaan_informasi']);
export type ComplaintClass = z.infer<typeof ComplaintClass>;
export const SubjectType = z.enum(['mpp', 'tenant', 'service', 'facility', 'officer']);
export const Channel = z.enum(['web', 'kiosk', 'staff', 'open311']);
export type Channel = z.infer<typeof Channel>;
export const Status = z.enum(STATUSES);
export const Track = z.enum(TRACKS);

/** HTML forms send empty strings for empty fields, multipart sends everything as text. */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());
const formBoolean = z.preprocess((v) => (v === 'true' || v === 'on' || v === '1' ? true : v === 'false' || v === '0' ? false : v), z.boolean());

export const FileComplaintRequest = z.object({
  class: ComplaintClass,
  subjectType: SubjectType,
  subjectTenantId: z.preprocess(blankToUndefined, z.uuid().optional()),
  subjectServiceId: z.preprocess(blankToUndefined, z.uuid().optional()),
  subjectDetail: optionalText(200).describe('Facility or officer named, free text'),
  description: z
    .string()
    .trim()
    .min(10, bilingual('Uraian minimal 10 karakter.', 'The description must be at least 10 characters.'))
    .max(5000, bilingual('Uraian maksimal 5000 karakter.', 'The description may be at most 5000 characters.')),
  contactName: optionalText(200),
  contactEmail: z.preprocess(blankToUndefined, z.email(bilingual('Format email tidak valid.', 'The email address is not valid.')).max(200).optional()),
  contactPhone: z.preprocess(
    blankToUndefined,
    z.string().trim().regex(/^\+?[0-9 ]{6,20}$/, bilingual('Nomor telepon hanya boleh angka (6-20).', 'The phone number may only hold digits (6-20).')).optional(),
  ),
  consentShareIdentity: formBoolean.default(false).describe('The complainant agrees that the tenant complained about sees who they are'),
});
export type FileComplaintRequest = z.infer<typeof FileComplaintRequest>;

export const FiledComplaint = z.object({
  trackingCode: z.string().describe('XXXX-XXXX-XXXX: the only way to follow an anonymous complaint'),
  status: Status,
  receivedAt: z.string(),
  verificationDueAt: z.string(),
  attachments: z.number().int(),
  timezone: z.string().describe('The MPP\'s IANA zone: show deadlines in it'),
});
export type FiledComplaint = z.infer<typeof FiledComplaint>;

export const AttachmentView = z.object({ id: z.uuid(), mediaType: z.string(), sizeBytes: z.number().int(), fileName: z.string() });

export const ComplaintEventView = z.object({
  at: z.string(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  actorType: z.string(),
  actorLabel: z.string().nullable(),
  visibility: z.enum(['public', 'internal']),
  note: z.string().nullable(),
});

export const ComplaintView = z.object({
  id: z.uuid(),
  mppId: z.uuid(),
  trackingCode: z.string(),
  channel: Channel,
  class: ComplaintClass,
  subjectType: SubjectType,
  subjectTenantId: z.uuid().nullable(),
  subjectServiceId: z.uuid().nullable(),
  subjectDetail: z.string().nullable(),
  description: z.string(),
  anonymous: z.boolean(),
  contact: z.object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() }).nullable()
    .describe('Null when anonymous or when the caller may not see who complained'),
  consentShareIdentity: z.boolean(),
  status: Status,
  track: Track.nullable(),
  assignedTenantId: z.uuid().nullable(),
  publicAnswer: z.string().nullable(),
  statusReason: z.string().nullable(),
  receivedAt: z.string(),
  verificationDueAt: z.string(),
  resolutionDueAt: z.string().nullable(),
  dueAt: z.string().nullable().describe('The deadline running now, if any'),
  overdue: z.boolean(),
  answeredAt: z.string().nullable(),
  reopenUntil: z.string().nullable(),
  closedAt: z.string().nullable(),
  allowedActions: z.array(z.enum(ACTIONS)),
});
export type ComplaintView = z.infer<typeof ComplaintView>;

export const ComplaintDetail = ComplaintView.extend({
  attachments: z.array(AttachmentView),
  events: z.array(ComplaintEventView),
});
export type ComplaintDetail = z.infer<typeof ComplaintDetail>;

export const ComplaintListQuery = z.object({
  status: Status.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(100).optional().describe('Search: part of the tracking code (dashes and case ignored) or words of the description'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0).describe('How many matching complaints to skip (newest first)'),
});
export type ComplaintListQuery = z.infer<typeof ComplaintListQuery>;

/** One page of the list, newest first, with the number of all complaints matching the same filters. */
export const ComplaintPage = z.object({
  items: z.array(ComplaintView),
  total: z.number().int().describe('All complaints this caller may see that match the filters, not only this page'),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type ComplaintPage = z.infer<typeof ComplaintPage>;

export const ComplaintActionRequest = z.object({
  track: Track.optional().describe('verify: simple (5 working days), dispute (14), dispute_field_check (60)'),
  setAsideAs: z.enum(SET_ASIDE_AS).optional().describe('set_aside: not_ours (bukan wewenang), duplicate, archived'),
  reason: z.string().trim().min(3).max(1000).optional(),
  duplicateOfCode: z.string().max(20).optional(),
  tenantId: z.uuid().optional().describe('assign: the tenant that must answer'),
  answer: z.string().trim().min(5).max(5000).optional().describe('answer: the public answer'),
  note: z.string().trim().max(5000).optional().describe('internal note kept with the step'),
});
export type ComplaintActionRequest = z.infer<typeof ComplaintActionRequest>;

export const ActionParams = z.object({ mppId: z.uuid(), complaintId: z.uuid(), action: z.enum(ACTIONS) });
export const ComplaintParams = z.object({ mppId: z.uuid(), complaintId: z.uuid() });
export const AttachmentParams = z.object({ mppId: z.uuid(), complaintId: z.uuid(), attachmentId: z.uuid() });
export const MppParams = z.object({ mppId: z.uuid() });
export const SlugParams = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,100}$/) });
export const CodeParams = z.object({ code: z.string().max(30) });
export const NoteRequest = z.object({ note: z.string().trim().min(1).max(5000) });
export const ReopenRequest = z.object({ reason: z.string().trim().min(5).max(1000) });

export const TrackingView = z.object({
  trackingCode: z.string(),
  mppName: z.string(),
  timezone: z.string(),
  class: ComplaintClass,
  subjectType: SubjectType,
  description: z.string(),
  status: Status,
  receivedAt: z.string(),
  dueAt: z.string().nullable(),
  publicAnswer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  reopenUntil: z.string().nullable(),
  canRespond: z.boolean().describe('The citizen may confirm or reopen now'),
  statusReason: z.string().nullable(),
  history: z.array(z.object({ at: z.string(), toStatus: z.string(), note: z.string().nullable() })),
});
export type TrackingView = z.infer<typeof TrackingView>;

export const FilingOptions = z.object({
  mpp: z.object({ id: z.uuid(), slug: z.string(), name: z.string(), timezone: z.string() }),
  tenants: z.array(z.object({ id: z.uuid(), name: z.string() })),
  services: z.array(z.object({ id: z.uuid(), tenantId: z.uuid(), name: z.string() })),
});
export type FilingOptions = z.infer<typeof FilingOptions>;

export const ApiKeyView = z.object({ id: z.uuid(), name: z.string(), keyPrefix: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable(), revokedAt: z.string().nullable() });
export type ApiKeyView = z.infer<typeof ApiKeyView>;
export const ApiKeyCreated = ApiKeyView.extend({ key: z.string().describe('Shown once; only its hash is stored') });
export const CreateApiKey = z.object({ name: z.string().trim().min(2).max(100) });
export const ApiKeyParams = z.object({ mppId: z.uuid(), keyId: z.uuid() });

export const ExportQuery = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  format: z.enum(['json', 'csv']).default('json'),
});
export type ExportQuery = z.infer<typeof ExportQuery>;
