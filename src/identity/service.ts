import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ServiceContext } from '../platform/context.js';
import { mppExists, tenantExists } from '../catalog/read.js';
import { hash, verify } from '@node-rs/argon2';
import { recordAudit } from '../platform/audit.js';
import {
  isNationalAdmin,
  requireMppRole,
  requireStaff,
  tenantScope,
  type Grant,
  type Principal,
  type Staff,
} from '../platform/auth.js';
import { isUniqueViolation, type Db, type Queryable } from '../platform/db.js';
import { commonErrors } from '../platform/errors.js';
import * as repo from './repository.js';
import type {
  ChangePasswordRequest,
  CreateDeviceRequest,
  CreateUserRequest,
  DeviceCreated,
  DeviceView,
  GrantRequest,
  LoginRequest,
  UpdateUserRequest,
  UserView,
} from './schemas.js';
import { identityErrors } from './errors.js';

/**
 * Sign-in throttling per (email, client address): LOGIN_LIMIT tries, then a wait of 30 s that
 * doubles with each further failure up to 15 minutes. Someone guessing from their own address
 * cannot lock the real user out, and an unknown email is throttled like a known one.
 */
export const LOGIN_LIMIT = 5;
export const LOGIN_THROTTLE = { limit: LOGIN_LIMIT, baseSeconds: 30, maxSeconds: 15 * 60 };
export const SESSION_IDLE_MINUTES = 12 * 60;

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const newToken = (prefix: string) => `${prefix}_${randomBytes(32).toString('base64url')}`;

// Verifying against a real hash when the email is unknown keeps the timing of both paths alike.
const DUMMY_HASH = hash('layan-timing-equaliser-password');

export const hashPassword = (password: string) => hash(password);

async function view(db: Db, row: repo.UserRow): Promise<UserView> {
  const grants = await repo.grantsOf(db, [row.id]);
  return repo.toUserView(row, grants.get(row.id) ?? []);
}

export interface LoginResult {
  user: UserView;
  sessionToken: string;
  csrfToken: string;
}

const throttleKey = (email: string, ip: string | null) => sha256(`${email.trim().toLowerCase()}\n${ip ?? ''}`);

/**
 * Signs a staff member in. Every attempt is counted per (email, address) before the password is
 * checked (see LOGIN_THROTTLE); a success clears the count.
 * @throws AppError invalid_credentials, login_throttled (429, with retryAfterSeconds), account_disabled
 */
export async function login(ctx: ServiceContext, args: LoginRequest & { client: { ip: string | null; userAgent: string | null } }): Promise<LoginResult> {
  const { db, actor } = ctx;
  const { client, ...input } = args;
  const key = throttleKey(input.email, client.ip);
  const attempt = await repo.takeLoginAttempt(db, key, LOGIN_THROTTLE);
  if (!attempt.allowed) throw identityErrors.login_throttled({ retryAfterSeconds: attempt.retryAfterSeconds });
  const user = await repo.findUserByEmail(db, input.email);
  if (!user) {
    await verify(await DUMMY_HASH, input.password).catch(() => false);
    throw identityErrors.invalid_credentials();
  }
  const ok = await verify(user.password_hash, input.password).catch(() => false);
  if (!ok) {
    await recordAudit(db, { ...actor, label: input.email }, { action: 'auth.login_failed', targetType: 'user', targetId: user.id });
    throw identityErrors.invalid_credentials();
  }
  if (user.status !== 'active') throw identityErrors.account_disabled();
  const sessionToken = newToken('ses');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.transaction(async (tx) => {
    await repo.clearLoginAttempts(tx, key);
    await repo.insertSession(tx, {
      tokenHash: sha256(sessionToken),
      userId: user.id,
      csrfToken,
      expiresAt: new Date(Date.now() + SESSION_IDLE_MINUTES * 60_000),
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
    });
    await recordAudit(tx, { ...actor, type: 'user', id: user.id, label: user.email }, { action: 'auth.login', targetType: 'user', targetId: user.id });
  });
  return { user: await view(db, user), sessionToken, csrfToken };
}

