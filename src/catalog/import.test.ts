import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, staffCaller, type Caller, type TestApp } from '../../test/support/app.js';

let t: TestApp;
let admin: Caller;
let mppId: string;

async function count(sql: string): Promise<number> {
  return (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, [mppId])).rows[0]!.n;
}
const importCsv = (caller: Caller, entity: string, content: string, lang = 'id') =>
  t.app.inject({ method: 'POST', url: `/api/catalog/mpps/${mppId}/import`, headers: { ...caller.headers, 'accept-language': lang }, payload: { entity, format: 'csv', content } });

const TENANTS_CSV = `code,name,kind,description
DUKCAPIL,Dinas Kependudukan dan Pencatatan Sipil,regional_office,Gerai Dukcapil
POLRES,Satpas Polresta,central_agency,
PLN,PT PLN (Persero),bumn,
PDAM,Perumda Air Minum,bumd,
NOTARIS,Pojok Notaris,private,
`;
const SERVICES_CSV = `code;name;tenant_code;ticket_prefix;requirements;procedure;completion_value;completion_unit;fee_rupiah;product;channels
DUK-01;Penggantian KTP-el karena hilang;DUKCAPIL;A;KTP_EL,KK,SURAT_KEHILANGAN;Ambil antrean | Serahkan berkas | Ambil KTP-el;30;minutes;0;KTP-el;direct,mobile
SIM-01;Perpanjangan SIM A;POLRES;B;KTP_EL,SIM_LAMA;Ambil antrean | Tes kesehatan;60;minutes;80.000;SIM A;direct
`;

beforeAll(async () => {
  t = await createTestApp();
  admin = await staffCaller(t, 'national_admin');
  const res = await t.app.inject({ method: 'POST', url: '/api/catalog/mpps', headers: admin.headers, payload: { name: 'MPP Impor', slug: 'mpp-impor', regionCode: '35.78', timezone: 'Asia/Jakarta' } });
  mppId = res.json().id;
});
afterAll(() => t.close());

