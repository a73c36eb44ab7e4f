import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { speakPlate } from '../src/queue/plate.js';
import { speakCounterLabel } from '../src/queue/speech.js';
import { apiCaller, apiLogin, launchBrowser, loginUi, noSideways, screenshot, staffMenu, staffSignIn, startServer, type RunningServer } from './support.js';

/**
 * Drive-thru lanes (issue 16.4) on the full demo data: the admin finds the SIM and SKCK lanes on the
 * queue set-up (from the staff home) and binds a kiosk and a board to the SIM lane; a driver takes a
 * ticket by plate at the lane kiosk (1080x1920 and a 800x1280 tablet) without leaving the car; when the
 * lane's window calls, the lane board (1920x1080) shows and says the plate and "Jendela 1", and the
 * hall board shows nothing of it.
 */

let server: RunningServer;
let browser: Browser;
const PASSWORD = 'Demo-Layan-2026';
const ALWAYS_OPEN = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, { opens: '00:00', closes: '23:59', breaks: [] }]));
let admin: Record<string, string>;
let mppId: string;
let laneKiosk: string;
let laneBoard: string;
let hallBoard: string;
let simLane: { id: string; code: string };

const call = apiCaller(() => server.url);

before(async () => {
  server = await startServer({ LAYAN_DEMO: 'true' });
  browser = await launchBrowser();
  admin = await apiLogin(server.url, 'admin.banyumas@demo.layan.id', PASSWORD);
  mppId = (await call<{ mpp: { id: string } }>('GET', '/api/public/mpps/mpp-demo-banyumas', {})).mpp.id;
  await call('PATCH', `/api/catalog/mpps/${mppId}`, admin, { weeklyHours: ALWAYS_OPEN });
  laneKiosk = (await call<{ token: string }>('POST', `/api/mpps/${mppId}/devices`, admin, { kind: 'kiosk', name: 'Kios jendela SIM (e2e)' })).token;
  laneBoard = (await call<{ token: string }>('POST', `/api/mpps/${mppId}/devices`, admin, { kind: 'display', name: 'Layar lajur SIM (e2e)' })).token;
  hallBoard = (await call<{ token: string }>('POST', `/api/mpps/${mppId}/devices`, admin, { kind: 'display', name: 'Layar ruang tunggu (e2e)' })).token;
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Nothing scrolls either way and nothing sticks out of the screen. */
async function assertFits(page: Page, what: string) {
  const r = await page.evaluate(() => {
    const doc = document.scrollingElement!;
    const bad: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(el).display === 'none') continue;
      if (box.right > window.innerWidth + 1 || box.bottom > window.innerHeight + 1) bad.push(`outside: ${el.className || el.tagName} "${el.textContent?.slice(0, 40)}"`);
      if (el.children.length === 0 && el.textContent?.trim() && getComputedStyle(el).overflow !== 'visible' && el.scrollWidth > el.clientWidth + 1) bad.push(`cut: ${el.className} "${el.textContent.slice(0, 40)}"`);
    }
    return { sh: doc.scrollHeight, sw: doc.scrollWidth, h: window.innerHeight, w: window.innerWidth, bad: bad.slice(0, 5) };
  });
  assert.ok(r.sh <= r.h + 1 && r.sw <= r.w + 1, `${what}: page scrolls (${r.sw}x${r.sh} in ${r.w}x${r.h})`);
  assert.deepEqual(r.bad, [], `${what}: ${r.bad.join('; ')}`);
}

