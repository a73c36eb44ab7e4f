import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.js';
import { hashPassword } from '../../src/identity/service.js';
import type { Role } from '../../src/platform/auth.js';
import { loadConfig } from '../../src/platform/config.js';
import type { AppContext, Clock } from '../../src/platform/context.js';
import type { Db } from '../../src/platform/db.js';
import type { App } from '../../src/platform/http.js';
import { createTestDb, type TestDb } from './db.js';

export interface TestApp {
  app: App;
  ctx: AppContext;
  db: Db;
  testDb: TestDb;
  close(): Promise<void>;
}

/** A fresh database and the whole HTTP app over it, driven with app.inject (no socket). */
export async function createTestApp(opts: { clock?: Clock; env?: Record<string, string> } = {}): Promise<TestApp> {
  const testDb = await createTestDb();
  const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: '/tmp/layan-unused', WEB_DIR: '/nonexistent', LOGIN_RATE_LIMIT: '10000', ...opts.env });
  const { app, ctx } = await buildApp(testDb.db, config, { clock: opts.clock });
  await app.ready();
  return {
    app,
    ctx,
    db: testDb.db,
    testDb,
    async close() {
      await app.close();
      await testDb.drop();
    },
  };
}

/** A clock a test moves by hand. */
export function fakeClock(start: string | Date): Clock & { set(t: string | Date): void; advance(ms: number): void } {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    set: (t) => (now = new Date(t)),
    advance: (ms) => (now = new Date(now.getTime() + ms)),
  };
}

let seq = 0;
const uniq = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;

export interface SeededMpp {
  mppId: string;
  tenantId: string;
  otherTenantId: string;
}

/** Inserts an MPP with two tenants straight into the database. */
export async function seedMpp(db: Db, opts: { timezone?: string; slug?: string } = {}): Promise<SeededMpp> {
  const slug = opts.slug ?? `mpp-${uniq()}`;
  const { rows } = await db.query<{ id: string }>('INSERT INTO mpps (slug, name, timezone) VALUES ($1, $2, $3) RETURNING id', [
    slug,
    `MPP ${slug}`,
    opts.timezone ?? 'Asia/Jakarta',
  ]);
  const mppId = rows[0]!.id;
  const tenant = async (code: string, name: string) =>
    (await db.query<{ id: string }>('INSERT INTO tenants (mpp_id, code, name, kind) VALUES ($1, $2, $3, $4) RETURNING id', [mppId, code, name, 'regional_office'])).rows[0]!.id;
  return { mppId, tenantId: await tenant('DUKCAPIL', 'Dukcapil'), otherTenantId: await tenant('SAMSAT', 'Samsat') };
}

export const TEST_PASSWORD = 'rahasia-sekali-123';
let cachedHash: Promise<string> | undefined;

/** Inserts a staff account with one grant; returns its id and email. */
export async function seedStaff(db: Db, role: Role, scope: { mppId?: string | null; tenantId?: string | null } = {}): Promise<{ userId: string; email: string }> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const email = `${role}.${uniq()}@test.layan`;
  const { rows } = await db.query<{ id: string }>('INSERT INTO users (email, name, password_hash) VALUES ($1, $2, $3) RETURNING id', [email, `Test ${role}`, await cachedHash]);
  const userId = rows[0]!.id;
  await db.query('INSERT INTO role_grants (user_id, role, mpp_id, tenant_id) VALUES ($1, $2, $3, $4)', [userId, role, scope.mppId ?? null, scope.tenantId ?? null]);
  return { userId, email };
}

export interface Caller {
  headers: Record<string, string>;
}

/** Signs in through the API and returns the cookie and CSRF headers for later requests. */
export async function loginAs(app: App, email: string, password = TEST_PASSWORD): Promise<Caller> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const session = res.cookies.find((c) => c.name === 'layan_session')!;
  return { headers: { cookie: `layan_session=${session.value}`, 'x-csrf-token': res.json().csrfToken } };
}

/** Seeds a staff account and signs it in. */
export async function staffCaller(t: TestApp, role: Role, scope: { mppId?: string | null; tenantId?: string | null } = {}): Promise<Caller & { userId: string; email: string }> {
  const user = await seedStaff(t.db, role, scope);
  return { ...user, ...(await loginAs(t.app, user.email)) };
}

/** Issues a device token through the API as an MPP admin. */
export async function deviceCaller(t: TestApp, admin: Caller, mppId: string, kind: 'kiosk' | 'display'): Promise<Caller & { deviceId: string }> {
  const res = await t.app.inject({ method: 'POST', url: `/api/mpps/${mppId}/devices`, headers: admin.headers, payload: { kind, name: `${kind} test` } });
  if (res.statusCode !== 201) throw new Error(`device creation failed: ${res.statusCode} ${res.body}`);
  return { deviceId: res.json().id, headers: { authorization: `Bearer ${res.json().token}` } };
}

export function json<T = any>(res: LightMyRequestResponse): T {
  return res.json() as T;
}
