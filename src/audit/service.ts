import { isNationalAdmin, requireMppRole, requireStaff, tenantScope, type Principal } from '../platform/auth.js';
import type { Db } from '../platform/db.js';
import { commonErrors } from '../platform/errors.js';
import { findAuditEntries } from './repository.js';
import type { AuditPage, AuditQuery } from './schemas.js';

/**
 * Reads the audit log: national admins everything, MPP admins their MPP, tenant admins their tenants.
 * @throws AppError unauthenticated, forbidden, not_found
 */
export async function readAudit(db: Db, principal: Principal, query: AuditQuery): Promise<AuditPage> {
  const staff = requireStaff(principal);
  let tenantIds: string[] | undefined;
  if (!isNationalAdmin(staff)) {
    if (!query.mppId) throw commonErrors.forbidden();
    requireMppRole(staff, query.mppId, ['mpp_admin', 'tenant_admin']);
    const scope = tenantScope(staff, query.mppId);
    tenantIds = scope === 'all' ? undefined : scope;
  }
  const entries = await findAuditEntries(db, { ...query, tenantIds });
  return { entries, nextBefore: entries.length === query.limit ? (entries.at(-1)?.id ?? null) : null };
}