describe('bulk import', () => {
  it('imports good tenants, counters and services (semicolon CSV from Excel too)', async () => {
    const tenants = await importCsv(admin, 'tenants', TENANTS_CSV);
    expect(tenants.statusCode).toBe(200);
    expect(tenants.json()).toMatchObject({ applied: true, created: 5, errors: [] });
    const counters = await importCsv(admin, 'counters', 'number,name,tenant_code\n1,Loket Dukcapil 1,DUKCAPIL\n2,Loket SIM,POLRES\n');
    expect(counters.json()).toMatchObject({ applied: true, created: 2 });
    const services = await importCsv(admin, 'services', SERVICES_CSV);
    expect(services.json()).toMatchObject({ applied: true, created: 2 });
    const page = await t.app.inject({ method: 'GET', url: '/api/public/mpps/mpp-impor/services/SIM-01' });
    expect(page.json()).toMatchObject({ feeRupiah: 80000, procedureSteps: ['Ambil antrean', 'Tes kesehatan'], requirements: [{ typeCode: 'KTP_EL' }, { typeCode: 'SIM_LAMA' }] });
  });

  it('re-importing updates rows by code and keeps the old service version', async () => {
    const res = await importCsv(admin, 'services', SERVICES_CSV.replace('80.000', '90000'));
    expect(res.json()).toMatchObject({ applied: true, created: 0, updated: 2 });
    expect(await count("service_versions v JOIN services s ON s.id = v.service_id WHERE s.mpp_id = $1 AND s.code = 'SIM-01'")).toBe(2);
    expect(await count("service_versions v JOIN services s ON s.id = v.service_id WHERE s.mpp_id = $1 AND s.code = 'DUK-01'")).toBe(1);
  });

  it('names every bad row, column and reason, and writes nothing when any row is bad', async () => {
    const before = await count('services WHERE mpp_id = $1');
    const csv = `code,name,tenant_code,ticket_prefix,requirements,fee_rupiah,completion_unit
NEW-01,Layanan baik,DUKCAPIL,A,KTP_EL,0,minutes
NEW-02,Biaya negatif,DUKCAPIL,A,KTP_EL,-500,minutes
NEW-03,Persyaratan aneh,DUKCAPIL,A,KTP_EL;SURAT_SAKTI,0,minutes
NEW-04,Instansi tak dikenal,BEACUKAI,A,,0,minutes
NEW-01,Kode ganda,DUKCAPIL,A,,0,minutes
NEW-05,,DUKCAPIL,A,,0,minutes
NEW-06,Satuan waktu salah,DUKCAPIL,A,,0,hours
DUK-01,Kode sudah ada tapi prefiks salah,DUKCAPIL,1,,0,minutes
`;
    const res = await importCsv(admin, 'services', csv);
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body.code).toBe('import_rejected');
    expect(body.applied).toBe(false);
    const byRow = Object.fromEntries((body.errors as { row: number; column: string; reason: string }[]).map((e) => [e.row, e]));
    expect(byRow[3]).toMatchObject({ column: 'fee_rupiah', reason: expect.stringContaining('tidak boleh negatif') });
    expect(byRow[4]).toMatchObject({ column: 'requirements', reason: expect.stringContaining('SURAT_SAKTI') });
    expect(byRow[5]).toMatchObject({ column: 'tenant_code', reason: expect.stringContaining('BEACUKAI') });
    expect(byRow[6]).toMatchObject({ column: 'code', reason: 'Duplikat dengan baris 2.' });
    expect(byRow[7]).toMatchObject({ column: 'name', reason: 'Wajib diisi.' });
    expect(byRow[8]).toMatchObject({ column: 'completion_unit' });
    expect(byRow[9]).toMatchObject({ column: 'ticket_prefix' });
    expect(byRow[2]).toBeUndefined();
    expect(await count('services WHERE mpp_id = $1')).toBe(before);
  });

  it('refuses duplicate counter numbers and unknown tenant kinds, in English on request', async () => {
    const counters = await importCsv(admin, 'counters', 'number,name,tenant_code\n7,A,DUKCAPIL\n7,B,POLRES\n', 'en');
    expect(counters.json().errors).toEqual([{ row: 3, column: 'number', reason: 'Duplicate of row 2.' }]);
    const tenants = await importCsv(admin, 'tenants', 'code,name,kind\nBNI,Bank BNI,bank\n', 'en');
    expect(tenants.json().errors[0]).toMatchObject({ row: 2, column: 'kind' });
    const noHeader = await importCsv(admin, 'services', 'kode,nama\nX,Y\n');
    expect(noHeader.json().errors[0]).toMatchObject({ row: 1, column: expect.stringContaining('code') });
    expect(await count('counters WHERE mpp_id = $1 AND number = 7')).toBe(0);
  });

  it('a tenant admin may import only rows of its own tenant', async () => {
    const { rows } = await t.db.query<{ id: string }>("SELECT id FROM tenants WHERE mpp_id = $1 AND code = 'DUKCAPIL'", [mppId]);
    const tenantAdmin = await staffCaller(t, 'tenant_admin', { mppId, tenantId: rows[0]!.id });
    const res = await importCsv(tenantAdmin, 'counters', 'number,name,tenant_code\n20,Loket baru,DUKCAPIL\n21,Loket orang lain,POLRES\n');
    expect(res.json().errors).toEqual([{ row: 3, column: 'tenant_code', reason: 'Anda tidak berwenang atas instansi "POLRES".' }]);
    const tenants = await importCsv(tenantAdmin, 'tenants', TENANTS_CSV);
    expect(tenants.statusCode).toBe(403);
    const counter2 = await importCsv(tenantAdmin, 'counters', 'number,name,tenant_code\n2,Rebut loket SIM,DUKCAPIL\n');
    expect(counter2.json().errors[0]).toMatchObject({ row: 2, column: 'number' });
  });

  it('exports as XLSX and the same file imports back unchanged', async () => {
    const exp = await t.app.inject({ method: 'GET', url: `/api/catalog/mpps/${mppId}/export?entity=services&format=xlsx`, headers: admin.headers });
    expect(exp.statusCode).toBe(200);
    expect(exp.headers['content-type']).toContain('spreadsheetml');
    const res = await t.app.inject({ method: 'POST', url: `/api/catalog/mpps/${mppId}/import`, headers: admin.headers, payload: { entity: 'services', format: 'xlsx', content: exp.rawPayload.toString('base64') } });
    expect(res.json()).toMatchObject({ applied: true, created: 0, updated: 2, errors: [] });
    expect(await count("service_versions v JOIN services s ON s.id = v.service_id WHERE s.mpp_id = $1 AND s.code = 'SIM-01'")).toBe(2);
    const csv = await t.app.inject({ method: 'GET', url: `/api/catalog/mpps/${mppId}/export?entity=tenants&format=csv`, headers: admin.headers });
    expect(csv.body).toContain('DUKCAPIL,Dinas Kependudukan dan Pencatatan Sipil,regional_office');
  });

  it('reports a file that is not a spreadsheet', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/catalog/mpps/${mppId}/import`, headers: admin.headers, payload: { entity: 'services', format: 'xlsx', content: Buffer.from('bukan excel').toString('base64') } });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].reason).toContain('tidak dapat dibaca');
  });
});
