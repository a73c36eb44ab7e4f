/**
 * Writes src/catalog/data/regions/villages.csv.gz (`code,district_code,name`, ~83,000 desa/kelurahan) from
 * idn-area-data 3.1.2's villages.csv (ODbL; see the README there). The villages are too many for a
 * migration run in every test database, so catalog reads this file lazily (src/catalog/villages.ts).
 *   cd /tmp && npm pack idn-area-data@3.1.2 && tar xzf idn-area-data-3.1.2.tgz
 *   npx tsx scripts/gen-villages-data.ts /tmp/package/data/villages.csv
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { readCsv } from '../src/catalog/spreadsheet.js';

const source = process.argv[2];
if (!source) throw new Error('usage: npx tsx scripts/gen-villages-data.ts path/to/villages.csv');
const districts = new Set(readCsv(readFileSync('src/catalog/data/regions/districts.csv', 'utf8')).rows.map((r) => r.cells.code));
const seen = new Set<string>();
// The source is not quoted CSV: a few Madurese names write the glottal stop as `"` (Soka"an), which this
// writes as an apostrophe (Soka'an); no name holds a comma, so each line splits at its first two commas.
const [header, ...body] = readFileSync(source, 'utf8').split(/\r?\n/).filter((l) => l.trim());
if (header !== 'code,district_code,name') throw new Error(`unexpected header ${header}`);
const lines = body.map((line) => {
  const [code = '', district = '', ...rest] = line.split(',');
  const name = rest.join(',');
  const clean = name.trim().replace(/\s+/g, ' ').replace(/"/g, "'");
  if (/,/.test(clean)) throw new Error(`comma in name ${line}`);
  if (!/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(code) || code.slice(0, 8) !== district || clean.length < 2 || clean.length > 100) throw new Error(`bad row ${code},${district},${name}`);
  if (!districts.has(district)) throw new Error(`village ${code} in unknown kecamatan ${district}`);
  if (seen.has(code)) throw new Error(`duplicate village ${code}`);
  seen.add(code);
  return `${code},${district},${clean}`;
});
lines.sort();
const csv = `code,district_code,name\n${lines.join('\n')}\n`;
// mtime 0 in the gzip header keeps the file byte-identical between runs.
writeFileSync('src/catalog/data/regions/villages.csv.gz', gzipSync(csv, { level: 9 }));
console.log(`${lines.length} desa/kelurahan written`);
