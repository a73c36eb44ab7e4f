import { open, seal, type ApplicationKeys } from '../applications/keys.js';
import { sniffMediaType } from '../applications/wallet-service.js';
import { dueAfterWorkingDays } from '../calendar/service.js';
import { addDays, localParts, zonedInstant } from '../catalog/hours.js';
import * as catalog from '../catalog/repository.js';
import * as catalogServices from '../catalog/service-repository.js';
import { formatTrackingCode, newTrackingCode, normaliseTrackingCode } from '../complaints/tracking-code.js';
import { notify } from '../notifications/notify.js';
import { recordAudit } from '../platform/audit.js';
import { requireStaff, requireTenantRole, tenantScope } from '../platform/auth.js';
import type { ServiceContext } from '../platform/context.js';
import { isUniqueViolation, type Queryable } from '../platform/db.js';
import { commonErrors, invalidTransition } from '../platform/errors.js';
import { consultationErrors } from './errors.js';
import { consultationAnswered, consultationReceived, consultationScheduled } from './messages.js';
import * as repo from './repository.js';
import type { ConsultationRow } from './repository.js';
import { ATTACHMENT_MAX_BYTES, type ActionRequest, type AskRequest, type ConsultationSettings, type ConsultationTracking, type ConsultationView, type FaqRequest, type PublicFaq, type StaffConsultation } from './schemas.js';
import { allowedActions, isOpen, TRANSITIONS, type Action, type Party } from './state-machine.js';

export { consultationErrors };

/** The working days an agency has to answer unless it set its own limit (consultation_settings). */
export const ANSWER_WORKING_DAYS = 3;
/** An online consultation can be asked for from tomorrow up to this many days ahead. */
export const SLOT_DAYS_AHEAD = 30;

export interface ConsultationEnv {
  keys: ApplicationKeys;
  publicUrl: string;
}

/** The signed-in citizen with the contacts they verified (where answers are sent). */
export interface CitizenCtx {
  ctx: ServiceContext;
  citizenId: string;
  phone: string | null;
  email: string | null;
}

const attachmentAad = (id: string) => `consultation:${id}`;
const myServicesUrl = (env: ConsultationEnv) => `${env.publicUrl}/layanan-saya`;

