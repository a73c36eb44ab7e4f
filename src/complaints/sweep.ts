import { SYSTEM_ACTOR } from '../platform/auth.js';
import { findActiveAdmins } from '../identity/repository.js';
import type { Clock } from '../platform/context.js';
import type { Db } from '../platform/db.js';
import { notify } from '../notifications/notify.js';
import { enqueue } from '../platform/outbox.js';
import * as repo from './repository.js';
import { applyAction, TOPIC_OVERDUE } from './service.js';
import { formatTrackingCode } from './tracking-code.js';
import { runningDue } from './views.js';

/**
 * Periodic upkeep: closes answered complaints whose reopen period has passed, and tells the
 * responsible admins (MPP admins, and the assigned tenant's admins) once per stage about each
 * complaint whose deadline has passed, through the outbox.
 */
export async function sweepComplaints(db: Db, clock: Clock): Promise<{ closed: number; flagged: number }> {
  const now = clock.now();
  let closed = 0;
  for (const c of await repo.findExpiredAnswers(db, now)) {
    try {
      await applyAction({ db, now: clock.now(), actor: SYSTEM_ACTOR }, { party: 'system', mppId: c.mpp_id, complaintId: c.id, action: 'close', body: {} });
      closed++;
    } catch {
      // Someone answered the citizen's reopen at the same moment; the next sweep looks again.
    }
  }
  const flagged = await db.transaction(async (tx) => {
    const rows = await repo.markNewlyOverdue(tx, now);
    for (const row of rows) {
      const recipients = await findActiveAdmins(tx, { mppId: row.mpp_id, tenantId: row.assigned_tenant_id });
      await enqueue(tx, TOPIC_OVERDUE, {
        complaintId: row.id,
        trackingCode: formatTrackingCode(row.tracking_code),
        stage: row.overdue_notified,
        status: row.status,
        dueAt: runningDue(row)?.toISOString() ?? null,
        assignedTenantId: row.assigned_tenant_id,
        recipients: recipients.map((r) => ({ userId: r.user_id, email: r.email, role: r.role })),
      }, row.mpp_id);
      const code = formatTrackingCode(row.tracking_code);
      const stage = row.overdue_notified === 'verification' ? 'verifikasi' : 'penyelesaian';
      for (const r of recipients) {
        await notify(tx, row.mpp_id, { email: r.email }, {
          subject: `Pengaduan ${code} melewati batas waktu ${stage}`,
          text: `Pengaduan dengan kode ${code} telah melewati batas waktu ${stage}. ` +
            'Mohon segera ditindaklanjuti di menu Pengaduan pada Layan.',
          shortText: `Pengaduan ${code} melewati batas waktu ${stage}.`,
        });
      }
    }
    return rows.length;
  });
  return { closed, flagged };
}

/** Runs the sweep every intervalMs until the returned stop function is called. */
export function startComplaintSweeper(db: Db, clock: Clock, onError: (err: unknown) => void, intervalMs = 5 * 60_000): () => void {
  const timer = setInterval(() => void sweepComplaints(db, clock).catch(onError), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
