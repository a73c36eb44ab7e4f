import type { Queryable } from '../platform/db.js';

/** The queue's live figures per MPP (by slug) that /metrics reports at scrape time, through the owners' read views. */

/** Tickets waiting on each MPP's local today. */
export async function waitingPerMpp(q: Queryable): Promise<{ slug: string; n: number }[]> {
  const { rows } = await q.query<{ slug: string; n: number }>(
    `SELECT m.slug, count(t.id)::int AS n FROM catalog_mpps_v m
       LEFT JOIN queue_tickets_v t ON t.mpp_id = m.id AND t.status = 'waiting' AND t.local_day = (now() AT TIME ZONE m.timezone)::date
      GROUP BY m.slug`,
  );
  return rows;
}

/** Active counters by state (a counter never opened counts as closed). */
export async function countersPerMpp(q: Queryable): Promise<{ slug: string; status: string; n: number }[]> {
  const { rows } = await q.query<{ slug: string; status: string; n: number }>(
    `SELECT m.slug, coalesce(st.status, 'closed') AS status, count(*)::int AS n
       FROM catalog_counters_v c JOIN catalog_mpps_v m ON m.id = c.mpp_id
       LEFT JOIN queue_counter_state_v st ON st.mpp_id = c.mpp_id AND st.counter_id = c.id
      WHERE c.active GROUP BY 1, 2`,
  );
  return rows;
}

/** Tickets served in the current and previous UTC hour. */
export async function servedLastHourPerMpp(q: Queryable): Promise<{ slug: string; n: number }[]> {
  const { rows } = await q.query<{ slug: string; n: number }>(
    `SELECT m.slug, sum(h.served)::int AS n FROM ops_hourly h JOIN catalog_mpps_v m ON m.id = h.mpp_id
      WHERE h.hour >= date_trunc('hour', now()) - interval '1 hour' GROUP BY 1`,
  );
  return rows;
}
