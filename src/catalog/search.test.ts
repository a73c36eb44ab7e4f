import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, staffCaller, type TestApp } from '../../test/support/app.js';
import { loadDemo } from '../demo/load.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await loadDemo(t.db, new Date('2026-11-23T02:00:00Z'));
});
afterAll(() => t.close());

async function search(q: string, extra = ''): Promise<{ serviceName: string; mppSlug: string; serviceCode: string }[]> {
  const res = await t.app.inject({ method: 'GET', url: `/api/public/search?q=${encodeURIComponent(q)}&mpp=mpp-demo-banyumas${extra}` });
  expect(res.statusCode).toBe(200);
  return res.json();
}

describe('service search in Bahasa Indonesia', () => {
  it.each([
    ['perpanjang sim', /^Perpanjangan SIM/],
    ['sim perpanjangan', /^Perpanjangan SIM/],
    ['pajak kendaran', /Pajak Kendaraan Bermotor/],
    ['ktp hilang', /KTP-el karena hilang/],
    ['bikin akte lahir', /akta kelahiran/],
    ['bayar pbb', /Pajak Bumi dan Bangunan/],
    ['pasport hilang', /paspor hilang/],
    ['ktp hilng', /KTP-el karena hilang/],
  ])('"%s" finds the service at the top', async (q, expected) => {
    const hits = await search(q);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]!.serviceName).toMatch(expected);
  });

  it.each([
    ['mau bikin paspor', /paspor/i],
    ['bayar pdam', /air/i],
    ['urus akte kelahiran anak', /akta kelahiran/],
    ['ktp elektronik hilang', /KTP-el karena hilang/],
    ['e-KTP rusak', /KTP-el karena rusak/],
    ['imb', /Persetujuan Bangunan Gedung/],
    ['cek sertifikat tanah', /Pengecekan sertipikat tanah/],
    ['renew driving licence', /^Perpanjangan SIM/],
    ['lost passport', /paspor hilang/],
    ['birth certificate', /akta kelahiran/],
    ['perpanjang sim pokoknya', /^Perpanjangan SIM/],
  ])('people\'s words: "%s" finds the service at the top', async (q, expected) => {
    const hits = await search(q);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]!.serviceName).toMatch(expected);
  });

  it.each([
    // A single letter still tells the two SIM classes apart.
    ['perpanjang sim c', /^Perpanjangan SIM C$/],
    ['perpanjang sim a', /^Perpanjangan SIM A$/],
    // One word must miss; the rarer one decides, not the everyday verb.
    ['urus imb', /Persetujuan Bangunan Gedung/],
    ['bikin siup', /Nomor Induk Berusaha/],
    // The word as typed ("bpjs", the agency) beats a service that only shares its alternative ("jkn").
    ['daftar bpjs kesehatan', /^Pendaftaran peserta JKN mandiri$/],
    // The service named by the query's alternatives wins the tie.
    ['family card', /Kartu Keluarga/],
    ['new passport', /^Permohonan paspor baru/],
    ['ganti data ktp', /^Perubahan data KTP-el$/],
  ])('ties and partial matches: "%s" puts the right service first', async (q, expected) => {
    const hits = await search(q);
    expect(hits[0]?.serviceName).toMatch(expected);
  });

  it('ranks the preferred MPP first without hiding the others', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/search?q=ktp%20hilang&preferMpp=mpp-demo-gowa&limit=10' });
    const slugs = (res.json() as { mppSlug: string }[]).map((h) => h.mppSlug);
    expect(slugs[0]).toBe('mpp-demo-gowa');
    expect(new Set(slugs)).toEqual(new Set(['mpp-demo-banyumas', 'mpp-demo-gowa', 'mpp-demo-jayapura']));
    const papua = await t.app.inject({ method: 'GET', url: '/api/public/search?q=ktp%20hilang&preferProvince=91&limit=10' });
    expect((papua.json() as { mppSlug: string }[])[0]!.mppSlug).toBe('mpp-demo-jayapura');
  });

  it('a national admin extends the vocabulary and the search follows at once', async () => {
    expect(await search('zzsatu')).toEqual([]);
    const { headers: login } = await staffCaller(t, 'national_admin');
    const put = await t.app.inject({ method: 'PUT', url: '/api/catalog/search-synonyms/word/zzsatu', headers: login, payload: { expansion: 'Paspor' } });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({ term: 'zzsatu', kind: 'word', expansion: 'paspor' });
    expect((await search('zzsatu hilang'))[0]!.serviceName).toMatch(/paspor hilang/);
    // An abbreviation is written into the services' search text: the new short form finds them.
    expect(await search('zzpas')).toEqual([]);
    expect((await t.app.inject({ method: 'PUT', url: '/api/catalog/search-synonyms/abbreviation/zzpas', headers: login, payload: { expansion: 'penggantian paspor hilang' } })).statusCode).toBe(200);
    expect((await search('zzpas'))[0]!.serviceName).toMatch(/Penggantian paspor hilang/);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/catalog/search-synonyms/abbreviation/zzpas', headers: login })).statusCode).toBe(204);
    expect(await search('zzpas')).toEqual([]);
    const bad = await t.app.inject({ method: 'PUT', url: '/api/catalog/search-synonyms/word/Bad%20Term', headers: login, payload: { expansion: 'x' } });
    expect(bad.statusCode).toBe(400);
    const empty = await t.app.inject({ method: 'PUT', url: '/api/catalog/search-synonyms/word/kosong', headers: login, payload: { expansion: '' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().detail ?? empty.json().title).toContain('kosong');
  });

  it('expands an abbreviation both ways: the full words find SIM services', async () => {
    const hits = await search('surat izin mengemudi');
    expect(hits.slice(0, 3).every((h) => /SIM/.test(h.serviceName))).toBe(true);
  });

  it('does not return unrelated services for a word no service has', async () => {
    expect(await search('xylofon kuantum')).toEqual([]);
  });

  it('searches across all MPPs when no MPP is given, and filters by province', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/search?q=ktp%20hilang&limit=10' });
    const slugs = new Set((res.json() as { mppSlug: string }[]).map((h) => h.mppSlug));
    expect(slugs).toEqual(new Set(['mpp-demo-banyumas', 'mpp-demo-gowa', 'mpp-demo-jayapura']));
    const papua = await t.app.inject({ method: 'GET', url: '/api/public/search?q=ktp%20hilang&province=91' });
    expect((papua.json() as { mppSlug: string }[]).map((h) => h.mppSlug)).toEqual(['mpp-demo-jayapura']);
  });

  it('finds a renamed service by its new name only', async () => {
    const { rows } = await t.db.query<{ id: string; mpp_id: string }>("SELECT s.id, s.mpp_id FROM services s JOIN mpps m ON m.id = s.mpp_id WHERE m.slug = 'mpp-demo-banyumas' AND s.code = 'KEJARI-03'");
    const { updateServiceTx, inputOf } = await import('./standards-service.js');
    const { getService } = await import('./service-repository.js');
    const before = await getService(t.db, rows[0]!.mpp_id, rows[0]!.id);
    await t.db.transaction((tx) => updateServiceTx(tx, rows[0]!.mpp_id, before, { ...inputOf(before), name: 'Penyuluhan hukum keliling' }, { type: 'system', id: null, label: 'test', requestId: null }, new Date()));
    expect((await search('penyuluhan hukum'))[0]!.serviceCode).toBe('KEJARI-03');
  });

  it('refuses a one-letter query with a clear message', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/search?q=a' });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toContain('minimal 2 huruf');
  });
});