function when(at: Date, timezone: string): string {
  return new Intl.DateTimeFormat('id-ID', { timeZone: timezone, weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(at);
}

async function viewOf(q: Queryable, c: ConsultationRow, now: Date): Promise<ConsultationView> {
  const mpp = await catalog.findMpp(q, { id: c.mpp_id });
  const events = await repo.listEvents(q, c.mpp_id, c.id);
  return {
    id: c.id, trackingCode: formatTrackingCode(c.tracking_code), kind: c.kind, serviceName: c.service_name, tenantName: c.tenant_name,
    mppName: mpp?.name ?? '', timezone: mpp?.timezone ?? 'Asia/Jakarta', question: c.question,
    slotStart: c.slot_start?.toISOString() ?? null, meetingUrl: c.meeting_url, status: c.status, answer: c.answer,
    submittedAt: c.submitted_at.toISOString(), dueAt: c.due_at.toISOString(), answeredAt: c.answered_at?.toISOString() ?? null,
    overdue: isOpen(c.status) && c.due_at < now,
    attachment: (await repo.findAttachmentInfo(q, c.mpp_id, c.id)) ?? null,
    // Staff are named by their agency to the citizen, never by their account.
    steps: events.map((e) => ({ at: e.at.toISOString(), action: e.action, status: e.to_status, actor: e.actor_type === 'citizen' ? null : c.tenant_name })),
  };
}

/** Decodes and checks an attachment by content and size. @throws AppError consultation_attachment_invalid */
function checkedAttachment(a: NonNullable<AskRequest['attachment']>) {
  const content = Buffer.from(a.contentBase64, 'base64');
  const mediaType = content.length && content.length <= ATTACHMENT_MAX_BYTES ? sniffMediaType(content) : undefined;
  if (!mediaType) throw consultationErrors.consultation_attachment_invalid({ maxMb: ATTACHMENT_MAX_BYTES / 1024 / 1024 });
  return { content, mediaType, fileName: a.fileName.replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 200) || 'lampiran' };
}

/**
 * A signed-in citizen asks the agency of a service a written question, or asks for an online
 * consultation at a day and hour. One request: the question, its attachment, the first event, the
 * audit entry and the acknowledgement all commit together or not at all.
 * @throws AppError not_found, consultation_input_missing, consultation_slot_invalid, consultation_attachment_invalid.
 */
export async function ask(c: CitizenCtx, env: ConsultationEnv, input: AskRequest): Promise<ConsultationView> {
  const { ctx } = c;
  const service = (await catalogServices.listServices(ctx.db, input.mppId, { ids: [input.serviceId], activeOnly: true }))[0];
  if (!service) throw commonErrors.not_found();
  const mpp = (await catalog.findMpp(ctx.db, { id: input.mppId }))!;
  let slotStart: Date | null = null;
  if (input.kind === 'meeting') {
    if (!input.slotDate || !input.slotTime) throw consultationErrors.consultation_input_missing({ action: 'meeting', fields: ['slotDate', 'slotTime'] });
    const today = localParts(ctx.now, mpp.timezone).date;
    if (input.slotDate <= today || input.slotDate > addDays(today, SLOT_DAYS_AHEAD)) throw consultationErrors.consultation_slot_invalid({ days: SLOT_DAYS_AHEAD });
    const [h, m] = input.slotTime.split(':').map(Number) as [number, number];
    slotStart = zonedInstant(input.slotDate, h * 60 + m, mpp.timezone);
  }
  const attachment = input.attachment ? checkedAttachment(input.attachment) : undefined;
  const days = (await repo.findAnswerWorkingDays(ctx.db, input.mppId, service.tenantId)) ?? ANSWER_WORKING_DAYS;
  const due = new Date((await dueAfterWorkingDays(ctx.db, input.mppId, ctx.now, days)).dueAt);
  const actor = { ...ctx.actor, type: 'citizen' as const, id: c.citizenId, label: 'citizen' };
  for (let attempt = 0; ; attempt++) {
    try {
      const row = await ctx.db.transaction(async (tx) => {
        const row = await repo.insertConsultation(tx, {
          mpp_id: input.mppId, tracking_code: newTrackingCode(), kind: input.kind, service_id: service.id, tenant_id: service.tenantId,
          service_name: service.name, tenant_name: service.tenant.name, citizen_id: c.citizenId, contact_phone: c.phone, contact_email: c.email,
          question: input.question, slot_start: slotStart, submitted_at: ctx.now, due_at: due,
        });
        if (attachment) {
          await repo.insertAttachment(tx, { mppId: row.mpp_id, consultationId: row.id, fileName: attachment.fileName, mediaType: attachment.mediaType, sizeBytes: attachment.content.length, sealed: seal(env.keys, attachmentAad(row.id), attachment.content) });
        }
        await repo.insertEvent(tx, { mppId: row.mpp_id, consultationId: row.id, at: ctx.now, action: input.kind === 'meeting' ? 'request_meeting' : 'ask', from: null, to: 'submitted', actor });
        // The audit names the kind and sizes, never the question or the file.
        await recordAudit(tx, actor, { action: 'consultation.asked', targetType: 'consultation', targetId: row.id, mppId: row.mpp_id, tenantId: row.tenant_id, after: { kind: row.kind, attachmentBytes: attachment?.content.length ?? 0 } });
        await notify(tx, row.mpp_id, { email: c.email, phone: c.phone }, consultationReceived({ code: formatTrackingCode(row.tracking_code), tenantName: row.tenant_name, due: when(due, mpp.timezone), url: myServicesUrl(env) }));
        return row;
      });
      return viewOf(ctx.db, row, ctx.now);
    } catch (err) {
      if (isUniqueViolation(err) && attempt < 3) continue;
      throw err;
    }
  }
}

/** The citizen's consultations, newest first, with answers and meeting links. */
/**
 * The public tracking page: the code is the only credential, as for a complaint. No name, contact,
 * attachment or meeting link. @throws AppError consultation_code_unknown (404)
 */
export async function track(ctx: Pick<ServiceContext, 'db' | 'now'>, input: { code: string }): Promise<ConsultationTracking> {
  const normal = normaliseTrackingCode(input.code);
  const c = normal ? await repo.findByTrackingCode(ctx.db, normal) : undefined;
  if (!c) throw consultationErrors.consultation_code_unknown();
  const mpp = await catalog.findMpp(ctx.db, { id: c.mpp_id });
  const events = await repo.listEvents(ctx.db, c.mpp_id, c.id);
  return {
    trackingCode: formatTrackingCode(c.tracking_code), kind: c.kind, mppName: mpp?.name ?? '', timezone: mpp?.timezone ?? 'Asia/Jakarta',
    tenantName: c.tenant_name, serviceName: c.service_name, question: c.question, status: c.status,
    submittedAt: c.submitted_at.toISOString(), dueAt: c.due_at.toISOString(), overdue: isOpen(c.status) && c.due_at < ctx.now,
    answer: c.answer, answeredAt: c.answered_at?.toISOString() ?? null,
    history: events.map((e) => ({ at: e.at.toISOString(), status: e.to_status })),
  };
}

export async function listMine(c: CitizenCtx): Promise<ConsultationView[]> {
  const out: ConsultationView[] = [];
  for (const row of await repo.listOfCitizen(c.ctx.db, c.citizenId)) out.push(await viewOf(c.ctx.db, row, c.ctx.now));
  return out;
}

async function step(ctx: ServiceContext, env: ConsultationEnv, party: Party, row: ConsultationRow, action: Action, input: ActionRequest): Promise<ConsultationRow> {
  if (!allowedActions(row.status, party, row.kind).includes(action)) {
    if (action === 'schedule' && row.kind !== 'meeting') throw consultationErrors.consultation_not_meeting();
    throw invalidTransition(action, row.status, allowedActions(row.status, party, row.kind));
  }
  if (action === 'answer' && !input.answer) throw consultationErrors.consultation_input_missing({ action, fields: ['answer'] });
  if (action === 'schedule' && !input.meetingUrl) throw consultationErrors.consultation_input_missing({ action, fields: ['meetingUrl'] });
  const mpp = (await catalog.findMpp(ctx.db, { id: row.mpp_id }))!;
  return ctx.db.transaction(async (tx) => {
    const rule = TRANSITIONS[action];
    const updated = await repo.updateStatusIf(tx, row.mpp_id, row.id, rule.from, rule.to, {
      ...(action === 'answer' ? { answer: input.answer!, answered_by: ctx.actor.label, answered_at: ctx.now } : {}),
      ...(action === 'schedule' ? { meeting_url: input.meetingUrl! } : {}),
    }, ctx.now);
    // Someone else moved it first: answer as if it had already moved.
    if (!updated) {
      const now = (await repo.findConsultation(tx, row.mpp_id, row.id))!;
      throw invalidTransition(action, now.status, allowedActions(now.status, party, now.kind));
    }
    await repo.insertEvent(tx, { mppId: row.mpp_id, consultationId: row.id, at: ctx.now, action, from: row.status, to: updated.status, actor: ctx.actor });
    await recordAudit(tx, ctx.actor, { action: `consultation.${action}`, targetType: 'consultation', targetId: row.id, mppId: row.mpp_id, tenantId: row.tenant_id, before: { status: row.status }, after: { status: updated.status } });
    const code = formatTrackingCode(row.tracking_code);
    const to = { email: row.contact_email, phone: row.contact_phone };
    if (action === 'answer') await notify(tx, row.mpp_id, to, consultationAnswered({ code, tenantName: row.tenant_name, answer: input.answer!, url: myServicesUrl(env) }));
    if (action === 'schedule') await notify(tx, row.mpp_id, to, consultationScheduled({ code, tenantName: row.tenant_name, when: when(row.slot_start!, mpp.timezone), meetingUrl: input.meetingUrl!, url: myServicesUrl(env) }));
    return updated;
  });
}

/** The citizen withdraws an open consultation. @throws AppError consultation_not_found, invalid_transition */
export async function withdraw(c: CitizenCtx, env: ConsultationEnv, input: { consultationId: string }): Promise<ConsultationView> {
  const row = await repo.findOfCitizen(c.ctx.db, c.citizenId, input.consultationId);
  if (!row) throw consultationErrors.consultation_not_found();
  const ctx = { ...c.ctx, actor: { ...c.ctx.actor, type: 'citizen' as const, id: c.citizenId, label: 'citizen' } };
  return viewOf(c.ctx.db, await step(ctx, env, 'citizen', row, 'withdraw', {}), c.ctx.now);
}

// --- the agency's side --------------------------------------------------------------------------

/** Staff of the MPP (any agency grant, or the whole MPP); others learn nothing. */
function staffScope(ctx: ServiceContext, mppId: string): 'all' | string[] {
  requireStaff(ctx.principal);
  const scope = tenantScope(ctx.principal, mppId);
  if (scope !== 'all' && scope.length === 0) throw commonErrors.not_found();
  return scope;
}

async function forStaff(ctx: ServiceContext, mppId: string, consultationId: string): Promise<ConsultationRow> {
  staffScope(ctx, mppId);
  const row = await repo.findConsultation(ctx.db, mppId, consultationId);
  if (!row) throw commonErrors.not_found();
  requireTenantRole(ctx.principal, mppId, row.tenant_id, ['officer', 'tenant_admin']);
  return row;
}

async function staffView(ctx: ServiceContext, row: ConsultationRow): Promise<StaffConsultation> {
  const faq = await repo.findFaq(ctx.db, row.mpp_id, row.id);
  return { ...(await viewOf(ctx.db, row, ctx.now)), allowedActions: allowedActions(row.status, 'staff', row.kind), faq: faq ? { question: faq.question, publishedAt: faq.published_at.toISOString() } : null };
}

/** The agency's consultations: open (by due date), answered, or all. @throws AppError unauthenticated, not_found */
export async function workList(ctx: ServiceContext, input: { mppId: string; view: 'open' | 'answered' | 'all' }): Promise<StaffConsultation[]> {
  const scope = staffScope(ctx, input.mppId);
  const out: StaffConsultation[] = [];
  for (const row of await repo.listForStaff(ctx.db, input.mppId, { tenantIds: scope === 'all' ? null : scope, view: input.view })) out.push(await staffView(ctx, row));
  return out;
}

/** @throws AppError not_found (another agency's), forbidden */
export async function getForStaff(ctx: ServiceContext, input: { mppId: string; consultationId: string }): Promise<StaffConsultation> {
  return staffView(ctx, await forStaff(ctx, input.mppId, input.consultationId));
}

/**
 * The agency answers, or confirms an online consultation with its meeting link; the citizen is told
 * through the outbox. @throws AppError not_found, forbidden, invalid_transition, consultation_input_missing, consultation_not_meeting.
 */
export async function staffAction(ctx: ServiceContext, env: ConsultationEnv, input: { mppId: string; consultationId: string; action: Action; body: ActionRequest }): Promise<StaffConsultation> {
  const row = await forStaff(ctx, input.mppId, input.consultationId);
  return staffView(ctx, await step(ctx, env, 'staff', row, input.action, input.body));
}

/** The attachment, for the handling agency's staff (audited) or the citizen who sent it. @throws AppError not_found, forbidden, consultation_no_attachment */
export async function attachmentForStaff(ctx: ServiceContext, env: ConsultationEnv, input: { mppId: string; consultationId: string }) {
  const row = await forStaff(ctx, input.mppId, input.consultationId);
  const a = await repo.readAttachment(ctx.db, row.mpp_id, row.id);
  if (!a) throw consultationErrors.consultation_no_attachment();
  await recordAudit(ctx.db, ctx.actor, { action: 'consultation.attachment_read', targetType: 'consultation', targetId: row.id, mppId: row.mpp_id, tenantId: row.tenant_id });
  return { fileName: a.fileName, mediaType: a.mediaType, content: open(env.keys, attachmentAad(row.id), a.sealed) };
}


// --- the agency's settings -------------------------------------------------------------------------

/** The agency's answer limit (3 working days until it sets one). @throws AppError not_found, forbidden */
export async function getSettings(ctx: ServiceContext, input: { mppId: string; tenantId: string }): Promise<ConsultationSettings> {
  requireTenantRole(ctx.principal, input.mppId, input.tenantId, ['officer', 'tenant_admin']);
  if (!(await catalog.listTenants(ctx.db, input.mppId, { ids: [input.tenantId] })).length) throw commonErrors.not_found();
  return { answerWorkingDays: (await repo.findAnswerWorkingDays(ctx.db, input.mppId, input.tenantId)) ?? ANSWER_WORKING_DAYS };
}

/**
 * The agency admin sets the answer limit; consultations asked from now on are due after that many
 * working days (open ones keep the due date they were given). @throws AppError not_found, forbidden
 */
export async function setSettings(ctx: ServiceContext, input: { mppId: string; tenantId: string; body: ConsultationSettings }): Promise<ConsultationSettings> {
  requireTenantRole(ctx.principal, input.mppId, input.tenantId, ['tenant_admin']);
  if (!(await catalog.listTenants(ctx.db, input.mppId, { ids: [input.tenantId] })).length) throw commonErrors.not_found();
  await ctx.db.transaction(async (tx) => {
    const before = (await repo.findAnswerWorkingDays(tx, input.mppId, input.tenantId)) ?? ANSWER_WORKING_DAYS;
    await repo.upsertAnswerWorkingDays(tx, { mppId: input.mppId, tenantId: input.tenantId, days: input.body.answerWorkingDays, at: ctx.now, by: ctx.actor.label });
    await recordAudit(tx, ctx.actor, { action: 'consultation.settings_set', targetType: 'tenant', targetId: input.tenantId, mppId: input.mppId, tenantId: input.tenantId, before: { answerWorkingDays: before }, after: { answerWorkingDays: input.body.answerWorkingDays } });
  });
  return { answerWorkingDays: input.body.answerWorkingDays };
}

// --- the service's FAQ -----------------------------------------------------------------------------

/**
 * An officer or admin of the answering agency publishes an answered written question as the service's
 * FAQ: the (optionally reworded) question and the answer, copied; nothing about who asked. Publishing
 * again replaces the text. An event row and an audit entry record it.
 * @throws AppError not_found (another agency's), forbidden, consultation_faq_not_answered
 */
export async function publishFaq(ctx: ServiceContext, input: { mppId: string; consultationId: string; body: FaqRequest }): Promise<StaffConsultation> {
  const row = await forStaff(ctx, input.mppId, input.consultationId);
  if (row.status !== 'answered' || row.kind !== 'question' || !row.answer) throw consultationErrors.consultation_faq_not_answered();
  const question = input.body.question ?? row.question;
  await ctx.db.transaction(async (tx) => {
    await repo.upsertFaq(tx, { mppId: row.mpp_id, consultationId: row.id, serviceId: row.service_id, tenantId: row.tenant_id, question, answer: row.answer!, at: ctx.now, by: ctx.actor.label });
    await repo.insertEvent(tx, { mppId: row.mpp_id, consultationId: row.id, at: ctx.now, action: 'publish_faq', from: row.status, to: row.status, actor: ctx.actor });
    await recordAudit(tx, ctx.actor, { action: 'consultation.faq_published', targetType: 'consultation', targetId: row.id, mppId: row.mpp_id, tenantId: row.tenant_id, after: { questionEdited: question !== row.question } });
  });
  return staffView(ctx, row);
}

/** Takes the entry off the public page (nothing to remove: unchanged). @throws AppError not_found, forbidden */
export async function unpublishFaq(ctx: ServiceContext, input: { mppId: string; consultationId: string }): Promise<StaffConsultation> {
  const row = await forStaff(ctx, input.mppId, input.consultationId);
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.deleteFaq(tx, row.mpp_id, row.id))) return;
    await repo.insertEvent(tx, { mppId: row.mpp_id, consultationId: row.id, at: ctx.now, action: 'unpublish_faq', from: row.status, to: row.status, actor: ctx.actor });
    await recordAudit(tx, ctx.actor, { action: 'consultation.faq_unpublished', targetType: 'consultation', targetId: row.id, mppId: row.mpp_id, tenantId: row.tenant_id });
  });
  return staffView(ctx, row);
}

/** A service's published FAQ for its public page (an unknown or inactive service has none). */
export async function publicFaq(q: Queryable, input: { mppId: string; serviceId: string }): Promise<PublicFaq[]> {
  const service = (await catalogServices.listServices(q, input.mppId, { ids: [input.serviceId], activeOnly: true }))[0];
  if (!service) throw commonErrors.not_found();
  return (await repo.listFaqOfService(q, input.mppId, input.serviceId))
    .map((f) => ({ id: f.consultation_id, question: f.question, answer: f.answer, tenantName: service.tenant.name, publishedAt: f.published_at.toISOString() }));
}
