import { ApiError } from '../../api/problem';
import { useCurrentMpp, useRefreshStaffMpps } from '../../current-mpp';
import { hasRole, useSession } from '../../session';

/** A refusal with each field named (`name: too short`): the catalog forms have many fields. */
export const errText = (e: unknown) => (e instanceof ApiError ? [e.message, ...e.errors.map((x) => `${x.path.replace(/^body\./, '')}: ${x.message}`)].join(' · ') : String(e));

/** Runs a write; answers its refusal's text, or null when it went through. */
export async function attempt(write: () => Promise<unknown>): Promise<string | null> {
  try {
    await write();
    return null;
  } catch (e) {
    return errText(e);
  }
}

/** Which MPP the catalog pages work on and what this person may do there. */
export function useCatalogAdmin() {
  const { user } = useSession();
  const { mppId, mpp } = useCurrentMpp();
  const refreshStaffMpps = useRefreshStaffMpps();
  const isMppAdmin = hasRole(user, 'national_admin') || !!user?.grants.some((g) => g.role === 'mpp_admin' && g.mppId === mppId);
  const isTenantAdminOf = (tenantId: string) => !!user?.grants.some((g) => g.role === 'tenant_admin' && g.tenantId === tenantId);
  return { mppId, mpp, isMppAdmin, isTenantAdminOf, refreshStaffMpps };
}
