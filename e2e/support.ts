import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { openPglite, pgliteDb, postgresDb, type Db } from '../src/platform/db.js';
import { migrate } from '../src/platform/migrate.js';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const RESULTS_DIR = path.join(ROOT, 'test-results');
export const ADMIN = { email: 'admin@e2e.layan', password: 'admin-e2e-password' };

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/**
 * Starts the built product (`node dist/main.js`) on a fresh embedded database in a temp dir, or on
 * DATABASE_URL when E2E_DATABASE_URL is set. Run `npm run build` first.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  if (!existsSync(path.join(ROOT, 'dist/main.js'))) throw new Error('dist/main.js is missing: run `npm run build` first');
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'layan-e2e-'));
  let out = '';
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'warn',
      LOGIN_RATE_LIMIT: '1000',
      ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  // Seeding the demo data on a busy 2-core CI machine can take minutes: wait up to 4.
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}):\n${out}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not become ready:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    process: child,
    output: () => out,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens and migrates the database that `startServer({ DATA_DIR: dataDir })` will use (the server
 * at E2E_DATABASE_URL when set), so a test can seed it first. Close it before starting the server:
 * two processes must not hold one embedded data directory.
 */
export async function openServerDatabase(dataDir: string): Promise<Db> {
  const db = process.env.E2E_DATABASE_URL ? postgresDb(process.env.E2E_DATABASE_URL, 2) : pgliteDb(await openPglite(path.join(dataDir, 'pglite')));
  await migrate(db);
  return db;
}

/** `extraArgs`: e.g. a TV board's `--autoplay-policy=no-user-gesture-required`. */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...extraArgs], headless: true });
}

export const VIEWPORTS = {
  desktop: { width: 1366, height: 900 },
  phone: { width: 360, height: 740 },
  kiosk: { width: 1080, height: 1920 },
  tv: { width: 1920, height: 1080 },
} as const;

export async function newContext(browser: Browser, viewport: keyof typeof VIEWPORTS, opts: { hasTouch?: boolean; locale?: string } = {}): Promise<BrowserContext> {
  return browser.newContext({
    viewport: VIEWPORTS[viewport],
    hasTouch: opts.hasTouch ?? (viewport === 'kiosk' || viewport === 'phone'),
    isMobile: viewport === 'phone',
    locale: opts.locale ?? 'id-ID',
  });
}

/** Saves a full-page screenshot to test-results/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: opts.fullPage ?? true });
  return file;
}

/** Signs in through the login page. */
export async function loginUi(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/masuk`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL(/\/staf/);
}

/** Signs in through the API and returns headers (cookie + CSRF) for further API calls. */
export async function apiLogin(baseUrl: string, email: string, password: string): Promise<Record<string, string>> {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const body = (await res.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': body.csrfToken, 'content-type': 'application/json' };
}

/** A JSON call to the API: `call(method, url, headers, body?)` answers the parsed body (undefined for an empty one). */
export type ApiCall = <T = any>(method: string, url: string, headers: Record<string, string>, body?: unknown) => Promise<T>;

/**
 * The JSON API caller of a test file, for the server `baseUrl()` names (read at each call, so it can
 * be made before the server starts: `const call = apiCaller(() => server.url)`). Sends a JSON body
 * (and its content-type) only when one is given.
 * @throws Error naming the method, URL, status and answer when the status is not 2xx.
 */
export function apiCaller(baseUrl: () => string): ApiCall {
  return async <T = any>(method: string, url: string, headers: Record<string, string>, body?: unknown): Promise<T> => {
    const { 'content-type': _ct, ...rest } = headers;
    const res = await fetch(`${baseUrl()}${url}`, { method, headers: body === undefined ? rest : { ...rest, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

/** This month (YYYY-MM) as an MPP in WIB counts it: at 17:00 UTC on a month's last day it is already the next. */
export function jakartaMonth(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit' }).format(new Date());
}
