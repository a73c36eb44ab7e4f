/**
 * The estimate's error on replayed busy days at the demo MPP (model: bench/queue-estimate-model.ts),
 * per agency and per service, as Markdown for docs/queue.md.
 *
 *   npx tsx bench/queue-estimate-sim.ts [--days 5] [--seed 7] [--peak 0.95]
 */
import { accuracy, demoFloor, groupBy, simulate, type Accuracy } from './queue-estimate-model.js';

const args = new Map(process.argv.slice(2).map((a, i, all) => [a, all[i + 1]] as const).filter(([a]) => a.startsWith('--')));
const days = Number(args.get('--days') ?? 5);
const seed = Number(args.get('--seed') ?? 7);
const peak = Number(args.get('--peak') ?? 0.95);

const floor = demoFloor(peak);
const names = new Map(floor.services.map((s) => [s.id, s]));
const samples = simulate(floor, { days, seed });

const m = (x: number) => x.toFixed(1);
const row = (label: string, a: Accuracy) =>
  `| ${label} | ${a.tickets} | ${a.untimed} | ${m(a.meanActualMin)} | ${m(a.medianAbsErrorMin)} | ${m(a.p90AbsErrorMin)} | ${(100 * a.insideRange).toFixed(0)}% | ${m(a.medianRangeWidthMin)} | ${m(a.meanSignedErrorMin)} |`;
const head = (first: string) => [
  `| ${first} | calls | told "no counter open" | mean actual wait (min) | median abs error (min) | p90 abs error (min) | inside the range shown | median range width (min) | mean signed error (min) |`,
  '|---|---|---|---|---|---|---|---|---|',
];

console.log(`${days} simulated busy days at the demo MPP (peak load ${peak}), seed ${seed}, after one warm-up day\n`);
console.log(head('agency').join('\n'));
for (const [agency, xs] of groupBy(samples, (s) => names.get(s.service)!.agency)) console.log(row(agency, accuracy(xs)));
console.log(row('**all**', accuracy(samples)));
console.log('\nPer service:\n');
console.log(head('service').join('\n'));
for (const [service, xs] of groupBy(samples, (s) => s.service)) {
  const s = names.get(service)!;
  console.log(row(`${s.agency}: ${s.name}`, accuracy(xs)));
}
