import type { Grant, Role } from '../platform/auth.js';
import type { Queryable } from '../platform/db.js';
import { commonErrors } from '../platform/errors.js';
import type { DeviceView, UserView } from './schemas.js';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  status: 'active' | 'disabled';
  must_change_password: boolean;
  failed_login_count: number;
  locked_until: Date | null;
  created_at: Date;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toUserView(row: UserRow, grants: Grant[]): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    status: row.status,
    mustChangePassword: row.must_change_password,
    lockedUntil: iso(row.locked_until),
    createdAt: row.created_at.toISOString(),
    grants,
  };
}

export async function findUserByEmail(q: Queryable, email: string): Promise<UserRow | undefined> {
  const { rows } = await q.query<UserRow>('SELECT * FROM users WHERE lower(email) = lower($1)', [email]);
  return rows[0];
}

export async function findUser(q: Queryable, id: string): Promise<UserRow | undefined> {
  const { rows } = await q.query<UserRow>('SELECT * FROM users WHERE id = $1', [id]);
  return rows[0];
}

/** @throws AppError not_found */
export async function getUser(q: Queryable, id: string): Promise<UserRow> {
  const user = await findUser(q, id);
  if (!user) throw commonErrors.not_found();
  return user;
}

export async function countUsers(q: Queryable): Promise<number> {
  const { rows } = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  return rows[0]?.n ?? 0;
}

export async function insertUser(q: Queryable, u: { email: string; name: string; passwordHash: string; mustChangePassword: boolean }): Promise<UserRow> {
  const { rows } = await q.query<UserRow>(
    'INSERT INTO users (email, name, password_hash, must_change_password) VALUES ($1, $2, $3, $4) RETURNING *',
    [u.email, u.name, u.passwordHash, u.mustChangePassword],
  );
  return rows[0]!;
}

export async function updateUser(q: Queryable, id: string, patch: { name?: string; status?: string }): Promise<UserRow> {
  const { rows } = await q.query<UserRow>(
    `UPDATE users SET name = coalesce($2, name), status = coalesce($3, status), updated_at = now() WHERE id = $1 RETURNING *`,
    [id, patch.name ?? null, patch.status ?? null],
  );
  return rows[0]!;
}

export async function setPassword(q: Queryable, id: string, passwordHash: string, mustChange: boolean): Promise<void> {
  await q.query(
    `UPDATE users SET password_hash = $2, must_change_password = $3, password_changed_at = now(),
            failed_login_count = 0, locked_until = NULL, updated_at = now() WHERE id = $1`,
    [id, passwordHash, mustChange],
  );
}

export type LoginAttempt = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one sign-in attempt for a throttle key before the password is checked, in one statement:
 * concurrent attempts serialise on the row, so no more than `limit` checks run before the key is
 * blocked, however many arrive at once. From the limit on, each counted failure blocks the key for
 * `baseSeconds` doubled per further failure, up to `maxSeconds`. A blocked key counts nothing.
 */
export async function takeLoginAttempt(
  q: Queryable,
  keyHash: string,
  policy: { limit: number; baseSeconds: number; maxSeconds: number },
): Promise<LoginAttempt> {
  const { rows } = await q.query<{ failures: number }>(
    `INSERT INTO login_throttle AS t (key_hash, failures, blocked_until, updated_at) VALUES ($1, 1, NULL, now())
     ON CONFLICT (key_hash) DO UPDATE
        SET failures = t.failures + 1,
            blocked_until = CASE WHEN t.failures + 1 >= $2
              THEN now() + make_interval(secs => least($4::float8, $3::float8 * power(2, t.failures + 1 - $2)))
              ELSE NULL END,
            updated_at = now()
      WHERE t.blocked_until IS NULL OR t.blocked_until <= now()
     RETURNING failures`,
    [keyHash, policy.limit, policy.baseSeconds, policy.maxSeconds],
  );
  if (rows[0]) return { allowed: true };
  const blocked = await q.query<{ seconds: number }>(
    `SELECT greatest(1, ceil(extract(epoch FROM blocked_until - now())))::int AS seconds FROM login_throttle WHERE key_hash = $1`,
    [keyHash],
  );
  return { allowed: false, retryAfterSeconds: blocked.rows[0]?.seconds ?? 1 };
}

/** Forgets a key's failures after a successful sign-in, and rows idle for a day. */
export async function clearLoginAttempts(q: Queryable, keyHash: string): Promise<void> {
  await q.query(`DELETE FROM login_throttle WHERE key_hash = $1 OR updated_at < now() - interval '1 day'`, [keyHash]);
}