export async function logout(ctx: ServiceContext, input: { sessionToken: string }): Promise<void> {
  await repo.deleteSession(ctx.db, sha256(input.sessionToken));
}

export interface ResolvedSession {
  principal: Principal;
  csrfToken: string;
}

export async function resolveSession(db: Db, sessionToken: string): Promise<ResolvedSession | undefined> {
  const s = await repo.touchSession(db, sha256(sessionToken), SESSION_IDLE_MINUTES);
  if (!s || s.user.status !== 'active') return undefined;
  const grants = (await repo.grantsOf(db, [s.user.id])).get(s.user.id) ?? [];
  return {
    csrfToken: s.csrf_token,
    principal: {
      kind: 'staff',
      userId: s.user.id,
      email: s.user.email,
      name: s.user.name,
      grants,
      mustChangePassword: s.user.must_change_password,
    },
  };
}

export async function resolveDevice(db: Db, token: string): Promise<Principal | undefined> {
  const d = await repo.useDeviceToken(db, sha256(token));
  return d ? { kind: 'device', deviceId: d.id, mppId: d.mpp_id, deviceKind: d.kind, name: d.name } : undefined;
}

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function me(ctx: ServiceContext): Promise<UserView> {
  const { db, principal } = ctx;
  const staff = requireStaff(principal);
  return view(db, await repo.getUser(db, staff.userId));
}

/**
 * Changes the caller's own password and ends their other sessions.
 * @throws AppError wrong_current_password
 */
export async function changePassword(ctx: ServiceContext, args: { sessionToken: string } & ChangePasswordRequest): Promise<void> {
  const { db, principal, actor } = ctx;
  const { sessionToken, ...input } = args;
  const staff = requireStaff(principal);
  const user = await repo.getUser(db, staff.userId);
  if (!(await verify(user.password_hash, input.currentPassword).catch(() => false))) throw identityErrors.wrong_current_password();
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await repo.setPassword(tx, user.id, passwordHash, false);
    await repo.deleteSessionsOf(tx, user.id, sha256(sessionToken));
    await recordAudit(tx, actor, { action: 'user.password_changed', targetType: 'user', targetId: user.id });
  });
}

/** May `staff` hand out grant `g`? National admins: anything. MPP admins: roles below them in their MPP. Tenant admins: officers of their tenant. */
function mayGrant(staff: Staff, g: GrantRequest): boolean {
  if (isNationalAdmin(staff)) return true;
  if (g.role === 'national_admin' || !g.mppId) return false;
  if (staff.grants.some((x) => x.role === 'mpp_admin' && x.mppId === g.mppId)) return true;
  return g.role === 'officer' && staff.grants.some((x) => x.role === 'tenant_admin' && x.mppId === g.mppId && x.tenantId === g.tenantId);
}

function checkGrantShape(g: GrantRequest): void {
  if (g.role === 'national_admin' && (g.mppId || g.tenantId)) throw identityErrors.grant_invalid({ role: g.role, needs: 'tanpa mppId/tenantId' });
  if (g.role === 'mpp_admin' && (!g.mppId || g.tenantId)) throw identityErrors.grant_invalid({ role: g.role, needs: 'mppId' });
  if ((g.role === 'tenant_admin' || g.role === 'officer') && (!g.mppId || !g.tenantId)) {
    throw identityErrors.grant_invalid({ role: g.role, needs: 'mppId, tenantId' });
  }
}

/**
 * Creates a staff account with its grants, all or nothing.
 * @throws AppError grant_invalid, grant_not_allowed, unknown_mpp, unknown_tenant, email_taken
 */
