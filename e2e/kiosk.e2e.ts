import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { apiLogin, launchBrowser, loginUi, newContext, screenshot, startServer, type RunningServer } from './support.js';

/**
 * The kiosk people can use (issue 12), on the full demo data (25 agencies, 159 services) at 1080x1920:
 * search with the on-screen keyboard, the MPP's most used services on the start screen (from the
 * tickets issued), large text without overflow, return to the start when left alone, and a failed print
 * that the kiosk reports (device heartbeat, Perangkat page) and an officer reprints from the console.
 */

let server: RunningServer;
let browser: Browser;
const PASSWORD = 'Demo-Layan-2026';
const ALWAYS_OPEN = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, { opens: '00:00', closes: '23:59', breaks: [] }]));
let admin: Record<string, string>;
let mppId: string;
let kioskToken: string;

async function call<T = any>(method: string, url: string, headers: Record<string, string>, body?: unknown): Promise<T> {
  const { 'content-type': _ct, ...rest } = headers;
  const res = await fetch(`${server.url}${url}`, { method, headers: body === undefined ? rest : { ...rest, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

before(async () => {
  server = await startServer({ LAYAN_DEMO: 'true' });
  browser = await launchBrowser();
  admin = await apiLogin(server.url, 'admin.banyumas@demo.layan.id', PASSWORD);
  mppId = (await call<{ mpp: { id: string } }>('GET', '/api/public/mpps/mpp-demo-banyumas', {})).mpp.id;
  await call('PATCH', `/api/catalog/mpps/${mppId}`, admin, { weeklyHours: ALWAYS_OPEN });
  kioskToken = (await call<{ token: string }>('POST', `/api/mpps/${mppId}/devices`, admin, { kind: 'kiosk', name: 'Kios pintu timur (e2e)' })).token;
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Nothing scrolls and no element sticks out of the screen or cuts its text. */
async function assertFits(page: Page, what: string) {
  const r = await page.evaluate(() => {
    const doc = document.scrollingElement!;
    const bad: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('.kiosk *')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.right > window.innerWidth + 1 || box.bottom > window.innerHeight + 1) bad.push(`outside: ${el.className || el.tagName} "${el.textContent?.slice(0, 40)}"`);
      if (el.children.length === 0 && el.textContent?.trim() && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== 'visible') bad.push(`cut: ${el.className} "${el.textContent.slice(0, 40)}"`);
    }
    return { sh: doc.scrollHeight, sw: doc.scrollWidth, h: window.innerHeight, w: window.innerWidth, bad: bad.slice(0, 5) };
  });
  assert.ok(r.sh <= r.h + 1 && r.sw <= r.w + 1, `${what}: page scrolls (${r.sw}x${r.sh} in ${r.w}x${r.h})`);
  assert.deepEqual(r.bad, [], `${what}: ${r.bad.join('; ')}`);
}

/** A kiosk browser in --kiosk-printing mode: print() prints silently and fires afterprint; or it throws. */
async function openKiosk(print: 'works' | 'throws' | 'hangs') {
  const ctx = await newContext(browser, 'kiosk');
  const kiosk = await ctx.newPage();
  await kiosk.addInitScript((mode) => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      if (mode === 'throws') throw new Error('printer offline');
      if (mode === 'hangs') return; // a print dialog left open, or a print path that never answers
      (window as unknown as { printed: number }).printed++;
      window.dispatchEvent(new Event('afterprint'));
    };
  }, print);
  await kiosk.goto(`${server.url}/kios/${mppId}?token=${kioskToken}`);
  await kiosk.getByRole('heading', { name: 'Pilih instansi' }).waitFor();
  return { ctx, kiosk };
}

async function typeOnScreen(kiosk: Page, text: string) {
  const keys = kiosk.getByRole('group', { name: 'Papan ketik' });
  for (const ch of text) await keys.getByRole('button', { name: ch === ' ' ? 'Spasi' : ch.toUpperCase(), exact: true }).tap();
}

test('kiosk 1080x1920: "Perpanjangan SIM A" through search, then one tap from the most used on the start screen', async () => {
  const { ctx, kiosk } = await openKiosk('works');
  assert.equal(await kiosk.getByRole('heading', { name: 'Paling sering dipilih' }).count(), 0, 'no most-used list before any ticket');
  await assertFits(kiosk, 'start');

  await kiosk.getByRole('button', { name: /Cari layanan/ }).tap();
  await typeOnScreen(kiosk, 'sim a');
  assert.equal(await kiosk.getByRole('searchbox').inputValue(), 'sim a');
  const result = kiosk.locator('.kiosk-results').getByRole('button', { name: /Perpanjangan SIM A/ });
  await result.waitFor();
  const names = (await kiosk.locator('.kiosk-results .ks-name').allTextContents()).map((s) => s.trim());
  assert.ok(names.indexOf('Perpanjangan SIM A') < 2, `whole words first: ${names.join(', ')}`);
  await assertFits(kiosk, 'search results with the keyboard');
  await screenshot(kiosk, 'kiosk-search', { fullPage: false });
  await result.tap();
  const issued = kiosk.waitForResponse((r) => r.url().endsWith('/queue/tickets') && r.request().method() === 'POST');
  await kiosk.getByRole('button', { name: 'Tidak, antrean biasa' }).tap();
  const ticket = (await (await issued).json()) as { service: { name: string } };
  assert.equal(ticket.service.name, 'Perpanjangan SIM A');
  await kiosk.getByText('Silakan ambil tiket Anda.').waitFor();
  await kiosk.waitForFunction(() => (window as unknown as { printed: number }).printed === 1, undefined, { timeout: 30_000 });
  assert.equal(await kiosk.locator('.kiosk-print-failed').count(), 0, 'a print that finished is not reported');
  await kiosk.getByRole('button', { name: 'Selesai', exact: true }).tap();

  // Two more SIM A tickets and one KTP-el from elsewhere: the start screen now leads with SIM A.
  const offer = await call<{ services: { id: string; name: string }[] }>('GET', `/api/mpps/${mppId}/queue/offer`, {});
  const byName = (n: string) => offer.services.find((s) => s.name === n)!;
  for (const n of ['Perpanjangan SIM A', 'Perpanjangan SIM A', 'Perekaman KTP-el']) await call('POST', `/api/mpps/${mppId}/queue/tickets`, { authorization: `Bearer ${kioskToken}` }, { serviceId: byName(n).id });
  await kiosk.reload();
  const popular = kiosk.getByRole('region', { name: 'Paling sering dipilih' });
  await popular.getByRole('button').first().waitFor();
  assert.deepEqual(
    (await popular.locator('.ks-name').allTextContents()).map((s) => s.trim()),
    ['Perpanjangan SIM A', 'Perekaman KTP-el'],
    'most used first, from the tickets issued',
  );
  await assertFits(kiosk, 'start with the most used');
  await screenshot(kiosk, 'kiosk-start-most-used', { fullPage: false });
  await popular.getByRole('button', { name: /Perpanjangan SIM A/ }).tap();
  await kiosk.getByRole('heading', { name: 'Perpanjangan SIM A' }).waitFor();
  await ctx.close();
});

test('kiosk large text: every screen fits 1080x1920, and a kiosk left alone returns to the start in normal text', async () => {
  const { ctx, kiosk } = await openKiosk('works');
  await kiosk.clock.install();
  const normal = await kiosk.locator('.kt-name').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  await kiosk.getByRole('button', { name: /Teks besar/ }).tap();
  const big = await kiosk.locator('.kt-name').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  assert.ok(big >= normal * 1.4 && big >= 32, `agency names grow (${normal}px → ${big}px)`);
  await assertFits(kiosk, 'large start');
  await screenshot(kiosk, 'kiosk-large-start', { fullPage: false });
  // Agencies are paged: every one is reachable.
  const names = new Set<string>();
  for (;;) {
    for (const n of await kiosk.locator('.kt-name').allTextContents()) names.add(n);
    const next = kiosk.locator('.kiosk-pager').getByRole('button', { name: 'Berikutnya' });
    if (await next.isDisabled()) break;
    await next.tap();
    await assertFits(kiosk, 'large agencies page');
  }
  assert.equal(names.size, 25, 'all 25 agencies across the pages');
  await kiosk.locator('.kiosk-pager').getByRole('button', { name: 'Sebelumnya' }).tap();
  await kiosk.getByRole('button', { name: /Cari layanan/ }).tap();
  await typeOnScreen(kiosk, 'sim');
  await kiosk.locator('.kiosk-results .kiosk-service').first().waitFor();
  await assertFits(kiosk, 'large search');
  await screenshot(kiosk, 'kiosk-large-search', { fullPage: false });
  await kiosk.locator('.kiosk-results').getByRole('button', { name: /Perpanjangan SIM A/ }).tap();
  await kiosk.getByRole('heading', { name: 'Perpanjangan SIM A' }).waitFor();
  await assertFits(kiosk, 'large priority step');
  await screenshot(kiosk, 'kiosk-large-priority', { fullPage: false });

  // Nobody touches it for a minute: the start screen, in normal text, for the next person.
  await kiosk.clock.fastForward(61_000);
  await kiosk.getByRole('heading', { name: 'Pilih instansi' }).waitFor();
  assert.equal(await kiosk.getByRole('button', { name: /Teks besar/ }).getAttribute('aria-pressed'), 'false');
  await ctx.close();
});

test('a failed print: the kiosk says so, reports it on the Perangkat page, and the officer reprints the ticket from the console', async () => {
  const { ctx, kiosk } = await openKiosk('throws');
  await kiosk.locator('.kiosk-tenant-button', { hasText: 'Satpas dan Sat Intelkam' }).tap();
  await kiosk.getByRole('button', { name: /Perpanjangan SIM C/ }).tap();
  const issued = kiosk.waitForResponse((r) => r.url().endsWith('/queue/tickets') && r.request().method() === 'POST');
  await kiosk.getByRole('button', { name: 'Tidak, antrean biasa' }).tap();
  const ticket = (await (await issued).json()) as { id: string; number: string; surveyCode: string };
  const alert = kiosk.locator('.kiosk-print-failed');
  await alert.waitFor();
  assert.match((await alert.textContent()) ?? '', new RegExp(`Tiket gagal dicetak. Catat nomor Anda: ${ticket.number}`));
  await screenshot(kiosk, 'kiosk-print-failed', { fullPage: false });

  // The MPP admin sees the printer error on the Perangkat page (reached by clicking from the staff home).
  const adminCtx = await newContext(browser, 'desktop');
  const page = await adminCtx.newPage();
  await loginUi(page, server.url, 'admin.banyumas@demo.layan.id', PASSWORD);
  await page.getByRole('navigation', { name: 'Menu petugas' }).getByRole('link', { name: 'Perangkat' }).click();
  const row = page.getByRole('row', { name: /Kios pintu timur/ });
  await row.getByText(/Printer: Cetak gagal: printer offline/).waitFor({ timeout: 60_000 });
  await screenshot(page, 'kiosk-print-failed-devices');
  await adminCtx.close();

  // The Polres officer reprints it from the console's waiting line.
  const deskCtx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID' });
  const desk = await deskCtx.newPage();
  await desk.addInitScript(() => {
    window.print = () => undefined;
  });
  await loginUi(desk, server.url, 'petugas.polres@demo.layan.id', PASSWORD);
  await desk.getByRole('link', { name: 'Konsol loket' }).first().click();
  await desk.getByRole('button', { name: /Loket POLRES 1/ }).click();
  await desk.getByRole('button', { name: `Cetak ulang ${ticket.number}` }).click();
  const reprint = desk.locator('.console-print');
  await reprint.locator('.pt-code').waitFor();
  assert.equal((await reprint.locator('.pt-number').textContent())?.trim(), ticket.number, 'the same number');
  assert.equal((await reprint.locator('.pt-code').textContent())?.trim(), ticket.surveyCode, 'the same survey code');
  await screenshot(desk, 'kiosk-print-failed-reprint', { fullPage: false });
  const officer = await apiLogin(server.url, 'petugas.polres@demo.layan.id', PASSWORD);
  const history = await call<{ events: { type: string }[] }>('GET', `/api/mpps/${mppId}/queue/tickets/${ticket.id}`, officer);
  assert.ok(history.events.some((e) => e.type === 'reprinted'), 'the reprint is on the ticket history');
  await deskCtx.close();
  await ctx.close();
});

test('a print that never finishes is reported after 10 s, and withdrawn when it finishes late', async () => {
  const { ctx, kiosk } = await openKiosk('hangs');
  await kiosk.clock.install();
  await kiosk.locator('.kiosk-tenant-button', { hasText: 'Dinas Kependudukan' }).tap();
  await kiosk.getByRole('button', { name: /Perekaman KTP-el/ }).tap();
  await kiosk.getByRole('button', { name: 'Tidak, antrean biasa' }).tap();
  await kiosk.locator('.pt-qr').waitFor();
  assert.equal(await kiosk.locator('.kiosk-print-failed').count(), 0, 'not reported before the deadline');
  await kiosk.clock.fastForward(11_000);
  await kiosk.locator('.kiosk-print-failed').waitFor();
  await kiosk.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await kiosk.getByText('Silakan ambil tiket Anda.').waitFor();
  assert.equal(await kiosk.locator('.kiosk-print-failed').count(), 0);
  await ctx.close();
});

test('a ticket whose answer is lost on the way back: the second tap prints the same ticket, not a second one', async () => {
  const { ctx, kiosk } = await openKiosk('works');
  const waiting = async () => (await call<{ services: { name: string; waiting: number }[] }>('GET', `/api/mpps/${mppId}/queue/offer`, {})).services.find((s) => s.name === 'Perekaman KTP-el')!.waiting;
  const before = await waiting();
  // The server issues the ticket, then the network drops before the answer reaches the kiosk.
  let issued: { number: string } | undefined;
  await kiosk.route('**/queue/tickets', async (route) => {
    issued = (await (await route.fetch()).json()) as { number: string };
    await route.abort('internetdisconnected');
  }, { times: 1 });
  await kiosk.locator('.kiosk-tenant-button', { hasText: 'Dinas Kependudukan' }).tap();
  await kiosk.getByRole('button', { name: /Perekaman KTP-el/ }).tap();
  await kiosk.getByRole('button', { name: 'Tidak, antrean biasa' }).tap();
  await kiosk.getByRole('alert').filter({ hasText: 'Ketuk pilihan Anda sekali lagi' }).waitFor();
  assert.ok(issued, 'the server issued a ticket before the answer was lost');
  await screenshot(kiosk, 'kiosk-answer-lost', { fullPage: false });
  // The citizen taps again: the same press, the same ticket.
  const again = kiosk.waitForResponse((r) => r.url().endsWith('/queue/tickets') && r.request().method() === 'POST');
  await kiosk.getByRole('button', { name: 'Tidak, antrean biasa' }).tap();
  assert.equal(((await (await again).json()) as { number: string }).number, issued.number);
  await kiosk.locator('.pt-number', { hasText: issued.number }).waitFor();
  assert.equal(await waiting(), before + 1, 'one ticket issued for the two taps');
  await ctx.close();
});
