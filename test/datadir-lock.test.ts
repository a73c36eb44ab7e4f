import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { lockDataDir } from '../src/platform/datadir-lock.js';

const run = promisify(execFile);
const DEAD_PID = '99999999'; // above any pid_max: no such process

describe('data directory lock', () => {
  it('keeps a second holder out and lets one in after release or a dead owner', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'layan-lock-'));
    const release = lockDataDir(dir);
    expect(readFileSync(path.join(dir, 'layan.lock'), 'utf8')).toBe(String(process.pid));
    release();
    writeFileSync(path.join(dir, 'layan.lock'), String(process.ppid)); // a live process that is not us
    expect(() => lockDataDir(dir)).toThrow(/in use by process/);
    writeFileSync(path.join(dir, 'layan.lock'), DEAD_PID);
    const again = lockDataDir(dir);
    expect(readFileSync(path.join(dir, 'layan.lock'), 'utf8')).toBe(String(process.pid));
    again();
  });

  it('gives a stale lock to exactly one of several processes taking it over at the same moment', async () => {
    const rounds = 25;
    const contenders = 4;
    const dirs = Array.from({ length: rounds }, () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'layan-lock-race-'));
      writeFileSync(path.join(dir, 'layan.lock'), DEAD_PID);
      return dir;
    });
    // Leave time for every contender to start (tsx on a busy machine), then one round each 60 ms.
    const startAt = Date.now() + 15_000;
    const meet = mkdtempSync(path.join(os.tmpdir(), 'layan-lock-meet-'));
    const outputs = await Promise.all(
      Array.from({ length: contenders }, () =>
        run(process.execPath, ['--import', 'tsx', 'test/support/lock-contender.ts', String(startAt), '60', meet, String(contenders), ...dirs], { timeout: 120_000 }),
      ),
    );
    const lines = outputs.flatMap((o) => o.stdout.trim().split('\n'));
    expect(lines).toHaveLength(rounds * contenders);
    for (const dir of dirs) {
      const winners = lines.filter((l) => l === `won ${dir}`);
      expect(winners, dir).toHaveLength(1);
    }
  }, 600_000);
});
