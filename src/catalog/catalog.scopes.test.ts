import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedMpp, staffCaller, type Caller, type TestApp } from '../../test/support/app.js';

/**
 * Role scoping of every catalog admin route: anonymous 401; staff of another MPP 404; a tenant's
 * staff 404 for another tenant's rows and 403 for MPP-level writes; the MPP admin and national admin
 * pass. Each route is tried with every caller.
 */

let t: TestApp;
const ids: Record<string, string> = {};
const callers: Record<string, Caller> = {};
type Who = 'anon' | 'otherMppAdmin' | 'officer' | 'tenantAdminOther' | 'tenantAdmin' | 'mppAdmin' | 'national';
const WHO: Who[] = ['anon', 'otherMppAdmin', 'officer', 'tenantAdminOther', 'tenantAdmin', 'mppAdmin', 'national'];

beforeAll(async () => {
  t = await createTestApp();
  const mpp = await seedMpp(t.db);
  const other = await seedMpp(t.db);
  Object.assign(ids, { mppId: mpp.mppId, tenantId: mpp.tenantId, otherTenantId: mpp.otherTenantId });
  await t.db.query("UPDATE mpps SET region_code = '33.02' WHERE id = $1", [mpp.mppId]);
  callers.anon = { headers: {} };
  callers.otherMppAdmin = await staffCaller(t, 'mpp_admin', { mppId: other.mppId });
  callers.officer = await staffCaller(t, 'officer', { mppId: mpp.mppId, tenantId: mpp.tenantId });
  callers.tenantAdminOther = await staffCaller(t, 'tenant_admin', { mppId: mpp.mppId, tenantId: mpp.otherTenantId });
  callers.tenantAdmin = await staffCaller(t, 'tenant_admin', { mppId: mpp.mppId, tenantId: mpp.tenantId });
  callers.mppAdmin = await staffCaller(t, 'mpp_admin', { mppId: mpp.mppId });
  callers.national = await staffCaller(t, 'national_admin');
  const h = callers.national.headers;
  const svc = await t.app.inject({
    method: 'POST',
    url: `/api/catalog/mpps/${mpp.mppId}/services`,
    headers: h,
    payload: { tenantId: mpp.tenantId, code: 'DUK-01', name: 'Perekaman KTP-el', feeRupiah: 0, ticketPrefix: 'A' },
  });
  ids.serviceId = svc.json().id;
  ids.counterId = (await t.app.inject({ method: 'POST', url: `/api/catalog/mpps/${mpp.mppId}/counters`, headers: h, payload: { tenantId: mpp.tenantId, number: 1, name: 'Loket 1' } })).json().id;
  ids.agreementId = (
    await t.app.inject({ method: 'POST', url: `/api/catalog/mpps/${mpp.mppId}/tenants/${mpp.tenantId}/agreements`, headers: h, payload: { kind: 'mou', number: 'MOU/1', signedOn: '2025-01-01' } })
  ).json().id;
  ids.specialDayId = (await t.app.inject({ method: 'POST', url: `/api/catalog/mpps/${mpp.mppId}/special-days`, headers: h, payload: { day: '2030-01-02', opens: '08:00', closes: '11:00' } })).json().id;
});
afterAll(() => t.close());

interface Case {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: () => string;
  payload?: () => unknown;
  /** Expected status per caller; a 2xx means allowed. */
  expect: Partial<Record<Who, number>>;
}

const M = () => `/api/catalog/mpps/${ids.mppId}`;
const read = { anon: 401, otherMppAdmin: 404, officer: 200, tenantAdminOther: 200, tenantAdmin: 200, mppAdmin: 200, national: 200 };
const mppWrite = (ok: number) => ({ anon: 401, otherMppAdmin: 404, officer: 403, tenantAdminOther: 403, tenantAdmin: 403, mppAdmin: ok, national: ok });
const ownTenant = (ok: number, officer = 403) => ({ anon: 401, otherMppAdmin: 404, officer, tenantAdminOther: 404, tenantAdmin: ok, mppAdmin: ok, national: ok });

