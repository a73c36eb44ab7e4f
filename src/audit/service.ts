import { isNationalAdmin, requireMppRole, requireStaff, tenantScope, type Principal } from '../platform/auth.js';
import type { ServiceContext } from '../platform/context.js';
import { commonErrors } from '../platform/errors.js';
import { findAuditEntries, findAuditFacets } from './repository.js';
import type { AuditFacets, AuditFacetsQuery, AuditPage, AuditQuery } from './schemas.js';

/**
 * Reads the audit log: national admins everything, MPP admins their MPP, tenant admins their tenants.
 * @throws AppError unauthenticated, forbidden, not_found
 */
export async function readAudit(ctx: ServiceContext, query: AuditQuery): Promise<AuditPage> {
  const { db, principal } = ctx;
  const tenantIds = auditScope(principal, query.mppId);
  const entries = await findAuditEntries(db, { ...query, tenantIds });
  return { entries, nextBefore: entries.length === query.limit ? (entries.at(-1)?.id ?? null) : null };
}

/** The tenants the caller reads in `mppId` (undefined: all); a national admin may leave the MPP out. */
function auditScope(principal: Principal, mppId: string | undefined): string[] | undefined {
  const staff = requireStaff(principal);
  if (isNationalAdmin(staff)) return undefined;
  if (!mppId) throw commonErrors.forbidden();
  requireMppRole(staff, mppId, ['mpp_admin', 'tenant_admin']);
  const scope = tenantScope(staff, mppId, ['tenant_admin']);
  return scope === 'all' ? undefined : scope;
}

/**
 * The choices of the audit screen's filters within the caller's scope.
 * @throws AppError unauthenticated, forbidden, not_found
 */
export async function readAuditFacets(ctx: ServiceContext, query: AuditFacetsQuery): Promise<AuditFacets> {
  const { db, principal } = ctx;
  const tenantIds = auditScope(principal, query.mppId);
  return findAuditFacets(db, { mppId: query.mppId, tenantIds });
}
