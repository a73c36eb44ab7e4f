import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

/**
 * `npm run budget` (after `npm run build`): the JavaScript a citizen's phone downloads to show a
 * public page for the first time, brotli-compressed as the server sends it. Fails when the app's
 * entry or any public page's first load exceeds the budget (issue 17: at most 100 kB on a cheap phone
 * over a slow link). Staff, kiosk and board screens are not counted: they load on good networks.
 */
export const BUDGET_BYTES = 100 * 1000;

/** The public pages, each with the route group (`web/src/route-groups/<group>.ts`) that holds it. */
export const PUBLIC_PAGES: { url: string; group: string }[] = [
  { url: '/', group: 'home' },
  { url: '/masuk', group: 'home' },
  { url: '/mpp', group: 'catalog-public' },
  { url: '/cari', group: 'catalog-public' },
  { url: '/mpp/:slug', group: 'catalog-public' },
  { url: '/mpp/:slug/layanan/:code', group: 'catalog-public' },
  { url: '/booking', group: 'booking-public' },
  { url: '/booking/cari', group: 'booking-public' },
  { url: '/booking/kelola/:mppId/:code', group: 'booking-public' },
  { url: '/antrean-online/:mppId', group: 'ticket' },
  { url: '/antrean/:token', group: 'ticket' },
  { url: '/survei/:code', group: 'survey-public' },
  { url: '/pengaduan/:slug', group: 'complaints-public' },
  { url: '/lacak/:code', group: 'complaints-public' },
  { url: '/layanan-saya', group: 'citizen-public' },
  { url: '/keliling', group: 'mobile-public' },
  { url: '/keliling/:mppId/:stopId', group: 'mobile-public' },
];

type Chunk = { file: string; isEntry?: boolean; imports?: string[] };
type Manifest = Record<string, Chunk>;

/** The files a chunk needs before it runs: itself and its static imports, transitively. */
export function closure(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`${key} is not in the build manifest`);
  if (into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const dep of chunk.imports ?? []) closure(manifest, dep, into);
  return into;
}

function brotliSize(webDir: string, file: string): number {
  const full = path.join(webDir, file);
  if (existsSync(`${full}.br`)) return readFileSync(`${full}.br`).length;
  return brotliCompressSync(readFileSync(full), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

export type BudgetLine = { name: string; bytes: number; files: number };

/** The first-load size of the entry and of every public page. */
export function measure(webDir: string): BudgetLine[] {
  const manifest = JSON.parse(readFileSync(path.join(webDir, '.vite/manifest.json'), 'utf8')) as Manifest;
  const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  if (!entryKey) throw new Error('no entry chunk in the build manifest');
  const entry = closure(manifest, entryKey);
  const size = (files: Set<string>) => [...files].reduce((sum, f) => sum + brotliSize(webDir, f), 0);
  const lines: BudgetLine[] = [{ name: 'entry', bytes: size(entry), files: entry.size }];
  for (const p of PUBLIC_PAGES) {
    const files = closure(manifest, `src/route-groups/${p.group}.ts`, new Set(entry));
    lines.push({ name: `${p.url} (${p.group})`, bytes: size(files), files: files.size });
  }
  return lines;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  const webDir = path.resolve(process.argv[2] ?? 'dist/web');
  const lines = measure(webDir);
  let over = 0;
  for (const l of lines) {
    const flag = l.bytes > BUDGET_BYTES ? '  OVER BUDGET' : '';
    if (flag) over++;
    console.log(`${(l.bytes / 1000).toFixed(1).padStart(7)} kB br  ${String(l.files).padStart(2)} files  ${l.name}${flag}`);
  }
  console.log(`budget: ${(BUDGET_BYTES / 1000).toFixed(0)} kB of brotli-compressed JavaScript for a public page's first load`);
  if (over) {
    console.error(`${over} public page(s) over the budget: split the route group or drop a dependency from the entry.`);
    process.exit(1);
  }
}
