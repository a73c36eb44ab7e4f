import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fakeClock, seedMpp, staffCaller, type Caller, type TestApp } from '../../test/support/app.js';

let t: TestApp;
let national: Caller;
const clock = fakeClock('2026-11-23T02:00:00Z'); // Monday 09:00 WIB

const WEEK = {
  '1': { opens: '08:00', closes: '15:00', breaks: [{ start: '12:00', end: '13:00', label: 'Istirahat' }] },
  '5': { opens: '08:00', closes: '15:30', breaks: [{ start: '11:30', end: '13:30', label: 'Salat Jumat' }] },
};
export const mppBody = (slug: string, over: Record<string, unknown> = {}) => ({
  name: `MPP ${slug}`,
  slug,
  regionCode: '33.02',
  address: 'Jl. Merdeka 1',
  timezone: 'Asia/Jakarta',
  weeklyHours: WEEK,
  waitingCapacity: 120,
  facilities: ['Ruang laktasi', 'Pojok anak'],
  maklumat: 'Kami sanggup menyelenggarakan pelayanan sesuai standar pelayanan.',
  ...over,
});
export const serviceBody = (tenantId: string, code: string, over: Record<string, unknown> = {}) => ({
  tenantId,
  code,
  name: 'Perpanjangan SIM A',
  requirements: [{ typeCode: 'KTP_EL' }, { typeCode: 'SIM_LAMA' }],
  procedureSteps: ['Ambil antrean', 'Tes kesehatan', 'Foto dan sidik jari'],
  completion: { value: 60, unit: 'minutes' },
  feeRupiah: 80000,
  feeLegalBasis: 'PP 76/2020',
  product: 'SIM A',
  complaintChannels: 'SP4N-LAPOR!, kotak saran',
  ticketPrefix: 'S',
  ...over,
});

async function count(table: string): Promise<number> {
  return (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  national = await staffCaller(t, 'national_admin');
});
afterAll(() => t.close());

describe('MPP set-up', () => {
  it('creates an MPP in a kabupaten with hours, and shows it publicly as open now', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/catalog/mpps', headers: national.headers, payload: mppBody('mpp-banyumas') });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ region: { name: 'Kabupaten Banyumas' }, province: { name: 'Jawa Tengah' } });
    const page = await t.app.inject({ method: 'GET', url: '/api/public/mpps/mpp-banyumas' });
    expect(page.statusCode).toBe(200);
    expect(page.json().status).toMatchObject({ open: true, localTime: '09:00' });
    expect(page.json().mpp.maklumat).toContain('sanggup');
  });

  it('refuses unknown or province-level region codes and writes nothing', async () => {
    const before = await count('mpps');
    for (const [code, expected] of [['99.99', 'unknown_region'], ['33', 'region_not_regency']] as const) {
      const res = await t.app.inject({ method: 'POST', url: '/api/catalog/mpps', headers: national.headers, payload: mppBody(`mpp-x${code.replace('.', '')}`, { regionCode: code }) });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe(expected);
    }
    expect(await count('mpps')).toBe(before);
  });

  it('refuses overlapping breaks and a break outside opening hours, naming the field', async () => {
    const overlap = await t.app.inject({
      method: 'POST',
      url: '/api/catalog/mpps',
      headers: national.headers,
      payload: mppBody('mpp-overlap', { weeklyHours: { '1': { opens: '08:00', closes: '15:00', breaks: [{ start: '11:00', end: '12:30' }, { start: '12:00', end: '13:00' }] } } }),
    });
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json().detail).toContain('tumpang tindih');
    const outside = await t.app.inject({
      method: 'POST',
      url: '/api/catalog/mpps',
      headers: { ...national.headers, 'accept-language': 'en' },
      payload: mppBody('mpp-outside', { weeklyHours: { '5': { opens: '08:00', closes: '15:00', breaks: [{ start: '15:00', end: '16:00' }] } } }),
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0]).toMatchObject({ path: 'body.weeklyHours.5.breaks.0' });
    expect(outside.json().errors[0].message).toContain('outside opening hours');
    const closesFirst = await t.app.inject({ method: 'POST', url: '/api/catalog/mpps', headers: national.headers, payload: mppBody('mpp-closes', { weeklyHours: { '2': { opens: '15:00', closes: '08:00' } } }) });
    expect(closesFirst.statusCode).toBe(400);
    expect(await count("mpps WHERE slug IN ('mpp-overlap', 'mpp-outside', 'mpp-closes')")).toBe(0);
  });
});