const CASES: Case[] = [
  { name: 'list my MPPs', method: 'GET', url: () => '/api/catalog/mpps', expect: { anon: 401, officer: 200, mppAdmin: 200 } },
  { name: 'create an MPP', method: 'POST', url: () => '/api/catalog/mpps', payload: () => ({ name: 'MPP Baru', slug: `mpp-${Math.floor(Math.random() * 1e9)}`, regionCode: '33.01', timezone: 'Asia/Jakarta' }), expect: { anon: 401, otherMppAdmin: 403, officer: 403, mppAdmin: 403, national: 201 } },
  { name: 'read an MPP', method: 'GET', url: M, expect: read },
  { name: 'edit an MPP', method: 'PATCH', url: M, payload: () => ({ address: 'Jl. Baru 2' }), expect: mppWrite(200) },
  { name: 'open now', method: 'GET', url: () => `${M()}/status`, expect: read },
  { name: 'list special days', method: 'GET', url: () => `${M()}/special-days`, expect: read },
  { name: 'set a special day', method: 'POST', url: () => `${M()}/special-days`, payload: () => ({ day: '2030-01-03', opens: '08:00', closes: '11:00' }), expect: mppWrite(200) },
  { name: 'delete a special day', method: 'DELETE', url: () => `${M()}/special-days/${ids.specialDayId}`, expect: { anon: 401, otherMppAdmin: 404, officer: 403, tenantAdmin: 403, mppAdmin: 204 } },
  { name: 'list tenants', method: 'GET', url: () => `${M()}/tenants`, expect: read },
  { name: 'create a tenant', method: 'POST', url: () => `${M()}/tenants`, payload: () => ({ kind: 'bumn', name: 'PLN', code: 'PLN' }), expect: { ...mppWrite(201), national: 409 } },
  { name: 'read a tenant', method: 'GET', url: () => `${M()}/tenants/${ids.tenantId}`, expect: ownTenant(200, 200) },
  { name: 'edit a tenant', method: 'PATCH', url: () => `${M()}/tenants/${ids.tenantId}`, payload: () => ({ description: 'Gerai' }), expect: ownTenant(200) },
  { name: 'tenant agreements', method: 'GET', url: () => `${M()}/tenants/${ids.tenantId}/agreements`, expect: ownTenant(200) },
  { name: 'all agreements', method: 'GET', url: () => `${M()}/agreements`, expect: mppWrite(200) },
  { name: 'record an agreement', method: 'POST', url: () => `${M()}/tenants/${ids.tenantId}/agreements`, payload: () => ({ kind: 'pks', number: `PKS/${Math.random()}`, signedOn: '2025-01-01' }), expect: mppWrite(201) },
  { name: 'edit an agreement', method: 'PUT', url: () => `${M()}/agreements/${ids.agreementId}`, payload: () => ({ kind: 'mou', number: 'MOU/1', signedOn: '2025-01-01', validUntil: '2030-01-01' }), expect: mppWrite(200) },
  { name: 'list counters', method: 'GET', url: () => `${M()}/counters`, expect: read },
  { name: 'create a counter', method: 'POST', url: () => `${M()}/counters`, payload: () => ({ tenantId: ids.tenantId, number: 100 + Math.floor(Math.random() * 800), name: 'Loket' }), expect: ownTenant(201) },
  { name: 'edit a counter', method: 'PATCH', url: () => `${M()}/counters/${ids.counterId}`, payload: () => ({ name: 'Loket Dukcapil' }), expect: ownTenant(200) },
  { name: 'list services', method: 'GET', url: () => `${M()}/services`, expect: read },
  { name: 'create a service', method: 'POST', url: () => `${M()}/services`, payload: () => ({ tenantId: ids.tenantId, code: `S${Math.floor(Math.random() * 1e6)}`, name: 'Layanan', feeRupiah: 0, ticketPrefix: 'A' }), expect: ownTenant(201) },
  { name: 'read a service', method: 'GET', url: () => `${M()}/services/${ids.serviceId}`, expect: ownTenant(200, 200) },
  { name: 'edit a service', method: 'PATCH', url: () => `${M()}/services/${ids.serviceId}`, payload: () => ({ description: `v${Math.random()}` }), expect: ownTenant(200) },
  { name: 'service versions', method: 'GET', url: () => `${M()}/services/${ids.serviceId}/versions`, expect: ownTenant(200, 200) },
  { name: 'export', method: 'GET', url: () => `${M()}/export?entity=services`, expect: { anon: 401, otherMppAdmin: 404, officer: 403, tenantAdmin: 200, mppAdmin: 200, national: 200 } },
  { name: 'import', method: 'POST', url: () => `${M()}/import`, payload: () => ({ entity: 'tenants', format: 'csv', content: 'code,name,kind\n' }), expect: { anon: 401, otherMppAdmin: 404, officer: 403, tenantAdmin: 403, mppAdmin: 200, national: 200 } },
  { name: 'national summary', method: 'GET', url: () => '/api/catalog/national/summary', expect: { anon: 401, otherMppAdmin: 403, officer: 403, tenantAdmin: 403, mppAdmin: 403, national: 200 } },
];

describe('catalog admin routes are scoped by role', () => {
  for (const c of CASES) {
    it(`${c.method} ${c.name}`, async () => {
      for (const who of WHO) {
        const expected = c.expect[who];
        if (expected === undefined) continue;
        const res = await t.app.inject({ method: c.method, url: c.url(), headers: callers[who]!.headers, ...(c.payload ? { payload: c.payload() as object } : {}) });
        expect({ who, status: res.statusCode }).toEqual({ who, status: expected });
      }
    });
  }

  it('a tenant admin cannot move its service to another tenant nor lock-step its tenant code', async () => {
    const move = await t.app.inject({ method: 'PATCH', url: `${M()}/services/${ids.serviceId}`, headers: callers.tenantAdmin!.headers, payload: { tenantId: ids.otherTenantId } });
    expect(move.statusCode).toBe(404);
    const code = await t.app.inject({ method: 'PATCH', url: `${M()}/tenants/${ids.tenantId}`, headers: callers.tenantAdmin!.headers, payload: { code: 'BARU' } });
    expect(code.statusCode).toBe(403);
    expect(code.json().code).toBe('tenant_field_locked');
  });

  it('lists only the own tenant to tenant staff', async () => {
    const res = await t.app.inject({ method: 'GET', url: `${M()}/tenants`, headers: callers.officer!.headers });
    expect(res.json().map((x: { id: string }) => x.id)).toEqual([ids.tenantId]);
    const svc = await t.app.inject({ method: 'GET', url: `${M()}/services`, headers: callers.tenantAdminOther!.headers });
    expect(svc.json()).toEqual([]);
  });
});
