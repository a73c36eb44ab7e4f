import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
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

// ---- Staff screens at a 1366x768 console (staff.e2e.ts, staff-setup.e2e.ts) ----

/** The staff console window: every staff screen is checked at this size. */
export const VIEW = { width: 1366, height: 768 };
/** A raw id on screen (a staff page names things, it never shows their ids). */
export const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

const inFlight = new WeakMap<Page, () => number>();
/** Counts the page's API requests in flight (event streams excepted), so `settle` waits for its data, not a timer. */
export function trackRequests(page: Page): void {
  let count = 0;
  const counted = (r: { url(): string; resourceType(): string }) => r.resourceType() === 'fetch' && !r.url().includes('/events');
  page.on('request', (r) => { if (counted(r)) count++; });
  page.on('requestfinished', (r) => { if (counted(r)) count--; });
  page.on('requestfailed', (r) => { if (counted(r)) count--; });
  inFlight.set(page, () => count);
}

/** Waits until the page (tracked by `trackRequests`) has had no API request in flight for half a second. */
export async function settle(page: Page): Promise<void> {
  const deadline = Date.now() + 30_000;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    if ((inFlight.get(page)?.() ?? 0) > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= 500) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the page kept loading for 30 s');
}

/** Signs a staff member in on a fresh 1366x768 context with its requests tracked; resolves on the staff home. */
export async function staffSignIn(browser: Browser, baseUrl: string, email: string, password: string): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEW, locale: 'id-ID' });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  // Headless Chromium has been seen to stop producing frames for a page (a click then waits 30 s for
  // "stable", which needs animation frames); making the new page the active one keeps frames coming.
  await page.bringToFront();
  trackRequests(page);
  await loginUi(page, baseUrl, email, password);
  await page.getByRole('heading', { name: /Selamat datang/ }).waitFor();
  return page;
}

/** The staff menu of the page's shell. */
export const staffMenu = (page: Page) => page.getByRole('navigation', { name: 'Menu petugas' });

/** Clicks `link` in the staff menu and waits for the page's `heading`. */
export async function openFromMenu(page: Page, link: string, heading: string): Promise<void> {
  await staffMenu(page).getByRole('link', { name: link, exact: true }).click();
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
}

/**
 * Once the page has settled: no sideways scroll, at most `screens` windows tall, no id shown or asked
 * for, no "?mpp="; saves the screenshot test-results/<prefix>-<name>.png.
 */
export async function checkScreen(page: Page, prefix: string, name: string, screens = 3): Promise<void> {
  await settle(page);
  const m = await page.evaluate(() => ({
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    height: document.documentElement.scrollHeight,
    text: document.body.innerText,
    idInputs: [...document.querySelectorAll('label')].filter((l) => /\bID\b|UUID/.test(l.textContent ?? '')).length,
  }));
  assert.ok(m.overflow <= 0, `${name}: scrolls sideways by ${m.overflow}px`);
  assert.ok(m.height <= screens * VIEW.height, `${name}: ${m.height}px tall (more than ${screens} screens)`);
  assert.doesNotMatch(m.text, UUID, `${name}: shows a raw id`);
  assert.ok(!m.text.includes('?mpp='), `${name}: asks for ?mpp=`);
  assert.equal(m.idInputs, 0, `${name}: has an id input`);
  await screenshot(page, `${prefix}-${name}`);
}

/**
 * Pages that are reports laid out by regulation and may take four console screens: the SKM report
 * follows PermenPANRB 14/2017 (cards, NRR and trend charts, the nine unsur, the respondent profile, then
 * at most 5 services and 5 suggestions before "Tampilkan semua"): about 3.3 screens with a month of data.
 */
const LONG_REPORTS = new Set(['Survei kepuasan']);

/**
 * Clicks every entry of the staff menu and, on each page, every tab, checking each screen as
 * `checkScreen` does (saved as <prefix>-walk-<who>-<page>[-<tab>].png). Answers what failed (the walk
 * goes on past a failure, so one run lists them all) and what was visited.
 */
export async function walkStaffMenu(page: Page, prefix: string, who: string, screens: number): Promise<{ problems: string[]; visited: string[] }> {
  const problems: string[] = [];
  const visited: string[] = [];
  const slug = (s: string) => s.toLowerCase().replace(/[^a-z]+/g, '-');
  const check = async (name: string, link: string) => {
    try {
      await checkScreen(page, prefix, name, LONG_REPORTS.has(link) ? Math.max(screens, 4) : screens);
    } catch (e) {
      problems.push((e as Error).message);
    }
  };
  for (const link of await staffMenu(page).getByRole('link').allTextContents()) {
    await staffMenu(page).getByRole('link', { name: link, exact: true }).click();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    visited.push(link);
    await check(`walk-${who}-${slug(link)}`, link);
    // The tab the page opened on was just checked; then every other one.
    const others = await page.getByRole('tab', { selected: false }).allTextContents();
    for (const tab of others) {
      try {
        await page.getByRole('tab', { name: tab, exact: true }).first().click();
        await page.getByRole('tab', { name: tab, exact: true, selected: true }).first().waitFor();
      } catch (e) {
        problems.push(`${link} › ${tab}: the tab does not open (${(e as Error).message.split('\n')[0]})`);
        continue;
      }
      visited.push(`${link} › ${tab}`);
      await check(`walk-${who}-${slug(link)}-${slug(tab)}`, link);
    }
  }
  return { problems, visited };
}

