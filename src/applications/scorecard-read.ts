import type { Queryable } from '../platform/db.js';

/** Applications of a period as the operations domain's MPP Digital criteria read them. */
export interface ApplicationActivity {
  /** Opened (submitted) in [from, now). */
  opened: number;
  /** Due in [from, now): their promised completion has passed. */
  due: number;
  /** Of those due, ready (or collected) by their due time. */
  readyOnTime: number;
}

/** Applications an MPP opened and had due since `from`, for the "document processing and tracking" criterion. */
export async function applicationActivity(q: Queryable, input: { mppId: string; from: Date; now: Date }): Promise<ApplicationActivity> {
  const { rows } = await q.query<{ opened: number; due: number; ready_on_time: number }>(
    `SELECT count(*) FILTER (WHERE submitted_at >= $2 AND submitted_at < $3)::int AS opened,
            count(*) FILTER (WHERE due_at >= $2 AND due_at < $3 AND status <> 'refused')::int AS due,
            count(*) FILTER (WHERE due_at >= $2 AND due_at < $3 AND status <> 'refused' AND ready_at IS NOT NULL AND ready_at <= due_at)::int AS ready_on_time
       FROM applications WHERE mpp_id = $1 AND (submitted_at >= $2 OR due_at >= $2)`,
    [input.mppId, input.from, input.now],
  );
  const r = rows[0]!;
  return { opened: Number(r.opened), due: Number(r.due), readyOnTime: Number(r.ready_on_time) };
}
