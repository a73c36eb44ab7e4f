import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';

/**
 * The desa/kelurahan of the shipped region data (src/catalog/data/regions/villages.csv.gz, written by
 * scripts/gen-villages-data.ts). ~83,000 rows are too many for a migration run in every test database,
 * so they are read from the file on first use and kept in memory (about 10 MB), grouped by kecamatan.
 * The path is resolved from the repository root, the same from src/ (tsx, vitest) and dist/ (build):
 * like migrations/, the data file is not copied into dist/.
 */
export const VILLAGES_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/catalog/data/regions/villages.csv.gz');

export interface Village {
  code: string;
  districtCode: string;
  name: string;
}

let loading: Promise<Map<string, Village[]>> | undefined;

function load(): Promise<Map<string, Village[]>> {
  loading ??= (async () => {
    const text = (await promisify(gunzip)(await readFile(VILLAGES_FILE))).toString('utf8');
    const byDistrict = new Map<string, Village[]>();
    for (const line of text.split('\n').slice(1)) {
      if (!line) continue;
      const [code = '', districtCode = '', name = ''] = line.split(',');
      const list = byDistrict.get(districtCode) ?? [];
      if (!list.length) byDistrict.set(districtCode, list);
      list.push({ code, districtCode, name });
    }
    for (const list of byDistrict.values()) list.sort((a, b) => a.name.localeCompare(b.name, 'id') || a.code.localeCompare(b.code));
    return byDistrict;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

/** The desa/kelurahan of one kecamatan by name; none for an unknown kecamatan. */
export async function listVillages(input: { districtCode: string }): Promise<Village[]> {
  return (await load()).get(input.districtCode) ?? [];
}

/** A desa/kelurahan by its Kemendagri code `NN.NN.NN.NNNN`, if the data has it. */
export async function findVillage(code: string): Promise<Village | undefined> {
  return (await listVillages({ districtCode: code.slice(0, 8) })).find((v) => v.code === code);
}