/** An SMS webhook on a local port that keeps every message sent to it (the SMS port's test double). */
export async function startSmsCapture(): Promise<{ texts: { to: string; text: string }[]; url: string; close: () => Promise<void> }> {
  const texts: { to: string; text: string }[] = [];
  const sms = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      texts.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as { to: string; text: string });
      res.writeHead(200).end('{}');
    });
  });
  await new Promise<void>((resolve) => sms.listen(0, '127.0.0.1', resolve));
  return { texts, url: `http://127.0.0.1:${(sms.address() as AddressInfo).port}/sms`, close: () => new Promise<void>((resolve) => sms.close(() => resolve())) };
}

/** Polls `fn` (sync or async) until it gives a value (a message arriving, say), failing after `ms`. */
export async function waitFor<T>(fn: () => T | undefined | Promise<T | undefined>, what: string, ms = 45_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Fails when the page scrolls sideways. */
export async function noSideways(page: Page, name: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow}px`);
}

/**
 * A device screen fits: nothing scrolls (either way), no element under `root` sticks out of the screen
 * or out of its section, and no text is cut (the kiosk, the board, the check-in page).
 */
export async function assertFits(page: Page, root: string, what: string): Promise<void> {
  const r = await page.evaluate((sel) => {
    const doc = document.scrollingElement!;
    const bad: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(`${sel} *`)) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const clip = el.closest('section')?.getBoundingClientRect();
      if (box.right > window.innerWidth + 1 || box.bottom > window.innerHeight + 1 || (clip && el.tagName !== 'SECTION' && box.bottom > clip.bottom + 1)) bad.push(`outside: ${el.className || el.tagName} "${el.textContent?.slice(0, 40)}"`);
      const style = getComputedStyle(el);
      if (el.children.length === 0 && el.textContent?.trim() && style.overflow !== 'visible' && el.scrollWidth > el.clientWidth + 1) bad.push(`cut: ${el.className} "${el.textContent.slice(0, 40)}"`);
    }
    return { sh: doc.scrollHeight, sw: doc.scrollWidth, h: window.innerHeight, w: window.innerWidth, bad: bad.slice(0, 5) };
  }, root);
  assert.ok(r.sh <= r.h + 1 && r.sw <= r.w + 1, `${what}: page scrolls (${r.sw}x${r.sh} in ${r.w}x${r.h})`);
  assert.deepEqual(r.bad, [], `${what}: ${r.bad.join('; ')}`);
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/**
 * axe-core injected into the page: fails on any WCAG 2.0/2.1 A or AA violation, naming the rule and nodes;
 * `scope` limits the check to one element (a staff screen's content, say).
 */
export async function assertAxeClean(page: Page, name: string, scope?: string): Promise<void> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run(ctx: Element | Document, o: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(sel ? document.querySelector(sel)! : document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, scope ?? null);
  assert.deepEqual(violations, [], `axe on ${name}`);
}

/**
 * How wide a select must be to show its longest option whole (the text in the select's own font, plus
 * its padding, border and arrow), and how wide it is: a closed select clips an option longer than itself.
 */
export async function selectFit(select: Locator): Promise<{ longest: string; needed: number; width: number }> {
  return select.evaluate((el: HTMLSelectElement) => {
    const style = getComputedStyle(el);
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    let longest = '';
    let textWidth = 0;
    for (const o of [...el.options]) {
      const w = ctx.measureText(o.text).width;
      if (w > textWidth) [longest, textWidth] = [o.text, w];
    }
    const chrome = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight) + parseFloat(style.borderLeftWidth) + parseFloat(style.borderRightWidth) + 24;
    return { longest, needed: Math.ceil(textWidth + chrome), width: el.getBoundingClientRect().width };
  });
}

/** The share of its form's width a field takes (1 = the whole width). */
export async function widthShare(field: Locator, form: Locator): Promise<number> {
  const [f, all] = await Promise.all([field.boundingBox(), form.boundingBox()]);
  if (!f || !all) throw new Error('field or form not shown');
  return f.width / all.width;
}
