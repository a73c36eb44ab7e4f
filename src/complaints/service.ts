import { dueAfterWorkingDays } from '../calendar/service.js';
import { findMppBasics, findMppFor, findServiceBasics, listActiveServiceNames, listTenantNames, tenantExists } from '../catalog/read.js';
import { recordAudit } from '../platform/audit.js';
import { requireDevice, requireMppRole, requireStaff, tenantScope, type Principal, type Staff } from '../platform/auth.js';
import type { ServiceContext } from '../platform/context.js';
import { isUniqueViolation, type Queryable } from '../platform/db.js';
import { commonErrors, invalidTransition } from '../platform/errors.js';
import { enqueue } from '../platform/outbox.js';
import * as repo from './repository.js';
import type { ComplaintRow } from './repository.js';
import type { ComplaintActionRequest, ComplaintDetail, ComplaintListQuery, ComplaintPage, ComplaintView, FiledComplaint, FileComplaintRequest, FilingOptions } from './schemas.js';
import { REOPEN_DAYS, resolutionDays, VERIFICATION_DAYS, type Track } from './sla.js';
import { allowedActions, canTransition, TRANSITIONS, targetStatus, type Action, type Party, type Status } from './state-machine.js';
import { formatTrackingCode, newTrackingCode, normaliseTrackingCode } from './tracking-code.js';
import type { Upload } from './uploads.js';
import { toComplaintView, toEventView } from './views.js';
import { complaintErrors } from './errors.js';

export { complaintErrors };

export const TOPIC_STATUS_CHANGED = 'complaint.status_changed';
export const TOPIC_OVERDUE = 'complaint.overdue';

/** Who a staff member is for a complaint: a handler of the MPP, or staff of the assigned tenant. */
export function partyOf(principal: Principal, mppId: string, row?: ComplaintRow): { staff: Staff; party: Party; identityVisible: boolean } {
  const staff = requireStaff(principal);
  const scope = tenantScope(staff, mppId);
  // Only the MPP's own complaint handlers see who complained; a national admin acts but does not.
  const isMppHandler = staff.grants.some((g) => g.role === 'mpp_admin' && g.mppId === mppId);
  if (scope === 'all') return { staff, party: 'handler', identityVisible: isMppHandler };
  if (scope.length === 0) throw commonErrors.not_found();
  if (!row || (row.assigned_tenant_id && scope.includes(row.assigned_tenant_id))) {
    return { staff, party: 'tenant', identityVisible: !!row?.consent_share_identity };
  }
  throw commonErrors.not_found();
}

export interface FilingSource {
  /** Set by the Open311 endpoint; otherwise derived from the caller. */
  channel?: 'open311';
  open311KeyId?: string;
  address?: string;
  lat?: number;
  long?: number;
}

async function checkSubject(q: Queryable, mppId: string, input: FileComplaintRequest): Promise<{ tenantId: string | null; serviceId: string | null }> {
  switch (input.subjectType) {
    case 'tenant':
      if (!input.subjectTenantId || !(await tenantExists(q, { mppId, tenantId: input.subjectTenantId }))) throw complaintErrors.subject_invalid({ reason: 'subjectTenantId' });
      return { tenantId: input.subjectTenantId, serviceId: null };
    case 'service': {
      const tenantId = input.subjectServiceId ? await (await findServiceBasics(q, { mppId, serviceId: input.subjectServiceId }))?.tenant_id : undefined;
      if (!tenantId) throw complaintErrors.subject_invalid({ reason: 'subjectServiceId' });
      return { tenantId, serviceId: input.subjectServiceId! };
    }
    case 'facility':
    case 'officer':
      if (input.subjectTenantId && !(await tenantExists(q, { mppId, tenantId: input.subjectTenantId }))) throw complaintErrors.subject_invalid({ reason: 'subjectTenantId' });
      return { tenantId: input.subjectTenantId ?? null, serviceId: null };
    default:
      return { tenantId: null, serviceId: null };
  }
}

/**
 * Files a complaint from the public site (anonymous caller), a kiosk (device token), a staff
 * member in the complaint room, or an Open311 client. Complaint, first event, attachments and
 * audit entry are written in one transaction.
 * @throws AppError not_found (unknown MPP or not the caller's MPP), forbidden, subject_invalid.
 */
