import type { Queryable } from '../platform/db.js';
import type { AuditEntry, AuditFacets, AuditQuery } from './schemas.js';

interface AuditRow {
  id: number;
  at: Date;
  mpp_id: string | null;
  tenant_id: string | null;
  actor_type: string;
  actor_id: string | null;
  actor_label: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  before: unknown;
  after: unknown;
  request_id: string | null;
}

export async function findAuditEntries(q: Queryable, f: AuditQuery & { tenantIds?: string[] }): Promise<AuditEntry[]> {
  const { rows } = await q.query<AuditRow>(
    `SELECT * FROM audit_log
      WHERE ($1::uuid IS NULL OR mpp_id = $1)
        AND ($2::uuid IS NULL OR tenant_id = $2)
        AND ($3::text IS NULL OR action LIKE $3 || '%')
        AND ($4::text IS NULL OR target_type = $4)
        AND ($5::text IS NULL OR target_id = $5)
        AND ($6::text IS NULL OR actor_id = $6)
        AND ($7::timestamptz IS NULL OR at >= $7)
        AND ($8::timestamptz IS NULL OR at < $8)
        AND ($9::bigint IS NULL OR id < $9)
        AND ($10::uuid[] IS NULL OR tenant_id = ANY($10::uuid[]))
      ORDER BY id DESC LIMIT $11`,
    [f.mppId ?? null, f.tenantId ?? null, f.action ?? null, f.targetType ?? null, f.targetId ?? null, f.actorId ?? null,
      f.from ?? null, f.to ?? null, f.before ?? null, f.tenantIds ?? null, f.limit],
  );
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    mppId: r.mpp_id,
    tenantId: r.tenant_id,
    actorType: r.actor_type,
    actorId: r.actor_id,
    actorLabel: r.actor_label,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    before: r.before,
    after: r.after,
    requestId: r.request_id,
  }));
}

/** Distinct actions, staff actors and target kinds in a scope (at most 500 actors, the most recent first). */
export async function findAuditFacets(q: Queryable, f: { mppId?: string; tenantIds?: string[] }): Promise<AuditFacets> {
  const scope = `($1::uuid IS NULL OR mpp_id = $1) AND ($2::uuid[] IS NULL OR tenant_id = ANY($2::uuid[]))`;
  const params = [f.mppId ?? null, f.tenantIds ?? null];
  const actions = await q.query<{ action: string }>(`SELECT DISTINCT action FROM audit_log WHERE ${scope} ORDER BY action`, params);
  const targets = await q.query<{ target_type: string }>(`SELECT DISTINCT target_type FROM audit_log WHERE ${scope} ORDER BY target_type`, params);
  const actors = await q.query<{ actor_id: string; actor_label: string | null }>(
    `SELECT actor_id, (array_agg(actor_label ORDER BY id DESC))[1] AS actor_label FROM audit_log
      WHERE ${scope} AND actor_type = 'user' AND actor_id IS NOT NULL
      GROUP BY actor_id ORDER BY max(id) DESC LIMIT 500`,
    params,
  );
  return {
    actions: actions.rows.map((r) => r.action),
    targetTypes: targets.rows.map((r) => r.target_type),
    actors: actors.rows.map((r) => ({ id: r.actor_id, label: r.actor_label ?? '-' })),
  };
}
