import { formatTrackingCode } from './tracking-code.js';
import type { ComplaintRow, EventRow } from './repository.js';
import type { ComplaintView } from './schemas.js';
import { allowedActions, slaStage, type Party } from './state-machine.js';

/** The deadline running in the complaint's current status, if any. */
export function runningDue(row: ComplaintRow): Date | null {
  const stage = slaStage(row.status);
  if (stage === 'verification') return row.verification_due_at;
  if (stage === 'resolution') return row.resolution_due_at;
  return null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Shapes a complaint for staff. The complainant's identity is shown only when `identityVisible`
 * (the MPP's complaint handlers, or the tenant's staff when the complainant consented).
 */
export function toComplaintView(row: ComplaintRow, party: Party, identityVisible: boolean, now: Date): ComplaintView {
  const anonymous = !row.contact_name && !row.contact_email && !row.contact_phone;
  const due = runningDue(row);
  return {
    id: row.id,
    mppId: row.mpp_id,
    trackingCode: formatTrackingCode(row.tracking_code),
    channel: row.channel,
    class: row.class,
    subjectType: row.subject_type,
    subjectTenantId: row.subject_tenant_id,
    subjectServiceId: row.subject_service_id,
    subjectDetail: row.subject_detail,
    description: row.description,
    anonymous,
    contact: identityVisible && !anonymous ? { name: row.contact_name, email: row.contact_email, phone: row.contact_phone } : null,
    consentShareIdentity: row.consent_share_identity,
    status: row.status,
    track: row.track,
    assignedTenantId: row.assigned_tenant_id,
    publicAnswer: row.public_answer,
    statusReason: row.status_reason,
    receivedAt: row.received_at.toISOString(),
    verificationDueAt: row.verification_due_at.toISOString(),
    resolutionDueAt: iso(row.resolution_due_at),
    dueAt: iso(due),
    overdue: due !== null && due.getTime() < now.getTime(),
    answeredAt: iso(row.answered_at),
    reopenUntil: iso(row.reopen_until),
    closedAt: iso(row.closed_at),
    allowedActions: allowedActions(row.status, party),
  };
}

export function toEventView(e: EventRow) {
  return {
    at: e.at.toISOString(),
    action: e.action,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    actorType: e.actor_type,
    actorLabel: e.actor_type === 'citizen' ? null : e.actor_label,
    visibility: e.visibility,
    note: e.note,
  };
}