export async function fileComplaint(
  ctx: Pick<ServiceContext, 'db' | 'principal' | 'actor' | 'now'>,
  args: { mppId: string; complaint: FileComplaintRequest; uploads: Upload[]; source?: FilingSource },
): Promise<FiledComplaint & { id: string }> {
  const { db, principal, actor } = ctx;
  const { mppId, complaint: input, uploads, source = {} } = args;
  let channel: ComplaintRow['channel'] = 'web';
  if (source.channel === 'open311') channel = 'open311';
  else if (principal.kind === 'device') {
    requireDevice(principal, mppId, ['kiosk']);
    channel = 'kiosk';
  } else if (principal.kind === 'staff') {
    requireMppRole(principal, mppId, ['mpp_admin', 'tenant_admin', 'officer']);
    channel = 'staff';
  }
  // Open311 callers hold a key the MPP's admin issued; the public web form may not reach an unpublished MPP.
  const mpp = channel === 'open311' ? await findMppBasics(db, { id: mppId }) : await findMppFor(db, principal, { id: mppId });
  if (!mpp) throw commonErrors.not_found();
  const subject = await checkSubject(db, mppId, input);
  const { now } = ctx;
  const due = await dueAfterWorkingDays(db, mppId, now, VERIFICATION_DAYS);
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        const row = await repo.insertComplaint(tx, {
          mpp_id: mppId,
          tracking_code: newTrackingCode(),
          channel,
          class: input.class,
          subject_type: input.subjectType,
          subject_tenant_id: subject.tenantId,
          subject_service_id: subject.serviceId,
          subject_detail: input.subjectDetail ?? null,
          description: input.description,
          contact_name: input.contactName ?? null,
          contact_email: input.contactEmail ?? null,
          contact_phone: input.contactPhone ?? null,
          consent_share_identity: input.consentShareIdentity,
          address: source.address ?? null,
          lat: source.lat ?? null,
          long: source.long ?? null,
          received_at: now,
          verification_due_at: new Date(due.dueAt),
          open311_key_id: source.open311KeyId ?? null,
        });
        await repo.insertEvent(tx, { mppId, complaintId: row.id, at: now, action: 'file', from: null, to: 'received', actor, visibility: 'public', note: null });
        for (const u of uploads) await repo.insertAttachment(tx, { mppId, complaintId: row.id, mediaType: u.mediaType, fileName: u.fileName, content: u.content });
        // The audit entry names what was filed, never who filed it.
        await recordAudit(tx, actor, {
          action: 'complaint.filed', targetType: 'complaint', targetId: row.id, mppId,
          after: { channel, class: row.class, subjectType: row.subject_type, attachments: uploads.length, anonymous: !input.contactName && !input.contactEmail && !input.contactPhone },
        });
        return { id: row.id, trackingCode: formatTrackingCode(row.tracking_code), status: row.status, receivedAt: now.toISOString(), verificationDueAt: due.dueAt, attachments: uploads.length, timezone: mpp.timezone };
      });
    } catch (err) {
      // A tracking-code collision is astronomically rare; draw a new code rather than fail.
      if (isUniqueViolation(err) && attempt < 3) continue;
      throw err;
    }
  }
}

function requireFields(action: Action, input: ComplaintActionRequest, fields: (keyof ComplaintActionRequest)[]): void {
  const missing = fields.filter((f) => input[f] === undefined || input[f] === '');
  if (missing.length) throw complaintErrors.action_input_missing({ action, fields: missing });
}

interface Step {
  to: Status;
  patch: repo.ComplaintPatch;
  publicNote: string | null;
}

