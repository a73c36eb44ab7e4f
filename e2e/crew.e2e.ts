import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { loadDemo } from '../src/demo/load.js';
import { apiCaller, apiLogin, launchBrowser, loginUi, noSideways, openServerDatabase, screenshot, startServer, type RunningServer } from './support.js';

/**
 * On the full demo data: a crew member of a mobile unit of MPP Banyumas opens today's stop from the
 * staff home on a tablet, the network drops (the browser is set offline), they check in a booking and
 * serve it, serve a walk-in, even reload the page with no network, then the network returns, the
 * events sync, and the MPP's statistics count both. A phone (360x740) shows the same stop after sync.
 */

let server: RunningServer;
let browser: Browser;
let dataDir: string;
let mppId: string;
const PASSWORD = 'Demo-Layan-2026';
const CREW = 'petugas.dukcapil@demo.layan.id';
const localDate = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(d);

before(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'layan-e2e-crew-'));
  const db = await openServerDatabase(dataDir);
  await loadDemo(db, new Date());
  mppId = (await db.query<{ id: string }>("SELECT id FROM mpps WHERE slug = 'mpp-demo-banyumas'")).rows[0]!.id;
  const crew = (await db.query<{ id: string; tenant_id: string }>('SELECT u.id, g.tenant_id FROM users u JOIN role_grants g ON g.user_id = u.id WHERE u.email = $1', [CREW])).rows[0]!;
  const services = (await db.query<{ id: string }>('SELECT id FROM services WHERE mpp_id = $1 AND tenant_id = $2 AND active ORDER BY code LIMIT 2', [mppId, crew.tenant_id])).rows;
  const unitId = (await db.query<{ id: string }>("INSERT INTO mobile_units (mpp_id, name, vehicle, plate) VALUES ($1, 'Mobil Dukcapil Keliling', 'Minibus', 'R 7777 KL') RETURNING id", [mppId])).rows[0]!.id;
  await db.query('INSERT INTO mobile_unit_crew (mpp_id, unit_id, user_id) VALUES ($1, $2, $3)', [mppId, unitId, crew.id]);
  const now = Date.now();
  const stopId = (
    await db.query<{ id: string }>(
      `INSERT INTO mobile_stops (mpp_id, unit_id, region_code, kecamatan_code, kecamatan_name, village_name, address, starts_at, ends_at, local_day, capacity, booked)
       VALUES ($1, $2, '33.02.17.2011', '33.02.17', 'Cilongok', 'Desa Pernasidi', 'Balai Desa Pernasidi, Jl. Raya Pernasidi 1', $3, $4, $5, 30, 1) RETURNING id`,
      [mppId, unitId, new Date(now - 3_600_000), new Date(now + 5 * 3_600_000), localDate(new Date(now))],
    )
  ).rows[0]!.id;
  for (const s of services) await db.query('INSERT INTO mobile_stop_services (mpp_id, stop_id, service_id) VALUES ($1, $2, $3)', [mppId, stopId, s.id]);
  await db.query(
    `INSERT INTO mobile_stop_bookings (mpp_id, stop_id, code, service_id, nik_hash, nik_masked, name, phone, status)
     VALUES ($1, $2, 'KLG4X7P2', $3, 'e2e-hash', '3302********0004', 'Siti Aminah', '+6281234500001', 'booked')`,
    [mppId, stopId, services[0]!.id],
  );
  await db.close();
  server = await startServer({ DATA_DIR: dataDir, LAYAN_DEMO: 'true' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const call = apiCaller(() => server.url);

const netStatus = (page: Page) => page.locator('.crew-net strong');

test('the crew tablet serves a booking and a walk-in offline, syncs when back online, and the statistics count both', async () => {
  const admin = await apiLogin(server.url, 'admin.banyumas@demo.layan.id', PASSWORD);
  const today = localDate(new Date());
  const statsUrl = `/api/mpps/${mppId}/operations/stats?from=${today}&to=${today}&by=tenant`;
  const before = (await call<any>('GET', statsUrl, admin)).totals;

  const context = await browser.newContext({ viewport: { width: 800, height: 1280 }, hasTouch: true, locale: 'id-ID' });
  const page = await context.newPage();
  await loginUi(page, server.url, CREW, PASSWORD);
  await page.getByRole('heading', { name: 'Layanan keliling Anda' }).waitFor({ timeout: 30_000 });
  await page.getByRole('link', { name: 'Antrean Desa Pernasidi' }).click();
  await page.getByRole('heading', { name: 'Desa Pernasidi' }).waitFor({ timeout: 30_000 });
  await page.locator('main[data-shell-ready="true"]').waitFor({ timeout: 60_000 });
  await netStatus(page).filter({ hasText: 'Daring — semua tersinkron' }).waitFor({ timeout: 30_000 });
  await noSideways(page, 'the stop queue on a tablet');
  await screenshot(page, 'crew-tablet-online');

  // The network drops.
  await context.setOffline(true);
  await netStatus(page).filter({ hasText: 'Luring — 0 kejadian menunggu' }).waitFor({ timeout: 10_000 });
  const booking = page.locator('.crew-bookings li').filter({ hasText: 'Siti Aminah' });
  await booking.getByRole('button', { name: 'Check-in' }).click();
  await page.locator('.crew-issued').filter({ hasText: 'K-' }).waitFor();
  const bookingNumber = (await page.locator('.crew-issued .crew-number').textContent())!.trim();
  const bookingTicket = page.locator('.crew-ticket').filter({ hasText: bookingNumber });
  await bookingTicket.getByRole('button', { name: 'Panggil' }).click();
  await bookingTicket.getByRole('button', { name: 'Selesai dilayani' }).click();
  await page.locator('.crew-services button').first().click();
  const walkInNumber = await page.locator('.crew-issued .crew-number').filter({ hasNotText: bookingNumber }).textContent();
  assert.notEqual(walkInNumber!.trim(), bookingNumber);
  const walkIn = page.locator('.crew-ticket').filter({ hasText: walkInNumber!.trim() });
  await walkIn.getByRole('button', { name: 'Panggil' }).click();
  await walkIn.getByRole('button', { name: 'Selesai dilayani' }).click();
  await netStatus(page).filter({ hasText: 'Luring — 6 kejadian menunggu' }).waitFor({ timeout: 10_000 });
  assert.equal(await page.locator('.crew-done li').count(), 2);

  // Even a reload with no network opens the stop from the device (service worker + IndexedDB).
  await page.reload();
  await page.getByRole('heading', { name: 'Desa Pernasidi' }).waitFor({ timeout: 30_000 });
  await netStatus(page).filter({ hasText: 'Luring — 6 kejadian menunggu' }).waitFor({ timeout: 10_000 });
  assert.equal(await page.locator('.crew-done li').count(), 2);
  await noSideways(page, 'the offline stop queue on a tablet');
  await screenshot(page, 'crew-tablet-offline');
  // Nothing reached the server meanwhile.
  assert.equal((await call<any>('GET', statsUrl, admin)).totals.served, before.served);

  // The network returns: the events go out by themselves.
  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await netStatus(page).filter({ hasText: 'Daring — semua tersinkron' }).waitFor({ timeout: 60_000 });
  await screenshot(page, 'crew-tablet-synced');

  const after = (await call<any>('GET', statsUrl, admin)).totals;
  assert.equal(after.served, before.served + 2, JSON.stringify({ before, after }));
  assert.equal(after.booked, before.booked + 1, JSON.stringify({ before, after }));
  assert.equal(after.issued, before.issued + 2);
  await context.close();

  // A second crew device (a phone) sees the stop as the server now has it.
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, locale: 'id-ID' });
  const p2 = await phone.newPage();
  await loginUi(p2, server.url, CREW, PASSWORD);
  await p2.getByRole('link', { name: 'Antrean Desa Pernasidi' }).click();
  await netStatus(p2).filter({ hasText: 'Daring — semua tersinkron' }).waitFor({ timeout: 30_000 });
  assert.equal(await p2.locator('.crew-done li').count(), 2);
  assert.match((await p2.locator('.crew-bookings li').filter({ hasText: 'Siti Aminah' }).textContent())!, /dilayani/);
  // Each served person gets a survey code, which opens the SKM form like a counter ticket's code.
  assert.equal(await p2.locator('.crew-survey').count(), 2);
  const code = (await p2.locator('.crew-survey strong').first().textContent())!.trim();
  assert.equal((await fetch(`${server.url}/api/survey/forms/${encodeURIComponent(code)}`)).status, 200);
  await noSideways(p2, 'the stop queue on a phone');
  await screenshot(p2, 'crew-phone', { fullPage: true });
  await phone.close();

  // The MPP admin's statistics page shows the same totals.
  const desk = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID' });
  const p3 = await desk.newPage();
  await loginUi(p3, server.url, 'admin.banyumas@demo.layan.id', PASSWORD);
  await p3.getByRole('link', { name: 'Statistik antrean' }).first().click();
  await p3.locator('.ops-breakdown').waitFor({ timeout: 30_000 });
  const shown = await call<any>('GET', `/api/mpps/${mppId}/operations/stats?from=${await p3.locator('input[type=date]').first().inputValue()}&to=${await p3.locator('input[type=date]').nth(1).inputValue()}&by=tenant`, admin);
  const kpi = p3.locator('.ops-kpi').filter({ has: p3.locator('.ops-kpi-label', { hasText: 'Dilayani' }) }).first();
  assert.equal((await kpi.locator('.ops-kpi-value').textContent())!.trim(), String(shown.totals.served));
  assert.ok(shown.totals.served >= 2);
  await screenshot(p3, 'crew-statistics-console');
  await desk.close();
});
