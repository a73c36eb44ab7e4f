import { z } from 'zod';
import { bilingual } from '../platform/i18n.js';
import { ACTIONS, STATUSES } from './state-machine.js';

export const Status = z.enum(STATUSES);
export const Action = z.enum(ACTIONS);
export const Kind = z.enum(['question', 'meeting']);

/** The hours an online consultation can be asked for, in the MPP's zone. */
export const SLOT_TIMES = ['09:00', '10:00', '11:00', '13:00', '14:00'] as const;
/** An attachment is at most 2 MB (sent base64 in the JSON body, so the question is one request). */
export const ATTACHMENT_MAX_BYTES = 2 * 1024 * 1024;

export const MppParams = z.object({ mppId: z.uuid() });
export const ConsultationParams = z.object({ mppId: z.uuid(), consultationId: z.uuid() });
export const ActionParams = ConsultationParams.extend({ action: Action });
export const CitizenParams = z.object({ consultationId: z.uuid() });
export const CodeParams = z.object({ code: z.string().max(30) });

export const AskRequest = z.object({
  mppId: z.uuid(),
  serviceId: z.uuid(),
  kind: Kind.default('question'),
  question: z.string().trim()
    .min(10, bilingual('Tulis pertanyaan Anda, minimal 10 huruf.', 'Write your question, at least 10 characters.'))
    .max(2000, bilingual('Pertanyaan maksimal 2000 huruf.', 'A question has at most 2000 characters.')),
  /** meeting: the day (YYYY-MM-DD, MPP's zone) and hour asked for. */
  slotDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, bilingual('Tanggal tidak valid (TTTT-BB-HH).', 'Invalid date (YYYY-MM-DD).')).optional(),
  slotTime: z.enum(SLOT_TIMES).optional(),
  attachment: z.object({
    fileName: z.string().trim().min(1).max(200),
    /** The file, base64. Its type is decided by its content. */
    contentBase64: z.string().max(Math.ceil(ATTACHMENT_MAX_BYTES / 3) * 4 + 4, bilingual('Lampiran terlalu besar (maksimal 2 MB).', 'Attachment too large (at most 2 MB).')),
  }).optional(),
});
export type AskRequest = z.infer<typeof AskRequest>;

export const ActionRequest = z.object({
  answer: z.string().trim().min(3, bilingual('Jawaban minimal 3 huruf.', 'An answer has at least 3 characters.')).max(4000).optional(),
  meetingUrl: z.url({ protocol: /^https$/, ...bilingual('Tautan pertemuan harus alamat https://', 'The meeting link must be an https:// address') }).max(500).optional(),
});
export type ActionRequest = z.infer<typeof ActionRequest>;

export const WorkQuery = z.object({ view: z.enum(['open', 'answered', 'all']).default('open') });

const Step = z.object({ at: z.string(), action: z.string(), status: Status, actor: z.string().nullable() });

export const ConsultationView = z.object({
  id: z.uuid(),
  trackingCode: z.string(),
  kind: Kind,
  serviceName: z.string(),
  tenantName: z.string(),
  mppName: z.string(),
  timezone: z.string(),
  question: z.string(),
  slotStart: z.string().nullable(),
  meetingUrl: z.string().nullable(),
  status: Status,
  answer: z.string().nullable(),
  submittedAt: z.string(),
  dueAt: z.string(),
  answeredAt: z.string().nullable(),
  overdue: z.boolean(),
  attachment: z.object({ fileName: z.string(), mediaType: z.string(), sizeBytes: z.number().int() }).nullable(),
  steps: z.array(Step),
});
export type ConsultationView = z.infer<typeof ConsultationView>;

/** What the agency's staff see: the view plus the allowed steps (contact stays hidden: answers go through Layan). */
export const StaffConsultation = ConsultationView.extend({
  allowedActions: z.array(Action),
  /** The entry published as the service's FAQ from this answer, if any. */
  faq: z.object({ question: z.string(), publishedAt: z.string() }).nullable(),
});
export type StaffConsultation = z.infer<typeof StaffConsultation>;

export const TenantParams = z.object({ mppId: z.uuid(), tenantId: z.uuid() });
export const ServiceParams = z.object({ mppId: z.uuid(), serviceId: z.uuid() });

/** The agency's consultation settings: its answer limit in working days (3 until it sets one). */
export const ConsultationSettings = z.object({
  answerWorkingDays: z.number().int()
    .min(1, bilingual('Batas jawaban minimal 1 hari kerja.', 'The answer limit is at least 1 working day.'))
    .max(30, bilingual('Batas jawaban maksimal 30 hari kerja.', 'The answer limit is at most 30 working days.')),
});
export type ConsultationSettings = z.infer<typeof ConsultationSettings>;

/** Publish an answered written question as FAQ; the question may be reworded (e.g. to remove personal details). */
export const FaqRequest = z.object({
  question: z.string().trim()
    .min(10, bilingual('Pertanyaan FAQ minimal 10 huruf.', 'An FAQ question has at least 10 characters.'))
    .max(2000, bilingual('Pertanyaan FAQ maksimal 2000 huruf.', 'An FAQ question has at most 2000 characters.')).optional(),
});
export type FaqRequest = z.infer<typeof FaqRequest>;

/** One public FAQ entry: the question and the agency's answer, nothing about who asked. */
export const PublicFaq = z.object({ id: z.uuid(), question: z.string(), answer: z.string(), tenantName: z.string(), publishedAt: z.string() });
export type PublicFaq = z.infer<typeof PublicFaq>;

/**
 * What anyone holding the code sees (the public tracking page), mirroring a complaint's tracking:
 * the question and the agency's answer, never who asked, their contacts, the attachment or the
 * meeting link (those stay in "Layanan saya" behind the citizen's sign-in).
 */
export const ConsultationTracking = z.object({
  trackingCode: z.string(),
  kind: Kind,
  mppName: z.string(),
  timezone: z.string(),
  tenantName: z.string(),
  serviceName: z.string(),
  question: z.string(),
  status: Status,
  submittedAt: z.string(),
  dueAt: z.string().describe("The agency's answer limit in working days, counted on the MPP's calendar"),
  overdue: z.boolean(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  history: z.array(z.object({ at: z.string(), status: Status })),
});
export type ConsultationTracking = z.infer<typeof ConsultationTracking>;