/** Works out the new status, the columns to change and the note the citizen sees, per action. */
async function planStep(tx: Queryable, row: ComplaintRow, action: Action, input: ComplaintActionRequest, now: Date): Promise<Step> {
  const due = async (days: number) => new Date((await dueAfterWorkingDays(tx, row.mpp_id, now, days)).dueAt);
  switch (action) {
    case 'verify': {
      // An information request always runs on the short limit; a complaint needs the handler's call.
      if (!input.track && row.class !== 'permintaan_informasi') requireFields(action, input, ['track']);
      const track: Track = input.track ?? 'simple';
      return { to: 'verified', patch: { track, verified_at: now, resolution_due_at: await due(resolutionDays(row.class, track)) }, publicNote: null };
    }
    case 'set_aside': {
      requireFields(action, input, ['setAsideAs', 'reason']);
      const patch: repo.ComplaintPatch = { status_reason: input.reason!, closed_at: now };
      if (input.setAsideAs === 'duplicate') {
        requireFields(action, input, ['duplicateOfCode']);
        const code = normaliseTrackingCode(input.duplicateOfCode!);
        const original = code ? await repo.findByTrackingCodeInMpp(tx, row.mpp_id, code) : undefined;
        if (!original || original.id === row.id) throw complaintErrors.duplicate_target_invalid();
        patch.duplicate_of = original.id;
      }
      return { to: targetStatus(action, input.setAsideAs), patch, publicNote: input.reason! };
    }
    case 'assign': {
      requireFields(action, input, ['tenantId']);
      if (!(await tenantExists(tx, { mppId: row.mpp_id, tenantId: input.tenantId! }))) throw complaintErrors.subject_invalid({ reason: 'tenantId' });
      return { to: 'assigned', patch: { assigned_tenant_id: input.tenantId! }, publicNote: null };
    }
    case 'start':
      return { to: 'in_progress', patch: {}, publicNote: null };
    case 'answer':
      requireFields(action, input, ['answer']);
      return { to: 'answered', patch: { public_answer: input.answer!, answered_at: now, reopen_until: await due(REOPEN_DAYS) }, publicNote: input.answer! };
    case 'reopen':
      requireFields(action, input, ['reason']);
      return {
        to: 'in_progress',
        patch: { status_reason: input.reason!, reopen_until: null, overdue_notified: null, resolution_due_at: await due(resolutionDays(row.class, row.track ?? 'simple')) },
        publicNote: input.reason!,
      };
    case 'confirm':
    case 'close':
      return { to: 'closed', patch: { closed_at: now }, publicNote: null };
  }
}

/**
 * Applies one workflow step, in one transaction: status change, event row, audit entry and an
 * outbox message. A step not allowed from the current status answers 409 naming the allowed ones.
 * @throws AppError forbidden (the party may never take this action), invalid_transition (409),
 *   action_input_missing, respond_period_over, not_found.
 */
export async function applyAction(
  ctx: Pick<ServiceContext, 'db' | 'now' | 'actor'>,
  step: { party: Party; mppId: string; complaintId: string; action: Action; body: ComplaintActionRequest },
): Promise<ComplaintRow> {
  const { db, now, actor } = ctx;
  const { party, mppId, complaintId, action, body: input } = step;
  if (!TRANSITIONS[action].by.includes(party)) throw commonErrors.forbidden();
  return db.transaction(async (tx) => {
    const row = await repo.getComplaint(tx, mppId, complaintId, { forUpdate: true });
    if (!canTransition(action, row.status)) throw invalidTransition(action, row.status, allowedActions(row.status, party));
    if ((action === 'confirm' || action === 'reopen') && row.reopen_until && now > row.reopen_until) throw complaintErrors.respond_period_over();
    const planned = await planStep(tx, row, action, input, now);
    const updated = await repo.updateStatusIf(tx, mppId, complaintId, TRANSITIONS[action].from, planned.to, planned.patch, now);
    if (!updated) throw invalidTransition(action, row.status, allowedActions(row.status, party));
    await repo.insertEvent(tx, { mppId, complaintId, at: now, action, from: row.status, to: planned.to, actor, visibility: 'public', note: planned.publicNote });
    if (input.note) await repo.insertEvent(tx, { mppId, complaintId, at: now, action: 'note', from: planned.to, to: planned.to, actor, visibility: 'internal', note: input.note });
    await recordAudit(tx, actor, {
      action: `complaint.${action}`, targetType: 'complaint', targetId: complaintId, mppId, tenantId: updated.assigned_tenant_id,
      before: { status: row.status }, after: { status: planned.to, track: updated.track, assignedTenantId: updated.assigned_tenant_id },
    });
    await enqueue(tx, TOPIC_STATUS_CHANGED, { complaintId, action, from: row.status, to: planned.to, assignedTenantId: updated.assigned_tenant_id }, mppId);
    return updated;
  });
}

