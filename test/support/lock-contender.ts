// A process contending for stale data-dir locks (test/datadir-lock.test.ts). For each directory it
// waits until that round's start time, tries to take the lock, and prints "won <dir>" or
// "lost <dir>". It keeps whatever it won until it exits, as a real server would.
import { lockDataDir } from '../../src/platform/datadir-lock.js';

import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [startAt, stepMs, meetDir, contenders, ...dirs] = process.argv.slice(2);
const results: string[] = [];
for (const [i, dir] of dirs.entries()) {
  const at = Number(startAt) + i * Number(stepMs);
  while (Date.now() < at) {
    // spin: every contender leaves the line at the same moment
  }
  try {
    lockDataDir(dir!);
    results.push(`won ${dir}`);
  } catch {
    results.push(`lost ${dir}`);
  }
}
process.stdout.write(`${results.join('\n')}\n`);
// Hold the locks won until every contender is done: a winner that exited early would leave a stale
// lock that a contender started late (a busy machine) could rightly take, a second winner by timing.
mkdirSync(meetDir!, { recursive: true });
writeFileSync(path.join(meetDir!, String(process.pid)), '');
while (readdirSync(meetDir!).length < Number(contenders)) {
  await new Promise((r) => setTimeout(r, 50));
}