export async function createUser(ctx: ServiceContext, input: CreateUserRequest): Promise<UserView> {
  const { db, principal, actor } = ctx;
  const staff = requireStaff(principal);
  for (const g of input.grants) {
    checkGrantShape(g);
    if (g.mppId && !isNationalAdmin(staff) && !staff.grants.some((x) => x.mppId === g.mppId)) throw commonErrors.not_found();
    if (!mayGrant(staff, g)) throw identityErrors.grant_not_allowed({ role: g.role });
  }
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      for (const g of input.grants) {
        if (g.mppId && !(await mppExists(tx, g.mppId))) throw commonErrors.unknown_mpp();
        if (g.mppId && g.tenantId && !(await tenantExists(tx, { mppId: g.mppId, tenantId: g.tenantId }))) throw commonErrors.unknown_tenant();
      }
      const user = await repo.insertUser(tx, { email: input.email, name: input.name, passwordHash, mustChangePassword: true });
      const grants: Grant[] = [];
      for (const g of input.grants) grants.push(await repo.insertGrant(tx, user.id, g));
      const out = repo.toUserView(user, grants);
      await recordAudit(tx, actor, { action: 'user.created', targetType: 'user', targetId: user.id, mppId: grants[0]?.mppId ?? null, after: out });
      return out;
    });
  } catch (err) {
    if (isUniqueViolation(err, 'users_email_key')) throw identityErrors.email_taken();
    if (isUniqueViolation(err)) throw commonErrors.conflict();
    throw err;
  }
}

/**
 * Loads a user the caller administers: national admins reach all; MPP admins users with a grant
 * in their MPP; tenant admins officers of their tenant. Anyone else gets 404.
 * @throws AppError not_found
 */
async function administeredUser(db: Db, principal: Principal, userId: string): Promise<{ staff: Staff; user: repo.UserRow; grants: Grant[] }> {
  const staff = requireStaff(principal);
  const user = await repo.findUser(db, userId);
  if (!user) throw commonErrors.not_found();
  const grants = (await repo.grantsOf(db, [userId])).get(userId) ?? [];
  if (isNationalAdmin(staff)) return { staff, user, grants };
  if (grants.some((g) => g.role === 'national_admin')) throw commonErrors.not_found();
  const ok =
    grants.length > 0 &&
    grants.every(
      (g) =>
        staff.grants.some((x) => x.role === 'mpp_admin' && x.mppId === g.mppId) ||
        (g.role === 'officer' && staff.grants.some((x) => x.role === 'tenant_admin' && x.mppId === g.mppId && x.tenantId === g.tenantId)),
    );
  if (!ok) throw commonErrors.not_found();
  return { staff, user, grants };
}

export async function getUserView(ctx: ServiceContext, input: { userId: string }): Promise<UserView> {
  const { db, principal } = ctx;
  const { userId } = input;
  const { user, grants } = await administeredUser(db, principal, userId);
  return repo.toUserView(user, grants);
}

export async function listUsers(ctx: ServiceContext, filter: { mppId?: string; q?: string }): Promise<UserView[]> {
  const { db, principal } = ctx;
  const staff = requireStaff(principal);
  let scope: { mppId?: string; tenantIds?: string[]; search?: string } = { search: filter.q };
  if (!isNationalAdmin(staff)) {
    const mppId = filter.mppId ?? staff.grants.find((g) => g.mppId)?.mppId ?? undefined;
    if (!mppId) throw commonErrors.forbidden();
    requireMppRole(staff, mppId, ['mpp_admin', 'tenant_admin']);
    const tenants = tenantScope(staff, mppId, ['tenant_admin']);
    scope = { ...scope, mppId, tenantIds: tenants === 'all' ? undefined : tenants };
  } else if (filter.mppId) {
    scope.mppId = filter.mppId;
  }
  const rows = await repo.listUsers(db, scope);
  const grants = await repo.grantsOf(db, rows.map((r) => r.id));
  return rows.map((r) => repo.toUserView(r, grants.get(r.id) ?? []));
}

