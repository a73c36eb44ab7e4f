import type { Actor } from './auth.js';
import type { Queryable } from './db.js';

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId: string | null;
  mppId?: string | null;
  tenantId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Records a change of state; call it in the same transaction as the change. */
export async function recordAudit(q: Queryable, actor: Actor, entry: AuditEntry): Promise<void> {
  await q.query(
    `INSERT INTO audit_log (mpp_id, tenant_id, actor_type, actor_id, actor_label, action, target_type, target_id, before, after, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      entry.mppId ?? null,
      entry.tenantId ?? null,
      actor.type,
      actor.id,
      actor.label,
      entry.action,
      entry.targetType,
      entry.targetId,
      entry.before === undefined ? null : JSON.stringify(redact(entry.before)),
      entry.after === undefined ? null : JSON.stringify(redact(entry.after)),
      actor.requestId,
    ],
  );
}

const SECRET_KEYS = /password|token|secret|hash/i;

/** Secrets never reach the audit log, not even hashed. */
function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET_KEYS.test(k) ? '[redacted]' : redact(v)]),
    );
  }
  return value;
}
