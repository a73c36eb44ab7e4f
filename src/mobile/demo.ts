import { addDays, localParts, zonedInstant } from '../catalog/hours.js';
import { findDistricts, findVillage } from '../catalog/read.js';
import { listServices } from '../catalog/service-repository.js';
import { listMppStaff } from '../identity/repository.js';
import type { Queryable } from '../platform/db.js';
import * as repo from './repository.js';

/**
 * Demo mobile units and their stops for the next two weeks. The places are real kecamatan of Kabupaten
 * Banyumas, Kabupaten Gowa and Kota Jayapura, each at a real desa/kelurahan, by Kemendagri code; their
 * names come from the shipped region data, as the stop editor takes them (the kecamatan name written here
 * only says which one the code is).
 */
const DEMO: Record<string, { plate: string; units: { name: string; vehicle: string }[]; places: { code: string; village: string; name: string; address: string; lat: number; lng: number }[] }> = {
  '33.02': {
    plate: 'R',
    units: [
      { name: 'Mobil Keliling Satria 1', vehicle: 'Isuzu Elf (mobil layanan Dukcapil)' },
      { name: 'Bus Layanan Satria 2', vehicle: 'Bus sedang Hino (layanan SIM dan Samsat)' },
    ],
    places: [
      { code: '33.02.17', village: '33.02.17.2006', name: 'Cilongok', address: 'Balai Desa Pageraji, Jl. Raya Pageraji', lat: -7.3968, lng: 109.1497 },
      { code: '33.02.14', village: '33.02.14.2012', name: 'Ajibarang', address: 'Halaman Kantor Kecamatan Ajibarang, Jl. Raya Ajibarang', lat: -7.4137, lng: 109.0792 },
      { code: '33.02.07', village: '33.02.07.1013', name: 'Sumpiuh', address: 'Alun-alun Sumpiuh, Jl. Jenderal Sudirman', lat: -7.6103, lng: 109.3567 },
      { code: '33.02.22', village: '33.02.22.2011', name: 'Baturraden', address: 'Balai Desa Karangmangu, dekat Lokawisata Baturraden', lat: -7.3102, lng: 109.2297 },
      { code: '33.02.15', village: '33.02.15.2006', name: 'Gumelar', address: 'Pendopo Kecamatan Gumelar', lat: -7.3785, lng: 108.9926 },
    ],
  },
  '73.06': {
    plate: 'DD',
    units: [{ name: 'Mobil Pelayanan Keliling Butta Gowa', vehicle: 'Toyota Hiace (mobil layanan)' }],
    places: [
      { code: '73.06.04', village: '73.06.04.1001', name: 'Tinggimoncong', address: 'Lapangan Malino, Jl. Endang', lat: -5.2536, lng: 119.8513 },
      { code: '73.06.03', village: '73.06.03.1001', name: 'Tompobulu', address: 'Kantor Camat Tompobulu', lat: -5.3391, lng: 119.7636 },
      { code: '73.06.01', village: '73.06.01.1001', name: 'Bontonompo', address: 'Pasar Bontonompo, pelataran depan', lat: -5.3489, lng: 119.4418 },
    ],
  },
  '91.71': {
    plate: 'PA',
    units: [{ name: 'Mobil Layanan Port Numbay', vehicle: 'Mitsubishi L300 (mobil layanan)' }],
    places: [
      { code: '91.71.04', village: '91.71.04.1004', name: 'Muara Tami', address: 'Kantor Distrik Muara Tami, Koya Barat', lat: -2.6467, lng: 140.7911 },
      { code: '91.71.05', village: '91.71.05.1002', name: 'Heram', address: 'Halaman Gereja Waena, Jl. Raya Waena', lat: -2.5869, lng: 140.6392 },
    ],
  },
};

/** Adds the demo units and stops of one demo MPP (in the demo loader's transaction). */
export async function seedMobileDemo(tx: Queryable, input: { mppId: string; regionCode: string; timezone: string; now: Date }): Promise<{ units: number; stops: number }> {
  const demo = DEMO[input.regionCode];
  if (!demo) return { units: 0, stops: 0 };
  const services = (await listServices(tx, input.mppId, { activeOnly: true })).filter((s) => s.channels.includes('mobile'));
  const staff = await listMppStaff(tx, input.mppId);
  const crew = staff.filter((s) => s.email.startsWith('petugas.'));
  const today = localParts(input.now, input.timezone).date;
  const kecamatan = new Map((await findDistricts(tx, { codes: demo.places.map((p) => p.code) })).map((d) => [d.code, d.name]));
  let stops = 0;
  for (const [u, unit] of demo.units.entries()) {
    // Unit 1 brings the civil registry (KTP-el, KK, KIA, akta); unit 2 the rest of the mobile services.
    const offered = demo.units.length === 1 ? services : services.filter((s) => (u === 0) === (s.tenant.code === 'DUKCAPIL'));
    const unitId = await repo.insertUnit(tx, input.mppId, { name: unit.name, vehicle: unit.vehicle, plate: `${demo.plate} ${1001 + u} KL`, active: true });
    await repo.setUnitServices(tx, input.mppId, unitId, offered.map((s) => s.id));
    // The Dukcapil officer rides the Dukcapil car, the SIM and Samsat officers the bus; an MPP without officers sends its admin.
    const riders = demo.units.length === 1 ? crew : crew.filter((s) => (u === 0) === s.email.includes('dukcapil'));
    await repo.setUnitCrew(tx, input.mppId, unitId, (riders.length ? riders : staff.slice(0, 1)).map((s) => s.id));
    for (let k = 0; k < 6; k++) {
      const day = addDays(today, 1 + k * 2 + u);
      const place = demo.places[(k + u * 2) % demo.places.length]!;
      const village = await findVillage(place.village);
      const morning = k % 2 === 0;
      const stopId = await repo.insertStop(tx, input.mppId, {
        unitId,
        regionCode: village?.code ?? place.code,
        kecamatanCode: place.code,
        kecamatanName: kecamatan.get(place.code) ?? place.name,
        villageName: village?.name ?? null,
        address: place.address,
        lat: place.lat,
        lng: place.lng,
        startsAt: zonedInstant(day, morning ? 8 * 60 : 13 * 60, input.timezone),
        endsAt: zonedInstant(day, morning ? 12 * 60 : 16 * 60, input.timezone),
        localDay: day,
        capacity: morning ? 40 : 25,
        note: k === 0 ? 'Bawa KTP-el/KK asli dan fotokopinya.' : null,
      });
      await repo.setStopServices(tx, input.mppId, stopId, offered.map((s) => s.id));
      stops++;
    }
  }
  return { units: demo.units.length, stops };
}
