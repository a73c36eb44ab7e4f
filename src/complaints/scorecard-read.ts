import type { Queryable } from '../platform/db.js';

/** SLA figures of the complaints received in a period, for the operations scorecard. */
export interface ComplaintSla {
  received: number;
  /** Complaints whose verification deadline has passed or that were decided (verified or turned away). */
  verificationDue: number;
  /** Of those, decided by the deadline (3 working days, sla.ts). */
  verifiedOnTime: number;
  /** Verified complaints whose resolution deadline has passed or that were answered. */
  resolutionDue: number;
  /** Of those, answered by the deadline of their track. */
  resolvedOnTime: number;
}

/**
 * SLA compliance of the complaints an MPP received in [from, to) (the instants bounding its local days), judged at
 * `now`: a complaint not yet decided counts once its deadline has passed. The verification decision is
 * the first event leaving `received` (verified, not ours, duplicate or archived).
 */
export async function complaintSla(q: Queryable, input: { mppId: string; from: Date; to: Date; now: Date }): Promise<ComplaintSla> {
  const { rows } = await q.query<{ received: number; verification_due: number; verified_on_time: number; resolution_due: number; resolved_on_time: number }>(
    `WITH c AS (
       SELECT c.verification_due_at, c.resolution_due_at, c.answered_at,
              (SELECT min(e.at) FROM complaint_events e WHERE e.mpp_id = c.mpp_id AND e.complaint_id = c.id AND e.from_status = 'received') AS decided_at
         FROM complaints c WHERE c.mpp_id = $1 AND c.received_at >= $2 AND c.received_at < $3)
     SELECT count(*)::int AS received,
            count(*) FILTER (WHERE decided_at IS NOT NULL OR verification_due_at < $4)::int AS verification_due,
            count(*) FILTER (WHERE decided_at IS NOT NULL AND decided_at <= verification_due_at)::int AS verified_on_time,
            count(*) FILTER (WHERE resolution_due_at IS NOT NULL AND (answered_at IS NOT NULL OR resolution_due_at < $4))::int AS resolution_due,
            count(*) FILTER (WHERE resolution_due_at IS NOT NULL AND answered_at IS NOT NULL AND answered_at <= resolution_due_at)::int AS resolved_on_time
       FROM c`,
    [input.mppId, input.from, input.to, input.now],
  );
  const r = rows[0]!;
  return {
    received: Number(r.received),
    verificationDue: Number(r.verification_due),
    verifiedOnTime: Number(r.verified_on_time),
    resolutionDue: Number(r.resolution_due),
    resolvedOnTime: Number(r.resolved_on_time),
  };
}