/**
 * Renames, disables or enables an account. Nobody disables their own account, and the last active
 * admin of an MPP (or the last national admin) stays: the admin rows are locked first, so two admins
 * disabling each other at once cannot both succeed.
 * @throws AppError cannot_disable_self, last_admin, not_found
 */
export async function updateUser(ctx: ServiceContext, input: { userId: string } & UpdateUserRequest): Promise<UserView> {
  const { db, principal, actor } = ctx;
  const { userId, ...patch } = input;
  const { staff, user, grants } = await administeredUser(db, principal, userId);
  if (patch.status === 'disabled' && userId === staff.userId) throw identityErrors.cannot_disable_self();
  return db.transaction(async (tx) => {
    if (patch.status === 'disabled' && user.status !== 'disabled') await keepAnAdmin(tx, userId, grants);
    const updated = await repo.updateUser(tx, userId, patch);
    if (patch.status === 'disabled') await repo.deleteSessionsOf(tx, userId);
    const before = repo.toUserView(user, grants);
    const after = repo.toUserView(updated, grants);
    await recordAudit(tx, actor, { action: 'user.updated', targetType: 'user', targetId: userId, mppId: grants[0]?.mppId ?? null, before, after });
    return after;
  });
}

/** Throws when removing `grants` from the active admins would leave an MPP (or the country) without one. */
async function keepAnAdmin(tx: Queryable, userId: string, grants: Grant[]): Promise<void> {
  for (const g of grants) {
    if (g.role !== 'mpp_admin' && g.role !== 'national_admin') continue;
    const others = await repo.lockOtherActiveAdmins(tx, g.role, g.mppId, userId);
    if (others === 0) throw identityErrors.last_admin({ scope: g.role === 'national_admin' ? 'nasional' : 'MPP ini' });
  }
}

/**
 * Adds a role to an account, within what the caller may grant.
 * @throws AppError grant_invalid, grant_not_allowed, unknown_mpp, unknown_tenant, conflict, not_found
 */
export async function addGrant(ctx: ServiceContext, input: { userId: string } & GrantRequest): Promise<UserView> {
  const { db, principal, actor } = ctx;
  const { userId, ...g } = input;
  const { staff, user, grants } = await administeredUser(db, principal, userId);
  checkGrantShape(g);
  if (!mayGrant(staff, g)) throw identityErrors.grant_not_allowed({ role: g.role });
  try {
    return await db.transaction(async (tx) => {
      if (g.mppId && !(await mppExists(tx, g.mppId))) throw commonErrors.unknown_mpp();
      if (g.mppId && g.tenantId && !(await tenantExists(tx, { mppId: g.mppId, tenantId: g.tenantId }))) throw commonErrors.unknown_tenant();
      const added = await repo.insertGrant(tx, userId, g);
      const after = repo.toUserView(user, [...grants, added]);
      await recordAudit(tx, actor, { action: 'user.grant_added', targetType: 'user', targetId: userId, mppId: g.mppId, tenantId: g.tenantId, before: repo.toUserView(user, grants), after });
      return after;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw commonErrors.conflict();
    throw err;
  }
}

/**
 * Removes one role from an account. Nobody removes their own, the caller must be allowed to grant
 * it, and the last active admin of an MPP keeps their role.
 * @throws AppError cannot_remove_own_grant, grant_not_allowed, last_admin, not_found
 */
export async function removeGrant(ctx: ServiceContext, input: { userId: string; grantId: string }): Promise<UserView> {
  const { db, principal, actor } = ctx;
  const { userId, grantId } = input;
  const { staff, user, grants } = await administeredUser(db, principal, userId);
  const grant = grants.find((g) => g.id === grantId);
  if (!grant) throw commonErrors.not_found();
  if (userId === staff.userId) throw identityErrors.cannot_remove_own_grant();
  if (!mayGrant(staff, grant)) throw identityErrors.grant_not_allowed({ role: grant.role });
  return db.transaction(async (tx) => {
    if (user.status === 'active') await keepAnAdmin(tx, userId, [grant]);
    await repo.deleteGrant(tx, userId, grantId);
    const left = grants.filter((g) => g.id !== grantId);
    const after = repo.toUserView(user, left);
    await recordAudit(tx, actor, { action: 'user.grant_removed', targetType: 'user', targetId: userId, mppId: grant.mppId, tenantId: grant.tenantId, before: repo.toUserView(user, grants), after });
    return after;
  });
}

/** An admin sets a temporary password: the user must change it at next sign-in; their sessions end. */
export async function resetPassword(ctx: ServiceContext, input: { userId: string; password: string }): Promise<void> {
  const { db, principal, actor } = ctx;
  const { userId, password } = input;
  const { grants } = await administeredUser(db, principal, userId);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await repo.setPassword(tx, userId, passwordHash, true);
    await repo.deleteSessionsOf(tx, userId);
    await recordAudit(tx, actor, { action: 'user.password_reset', targetType: 'user', targetId: userId, mppId: grants[0]?.mppId ?? null });
  });
}

