import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { speakCounterLabel } from '../src/queue/speech.js';
import { apiCaller, apiLogin, assertFits, launchBrowser, loginUi, newContext, screenshot, startServer, type RunningServer } from './support.js';

/**
 * The floor at a real MPP's size (issue 12), on the full demo data (25 agencies, 159 services): the
 * kiosk agency-first at 1080x1920, the board at three sizes with the voice naming the counter the
 * screen shows, the officer console at 1366x768 (reasons for disabled actions, shortcuts, recall
 * limit, no-show undo, parking, reprint, pause reasons), and the device heartbeats.
 */

let server: RunningServer;
let browser: Browser;
const PASSWORD = 'Demo-Layan-2026';
const ALWAYS_OPEN = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, { opens: '00:00', closes: '23:59', breaks: [] }]));
let admin: Record<string, string>;
let mppId: string;
let kioskToken: string;
let displayToken: string;

const call = apiCaller(() => server.url);

before(async () => {
  server = await startServer({ LAYAN_DEMO: 'true' });
  browser = await launchBrowser();
  admin = await apiLogin(server.url, 'admin.banyumas@demo.layan.id', PASSWORD);
  mppId = (await call<{ mpp: { id: string } }>('GET', '/api/public/mpps/mpp-demo-banyumas', {})).mpp.id;
  // The kiosk refuses outside opening hours; the test must not depend on the hour it runs at.
  await call('PATCH', `/api/catalog/mpps/${mppId}`, admin, { weeklyHours: ALWAYS_OPEN });
  kioskToken = (await call<{ token: string }>('POST', `/api/mpps/${mppId}/devices`, admin, { kind: 'kiosk', name: 'Kios lobi (e2e)' })).token;
  displayToken = (await call<{ token: string }>('POST', `/api/mpps/${mppId}/devices`, admin, { kind: 'display', name: 'Layar lobi (e2e)' })).token;
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('kiosk 1080x1920: agency first, "Perpanjangan SIM A" in two taps, no page scrolls, ticket prints its QR and survey code', async () => {
  const ctx = await newContext(browser, 'kiosk');
  const kiosk = await ctx.newPage();
  await kiosk.addInitScript(() => {
    window.print = () => void window.dispatchEvent(new Event('afterprint'));
  });
  await kiosk.goto(`${server.url}/kios/${mppId}?token=${kioskToken}`);
  await kiosk.getByRole('heading', { name: 'Pilih instansi' }).waitFor();
  const agencies = kiosk.locator('.kiosk-tenant-button');
  await agencies.first().waitFor();
  assert.equal(await agencies.count(), 25, 'every agency of the demo MPP on the start screen');
  for (const box of await agencies.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))) assert.ok(box.height >= 48 && box.width >= 48, `touch target ${JSON.stringify(box)}`);
  await assertFits(kiosk, '.kiosk', 'kiosk start');
  await screenshot(kiosk, 'floor-kiosk-agencies', { fullPage: false });

  // The largest agency (Dukcapil, 17 services) fits one screen.
  await kiosk.getByRole('button', { name: /Dinas Kependudukan/ }).tap();
  await kiosk.getByRole('button', { name: /Perekaman KTP-el/ }).waitFor();
  await assertFits(kiosk, '.kiosk', 'Dukcapil services');
  await screenshot(kiosk, 'floor-kiosk-dukcapil', { fullPage: false });
  await kiosk.getByRole('button', { name: /Instansi lain/ }).tap();

  // Two taps: the agency, then the service.
  await kiosk.getByRole('button', { name: /Satpas dan Sat Intelkam/ }).tap();
  const sim = kiosk.getByRole('button', { name: /Perpanjangan SIM A/ });
  await sim.waitFor();
  const simBox = (await sim.boundingBox())!;
  assert.ok(simBox.height >= 48, 'service touch target');
  await assertFits(kiosk, '.kiosk', 'Polres services');
  await sim.tap();
  const issued = kiosk.waitForResponse((r) => r.url().endsWith('/queue/tickets') && r.request().method() === 'POST');
  await kiosk.getByRole('button', { name: 'Tidak, antrean biasa' }).tap();
  const ticket = (await (await issued).json()) as { number: string; surveyCode: string };
  await kiosk.locator('.pt-qr').waitFor();
  assert.equal((await kiosk.locator('.pt-code').textContent())?.trim(), ticket.surveyCode, 'the survey code is printed in text');
  assert.match(ticket.surveyCode, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await screenshot(kiosk, 'floor-kiosk-ticket', { fullPage: false });
  await kiosk.getByRole('button', { name: 'Selesai', exact: true }).tap();
  await kiosk.getByRole('heading', { name: 'Pilih instansi' }).waitFor();
  await ctx.close();
});

test('officer console 1366x768, the board at three sizes, the voice names the counter the screen shows', async () => {
  // Tickets for several agencies, so the board has lines of different services.
  const kioskHeaders = { authorization: `Bearer ${kioskToken}` };
  const offer = await call<{ services: { id: string; name: string; tenantName: string }[] }>('GET', `/api/mpps/${mppId}/queue/offer`, {});
  const byName = (n: string) => offer.services.find((s) => s.name === n)!;
  for (const n of ['Perpanjangan SIM A', 'Perpanjangan SIM A', 'Perekaman KTP-el', 'Perekaman KTP-el']) await call('POST', `/api/mpps/${mppId}/queue/tickets`, kioskHeaders, { serviceId: byName(n).id });

  const tvCtx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const tv = await tvCtx.newPage();
  await tv.goto(`${server.url}/layar/${mppId}?token=${displayToken}`);
  await tv.getByText('Tersambung').waitFor({ timeout: 20_000 });
  await tv.getByText('Layar ini menampilkan panggilan semua loket').waitFor();
  await tv.getByRole('button', { name: /Aktifkan suara/ }).click();

  // The Dukcapil officer calls too, so the board shows two agencies' counters.
  const dukcapil = await apiLogin(server.url, 'petugas.dukcapil@demo.layan.id', PASSWORD);
  const dCounter = (await call<{ id: string; name: string }[]>('GET', `/api/mpps/${mppId}/queue/counters`, dukcapil))[0]!;
  await call('POST', `/api/mpps/${mppId}/queue/counters/${dCounter.id}/open`, dukcapil);
  await call('POST', `/api/mpps/${mppId}/queue/counters/${dCounter.id}/call-next`, dukcapil);

  // The officer reaches the console from the staff home by clicking.
  const deskCtx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID' });
  const desk = await deskCtx.newPage();
  await loginUi(desk, server.url, 'petugas.polres@demo.layan.id', PASSWORD);
  await desk.getByRole('link', { name: 'Konsol loket' }).first().click();
  const counterButton = desk.getByRole('button', { name: /Loket POLRES 1/ });
  await counterButton.click();
  // Closed: every action is there, disabled, saying why.
  await desk.getByText('Loket tutup: buka loket dulu').first().waitFor();
  assert.ok(await desk.getByRole('button', { name: 'Panggil berikutnya' }).isDisabled());
  await screenshot(desk, 'floor-console-closed', { fullPage: false });
  await desk.getByRole('button', { name: 'Buka loket' }).click();
  await desk.getByRole('button', { name: 'Panggil berikutnya' }).and(desk.locator(':enabled')).waitFor();
  await desk.keyboard.press('n');
  const current = desk.locator('.cc-number');
  await current.waitFor();
  const number = (await current.textContent())!.trim();

  // The board shows the call and speaks it with the same counter label.
  const card = tv.locator('.board-call');
  await card.locator('.bc-number', { hasText: number }).waitFor({ timeout: 20_000 });
  const label = (await card.locator('.bc-counter').textContent())!.replace('→', '').trim();
  assert.match(label, /Loket POLRES 1/);
  await tv.waitForFunction((n) => ((window as any).layanAnnouncer?.spoken as string[] | undefined)?.some((s) => s.includes(n)), speakCounterLabel(label), { timeout: 30_000 });
  const spoken = await tv.evaluate(() => (window as any).layanAnnouncer.spoken as string[]);
  assert.ok(spoken.at(-1)!.includes(speakCounterLabel(label)), `spoken "${spoken.at(-1)}" names "${label}"`);

  // Recall to the limit: then recall is disabled with the reason; the board lists the call once.
  for (let i = 0; i < 3; i++) {
    await desk.getByRole('button', { name: 'Panggil ulang' }).and(desk.locator(':enabled')).waitFor();
    await desk.keyboard.press('r');
    await desk.locator('.cc-status', { hasText: `${i + 1}/3` }).waitFor();
  }
  await desk.getByText(/Batas panggil ulang \(3×\) tercapai/).waitFor();
  assert.ok(await desk.getByRole('button', { name: 'Panggil ulang' }).isDisabled());
  await tv.waitForTimeout(1500);
  assert.equal(await tv.locator('.br-number', { hasText: number }).count(), 0, 'a recalled ticket is not listed again under recent calls');
  await screenshot(desk, 'floor-console-recall-limit', { fullPage: false });

  // No-show asks first, then can be undone; the board drops it from the call card meanwhile.
  await desk.getByRole('button', { name: 'Tidak hadir' }).click();
  await desk.getByRole('alertdialog').getByRole('button', { name: 'Ya, tidak hadir' }).click();
  const undo = desk.getByRole('button', { name: /Urungkan/ });
  await undo.waitFor();
  await tv.locator('.bc-number', { hasText: number }).waitFor({ state: 'detached', timeout: 20_000 });
  await screenshot(desk, 'floor-console-undo', { fullPage: false });
  await undo.click();
  await desk.locator('.cc-number', { hasText: number }).waitFor();

  // Park, then call back from the pool with the same number.
  await desk.getByRole('button', { name: 'Parkir' }).click();
  const parked = desk.locator('.console-parked li', { hasText: number });
  await parked.waitFor();
  await desk.getByText('Tidak ada tiket di loket ini.').waitFor();
  await screenshot(desk, 'floor-console-parked', { fullPage: false });
  await parked.getByRole('button', { name: 'Panggil kembali' }).click();
  await desk.locator('.cc-number', { hasText: number }).waitFor();

  // Reprint the ticket from the console.
  await desk.getByRole('button', { name: 'Cetak ulang tiket' }).click();
  await desk.locator('.console-print .pt-code').waitFor();
  await screenshot(desk, 'floor-console-reprint', { fullPage: false });
  await desk.locator('.console-print').getByRole('button', { name: 'Tutup' }).click();

  // Start and finish by keyboard; then pause with a reason from the MPP's list.
  await desk.keyboard.press('m');
  await desk.getByText('Sedang dilayani').first().waitFor();
  await desk.keyboard.press('s');
  await desk.getByText('Tidak ada tiket di loket ini.').waitFor();
  await desk.getByRole('button', { name: 'Jeda', exact: true }).click();
  await desk.getByLabel('Alasan jeda').selectOption({ label: 'Salat' });
  await desk.getByRole('button', { name: 'Jeda sekarang' }).click();
  await desk.getByText('Jeda: Salat').waitFor();
  const wide = await desk.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth);
  assert.ok(wide, 'the console does not scroll sideways at 1366 px');
  await screenshot(desk, 'floor-console-paused', { fullPage: false });

  // People waiting for 24 services of many agencies: more lines than fit, so the board pages them.
  for (const s of offer.services.slice(0, 24)) await call('POST', `/api/mpps/${mppId}/queue/tickets`, kioskHeaders, { serviceId: s.id });
  await tv.locator('.board-page', { hasText: /\d\/[2-9]/ }).waitFor({ timeout: 20_000 });
  for (const size of [
    { width: 1920, height: 1080, name: 'floor-board-1920' },
    { width: 1366, height: 768, name: 'floor-board-1366' },
    { width: 1080, height: 1920, name: 'floor-board-portrait' },
  ]) {
    await tv.setViewportSize(size);
    await tv.waitForTimeout(500);
    await assertFits(tv, '.board', size.name);
    const counts = await tv.locator('.bw-count').allTextContents();
    assert.ok(counts.every((c) => Number(c) > 0), `only lines with people waiting: ${counts.join(',')}`);
    const numberBox = await tv.locator('.bc-number').boundingBox();
    if (numberBox) assert.ok(numberBox.height >= size.height * 0.1, `current number readable across the hall: ${numberBox.height}px`);
    await screenshot(tv, size.name, { fullPage: false });
  }
  await deskCtx.close();
  await tvCtx.close();
});

