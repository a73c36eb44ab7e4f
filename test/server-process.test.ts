import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
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
  const ready = async (url: string) => {
    for (let i = 0; i < 150; i++) {
      if (child.exitCode !== null) throw new Error(out);
      if (await fetch(`${url}/readyz`).then((r) => r.ok, () => false)) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`not ready:\n${out}`);
  };
  return { child, exited, ready, output: () => out };
}

const port = () => 20000 + Math.floor(Math.random() * 20000);

it('refuses a bad configuration value by name', async () => {
  const s = start({ PORT: 'abc' });
  expect(await s.exited).toBe(1);
  expect(s.output()).toContain('PORT');
});

it('keeps data across restarts, refuses a second process on the same data, and drains on SIGTERM', async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'layan-proc-'));
  const env = { LOG_LEVEL: 'info', DATA_DIR: dataDir, ADMIN_EMAIL: 'root@test.layan', ADMIN_PASSWORD: 'password-for-root', PORT: String(port()) };
  const url = `http://127.0.0.1:${env.PORT}`;
  const first = start(env);
  await first.ready(url);
  expect(first.output()).toContain('First national admin: root@test.layan');

  const second = start({ ...env, PORT: String(port()) });
  expect(await second.exited).toBe(1);
  expect(second.output()).toMatch(/in use by process/);

  // Requests the server has received when SIGTERM arrives still get their answers. Sign-ins are
  // slow on purpose (argon2id), so they are still being worked on when the signal lands.
  const received = () => (first.output().match(/"incoming request"/g) ?? []).length;
  const before = received();
  const inflight = Array.from({ length: 6 }, () =>
    fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'root@test.layan', password: 'password-for-root' }) }).then((r) => r.status),
  );
  const deadline = Date.now() + 20_000;
  while (received() < before + 6) {
    if (Date.now() > deadline) throw new Error(`requests never arrived:\n${first.output()}`);
    await new Promise((r) => setTimeout(r, 2));
  }
  first.child.kill('SIGTERM');
  expect(await Promise.all(inflight)).toEqual([200, 200, 200, 200, 200, 200]);
  expect(await first.exited).toBe(0);

  const third = start(env);
  await third.ready(url);
  expect(third.output()).not.toContain('First national admin');
  const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'root@test.layan', password: 'password-for-root' }) });
  expect(login.status).toBe(200);
  third.child.kill('SIGTERM');
  expect(await third.exited).toBe(0);
}, 90_000);
