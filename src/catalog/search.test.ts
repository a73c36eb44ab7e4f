import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.js';
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
