import { useEffect, useMemo, useState } from 'react';
import { useApiMutation, useApiQuery } from '../api/hooks';
import type { BodyOf, ResponseOf } from '../api/types';
import { useCurrentMpp } from '../current-mpp';
import type { Grant, Role } from '../session';
import { useSession } from '../session';

export type UserRow = ResponseOf<'/api/users'>[number];
export type TenantRow = ResponseOf<'/api/catalog/mpps/{mppId}/tenants'>[number];
export type NewGrant = BodyOf<'/api/users/{userId}/grants', 'post'>;
export interface Grantable {
  roles: Role[];
  tenantIds: 'all' | string[];
}

/**
 * The roles this person may hand out in the current MPP, mirroring the server's rule: a national admin
 * any; an MPP admin the roles below theirs; an agency admin officers of their own agencies.
 */
export function grantable(grants: Grant[], mppId: string | null): Grantable {
  if (grants.some((g) => g.role === 'national_admin')) return { roles: ['officer', 'tenant_admin', 'mpp_admin', 'national_admin'], tenantIds: 'all' };
  if (grants.some((g) => g.role === 'mpp_admin' && g.mppId === mppId)) return { roles: ['officer', 'tenant_admin', 'mpp_admin'], tenantIds: 'all' };
  const own = grants.filter((g) => g.role === 'tenant_admin' && g.mppId === mppId).map((g) => g.tenantId!);
  return own.length ? { roles: ['officer'], tenantIds: own } : { roles: [], tenantIds: [] };
}

export const grantOf = (role: Role, mppId: string, tenantId: string): NewGrant => ({
  role,
  mppId: role === 'national_admin' ? null : mppId,
  tenantId: role === 'officer' || role === 'tenant_admin' ? tenantId || null : null,
});

/** Typing in the search box asks the server once the typing pauses (250 ms), not on every key. */
function useSettled(value: string, ms = 250): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** The data of the Users page: the MPP's accounts matching `search`, its agencies, and every write. */
export function useUsers(search: string) {
  const { user } = useSession();
  const { mppId, mpp } = useCurrentMpp();
  const q = useSettled(search.trim());
  const users = useApiQuery('/api/users', mppId ? { params: { query: q ? { mppId, q } : { mppId } } } : null);
  const tenantList = useApiQuery('/api/catalog/mpps/{mppId}/tenants', mppId ? { params: { path: { mppId } } } : null);
  const tenants = useMemo(() => [...(tenantList.data ?? [])].sort((a, b) => a.name.localeCompare(b.name)), [tenantList.data]);
  const may = useMemo(() => grantable(user?.grants ?? [], mppId), [user, mppId]);
  const tenantChoices = tenants.filter((x) => may.tenantIds === 'all' || may.tenantIds.includes(x.id));
  const writes = { invalidates: ['/api/users' as const] };
  return {
    user,
    mppId,
    mpp,
    users,
    tenants,
    tenantChoices,
    may,
    update: useApiMutation('patch', '/api/users/{userId}', writes),
    resetPassword: useApiMutation('post', '/api/users/{userId}/reset-password', writes),
    create: useApiMutation('post', '/api/users', writes),
    addGrant: useApiMutation('post', '/api/users/{userId}/grants', writes),
    removeGrant: useApiMutation('delete', '/api/users/{userId}/grants/{grantId}', writes),
  };
}