test('the admin finds the demo lanes from the staff home and binds a kiosk and a board to the SIM lane', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID' });
  const page = await ctx.newPage();
  await loginUi(page, server.url, 'admin.banyumas@demo.layan.id', PASSWORD);
  await page.getByRole('link', { name: 'Pengaturan antrean' }).first().click();
  await page.getByRole('tab', { name: 'Zona & lajur' }).click();
  const sim = page.locator('.zone-card', { hasText: 'Drive-thru SIM' });
  await sim.getByText('Jendela 1').waitFor();
  await page.locator('.zone-card', { hasText: 'Drive-thru SKCK' }).getByText('Jendela 2').waitFor();
  for (const device of ['Kios jendela SIM (e2e)', 'Layar lajur SIM (e2e)']) {
    await sim.getByLabel('Pasang perangkat di Drive-thru SIM').selectOption({ label: device });
    await sim.locator('.zone-chip', { hasText: device }).waitFor();
  }
  const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  assert.ok(width <= 1366, `set-up page scrolls sideways (${width})`);
  await screenshot(page, 'drivethru-setup', { fullPage: false });
  const zones = await call<{ id: string; code: string; deviceIds: string[] }[]>('GET', `/api/mpps/${mppId}/queue/zones`, admin);
  simLane = zones.find((z) => z.code === 'sim-dt')!;
  assert.equal(zones.find((z) => z.code === 'sim-dt')!.deviceIds.length >= 2, true);
  await ctx.close();

  // The kiosk now bound to the lane is switched on at the hall kiosk's address: it becomes the lane's kiosk.
  const kCtx = await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true, locale: 'id-ID' });
  const kiosk = await kCtx.newPage();
  await kiosk.goto(`${server.url}/kios/${mppId}?token=${laneKiosk}`);
  await kiosk.waitForURL(`**/kios/${mppId}/lajur/${simLane.id}`);
  await kiosk.locator('.dt-service-name').first().waitFor();
  assert.ok(await kiosk.getByRole('button', { name: /Perpanjangan SIM A/ }).isVisible(), 'the lane kiosk offers the lane\'s services');
  await kCtx.close();
});

test('a car-window tablet (800x1280) fits the service and plate screens and refuses a bad plate in Bahasa Indonesia', async () => {
  const ctx = await browser.newContext({ viewport: { width: 800, height: 1280 }, hasTouch: true, locale: 'id-ID' });
  const kiosk = await ctx.newPage();
  await kiosk.goto(`${server.url}/kios/${mppId}/lajur/${simLane.id}?token=${laneKiosk}`);
  await kiosk.getByRole('heading', { name: 'Pilih layanan' }).waitFor();
  await kiosk.locator('.dt-service-name').first().waitFor();
  assert.deepEqual((await kiosk.locator('.dt-service-name').allTextContents()).sort(), ['Perpanjangan SIM A', 'Perpanjangan SIM C'], "only the lane's services");
  await assertFits(kiosk, 'tablet services');
  await screenshot(kiosk, 'drivethru-tablet-services', { fullPage: false });
  await kiosk.getByRole('button', { name: /Perpanjangan SIM C/ }).tap();
  for (const k of ['R', '1', '2', '3', '4', '5', 'A']) await kiosk.getByRole('button', { name: k, exact: true }).tap();
  await kiosk.getByRole('button', { name: 'Ambil nomor antrean' }).tap();
  await kiosk.getByRole('alert').getByText(/Nomor pelat tidak dikenali/).waitFor();
  await assertFits(kiosk, 'tablet plate with error');
  await screenshot(kiosk, 'drivethru-tablet-bad-plate', { fullPage: false });
  await ctx.close();
});

