/**
 * `npm run bench`: runs every `bench:<name>` script of package.json one after another
 * (each benchmark prints its own numbers beside its pgbench baseline; see docs/benchmarks.md).
 * `npm run bench -- queue` runs only the named ones.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
const wanted = process.argv.slice(2);
const names = Object.keys(pkg.scripts)
  .filter((s) => s.startsWith('bench:'))
  .filter((s) => wanted.length === 0 || wanted.includes(s.slice('bench:'.length)));
if (names.length === 0) {
  process.stderr.write(`No benchmark matches ${wanted.join(', ') || '(any)'}.\n`);
  process.exit(2);
}
let failed = 0;
for (const name of names) {
  process.stdout.write(`\n### ${name}\n`);
  const r = spawnSync('npm', ['run', '-s', name], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
