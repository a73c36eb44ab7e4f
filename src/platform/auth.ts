import { commonErrors } from './errors.js';

export const ROLES = ['national_admin', 'mpp_admin', 'tenant_admin', 'officer'] as const;
export type Role = (typeof ROLES)[number];

export interface Grant {
  id: string;
  role: Role;
  mppId: string | null;
  tenantId: string | null;
}

export type DeviceKind = 'kiosk' | 'display';

export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'staff'; userId: string; email: string; name: string; grants: Grant[]; mustChangePassword: boolean }
  | { kind: 'device'; deviceId: string; mppId: string; deviceKind: DeviceKind; name: string };

export type Staff = Extract<Principal, { kind: 'staff' }>;
export type Device = Extract<Principal, { kind: 'device' }>;

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
  }
}

/** Who did something, as the audit log and event rows record it. */
export interface Actor {
  type: 'user' | 'device' | 'citizen' | 'system';
  id: string | null;
  label: string | null;
  requestId: string | null;
}

export function actorOf(principal: Principal, requestId: string | null = null): Actor {
  switch (principal.kind) {
    case 'staff':
      return { type: 'user', id: principal.userId, label: principal.email, requestId };
    case 'device':
      return { type: 'device', id: principal.deviceId, label: principal.name, requestId };
    default:
      return { type: 'citizen', id: null, label: null, requestId };
  }
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, label: 'system', requestId: null };

/** @throws AppError unauthenticated (401) unless a staff member is signed in. */
export function requireStaff(principal: Principal): Staff {
  if (principal.kind !== 'staff') throw commonErrors.unauthenticated();
  return principal;
}

export function isNationalAdmin(principal: Principal): boolean {
  return principal.kind === 'staff' && principal.grants.some((g) => g.role === 'national_admin');
}

/** The grants a staff member holds that reach into an MPP (national admins reach every MPP). */
function grantsFor(staff: Staff, mppId: string): Grant[] {
  return staff.grants.filter((g) => g.role === 'national_admin' || g.mppId === mppId);
}

/**
 * Whether the caller belongs to the MPP: one of its devices, or staff with a grant there (or a national
 * admin). Insiders may use an MPP that is not published yet; everyone else must not learn it exists.
 */
export function isMppInsider(principal: Principal, mppId: string): boolean {
  if (principal.kind === 'device') return principal.mppId === mppId;
  return principal.kind === 'staff' && grantsFor(principal, mppId).length > 0;
}

/**
 * Allows staff holding one of `roles` for the MPP (national admins always pass).
 * Staff with no grant at all in that MPP get 404, so they learn nothing about it.
 * @throws AppError unauthenticated (401), not_found (404), forbidden (403).
 */
export function requireMppRole(principal: Principal, mppId: string, roles: readonly Role[]): Staff {
  const staff = requireStaff(principal);
  const grants = grantsFor(staff, mppId);
  if (grants.length === 0) throw commonErrors.not_found();
  if (grants.some((g) => g.role === 'national_admin' || (g.role === 'mpp_admin' && roles.includes('mpp_admin')))) return staff;
  if (!grants.some((g) => roles.includes(g.role))) throw commonErrors.forbidden();
  return staff;
}

/**
 * Allows national admins, the MPP's admins, and holders of `roles` for that tenant.
 * @throws AppError unauthenticated (401), not_found (404), forbidden (403).
 */
export function requireTenantRole(principal: Principal, mppId: string, tenantId: string, roles: readonly Role[]): Staff {
  const staff = requireStaff(principal);
  const grants = grantsFor(staff, mppId);
  if (grants.length === 0) throw commonErrors.not_found();
  if (grants.some((g) => g.role === 'national_admin' || g.role === 'mpp_admin')) return staff;
  const tenantGrants = grants.filter((g) => g.tenantId === tenantId);
  if (tenantGrants.length === 0) throw commonErrors.not_found();
  if (!tenantGrants.some((g) => roles.includes(g.role))) throw commonErrors.forbidden();
  return staff;
}

/** @throws AppError forbidden (403) unless the caller is a national admin. */
export function requireNationalAdmin(principal: Principal): Staff {
  const staff = requireStaff(principal);
  if (!isNationalAdmin(staff)) throw commonErrors.forbidden();
  return staff;
}

/**
 * The tenant ids of an MPP where a staff member holds one of `roles`, or 'all' for MPP-wide roles.
 * Pass the roles the action needs: someone who is an officer at one agency and a tenant admin at
 * another administers only the second (import, audit, users); the default, any tenant role, is for
 * what every tenant's staff may see.
 */
export function tenantScope(principal: Principal, mppId: string, roles: readonly Role[] = ['tenant_admin', 'officer']): 'all' | string[] {
  if (principal.kind !== 'staff') return [];
  const grants = grantsFor(principal, mppId);
  if (grants.some((g) => g.role === 'national_admin' || g.role === 'mpp_admin')) return 'all';
  return [...new Set(grants.filter((g) => roles.includes(g.role)).map((g) => g.tenantId).filter((t): t is string => t !== null))];
}

/**
 * Allows a device of the given kind registered to this MPP. A device of another MPP gets 404.
 * @throws AppError unauthenticated (401), not_found (404), forbidden (403).
 */
export function requireDevice(principal: Principal, mppId: string, kinds: readonly DeviceKind[]): Device {
  if (principal.kind !== 'device') throw commonErrors.unauthenticated();
  if (principal.mppId !== mppId) throw commonErrors.not_found();
  if (!kinds.includes(principal.deviceKind)) throw commonErrors.forbidden();
  return principal;
}
