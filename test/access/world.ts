import type { TestApp } from '../support/app.js';
import { deviceCaller, seedMpp, staffCaller } from '../support/app.js';

export const CALLERS = [
  'anonymous',
  'national',
  'mppAdminA',
  'mppAdminB',
  'tenantAdminA1',
  'officerA1',
  'officerA2',
  'kioskA',
  'displayA',
  'kioskB',
  'displayB',
] as const;
export type CallerName = (typeof CALLERS)[number];

export const STAFF_OF_A: CallerName[] = ['national', 'mppAdminA'];

/** Two MPPs: A with tenants T1 and T2, and B. Callers of every kind for both. */
export interface World {
  t: TestApp;
  mppA: string;
  tenantA1: string;
  tenantA2: string;
  mppB: string;
  tenantB1: string;
  headers: Record<CallerName, Record<string, string>>;
  userIds: Partial<Record<CallerName, string>>;
}

export async function buildWorld(t: TestApp): Promise<World> {
  const a = await seedMpp(t.db);
  const b = await seedMpp(t.db);
  const national = await staffCaller(t, 'national_admin');
  const mppAdminA = await staffCaller(t, 'mpp_admin', { mppId: a.mppId });
  const mppAdminB = await staffCaller(t, 'mpp_admin', { mppId: b.mppId });
  const tenantAdminA1 = await staffCaller(t, 'tenant_admin', { mppId: a.mppId, tenantId: a.tenantId });
  const officerA1 = await staffCaller(t, 'officer', { mppId: a.mppId, tenantId: a.tenantId });
  const officerA2 = await staffCaller(t, 'officer', { mppId: a.mppId, tenantId: a.otherTenantId });
  const kioskA = await deviceCaller(t, mppAdminA, a.mppId, 'kiosk');
  const displayA = await deviceCaller(t, mppAdminA, a.mppId, 'display');
  const kioskB = await deviceCaller(t, mppAdminB, b.mppId, 'kiosk');
  const displayB = await deviceCaller(t, mppAdminB, b.mppId, 'display');
  return {
    t,
    mppA: a.mppId,
    tenantA1: a.tenantId,
    tenantA2: a.otherTenantId,
    mppB: b.mppId,
    tenantB1: b.tenantId,
    headers: {
      anonymous: {},
      national: national.headers,
      mppAdminA: mppAdminA.headers,
      mppAdminB: mppAdminB.headers,
      tenantAdminA1: tenantAdminA1.headers,
      officerA1: officerA1.headers,
      officerA2: officerA2.headers,
      kioskA: kioskA.headers,
      displayA: displayA.headers,
      kioskB: kioskB.headers,
      displayB: displayB.headers,
    },
    userIds: {
      national: national.userId,
      mppAdminA: mppAdminA.userId,
      mppAdminB: mppAdminB.userId,
      tenantAdminA1: tenantAdminA1.userId,
      officerA1: officerA1.userId,
      officerA2: officerA2.userId,
    },
  };
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface AccessCase {
  method: Method;
  /** The route as registered, e.g. '/api/mpps/:mppId/devices'. */
  route: string;
  /** Why anyone may call it; such a route is only checked for not leaking across MPPs by its own tests. */
  public?: string;
  /** Callers that must get through (any answer but 401/403/404); every other caller must be refused. */
  allow?: CallerName[];
  /** Builds the request; called once per caller so payloads can be unique. */
  request(w: World, fixtures: Record<string, any>, caller: CallerName): { url: string; payload?: unknown; headers?: Record<string, string> };
}

export interface CaseFile {
  setup?(w: World): Promise<Record<string, any>>;
  cases: AccessCase[];
}
