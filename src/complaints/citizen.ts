import type { ServiceContext } from '../platform/context.js';
import type { Db } from '../platform/db.js';
import * as repo from './repository.js';
import type { TrackingView } from './schemas.js';
import { applyAction, complaintErrors } from './service.js';
import { formatTrackingCode, normaliseTrackingCode } from './tracking-code.js';
import { runningDue } from './views.js';

async function byCode(db: Db, code: string) {
  const normal = normaliseTrackingCode(code);
  const row = normal ? await repo.findByTrackingCode(db, normal) : undefined;
  if (!row) throw complaintErrors.tracking_code_unknown();
  return row;
}

/**
 * What the citizen sees with the tracking code: status history and the public answer. Internal
 * notes, the staff involved and the contact details are never part of it.
 * @throws AppError tracking_code_unknown (404)
 */
export async function trackComplaint(ctx: Pick<ServiceContext, 'db' | 'now'>, input: { code: string }): Promise<TrackingView> {
  const { db, now } = ctx;
  const row = await byCode(db, input.code);
  const events = await repo.findEvents(db, row.mpp_id, row.id, true);
  return {
    trackingCode: formatTrackingCode(row.tracking_code),
    mppName: row.mpp_name,
    timezone: row.mpp_timezone,
    class: row.class,
    subjectType: row.subject_type,
    description: row.description,
    status: row.status,
    receivedAt: row.received_at.toISOString(),
    dueAt: runningDue(row)?.toISOString() ?? null,
    publicAnswer: row.public_answer,
    answeredAt: row.answered_at?.toISOString() ?? null,
    reopenUntil: row.reopen_until?.toISOString() ?? null,
    canRespond: row.status === 'answered' && !!row.reopen_until && now <= row.reopen_until,
    statusReason: ['not_ours', 'duplicate', 'archived'].includes(row.status) ? row.status_reason : null,
    history: events.map((e) => ({ at: e.at.toISOString(), toStatus: e.to_status, note: e.note })),
  };
}

/**
 * The citizen confirms the answer (closing the complaint) or reopens it with a reason, within the
 * reopen period. Holding the tracking code is the citizen's only credential.
 * @throws AppError tracking_code_unknown, invalid_transition, respond_period_over, action_input_missing
 */
export async function citizenRespond(
  ctx: Pick<ServiceContext, 'db' | 'actor' | 'now'>,
  input: { code: string; action: 'confirm' | 'reopen'; reason?: string },
): Promise<TrackingView> {
  const { db, actor, now } = ctx;
  const { code, action, reason } = input;
  const row = await byCode(db, code);
  await applyAction({ db, now, actor: { ...actor, type: 'citizen', id: null, label: null } }, { party: 'citizen', mppId: row.mpp_id, complaintId: row.id, action, body: { reason } });
  return trackComplaint({ db, now }, { code });
}
