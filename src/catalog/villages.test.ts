import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/support/db.js';
import { findVillage, listDistricts, listVillages } from './read.js';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.drop());

it('ships the desa/kelurahan of a kecamatan by name, each inside a shipped kecamatan', async () => {
  const ajibarang = await listVillages({ districtCode: '33.02.14' });
  expect(ajibarang).toHaveLength(15);
  expect(ajibarang.map((v) => v.name)).toEqual([...ajibarang.map((v) => v.name)].sort((a, b) => a.localeCompare(b, 'id')));
  expect(ajibarang.find((v) => v.code === '33.02.14.2001')).toEqual({ code: '33.02.14.2001', districtCode: '33.02.14', name: 'Darmakradenan' });
  expect(ajibarang.every((v) => v.code.startsWith('33.02.14.'))).toBe(true);
  // Every kecamatan of Banyumas has its villages in the file (331 in all in idn-area-data 3.1.2).
  const banyumas = await listDistricts(t.db, { regencyCode: '33.02' });
  const counts = await Promise.all(banyumas.map(async (d) => (await listVillages({ districtCode: d.code })).length));
  expect(counts.every((n) => n > 0)).toBe(true);
  expect(counts.reduce((a, b) => a + b, 0)).toBe(331);
});

it('finds a village by code, keeps the apostrophe of Madurese names, and knows nothing of unknown codes', async () => {
  expect(await findVillage('33.02.17.2006')).toEqual({ code: '33.02.17.2006', districtCode: '33.02.17', name: 'Pageraji' });
  expect((await findVillage('35.13.15.2017'))?.name).toBe("Soka'an");
  expect(await findVillage('33.02.14.2999')).toBeUndefined();
  expect(await findVillage('99.99.99.9999')).toBeUndefined();
  expect(await listVillages({ districtCode: '99.99.99' })).toEqual([]);
});