test('the MPP admin keeps the pause reasons on the queue set-up page and sees each device online', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID' });
  const page = await ctx.newPage();
  await loginUi(page, server.url, 'admin.banyumas@demo.layan.id', PASSWORD);
  await page.getByRole('link', { name: 'Pengaturan antrean' }).first().click();
  await page.getByRole('tab', { name: 'Alasan jeda' }).click();
  const panel = page.locator('section.pause-reasons');
  await panel.getByText('Istirahat').waitFor();
  await panel.getByLabel('Alasan baru').fill('Pelatihan petugas');
  await panel.getByRole('button', { name: 'Tambah' }).click();
  await panel.getByText('Pelatihan petugas').waitFor();
  await panel.scrollIntoViewIfNeeded();
  await screenshot(page, 'floor-pause-reasons', { fullPage: false });
  const reasons = await call<{ label: string }[]>('GET', `/api/mpps/${mppId}/queue/pause-reasons`, admin);
  assert.ok(reasons.some((r) => r.label === 'Pelatihan petugas'));

  // The kiosk and the board of the earlier tests sent heartbeats.
  const health = await call<{ name: string; online: boolean; appVersion: string | null }[]>('GET', `/api/mpps/${mppId}/queue/devices/health`, admin);
  for (const name of ['Kios lobi (e2e)', 'Layar lobi (e2e)']) {
    const d = health.find((x) => x.name === name);
    assert.ok(d && d.appVersion, `${name} reported a heartbeat`);
  }
  await ctx.close();
});
