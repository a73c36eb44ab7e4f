import type { Queryable } from '../platform/db.js';

/** Per MPP: the region it serves and how many active agencies and services it has joined (for the national rollout). */
export interface MppJoined {
  mppId: string;
  name: string;
  regionCode: string | null;
  tenants: number;
  services: number;
}

export async function joinedPerMpp(q: Queryable): Promise<MppJoined[]> {
  const { rows } = await q.query<{ id: string; name: string; region_code: string | null; tenants: number; services: number }>(
    `SELECT m.id, m.name, m.region_code,
            (SELECT count(*) FROM tenants t WHERE t.mpp_id = m.id AND t.active)::int AS tenants,
            (SELECT count(*) FROM services s JOIN tenants t ON t.mpp_id = s.mpp_id AND t.id = s.tenant_id WHERE s.mpp_id = m.id AND s.active AND t.active)::int AS services
       FROM mpps m ORDER BY m.name`,
  );
  return rows.map((r) => ({ mppId: r.id, name: r.name, regionCode: r.region_code, tenants: Number(r.tenants), services: Number(r.services) }));
}
