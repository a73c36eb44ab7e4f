import { seedMpp, staffCaller, type Caller, type SeededMpp, type TestApp } from '../../test/support/app.js';
import { insertBookableService } from '../booking/fixtures.test-helpers.js';

export { nik } from '../booking/fixtures.test-helpers.js';

export interface MobileWorld extends SeededMpp {
  admin: Caller & { userId: string };
  officer: Caller & { userId: string };
  ktp: string;
  kk: string;
  unitId: string;
}

/** A published MPP in Kabupaten Banyumas (33.02, WIB) with two services, an admin, an officer and one unit offering both services. */
export async function seedMobileWorld(t: TestApp, opts: { regionCode?: string | null } = {}): Promise<MobileWorld> {
  const mpp = await seedMpp(t.db);
  await t.db.query('UPDATE mpps SET region_code = $2, published = true WHERE id = $1', [mpp.mppId, opts.regionCode === undefined ? '33.02' : opts.regionCode]);
  const ktp = await insertBookableService(t.db, mpp.mppId, mpp.tenantId, 'KTPKEL', {}, 'A');
  const kk = await insertBookableService(t.db, mpp.mppId, mpp.tenantId, 'KKKEL', {}, 'B');
  const admin = await staffCaller(t, 'mpp_admin', { mppId: mpp.mppId });
  const officer = await staffCaller(t, 'officer', { mppId: mpp.mppId, tenantId: mpp.tenantId });
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/mpps/${mpp.mppId}/mobile/units`,
    headers: admin.headers,
    payload: { name: 'Mobil Keliling 1', vehicle: 'Isuzu Elf', plate: 'r 1234 xy', serviceIds: [ktp, kk], crewUserIds: [officer.userId] },
  });
  if (res.statusCode !== 201) throw new Error(`unit setup failed: ${res.body}`);
  return { ...mpp, admin, officer, ktp, kk, unitId: res.json().id };
}

/** A stop body in Kecamatan Cilongok (33.02.17) on `date`, overridable. */
export function stopBody(w: MobileWorld, date: string, over: Record<string, unknown> = {}) {
  return {
    unitId: w.unitId,
    kecamatanCode: '33.02.17',
    villageCode: '33.02.17.2006',
    address: 'Balai Desa Pageraji, Jl. Raya Pageraji',
    lat: -7.4,
    lng: 109.15,
    date,
    startTime: '08:00',
    endTime: '12:00',
    capacity: 20,
    serviceIds: [w.ktp, w.kk],
    ...over,
  };
}

export async function createStop(t: TestApp, w: MobileWorld, date: string, over: Record<string, unknown> = {}) {
  return t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/mobile/stops`, headers: w.admin.headers, payload: stopBody(w, date, over) });
}

export function bookStop(t: TestApp, w: { mppId: string }, stopId: string, body: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: `/api/mobile/mpps/${w.mppId}/stops/${stopId}/bookings`, payload: { name: 'Siti Aminah', phone: '081234567890', ...body } });
}
