import type { Queryable } from '../platform/db.js';

/** What a kiosk offers: an MPP's active services that some counter serves, with their line, quota and open counters today. */
export interface OfferServiceRow {
  id: string;
  code: string;
  name: string;
  prefix: string;
  tenantName: string;
  waiting: number;
  /** Tickets left under the daily quota (never below 0); null without a quota. */
  quotaLeft: number | null;
  countersOpen: number;
  /** Tickets issued in the last 30 local days (popularity). */
  recentTickets: number;
}

/** The counter of row `st` works in a drive-thru lane: the hall kiosk neither offers nor counts it. */
const IN_LANE = `EXISTS (SELECT 1 FROM queue_zones z WHERE z.mpp_id = st.mpp_id AND z.code = st.zone AND z.kind = 'drive_thru')`;

/** The hall's offer: lane windows, their services and the cars waiting in lanes are left out. */
export async function listOfferServices(q: Queryable, input: { mppId: string; localDay: string }): Promise<OfferServiceRow[]> {
  const { rows } = await q.query<{
    id: string;
    code: string;
    name: string;
    ticket_prefix: string;
    tenant_name: string;
    waiting: number;
    quota_left: number | null;
    counters_open: number;
    recent_tickets: number;
  }>(
    `SELECT s.id, s.code, s.name, s.ticket_prefix, tn.name AS tenant_name,
            (SELECT count(*) FROM tickets t WHERE t.mpp_id = s.mpp_id AND t.service_id = s.id AND t.local_day = $2::date AND t.status = 'waiting' AND t.lane IS NULL) AS waiting,
            qs.daily_quota - coalesce(d.issued, 0) AS quota_left,
            (SELECT count(*) FROM counter_services cs JOIN queue_counter_state st ON st.mpp_id = cs.mpp_id AND st.counter_id = cs.counter_id
              WHERE cs.mpp_id = s.mpp_id AND cs.service_id = s.id AND st.status = 'open' AND NOT ${IN_LANE}) AS counters_open,
            (SELECT coalesce(sum(r.issued), 0) FROM queue_service_day r
              WHERE r.mpp_id = s.mpp_id AND r.service_id = s.id AND r.local_day > $2::date - 30) AS recent_tickets
       FROM catalog_services_v s JOIN catalog_tenants_v tn ON tn.mpp_id = s.mpp_id AND tn.id = s.tenant_id
       LEFT JOIN queue_service_settings qs ON qs.mpp_id = s.mpp_id AND qs.service_id = s.id
       LEFT JOIN queue_service_day d ON d.mpp_id = s.mpp_id AND d.service_id = s.id AND d.local_day = $2::date
      WHERE s.mpp_id = $1 AND s.active
        AND EXISTS (SELECT 1 FROM counter_services cs LEFT JOIN queue_counter_state st ON st.mpp_id = cs.mpp_id AND st.counter_id = cs.counter_id
                     WHERE cs.mpp_id = s.mpp_id AND cs.service_id = s.id AND NOT ${IN_LANE})
      ORDER BY tn.name, s.name`,
    [input.mppId, input.localDay],
  );
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    prefix: r.ticket_prefix,
    tenantName: r.tenant_name,
    waiting: Number(r.waiting),
    quotaLeft: r.quota_left === null ? null : Math.max(0, Number(r.quota_left)),
    countersOpen: Number(r.counters_open),
    recentTickets: Number(r.recent_tickets),
  }));
}
