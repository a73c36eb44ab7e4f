import { deviceCaller, seedMpp, staffCaller, type Caller, type SeededMpp, type TestApp } from '../../test/support/app.js';
import type { LightMyRequestResponse } from 'fastify';
import type { Queryable } from '../platform/db.js';

export const ALWAYS_OPEN = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, { opens: '00:00', closes: '23:59', breaks: [] }]));

export interface QueueWorld extends SeededMpp {
  services: { ktp: string; kk: string; stnk: string };
  counters: { c1: string; c2: string; c3: string };
  admin: Caller;
  officer: Caller & { userId: string };
  officer2: Caller & { userId: string };
  samsatOfficer: Caller & { userId: string };
  kiosk: Caller;
  display: Caller;
}

export async function insertService(q: Queryable, mppId: string, tenantId: string, code: string, name: string, prefix: string): Promise<string> {
  const { rows } = await q.query<{ id: string }>('INSERT INTO services (mpp_id, tenant_id, code, name, ticket_prefix) VALUES ($1, $2, $3, $4, $5) RETURNING id', [mppId, tenantId, code, name, prefix]);
  return rows[0]!.id;
}

export async function insertCounter(q: Queryable, mppId: string, tenantId: string, number: number, serviceIds: string[], weight = 1): Promise<string> {
  const { rows } = await q.query<{ id: string }>('INSERT INTO counters (mpp_id, tenant_id, number, name) VALUES ($1, $2, $3, $4) RETURNING id', [mppId, tenantId, number, `Loket ${number}`]);
  for (const s of serviceIds) await q.query('INSERT INTO counter_services (mpp_id, counter_id, service_id, weight) VALUES ($1, $2, $3, $4)', [mppId, rows[0]!.id, s, weight]);
  return rows[0]!.id;
}

/** An MPP open around the clock with two agencies, three services, three counters, staff and devices. */
export async function seedQueueWorld(t: TestApp, opts: { timezone?: string; hours?: unknown } = {}): Promise<QueueWorld> {
  const mpp = await seedMpp(t.db, { timezone: opts.timezone });
  await t.db.query('UPDATE mpps SET weekly_hours = $2 WHERE id = $1', [mpp.mppId, JSON.stringify(opts.hours ?? ALWAYS_OPEN)]);
  const ktp = await insertService(t.db, mpp.mppId, mpp.tenantId, 'KTP', 'Perekaman KTP-el', 'A');
  const kk = await insertService(t.db, mpp.mppId, mpp.tenantId, 'KK', 'Kartu Keluarga', 'B');
  const stnk = await insertService(t.db, mpp.mppId, mpp.otherTenantId, 'STNK', 'Pengesahan STNK', 'S');
  const c1 = await insertCounter(t.db, mpp.mppId, mpp.tenantId, 1, [ktp, kk]);
  const c2 = await insertCounter(t.db, mpp.mppId, mpp.tenantId, 2, [ktp]);
  const c3 = await insertCounter(t.db, mpp.mppId, mpp.otherTenantId, 3, [stnk]);
  const admin = await staffCaller(t, 'mpp_admin', { mppId: mpp.mppId });
  return {
    ...mpp,
    services: { ktp, kk, stnk },
    counters: { c1, c2, c3 },
    admin,
    officer: await staffCaller(t, 'officer', { mppId: mpp.mppId, tenantId: mpp.tenantId }),
    officer2: await staffCaller(t, 'officer', { mppId: mpp.mppId, tenantId: mpp.tenantId }),
    samsatOfficer: await staffCaller(t, 'officer', { mppId: mpp.mppId, tenantId: mpp.otherTenantId }),
    kiosk: await deviceCaller(t, admin, mpp.mppId, 'kiosk'),
    display: await deviceCaller(t, admin, mpp.mppId, 'display'),
  };
}

export async function issue(t: TestApp, w: QueueWorld, serviceId: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/queue/tickets`, headers: { ...w.kiosk.headers, ...headers }, payload: { serviceId, ...extra } });
}

export async function post(t: TestApp, caller: Caller, url: string, payload?: Record<string, unknown>): Promise<LightMyRequestResponse> {
  return payload === undefined ? t.app.inject({ method: 'POST', url, headers: caller.headers }) : t.app.inject({ method: 'POST', url, headers: caller.headers, payload });
}