test('issue by plate at the lane kiosk: the lane board shows and says the plate at Jendela 1 when called, the hall board does not', async () => {
  // The boards first, so they receive the call live.
  const tvCtx = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'id-ID' });
  const lane = await tvCtx.newPage();
  await lane.goto(`${server.url}/layar/${mppId}?token=${laneBoard}`);
  await lane.getByText('Tersambung').waitFor({ timeout: 20_000 });
  await lane.getByText(/Layar ini menampilkan panggilan lajur Drive-thru SIM/).waitFor();
  await lane.getByRole('button', { name: /Aktifkan suara/ }).click();
  const hallCtx = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'id-ID' });
  const hall = await hallCtx.newPage();
  await hall.goto(`${server.url}/layar/${mppId}?token=${hallBoard}`);
  await hall.getByText('Tersambung').waitFor({ timeout: 20_000 });

  // The driver, at the 1080x1920 kiosk: service, plate typed on the big keys, ticket with the plate.
  const kCtx = await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true, locale: 'id-ID' });
  const kiosk = await kCtx.newPage();
  await kiosk.addInitScript(() => {
    window.print = () => void window.dispatchEvent(new Event('afterprint'));
  });
  await kiosk.goto(`${server.url}/kios/${mppId}/lajur/${simLane.id}?token=${laneKiosk}`);
  await kiosk.getByRole('heading', { name: 'Pilih layanan' }).waitFor();
  await kiosk.locator('.dt-service-name').first().waitFor();
  await assertFits(kiosk, 'kiosk services');
  await screenshot(kiosk, 'drivethru-kiosk-services', { fullPage: false });
  await kiosk.getByRole('button', { name: /Perpanjangan SIM A/ }).tap();
  for (const k of ['R', '1', '2', '3', '4', 'A', 'B']) await kiosk.getByRole('button', { name: k, exact: true }).tap();
  await assertFits(kiosk, 'kiosk plate');
  await screenshot(kiosk, 'drivethru-kiosk-plate', { fullPage: false });
  const issued = kiosk.waitForResponse((r) => r.url().endsWith(`/zones/${simLane.id}/tickets`) && r.request().method() === 'POST');
  await kiosk.getByRole('button', { name: 'Ambil nomor antrean' }).tap();
  const ticket = (await (await issued).json()) as { id: string; number: string; plate: string };
  assert.equal(ticket.plate, 'R 1234 AB');
  await kiosk.locator('.dt-card .dt-plate', { hasText: 'R 1234 AB' }).waitFor();
  await kiosk.locator('.dt-card .dt-number', { hasText: ticket.number }).waitFor();
  assert.equal(await kiosk.locator('.pt-plate').textContent(), 'R 1234 AB', 'the printed ticket carries the plate');
  await assertFits(kiosk, 'kiosk ticket');
  await screenshot(kiosk, 'drivethru-kiosk-ticket', { fullPage: false });

  // The SIM officer opens Jendela 1 and calls next: the car is called there.
  const officer = await apiLogin(server.url, 'petugas.polres@demo.layan.id', PASSWORD);
  const window1 = (await call<{ id: string; name: string; zone: string | null }[]>('GET', `/api/mpps/${mppId}/queue/counters`, officer)).find((c) => c.zone === 'sim-dt')!;
  assert.equal(window1.name, 'Jendela 1');
  await call('POST', `/api/mpps/${mppId}/queue/counters/${window1.id}/open`, officer);
  // At the window's console (1366x768, from the staff home) the waiting car is named by its plate.
  const desk = await staffSignIn(browser, server.url, 'petugas.polres@demo.layan.id', PASSWORD);
  await staffMenu(desk).getByRole('link', { name: 'Konsol loket', exact: true }).click();
  await desk.getByRole('button', { name: /Jendela 1/ }).click();
  const waitingCar = desk.locator('.console-line li', { hasText: ticket.number });
  await waitingCar.locator('.cl-plate', { hasText: 'R 1234 AB' }).waitFor();
  await noSideways(desk, 'lane window console');
  await screenshot(desk, 'drivethru-window-console', { fullPage: false });
  await desk.context().close();
  const called = await call<{ ticket: { id: string } }>('POST', `/api/mpps/${mppId}/queue/counters/${window1.id}/call-next`, officer);
  assert.equal(called.ticket.id, ticket.id);

  const card = lane.locator('.board-call');
  await card.locator('.bc-number', { hasText: ticket.number }).waitFor({ timeout: 20_000 });
  assert.equal((await card.locator('.bc-plate').textContent())?.trim(), 'R 1234 AB');
  assert.equal((await card.locator('.bc-counter').textContent())!.replace('→', '').trim(), 'Jendela 1');
  await lane.waitForFunction((p) => ((window as any).layanAnnouncer?.spoken as string[] | undefined)?.some((s) => s.includes(p)), speakPlate('R 1234 AB'), { timeout: 30_000 });
  const spoken = await lane.evaluate(() => (window as any).layanAnnouncer.spoken as string[]);
  assert.ok(spoken.at(-1)!.includes(`pelat ${speakPlate('R 1234 AB')}, silakan menuju ${speakCounterLabel('Jendela 1')}`), `spoken "${spoken.at(-1)}"`);
  await assertFits(lane, 'lane board');
  await screenshot(lane, 'drivethru-lane-board', { fullPage: false });

  // The hall board has had time to receive anything the lane sent: it shows none of it.
  await hall.waitForTimeout(2000);
  assert.equal(await hall.getByText('R 1234 AB').count(), 0, 'the hall board does not show the car');
  assert.equal(await hall.locator('.bc-number', { hasText: ticket.number }).count(), 0);
  await screenshot(hall, 'drivethru-hall-board', { fullPage: false });
  await Promise.all([tvCtx.close(), hallCtx.close(), kCtx.close()]);
});