describe('tenants, counters and services', () => {
  let mppId: string;
  let tenantId: string;
  beforeAll(async () => {
    mppId = (await t.app.inject({ method: 'POST', url: '/api/catalog/mpps', headers: national.headers, payload: mppBody('mpp-cilacap', { regionCode: '33.01' }) })).json().id;
    tenantId = (await t.app.inject({ method: 'POST', url: `/api/catalog/mpps/${mppId}/tenants`, headers: national.headers, payload: { kind: 'central_agency', name: 'Satpas Polresta', code: 'POLRES' } })).json().id;
  });

  it('refuses a duplicate counter number and a duplicate service code', async () => {
    const c1 = await t.app.inject({ method: 'POST', url: `/api/catalog/mpps/${mppId}/counters`, headers: national.headers, payload: { tenantId, number: 1, name: 'Loket SIM' } });
    expect(c1.statusCode).toBe(201);
    const c2 = await t.app.inject({ method: 'POST', url: `/api/catalog/mpps/${mppId}/counters`, headers: national.headers, payload: { tenantId, number: 1, name: 'Loket SIM 2' } });
    expect(c2.statusCode).toBe(409);
    expect(c2.json()).toMatchObject({ code: 'counter_number_taken', title: 'Nomor loket 1 sudah dipakai di MPP ini.' });
    const s1 = await t.app.inject({ method: 'POST', url: `/api/catalog/mpps/${mppId}/services`, headers: national.headers, payload: serviceBody(tenantId, 'SIM-01') });
    expect(s1.statusCode).toBe(201);
    const s2 = await t.app.inject({ method: 'POST', url: `/api/catalog/mpps/${mppId}/services`, headers: national.headers, payload: serviceBody(tenantId, 'sim-01') });
    expect(s2.statusCode).toBe(409);
    expect(s2.json().code).toBe('service_code_taken');
  });

  it('a PATCH of one field keeps every other component of the standard', async () => {
    const created = (await t.app.inject({ method: 'POST', url: `/api/catalog/mpps/${mppId}/services`, headers: national.headers, payload: serviceBody(tenantId, 'SIM-P', { channels: ['direct', 'mobile'], internal: { legalBasis: 'Perpol 5/2021' } }) })).json();
    const res = await t.app.inject({ method: 'PATCH', url: `/api/catalog/mpps/${mppId}/services/${created.id}`, headers: national.headers, payload: { description: 'Diperbarui' } });
    expect(res.json()).toMatchObject({
      description: 'Diperbarui',
      requirements: [{ typeCode: 'KTP_EL' }, { typeCode: 'SIM_LAMA' }],
      procedureSteps: ['Ambil antrean', 'Tes kesehatan', 'Foto dan sidik jari'],
      channels: ['direct', 'mobile'],
      feeRupiah: 80000,
      internal: { legalBasis: 'Perpol 5/2021' },
      version: 2,
    });
    const mpp = await t.app.inject({ method: 'PATCH', url: `/api/catalog/mpps/${mppId}`, headers: national.headers, payload: { address: 'Jl. Baru' } });
    expect(mpp.json()).toMatchObject({ address: 'Jl. Baru', facilities: ['Ruang laktasi', 'Pojok anak'], weeklyHours: { '5': { breaks: [{ label: 'Salat Jumat' }] } } });
  });

  it('two admins adding the same counter number at once: one gets it, the other a 409', async () => {
    const add = (name: string) => t.app.inject({ method: 'POST', url: `/api/catalog/mpps/${mppId}/counters`, headers: national.headers, payload: { tenantId, number: 42, name } });
    const results = await Promise.all([add('Loket A'), add('Loket B'), add('Loket C')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    expect(await count(`counters WHERE number = 42 AND mpp_id = '${mppId}'`)).toBe(1);
  });

  it('two admins changing different fields of one record at once both keep their change (counter, agency, MPP, service)', async () => {
    const patch = (url: string, payload: object) => t.app.inject({ method: 'PATCH', url: `/api/catalog/mpps/${mppId}${url}`, headers: national.headers, payload });
    const counter = (await t.app.inject({ method: 'POST', url: `/api/catalog/mpps/${mppId}/counters`, headers: national.headers, payload: { tenantId, number: 77, name: 'Loket 77' } })).json();
    const service = (await t.app.inject({ method: 'POST', url: `/api/catalog/mpps/${mppId}/services`, headers: national.headers, payload: serviceBody(tenantId, 'RACE-1') })).json();
    // Several rounds: on PostgreSQL the two transactions really overlap; each round must keep both edits.
    for (let round = 0; round < 6; round++) {
      const results = await Promise.all([
        patch(`/counters/${counter.id}`, { name: `Loket 77 r${round}` }),
        patch(`/counters/${counter.id}`, { active: round % 2 === 0 }),
        patch(`/tenants/${tenantId}`, { name: `Satpas Polresta r${round}` }),
        patch(`/tenants/${tenantId}`, { description: `Uraian r${round}` }),
        patch('', { address: `Jl. Merdeka ${round}` }),
        patch('', { waitingCapacity: 100 + round }),
        patch(`/services/${service.id}`, { description: `Uraian layanan r${round}` }),
        patch(`/services/${service.id}`, { feeRupiah: 1000 * round, feeLegalBasis: 'PP 76/2020' }),
      ]);
      expect(results.map((r) => r.statusCode)).toEqual(new Array(8).fill(200));
      const c = (await t.db.query<{ name: string; active: boolean }>('SELECT name, active FROM counters WHERE id = $1', [counter.id])).rows[0]!;
      expect(c).toEqual({ name: `Loket 77 r${round}`, active: round % 2 === 0 });
      const ten = (await t.db.query<{ name: string; description: string }>('SELECT name, description FROM tenants WHERE id = $1', [tenantId])).rows[0]!;
      expect(ten).toEqual({ name: `Satpas Polresta r${round}`, description: `Uraian r${round}` });
      const m = (await t.db.query<{ address: string; waiting_capacity: number }>('SELECT address, waiting_capacity FROM mpps WHERE id = $1', [mppId])).rows[0]!;
      expect(m).toEqual({ address: `Jl. Merdeka ${round}`, waiting_capacity: 100 + round });
      const s = (await t.app.inject({ method: 'GET', url: `/api/catalog/mpps/${mppId}/services/${service.id}`, headers: national.headers })).json();
      expect({ description: s.description, feeRupiah: s.feeRupiah }).toEqual({ description: `Uraian layanan r${round}`, feeRupiah: 1000 * round });
    }
  });

  it('refuses negative fees and unknown requirement types without writing anything', async () => {
    const before = await count('services');
    const neg = await t.app.inject({ method: 'POST', url: `/api/catalog/mpps/${mppId}/services`, headers: national.headers, payload: serviceBody(tenantId, 'SIM-02', { feeRupiah: -5 }) });
    expect(neg.statusCode).toBe(400);
    expect(neg.json().detail).toContain('tidak boleh negatif');
    const unknown = await t.app.inject({ method: 'POST', url: `/api/catalog/mpps/${mppId}/services`, headers: national.headers, payload: serviceBody(tenantId, 'SIM-03', { requirements: [{ typeCode: 'KTP_EL' }, { typeCode: 'SURAT_SAKTI' }] }) });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'unknown_requirement_types', codes: ['SURAT_SAKTI'] });
    expect(await count('services')).toBe(before);
    expect(await count("service_versions WHERE snapshot->>'code' IN ('SIM-02', 'SIM-03')")).toBe(0);
  });

  it('keeps every version of a standard so the page citizens saw on a date can be rebuilt', async () => {
    clock.set('2026-11-23T02:00:00Z');
    const created = (await t.app.inject({ method: 'POST', url: `/api/catalog/mpps/${mppId}/services`, headers: national.headers, payload: serviceBody(tenantId, 'SIM-C', { name: 'Perpanjangan SIM C', feeRupiah: 75000 }) })).json();
    clock.set('2026-12-01T02:00:00Z');
    const patched = await t.app.inject({ method: 'PATCH', url: `/api/catalog/mpps/${mppId}/services/${created.id}`, headers: national.headers, payload: { feeRupiah: 0, feeLegalBasis: 'Program pemutihan' } });
    expect(patched.json()).toMatchObject({ version: 2, feeRupiah: 0 });
    const nov = await t.app.inject({ method: 'GET', url: '/api/public/mpps/mpp-cilacap/services/SIM-C?at=2026-11-30' });
    expect(nov.json()).toMatchObject({ feeRupiah: 75000, version: 1 });
    expect(nov.json().internal).toBeUndefined();
    const dec = await t.app.inject({ method: 'GET', url: '/api/public/mpps/mpp-cilacap/services/SIM-C?at=2026-12-01' });
    expect(dec.json()).toMatchObject({ feeRupiah: 0, version: 2, feeLegalBasis: 'Program pemutihan' });
    const staffView = await t.app.inject({ method: 'GET', url: `/api/catalog/mpps/${mppId}/services/${created.id}?at=2026-11-24T00:00:00Z`, headers: national.headers });
    expect(staffView.json()).toMatchObject({ version: 1, internal: expect.any(Object) });
    const versions = await t.app.inject({ method: 'GET', url: `/api/catalog/mpps/${mppId}/services/${created.id}/versions`, headers: national.headers });
    expect(versions.json().map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const before = (await t.app.inject({ method: 'GET', url: '/api/public/mpps/mpp-cilacap/services/SIM-C?at=2026-11-01' })).statusCode;
    expect(before).toBe(404);
  });

  it('flags an MoU that ends soon and one already past its date', async () => {
    clock.set('2026-11-23T02:00:00Z');
    const mk = (number: string, validUntil: string) =>
      t.app.inject({ method: 'POST', url: `/api/catalog/mpps/${mppId}/tenants/${tenantId}/agreements`, headers: national.headers, payload: { kind: 'mou', number, signedOn: '2024-01-10', validUntil } });
    expect((await mk('MOU/1/2024', '2027-01-10')).json().expiry).toBe('expiring');
    expect((await mk('MOU/2/2024', '2026-11-01')).json().expiry).toBe('expired');
    expect((await mk('MOU/3/2024', '2029-01-10')).json().expiry).toBe('ok');
    const dup = await mk('MOU/3/2024', '2029-01-10');
    expect(dup.statusCode).toBe(409);
    const bad = await t.app.inject({ method: 'POST', url: `/api/catalog/mpps/${mppId}/tenants/${tenantId}/agreements`, headers: national.headers, payload: { kind: 'pks', number: 'PKS/1', signedOn: '2025-01-10', validUntil: '2024-01-01' } });
    expect(bad.statusCode).toBe(400);
  });

  it('gives the national admin counts by province and tenant kind', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/catalog/national/summary', headers: national.headers });
    const rows = res.json() as { level: string; provinceCode: string | null; tenantKind: string | null; services: number; mpps: number }[];
    const jateng = rows.find((r) => r.level === 'province' && r.provinceCode === '33');
    expect(jateng?.mpps).toBe(2);
    expect(rows.find((r) => r.level === 'kind' && r.provinceCode === '33' && r.tenantKind === 'central_agency')?.services).toBeGreaterThanOrEqual(2);
    expect(rows.find((r) => r.level === 'national')?.mpps).toBe(await count('mpps'));
  });
});

