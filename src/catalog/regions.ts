import type { Db } from '../platform/db.js';
import { listProvinceCodes, upsertRegion } from './repository.js';
import { readCsv } from './spreadsheet.js';

export interface RegionImportResult {
  provinces: number;
  regencies: number;
  errors: { file: 'provinces' | 'regencies'; row: number; reason: string }[];
}

const KEEP_UPPER = new Set(['DKI', 'DI']);
/** "KABUPATEN PANGKAJENE DAN KEPULAUAN" -> "Kabupaten Pangkajene dan Kepulauan". */
export function displayName(official: string): string {
  return official
    .trim()
    .split(/\s+/)
    .map((w) => (KEEP_UPPER.has(w) ? w : w === 'DAN' ? 'dan' : w.charAt(0) + w.slice(1).toLowerCase()))
    .join(' ');
}

/** The zone most of a province lives in (no DST in Indonesia). */
export function provinceTimezone(code: string): string {
  const n = Number(code);
  if (n === 61 || n === 62) return 'Asia/Pontianak';
  if (n < 50) return 'Asia/Jakarta';
  if (n >= 81) return 'Asia/Jayapura';
  return 'Asia/Makassar';
}

/**
 * Upserts provinces (`code,name`) and kabupaten/kota (`code,province_code,name`) from CSV text in the
 * layout of the shipped data. Every row is checked first; one bad row and nothing is written.
 */
export async function importRegions(db: Db, provincesCsv: string, regenciesCsv: string): Promise<RegionImportResult> {
  const result: RegionImportResult = { provinces: 0, regencies: 0, errors: [] };
  const provinces = readCsv(provincesCsv);
  const regencies = readCsv(regenciesCsv);
  const provinceCodes = new Set<string>(await listProvinceCodes(db));
  for (const { line, cells } of provinces.rows) {
    if (!/^\d{2}$/.test(cells.code ?? '')) result.errors.push({ file: 'provinces', row: line, reason: `code "${cells.code ?? ''}" is not NN` });
    else if (!cells.name || cells.name.length < 2) result.errors.push({ file: 'provinces', row: line, reason: 'name is empty' });
    else provinceCodes.add(cells.code!);
  }
  for (const { line, cells } of regencies.rows) {
    const code = cells.code ?? '';
    if (!/^\d{2}\.\d{2}$/.test(code)) result.errors.push({ file: 'regencies', row: line, reason: `code "${code}" is not NN.NN` });
    else if (cells.province_code !== code.slice(0, 2)) result.errors.push({ file: 'regencies', row: line, reason: `province_code "${cells.province_code ?? ''}" does not match the code` });
    else if (!provinceCodes.has(code.slice(0, 2))) result.errors.push({ file: 'regencies', row: line, reason: `unknown province ${code.slice(0, 2)}` });
    else if (!/^(KABUPATEN|KOTA) /i.test(cells.name ?? '')) result.errors.push({ file: 'regencies', row: line, reason: 'name must start with KABUPATEN or KOTA' });
  }
  if (result.errors.length) return result;
  await db.transaction(async (tx) => {
    for (const { cells } of provinces.rows) {
      await upsertRegion(tx, { code: cells.code!, level: 'province', kind: 'provinsi', provinceCode: cells.code!, name: displayName(cells.name!), officialName: cells.name!.toUpperCase(), timezone: provinceTimezone(cells.code!) });
      result.provinces++;
    }
    for (const { cells } of regencies.rows) {
      const name = cells.name!.toUpperCase();
      await upsertRegion(tx, { code: cells.code!, level: 'regency', kind: name.startsWith('KOTA') ? 'kota' : 'kabupaten', provinceCode: cells.province_code!, name: displayName(name), officialName: name, timezone: provinceTimezone(cells.province_code!) });
      result.regencies++;
    }
  });
  return result;
}
