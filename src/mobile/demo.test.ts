import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, fakeClock, type TestApp } from '../../test/support/app.js';
import { findVillage } from '../catalog/read.js';
import { loadDemo } from '../demo/load.js';
import { nik } from './fixtures.test-helpers.js';

// Monday 23 November 2026, 07:00 WIB.
const clock = fakeClock('2026-11-23T00:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock, env: { BOOKING_RATE_LIMIT: '100000' } });
  await loadDemo(t.db, clock.now());
});
afterAll(() => t.close());

it('the demo MPPs publish upcoming stops by kecamatan, each bookable, inside their own kab/kota', async () => {
  const kecamatan = (await t.app.inject({ url: '/api/mobile/kecamatan' })).json() as { code: string; name: string; regencyName: string }[];
  expect(kecamatan.map((k) => `${k.name} (${k.regencyName})`)).toEqual(expect.arrayContaining(['Cilongok (Kabupaten Banyumas)', 'Tinggimoncong (Kabupaten Gowa)', 'Heram (Kota Jayapura)']));
  const stops = (await t.app.inject({ url: '/api/mobile/stops?kecamatan=33.02.17' })).json() as { id: string; mppId: string; services: { id: string; name: string }[]; startsAt: string; regionCode: string }[];
  expect(stops.length).toBeGreaterThan(0);
  expect(stops.every((s) => s.regionCode.startsWith('33.02.') && s.startsAt > clock.now().toISOString() && s.services.length > 0)).toBe(true);
  const first = stops[0]!;
  const ktp = first.services.find((s) => s.name === 'Perekaman KTP-el') ?? first.services[0]!;
  const res = await t.app.inject({ method: 'POST', url: `/api/mobile/mpps/${first.mppId}/stops/${first.id}/bookings`, payload: { serviceId: ktp.id, nik: nik(1), name: 'Siti Aminah', phone: '081234567890' } });
  expect(res.statusCode).toBe(201);
  // No unit is in two places at once.
  const overlaps = await t.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM mobile_stops a JOIN mobile_stops b ON a.mpp_id = b.mpp_id AND a.unit_id = b.unit_id AND a.id < b.id AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at`,
  );
  expect(overlaps.rows[0]!.n).toBe(0);
});

it('every demo stop is at a real desa/kelurahan of its kecamatan, named as the shipped region data names it', async () => {
  const { rows } = await t.db.query<{ region_code: string; kecamatan_code: string; village_name: string | null }>('SELECT region_code, kecamatan_code, village_name FROM mobile_stops');
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) {
    const village = await findVillage(r.region_code);
    expect(village, r.region_code).toMatchObject({ districtCode: r.kecamatan_code, name: r.village_name });
  }
  const cilongok = (await t.app.inject({ url: '/api/mobile/stops?kecamatan=33.02.17' })).json() as { villageCode: string; villageName: string }[];
  expect(cilongok[0]).toMatchObject({ villageCode: '33.02.17.2006', villageName: 'Pageraji' });
});