/** Creates the first national admin when there is no account yet; returns the password when generated. */
export async function ensureInitialAdmin(db: Db, email: string | undefined, password: string | undefined): Promise<{ email: string; password: string | null } | null> {
  if ((await repo.countUsers(db)) > 0) return null;
  const adminEmail = email ?? 'admin@layan.local';
  const adminPassword = password ?? randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(adminPassword);
  await db.transaction(async (tx) => {
    const user = await repo.insertUser(tx, { email: adminEmail, name: 'Admin Nasional', passwordHash, mustChangePassword: !password });
    await repo.insertGrant(tx, user.id, { role: 'national_admin', mppId: null, tenantId: null });
    await recordAudit(tx, { type: 'system', id: null, label: 'system', requestId: null }, { action: 'user.created', targetType: 'user', targetId: user.id, after: { email: adminEmail, role: 'national_admin' } });
  });
  return { email: adminEmail, password: password ? null : adminPassword };
}

export async function createDevice(ctx: ServiceContext, args: { mppId: string } & CreateDeviceRequest): Promise<DeviceCreated> {
  const { db, principal, actor } = ctx;
  const { mppId, ...input } = args;
  const staff = requireMppRole(principal, mppId, ['mpp_admin']);
  const token = newToken(input.kind === 'kiosk' ? 'ksk' : 'dsp');
  return db.transaction(async (tx) => {
    const row = await repo.insertDevice(tx, { mppId, kind: input.kind, name: input.name, tokenHash: sha256(token), createdBy: staff.userId });
    const out = repo.toDeviceView(row);
    await recordAudit(tx, actor, { action: 'device.created', targetType: 'device', targetId: row.id, mppId, after: out });
    return { ...out, token };
  });
}

export async function listDevices(ctx: ServiceContext, input: { mppId: string }): Promise<DeviceView[]> {
  const { db, principal } = ctx;
  const { mppId } = input;
  requireMppRole(principal, mppId, ['mpp_admin']);
  return (await repo.listDevices(db, mppId)).map(repo.toDeviceView);
}

export async function revokeDevice(ctx: ServiceContext, input: { mppId: string; deviceId: string }): Promise<DeviceView> {
  const { db, principal, actor } = ctx;
  const { mppId, deviceId } = input;
  requireMppRole(principal, mppId, ['mpp_admin']);
  return db.transaction(async (tx) => {
    const before = await repo.findDevice(tx, mppId, deviceId);
    if (!before) throw commonErrors.not_found();
    const after = repo.toDeviceView(await repo.revokeDevice(tx, mppId, deviceId));
    await recordAudit(tx, actor, { action: 'device.revoked', targetType: 'device', targetId: deviceId, mppId, before: repo.toDeviceView(before), after });
    return after;
  });
}