describe('an MPP without a region code (created before the catalog had regions)', () => {
  it('still shows its public page and asks for the region on the next edit', async () => {
    const t = await createTestApp();
    try {
      const m = await seedMpp(t.db);
      const { rows } = await t.db.query<{ slug: string }>('SELECT slug FROM mpps WHERE id = $1', [m.mppId]);
      const page = await t.app.inject({ method: 'GET', url: `/api/public/mpps/${rows[0]!.slug}` });
      expect(page.statusCode).toBe(200);
      expect(page.json().mpp.regionCode).toBeNull();
      const admin = await staffCaller(t, 'mpp_admin', { mppId: m.mppId });
      const rename = await t.app.inject({ method: 'PATCH', url: `/api/catalog/mpps/${m.mppId}`, headers: admin.headers, payload: { name: 'MPP Baru' } });
      expect(rename.statusCode).toBe(400);
      expect(rename.json().errors).toEqual([{ path: 'body.regionCode', message: 'Kode wilayah wajib diisi untuk MPP ini.' }]);
      const fixed = await t.app.inject({ method: 'PATCH', url: `/api/catalog/mpps/${m.mppId}`, headers: admin.headers, payload: { name: 'MPP Baru', regionCode: '33.02' } });
      expect(fixed.statusCode).toBe(200);
      expect(fixed.json()).toMatchObject({ name: 'MPP Baru', regionCode: '33.02' });
    } finally {
      await t.close();
    }
  });
});
