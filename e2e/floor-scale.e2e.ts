import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { ADMIN, apiCaller, apiLogin, assertFits, launchBrowser, newContext, screenshot, startServer, type RunningServer } from './support.js';

/**
 * The floor at the size of a large MPP (issue 12): 300 services of 22 agencies (the largest, DPMPTSP,
 * with 48 permits), made through the catalog API on a fresh server. The kiosk at 1080x1920 shows every
 * agency on its start screen and every agency's services on one screen, so any service is two taps
 * away (agency, service) without paging or scrolling; an agency with a logo shows it. The board at
 * 1920x1080 shows the call being spoken while the others of a burst wait visibly, speaks a recall again
 * but lists it once, and shows without speaking a call older than a minute when it arrives.
 */

let server: RunningServer;
let browser: Browser;
let admin: Record<string, string>;
let mppId: string;
let kioskToken: string;
let displayToken: string;
const call = apiCaller(() => server.url);
const ALWAYS_OPEN = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, { opens: '00:00', closes: '23:59', breaks: [] }]));
// A small square SVG: the catalog takes logos as https URLs or small data URLs.
const LOGO = `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#0b5d4b"/></svg>').toString('base64')}`;

/** 22 agencies, 300 services: one large permit office, a few mid-sized agencies, many small ones. */
const SIZES = [48, 30, 24, 20, 18, 16, 14, 13, 12, 11, 10, 10, 9, 9, 8, 8, 7, 7, 6, 6, 7, 7];
const WORDS = ['Izin', 'Rekomendasi', 'Pendaftaran', 'Perpanjangan', 'Penerbitan', 'Perubahan', 'Legalisasi', 'Konsultasi', 'Pengesahan', 'Pencabutan'];
// Names as long as real ones (the longest demo name is about 65 characters).
const THINGS = ['usaha mikro dan kecil', 'bangunan gedung (PBG)', 'praktik tenaga kesehatan', 'reklame', 'usaha pariwisata', 'Konfirmasi Kesesuaian Kegiatan Pemanfaatan Ruang (KKKPR) berusaha', 'trayek angkutan umum', 'operasional klinik pratama'];
const serviceName = (agency: number, i: number) => `${WORDS[i % WORDS.length]} ${THINGS[(i + agency) % THINGS.length]} ${agency + 1}.${i + 1}`;
const agencyName = (i: number) => (i === 0 ? 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu' : `Gerai ${i + 1} Instansi Pelayanan`);
const services: { id: string; name: string; agency: string; tenantId: string }[] = [];
const counters: { id: string; tenantId: string }[] = [];

async function pool<T>(items: T[], n: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < items.length) await fn(items[next++]!);
  }));
}

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  admin = await apiLogin(server.url, ADMIN.email, ADMIN.password);
  mppId = (await call<{ id: string }>('POST', '/api/catalog/mpps', admin, { name: 'MPP Kabupaten Besar', slug: 'mpp-kabupaten-besar', regionCode: '33.02', timezone: 'Asia/Jakarta', weeklyHours: ALWAYS_OPEN })).id;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
  // Open today even if the calendar has a holiday on this date.
  await call('POST', `/api/catalog/mpps/${mppId}/special-days`, admin, { day: today, opens: '00:00', closes: '23:59', breaks: [], note: 'Uji e2e' });
  for (const [a, size] of SIZES.entries()) {
    const tenant = await call<{ id: string }>('POST', `/api/catalog/mpps/${mppId}/tenants`, admin, { kind: 'regional_office', name: agencyName(a), code: `INST${a + 1}`, logo: a === 0 ? LOGO : null });
    const counter = await call<{ id: string }>('POST', `/api/catalog/mpps/${mppId}/counters`, admin, { tenantId: tenant.id, number: a + 1, name: `Loket ${a + 1}` });
    counters.push({ id: counter.id, tenantId: tenant.id });
    const mine: typeof services = [];
    await pool(Array.from({ length: size }, (_, i) => i), 4, async (i) => {
      const prefix = String.fromCharCode(65 + (a % 26));
      const s = await call<{ id: string }>('POST', `/api/catalog/mpps/${mppId}/services`, admin, { tenantId: tenant.id, code: `S${a + 1}-${i + 1}`, name: serviceName(a, i), feeRupiah: 0, ticketPrefix: prefix });
      mine.push({ id: s.id, name: serviceName(a, i), agency: agencyName(a), tenantId: tenant.id });
    });
    await call('PUT', `/api/mpps/${mppId}/queue/counters/${counter.id}/setup`, admin, { services: mine.map((s) => ({ serviceId: s.id, weight: 1 })) });
    services.push(...mine);
  }
  kioskToken = (await call<{ token: string }>('POST', `/api/mpps/${mppId}/devices`, admin, { kind: 'kiosk', name: 'Kios lobi' })).token;
  displayToken = (await call<{ token: string }>('POST', `/api/mpps/${mppId}/devices`, admin, { kind: 'display', name: 'Layar lobi' })).token;
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('a 300-service MPP at the kiosk (1080x1920): every service is two taps and one screen away', async () => {
  assert.equal(services.length, 300);
  const ctx = await newContext(browser, 'kiosk');
  const kiosk = await ctx.newPage();
  await kiosk.goto(`${server.url}/kios/${mppId}?token=${kioskToken}`);
  await kiosk.getByRole('heading', { name: 'Pilih instansi' }).waitFor();
  const tiles = kiosk.locator('.kiosk-tenant-button');
  await tiles.first().waitFor();
  assert.equal(await tiles.count(), SIZES.length, 'every agency on the start screen');
  assert.equal(await kiosk.locator('.kiosk-pager').count(), 0, 'the start screen does not page');
  await kiosk.locator('.kiosk-tenant-button.has-logo .kt-logo').waitFor();
  assert.equal(await kiosk.locator('.kt-logo').count(), 1, 'the one agency with a logo shows it, the others are text');
  await assertFits(kiosk, '.kiosk', 'start with 22 agencies');
  await screenshot(kiosk, 'floor-scale-kiosk-start', { fullPage: false });

  // Tap each agency: all its services are on that one screen, none paged, nothing scrolls.
  const seen = new Set<string>();
  for (let a = 0; a < SIZES.length; a++) {
    await kiosk.locator('.kiosk-tenant-button', { hasText: agencyName(a) }).tap();
    await kiosk.getByRole('heading', { name: agencyName(a), exact: true }).waitFor();
    const names = (await kiosk.locator('.kiosk-services .ks-name').allTextContents()).map((s) => s.trim());
    assert.equal(names.length, SIZES[a], `${agencyName(a)}: all ${SIZES[a]} services on one screen`);
    assert.equal(await kiosk.locator('.kiosk-page').count(), 0, `${agencyName(a)} is not paged`);
    for (const box of await kiosk.locator('.kiosk-services .kiosk-service').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))) assert.ok(box.height >= 48 && box.width >= 48, `touch target ${JSON.stringify(box)}`);
    await assertFits(kiosk, '.kiosk', `${agencyName(a)} (${SIZES[a]} services)`);
    if (a === 0) await screenshot(kiosk, 'floor-scale-kiosk-48-services', { fullPage: false });
    for (const n of names) seen.add(n);
    await kiosk.getByRole('button', { name: /Instansi lain/ }).tap();
  }
  assert.equal(seen.size, 300, 'every one of the 300 services was on its agency screen');

  // Two taps to the last permit of the largest agency: its priority step.
  const last = serviceName(0, SIZES[0]! - 1);
  await kiosk.locator('.kiosk-tenant-button', { hasText: agencyName(0) }).tap();
  await kiosk.getByRole('button', { name: last }).tap();
  await kiosk.getByRole('heading', { name: last, exact: true }).waitFor();
  await kiosk.getByRole('button', { name: 'Tidak, antrean biasa' }).waitFor();
  await ctx.close();
});

