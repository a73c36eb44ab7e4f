/**
 * Precision@1 of the service search on a labelled list of citizen queries (bench/search-queries.ts),
 * over the full demo data (3 MPPs, 25 agencies, 159 services each), with the citizen's MPP preferred
 * as the home page does. Runs on embedded PGlite; nothing to set up.
 *
 *   npm run bench:search-precision            # the table of misses and the precision
 *   BENCH_MIN_PRECISION=0.9 npm run bench:search-precision   # exits 1 below that
 */
import { searchServices } from '../src/catalog/search.js';
import { loadDemo } from '../src/demo/load.js';
import { openPglite, pgliteDb } from '../src/platform/db.js';
import { migrate } from '../src/platform/migrate.js';
import { QUERIES } from './search-queries.js';

const PREFER = 'mpp-demo-banyumas';

async function main(): Promise<void> {
  const db = pgliteDb(await openPglite());
  await migrate(db);
  await loadDemo(db, new Date());
  let right = 0;
  const byKind = new Map<string, { right: number; all: number }>();
  const misses: string[] = [];
  const times: number[] = [];
  for (const l of QUERIES) {
    const t0 = performance.now();
    const hits = await searchServices(db, l.q, { preferMpp: PREFER, limit: 5 });
    times.push(performance.now() - t0);
    const top = hits[0];
    const ok = !!top && top.mppSlug === PREFER && l.expect.includes(top.serviceName);
    const k = byKind.get(l.kind) ?? { right: 0, all: 0 };
    k.all++;
    if (ok) {
      right++;
      k.right++;
    } else misses.push(`  ✗ ${JSON.stringify(l.q).padEnd(34)} got ${top ? `${top.serviceName} (${top.mppSlug})` : '(nothing)'}; want ${l.expect.join(' | ')}`);
    byKind.set(l.kind, k);
  }
  const precision = right / QUERIES.length;
  times.sort((a, b) => a - b);
  process.stdout.write(`search precision@1 on ${QUERIES.length} labelled citizen queries (demo data, ${PREFER} preferred)\n`);
  for (const [kind, k] of [...byKind].sort()) process.stdout.write(`  ${kind.padEnd(14)} ${k.right}/${k.all}\n`);
  if (misses.length) process.stdout.write(`misses:\n${misses.join('\n')}\n`);
  process.stdout.write(`precision@1 = ${right}/${QUERIES.length} = ${(precision * 100).toFixed(1)}%   (median ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms a query on PGlite)\n`);
  await db.close();
  const min = Number(process.env.BENCH_MIN_PRECISION ?? 0);
  if (precision < min) process.exit(1);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
