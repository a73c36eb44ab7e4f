import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // Busy machines start slowly: wait for the condition with a generous deadline, never a fixed count.
  const ready = async (deadlineMs = 180_000): Promise<string> => {
    const end = Date.now() + deadlineMs;
    for (;;) {
      if (child.exitCode !== null) throw new Error(out);
      const url = /Layan is running at (http:\/\/\S+)/.exec(out)?.[1];
      if (url && (await fetch(`${url}/readyz`).then((r) => r.ok, () => false))) return url;
      if (Date.now() > end) throw new Error(`not ready:\n${out}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  return { child, exited, ready, output: () => out };
}

it('refuses a bad configuration value by name', async () => {
  const s = start({ PORT: 'abc' });
  expect(await s.exited).toBe(1);
  expect(s.output()).toContain('PORT');
});

it('keeps data across restarts, refuses a second process on the same data, and drains on SIGTERM', async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'layan-proc-'));
  const env = { LOG_LEVEL: 'info', DATA_DIR: dataDir, ADMIN_EMAIL: 'root@test.layan', ADMIN_PASSWORD: 'password-for-root', PORT: '0' };
  const first = start(env);
  const url = await first.ready();
  expect(first.output()).toContain('First national admin: root@test.layan');

  const second = start(env);
  expect(await second.exited).toBe(1);
  expect(second.output()).toMatch(/in use by process/);

  // Requests the server has received when SIGTERM arrives still get their answers. Sign-ins are
  // slow on purpose (argon2id), so they are still being worked on when the signal lands. Five, the
  // sign-in throttle's limit per account and address: a sixth at once would rightly be refused (429).
  const received = () => (first.output().match(/"incoming request"/g) ?? []).length;
  const before = received();
  const inflight = Array.from({ length: 5 }, () =>
    fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'root@test.layan', password: 'password-for-root' }) }).then((r) => r.status),
  );
  const deadline = Date.now() + 120_000;
  while (received() < before + 5) {
    if (Date.now() > deadline) throw new Error(`requests never arrived:\n${first.output()}`);
    await new Promise((r) => setTimeout(r, 2));
  }
  first.child.kill('SIGTERM');
  expect(await Promise.all(inflight)).toEqual([200, 200, 200, 200, 200]);
  expect(await first.exited).toBe(0);

  const third = start(env);
  const url3 = await third.ready();
  expect(third.output()).not.toContain('First national admin');
  const login = await fetch(`${url3}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'root@test.layan', password: 'password-for-root' }) });
  expect(login.status).toBe(200);
  third.child.kill('SIGTERM');
  expect(await third.exited).toBe(0);
}, 600_000);

it('does not hang on an unreachable database: says it is waiting, then exits with a clear message', async () => {
  // A black hole: accepts TCP connections and never answers, like a firewalled server.
  const held: net.Socket[] = [];
  const hole = net.createServer((s) => held.push(s));
  await new Promise<void>((r) => hole.listen(0, '127.0.0.1', r));
  const holePort = (hole.address() as net.AddressInfo).port;
  try {
    const s = start({ PORT: '0', DATABASE_URL: `postgres://postgres@127.0.0.1:${holePort}/layan`, DB_CONNECT_TIMEOUT_MS: '300', DB_START_WAIT_SECONDS: '2' });
    expect(await s.exited).toBe(1);
    expect(s.output()).toMatch(/waiting for the database \(attempt 1, up to 2 s\)/);
    expect(s.output()).toMatch(/did not answer within 2 s/);
    expect(s.output()).not.toContain('Layan is running');
  } finally {
    for (const s of held) s.destroy();
    hole.close();
  }
}, 600_000);