/** A staff step on a complaint. @throws as applyAction, plus unauthenticated. */
export async function staffAction(ctx: ServiceContext, input: { mppId: string; complaintId: string; action: Action; body: ComplaintActionRequest }): Promise<ComplaintView> {
  const { db, principal, now } = ctx;
  const { mppId, complaintId, action } = input;
  const current = await repo.getComplaint(db, mppId, complaintId).catch(() => undefined);
  const { party, identityVisible } = partyOf(principal, mppId, current);
  if (!current) throw commonErrors.not_found();
  const row = await applyAction(ctx, { party, mppId, complaintId, action, body: input.body });
  return toComplaintView(row, party, identityVisible, now);
}

/** An internal note: seen by handlers and the assigned tenant, never on the tracking page. */
export async function addNote(ctx: ServiceContext, input: { mppId: string; complaintId: string; note: string }): Promise<void> {
  const { db, principal, actor, now } = ctx;
  const { mppId, complaintId, note } = input;
  const current = await repo.getComplaint(db, mppId, complaintId).catch(() => undefined);
  partyOf(principal, mppId, current);
  if (!current) throw commonErrors.not_found();
  await db.transaction(async (tx) => {
    await repo.insertEvent(tx, { mppId, complaintId, at: now, action: 'note', from: current.status, to: current.status, actor, visibility: 'internal', note });
    await recordAudit(tx, actor, { action: 'complaint.note', targetType: 'complaint', targetId: complaintId, mppId });
  });
}

/** @throws AppError unauthenticated, not_found */
export async function listComplaints(ctx: Pick<ServiceContext, 'db' | 'principal' | 'now'>, input: { mppId: string; query: ComplaintListQuery }): Promise<ComplaintPage> {
  const { db, principal, now } = ctx;
  const { mppId, query } = input;
  const { party, identityVisible } = partyOf(principal, mppId);
  const scope = tenantScope(principal, mppId);
  const { rows, total } = await repo.listComplaints(db, mppId, {
    status: query.status,
    overdueAt: query.overdue === 'true' ? now : undefined,
    tenantIds: scope === 'all' ? undefined : scope,
    search: query.q || undefined,
    limit: query.limit,
    offset: query.offset,
  });
  const items = rows.map((r) => toComplaintView(r, party, party === 'handler' ? identityVisible : r.consent_share_identity, now));
  return { items, total, limit: query.limit, offset: query.offset };
}

/** @throws AppError unauthenticated, not_found */
export async function getComplaintDetail(ctx: Pick<ServiceContext, 'db' | 'principal' | 'now'>, input: { mppId: string; complaintId: string }): Promise<ComplaintDetail> {
  const { db, principal, now } = ctx;
  const { mppId, complaintId } = input;
  const row = await repo.findComplaint(db, mppId, complaintId);
  const { party, identityVisible } = partyOf(principal, mppId, row);
  if (!row) throw commonErrors.not_found();
  const [events, attachments] = await Promise.all([repo.findEvents(db, mppId, complaintId, false), repo.findAttachments(db, mppId, complaintId)]);
  return {
    ...toComplaintView(row, party, identityVisible, now),
    attachments: attachments.map((a) => ({ id: a.id, mediaType: a.media_type, sizeBytes: a.size_bytes, fileName: a.file_name })),
    events: events.map(toEventView),
  };
}

/** @throws AppError unauthenticated, not_found */
export async function getAttachment(ctx: Pick<ServiceContext, 'db' | 'principal'>, input: { mppId: string; complaintId: string; attachmentId: string }) {
  const { db, principal } = ctx;
  const { mppId, complaintId, attachmentId } = input;
  const row = await repo.findComplaint(db, mppId, complaintId);
  partyOf(principal, mppId, row);
  if (!row) throw commonErrors.not_found();
  return repo.getAttachmentContent(db, mppId, complaintId, attachmentId);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What the public filing form offers for an MPP, found by slug (or id, for staff screens). @throws AppError not_found */
export async function filingOptions(ctx: Pick<ServiceContext, 'db' | 'principal'>, input: { slugOrId: string }): Promise<FilingOptions> {
  const { db, principal } = ctx;
  const { slugOrId } = input;
  const mpp = await findMppFor(db, principal, UUID.test(slugOrId) ? { id: slugOrId } : { slug: slugOrId });
  if (!mpp) throw commonErrors.not_found();
  const [tenants, services] = await Promise.all([listTenantNames(db, mpp.id), listActiveServiceNames(db, mpp.id)]);
  return { mpp, tenants, services: services.map((s) => ({ id: s.id, tenantId: s.tenant_id, name: s.name })) };
}