test('board 1920x1080: the call being spoken is on the card and a burst waits visibly; a recall is spoken again and listed once; a call a minute old is shown, not spoken', async () => {
  const kioskHeaders = { authorization: `Bearer ${kioskToken}` };
  // A ticket for each of three agencies, and their counters open.
  const three = [0, 1, 2].map((a) => services.find((s) => s.agency === agencyName(a))!);
  const tickets: { id: string; number: string }[] = [];
  for (const s of three) tickets.push(await call('POST', `/api/mpps/${mppId}/queue/tickets`, kioskHeaders, { serviceId: s.id }));
  for (const c of counters.slice(0, 3)) await call('POST', `/api/mpps/${mppId}/queue/counters/${c.id}/open`, admin);

  const tvCtx = await newContext(browser, 'tv');
  const tv = await tvCtx.newPage();
  await tv.goto(`${server.url}/layar/${mppId}?token=${displayToken}`);
  await tv.getByText('Tersambung').waitFor({ timeout: 20_000 });
  await tv.getByRole('button', { name: /Aktifkan suara/ }).click();
  // Each announcement lasts until the test lets it end, so the burst is seen mid-way (the real one
  // lasts as long as its chime and sentence).
  await tv.evaluate(() => {
    const w = window as any;
    w.played = [] as string[];
    w.gates = [] as (() => void)[];
    w.layanAnnouncer.play = (sentence: string, onStart?: () => void) => {
      w.played.push(sentence);
      onStart?.();
      return new Promise<void>((resolve) => w.gates.push(resolve));
    };
  });
  const played = () => tv.evaluate(() => (window as any).played as string[]);
  const release = () => tv.evaluate(() => (window as any).gates.shift()?.());

  // A burst: three counters call within a moment.
  for (const c of counters.slice(0, 3)) await call('POST', `/api/mpps/${mppId}/queue/counters/${c.id}/call-next`, admin);
  const card = tv.locator('.board-call .bc-number');
  await tv.locator('.board-recent li.br-next').nth(1).waitFor({ timeout: 20_000 });
  assert.equal((await card.textContent())?.trim(), tickets[0]!.number, 'the card shows the call being spoken, the first');
  const queued = await tv.locator('.board-recent li.br-next .br-number').allTextContents();
  assert.deepEqual(queued.map((s) => s.trim()).sort(), [tickets[1]!.number, tickets[2]!.number].sort(), 'the other two wait visibly');
  assert.equal(await tv.locator('.board-recent li.br-next .br-tag', { hasText: 'Berikutnya' }).count(), 2);
  assert.equal((await played()).length, 1, 'one announcement at a time');
  await assertFits(tv, '.board', 'board during a burst');
  await screenshot(tv, 'floor-scale-board-burst', { fullPage: false });
  await release();
  await card.filter({ hasText: tickets[1]!.number }).waitFor();
  assert.equal(await tv.locator('.board-recent li.br-next').count(), 1);
  await release();
  await card.filter({ hasText: tickets[2]!.number }).waitFor();
  assert.equal(await tv.locator('.board-recent li.br-next').count(), 0);
  await release();

  // A recall of the first: spoken again, listed once (on the card now, not again in the list).
  await call('POST', `/api/mpps/${mppId}/queue/tickets/${tickets[0]!.id}/recall`, admin);
  await tv.waitForFunction(() => ((window as any).played as string[]).length === 4, undefined, { timeout: 20_000 });
  const sentences = await played();
  assert.equal(sentences[3], sentences[0], 'the recall says the same sentence again');
  await card.filter({ hasText: tickets[0]!.number }).waitFor();
  assert.equal(await tv.locator('.board-call .bc-number, .board-recent .br-number').filter({ hasText: tickets[0]!.number }).count(), 1, 'the recalled ticket is listed once');
  await release();

  // The board's clock runs two minutes ahead: a call reaching it is then older than a minute, as after a
  // reconnect. It is shown, not spoken.
  await tv.clock.install({ time: Date.now() + 120_000 });
  const skew = (await tv.evaluate(() => Date.now())) - Date.now();
  assert.ok(skew > 60_000 && skew < 600_000, `the board's clock is ${skew} ms ahead`);
  const late = await call<{ id: string; number: string }>('POST', `/api/mpps/${mppId}/queue/tickets`, kioskHeaders, { serviceId: services.find((s) => s.agency === agencyName(3))!.id });
  await call('POST', `/api/mpps/${mppId}/queue/counters/${counters[3]!.id}/open`, admin);
  await call('POST', `/api/mpps/${mppId}/queue/counters/${counters[3]!.id}/call-next`, admin);
  await tv.locator('.bc-number, .br-number').filter({ hasText: late.number }).first().waitFor({ timeout: 20_000 });
  await tv.waitForTimeout(1000);
  assert.equal((await played()).length, 4, 'the old call is not spoken');
  await screenshot(tv, 'floor-scale-board-old-call', { fullPage: false });
  await tvCtx.close();
});