interface GrantRow {
  id: string;
  user_id: string;
  role: Role;
  mpp_id: string | null;
  tenant_id: string | null;
}

const toGrant = (r: GrantRow): Grant => ({ id: r.id, role: r.role, mppId: r.mpp_id, tenantId: r.tenant_id });

export async function grantsOf(q: Queryable, userIds: string[]): Promise<Map<string, Grant[]>> {
  const map = new Map<string, Grant[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return map;
  const { rows } = await q.query<GrantRow>(
    'SELECT * FROM role_grants WHERE user_id = ANY($1::uuid[]) ORDER BY created_at, id',
    [userIds],
  );
  for (const r of rows) map.get(r.user_id)?.push(toGrant(r));
  return map;
}

export async function insertGrant(q: Queryable, userId: string, g: { role: Role; mppId: string | null; tenantId: string | null }): Promise<Grant> {
  const { rows } = await q.query<GrantRow>(
    'INSERT INTO role_grants (user_id, role, mpp_id, tenant_id) VALUES ($1, $2, $3, $4) RETURNING *',
    [userId, g.role, g.mppId, g.tenantId],
  );
  return toGrant(rows[0]!);
}

export async function deleteGrant(q: Queryable, userId: string, grantId: string): Promise<void> {
  await q.query('DELETE FROM role_grants WHERE user_id = $1 AND id = $2', [userId, grantId]);
}

/**
 * Locks every account holding `role` in the MPP (national: everywhere), then counts the active ones
 * other than `exceptUserId`. The lock serialises concurrent disables of the same MPP's admins.
 */
export async function lockOtherActiveAdmins(q: Queryable, role: 'mpp_admin' | 'national_admin', mppId: string | null, exceptUserId: string): Promise<number> {
  await q.query(
    `SELECT u.id FROM users u
      WHERE u.id IN (SELECT g.user_id FROM role_grants g WHERE g.role = $1 AND g.mpp_id IS NOT DISTINCT FROM $2)
      ORDER BY u.id FOR UPDATE`,
    [role, mppId],
  );
  const fresh = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM users u
      WHERE u.status = 'active' AND u.id <> $3
        AND u.id IN (SELECT g.user_id FROM role_grants g WHERE g.role = $1 AND g.mpp_id IS NOT DISTINCT FROM $2)`,
    [role, mppId, exceptUserId],
  );
  return fresh.rows[0]!.n;
}

/**
 * Users visible in a scope: all (national), those with a grant in an MPP, or in some tenants of it.
 */
export async function listUsers(q: Queryable, scope: { mppId?: string; tenantIds?: string[]; search?: string }): Promise<UserRow[]> {
  const { rows } = await q.query<UserRow>(
    `SELECT u.* FROM users u
      WHERE ($1::uuid IS NULL OR EXISTS (
              SELECT 1 FROM role_grants g WHERE g.user_id = u.id AND g.mpp_id = $1
                AND ($2::uuid[] IS NULL OR g.tenant_id = ANY($2::uuid[]))))
        AND ($3::text IS NULL OR u.email ILIKE '%' || $3 || '%' OR u.name ILIKE '%' || $3 || '%')
      ORDER BY u.name, u.id LIMIT 500`,
    [scope.mppId ?? null, scope.tenantIds ?? null, scope.search ?? null],
  );
  return rows;
}

export interface SessionRow {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  expires_at: Date;
}

export async function insertSession(
  q: Queryable,
  s: { tokenHash: string; userId: string; csrfToken: string; expiresAt: Date; ip: string | null; userAgent: string | null },
): Promise<void> {
  await q.query(
    'INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at, ip, user_agent) VALUES ($1, $2, $3, $4, $5, $6)',
    [s.tokenHash, s.userId, s.csrfToken, s.expiresAt, s.ip, s.userAgent],
  );
}

/** A live session and its user, sliding its expiry forward. */
export async function touchSession(q: Queryable, tokenHash: string, idleMinutes: number): Promise<(SessionRow & { user: UserRow }) | undefined> {
  // The sliding expiry is written at most once a minute, not on every request.
  const { rows } = await q.query<SessionRow>(
    `WITH live AS (SELECT * FROM sessions WHERE token_hash = $1 AND expires_at > now()),
          slide AS (UPDATE sessions SET last_seen_at = now(), expires_at = now() + make_interval(mins => $2)
                     WHERE token_hash = $1 AND expires_at > now() AND last_seen_at < now() - interval '1 minute')
     SELECT * FROM live`,
    [tokenHash, idleMinutes],
  );
  const session = rows[0];
  if (!session) return undefined;
  const user = await findUser(q, session.user_id);
  return user ? { ...session, user } : undefined;
}

export async function deleteSession(q: Queryable, tokenHash: string): Promise<void> {
  await q.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

export async function deleteSessionsOf(q: Queryable, userId: string, exceptTokenHash?: string): Promise<void> {
  await q.query('DELETE FROM sessions WHERE user_id = $1 AND token_hash IS DISTINCT FROM $2', [userId, exceptTokenHash ?? null]);
}

interface DeviceRow {
  id: string;
  mpp_id: string;
  kind: 'kiosk' | 'display';
  name: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export const toDeviceView = (r: DeviceRow): DeviceView => ({
  id: r.id,
  mppId: r.mpp_id,
  kind: r.kind,
  name: r.name,
  createdAt: r.created_at.toISOString(),
  lastUsedAt: iso(r.last_used_at),
  revokedAt: iso(r.revoked_at),
});

export async function insertDevice(q: Queryable, d: { mppId: string; kind: string; name: string; tokenHash: string; createdBy: string }): Promise<DeviceRow> {
  const { rows } = await q.query<DeviceRow>(
    'INSERT INTO device_tokens (mpp_id, kind, name, token_hash, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING *',
    [d.mppId, d.kind, d.name, d.tokenHash, d.createdBy],
  );
  return rows[0]!;
}

export async function listDevices(q: Queryable, mppId: string): Promise<DeviceRow[]> {
  const { rows } = await q.query<DeviceRow>('SELECT * FROM device_tokens WHERE mpp_id = $1 ORDER BY created_at DESC, id', [mppId]);
  return rows;
}

export async function findDevice(q: Queryable, mppId: string, id: string): Promise<DeviceRow | undefined> {
  const { rows } = await q.query<DeviceRow>('SELECT * FROM device_tokens WHERE mpp_id = $1 AND id = $2', [mppId, id]);
  return rows[0];
}

export async function revokeDevice(q: Queryable, mppId: string, id: string): Promise<DeviceRow> {
  const { rows } = await q.query<DeviceRow>(
    'UPDATE device_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE mpp_id = $1 AND id = $2 RETURNING *',
    [mppId, id],
  );
  return rows[0]!;
}

/** The live device holding a token, marking it used. */
export async function useDeviceToken(q: Queryable, tokenHash: string): Promise<DeviceRow | undefined> {
  const { rows } = await q.query<DeviceRow>(
    `WITH live AS (SELECT * FROM device_tokens WHERE token_hash = $1 AND revoked_at IS NULL),
          mark AS (UPDATE device_tokens SET last_used_at = now()
                    WHERE token_hash = $1 AND revoked_at IS NULL
                      AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute'))
     SELECT * FROM live`,
    [tokenHash],
  );
  return rows[0];
}

/** Active staff holding any grant in an MPP (for other domains picking people, e.g. a mobile unit's crew). */
export async function listMppStaff(q: Queryable, mppId: string): Promise<{ id: string; name: string; email: string }[]> {
  const { rows } = await q.query<{ id: string; name: string; email: string }>(
    `SELECT DISTINCT u.id, u.name, u.email FROM users u JOIN role_grants g ON g.user_id = u.id
      WHERE g.mpp_id = $1 AND u.status = 'active' ORDER BY u.name, u.email`,
    [mppId],
  );
  return rows;
}

/**
 * Active staff who administer an MPP (mpp_admin) or, when a tenant is given, that tenant (tenant_admin),
 * by email: whom other domains tell about things gone wrong (an overdue complaint).
 */
export async function findActiveAdmins(q: Queryable, input: { mppId: string; tenantId: string | null }): Promise<{ user_id: string; email: string; role: string }[]> {
  return (await q.query<{ user_id: string; email: string; role: string }>(
    `SELECT DISTINCT u.id AS user_id, u.email, g.role FROM role_grants g JOIN users u ON u.id = g.user_id
      WHERE u.status = 'active' AND g.mpp_id = $1
        AND (g.role = 'mpp_admin' OR (g.role = 'tenant_admin' AND g.tenant_id = $2))
      ORDER BY u.email`,
    [input.mppId, input.tenantId],
  )).rows;
}
