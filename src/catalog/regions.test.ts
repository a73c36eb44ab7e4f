import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/support/db.js';
import { findDistricts, listDistricts } from './read.js';
import { importRegions } from './regions.js';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.drop());

it('ships the full national list: 38 provinces and 514 kabupaten/kota with their zones', async () => {
  const { rows } = await t.db.query<{ level: string; n: number }>('SELECT level, count(*)::int AS n FROM regions GROUP BY level ORDER BY level');
  expect(rows).toEqual([{ level: 'province', n: 38 }, { level: 'regency', n: 514 }]);
  const zones = await t.db.query<{ code: string; timezone: string; name: string }>("SELECT code, timezone, name FROM regions WHERE code IN ('33.02', '61.71', '73.06', '91.71') ORDER BY code");
  expect(zones.rows.map((r) => r.timezone)).toEqual(['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura']);
});

it('ships the 7,277 kecamatan, each inside a shipped kabupaten/kota, listed by name per kabupaten/kota', async () => {
  const { rows } = await t.db.query<{ n: number; orphans: number }>(
    'SELECT count(*)::int AS n, count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM regions r WHERE r.code = d.regency_code))::int AS orphans FROM region_districts d',
  );
  expect(rows[0]).toEqual({ n: 7277, orphans: 0 });
  const banyumas = await listDistricts(t.db, { regencyCode: '33.02' });
  expect(banyumas).toHaveLength(27);
  expect(banyumas.slice(0, 3).map((d) => d.name)).toEqual(['Ajibarang', 'Banyumas', 'Baturraden']);
  expect((await listDistricts(t.db, { regencyCode: '91.71' })).map((d) => d.name)).toEqual(['Abepura', 'Heram', 'Jayapura Selatan', 'Jayapura Utara', 'Muara Tami']);
  expect(await listDistricts(t.db, { regencyCode: '99.99' })).toEqual([]);
  expect(await findDistricts(t.db, { codes: ['73.06.04', '33.02.28'] })).toEqual([{ code: '73.06.04', regencyCode: '73.06', name: 'Tinggimoncong' }]);
});

it('loads a CSV update all or nothing: a new kabupaten after a pemekaran, or nothing on one bad row', async () => {
  const provinces = 'code,name\n91,PAPUA\n';
  const bad = await importRegions(t.db, provinces, 'code,province_code,name\n91.99,91,KABUPATEN PEMEKARAN BARU\n91.98,92,KABUPATEN SALAH PROVINSI\n');
  expect(bad.errors).toEqual([{ file: 'regencies', row: 3, reason: 'province_code "92" does not match the code' }]);
  expect((await t.db.query("SELECT 1 FROM regions WHERE code = '91.99'")).rowCount).toBe(0);
  const good = await importRegions(t.db, provinces, 'code,province_code,name\n91.99,91,KABUPATEN PEMEKARAN BARU\n');
  expect(good).toMatchObject({ provinces: 1, regencies: 1, errors: [] });
  const { rows } = await t.db.query<{ name: string; kind: string; timezone: string }>("SELECT name, kind, timezone FROM regions WHERE code = '91.99'");
  expect(rows[0]).toEqual({ name: 'Kabupaten Pemekaran Baru', kind: 'kabupaten', timezone: 'Asia/Jayapura' });
});
