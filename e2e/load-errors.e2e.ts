import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { checkScreen, launchBrowser, newContext, openFromMenu, screenshot, staffSignIn, startServer, type RunningServer } from './support.js';

// A load that fails shows the server's problem message (in Bahasa Indonesia) with a way to try
// again, never a blank or half-empty page. Pages load through the TanStack Query layer
// (web/src/api/hooks.tsx: LoadState / LoadStatus), so these cases stand for every page on it.
const DEMO_PASSWORD = 'Demo-Layan-2026';
const MPP_ADMIN = 'admin.banyumas@demo.layan.id';

let server: RunningServer;
let browser: Browser;

before(async () => {
  server = await startServer({ LAYAN_DEMO: 'true' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('a staff list whose load fails shows the problem and loads again on "Coba lagi"', async () => {
  const page = await staffSignIn(browser, server.url, MPP_ADMIN, DEMO_PASSWORD);
  // The complaint list answers 503 problem+json, as the API does while its database is away.
  let failing = true;
  await page.route(/\/api\/mpps\/[^/]+\/complaints(\?|$)/, (route) =>
    failing
      ? route.fulfill({
          status: 503,
          contentType: 'application/problem+json',
          body: JSON.stringify({ type: 'about:blank', code: 'db_unavailable', title: 'Layanan sedang tidak tersedia', status: 503, detail: 'Basis data tidak dapat dihubungi. Coba lagi sebentar lagi.' }),
        })
      : route.continue(),
  );
  await openFromMenu(page, 'Pengaduan', 'Pengaduan');
  const alert = page.getByRole('alert').filter({ hasText: 'Layanan sedang tidak tersedia' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /Basis data tidak dapat dihubungi\. Coba lagi sebentar lagi\./);
  // No "no complaints" claim while the list is unknown.
  assert.equal(await page.getByText('Tidak ada pengaduan.').count(), 0);
  await checkScreen(page, 'load-error', 'staff-complaints', 2);

  failing = false;
  await alert.getByRole('button', { name: 'Coba lagi' }).click();
  await page.locator('table.data tbody tr').first().waitFor();
  assert.equal(await page.getByRole('alert').filter({ hasText: 'Layanan sedang tidak tersedia' }).count(), 0);
  await page.context().close();
});

test('a citizen page whose server cannot be reached says so, on a phone', async () => {
  const context = await newContext(browser, 'phone');
  const page = await context.newPage();
  await page.goto(server.url);
  // The network drops the MPP list of the booking page.
  await page.route('**/api/booking/mpps', (route) => route.abort('internetdisconnected'));
  await page.getByTestId('act-book').click();
  await page.getByRole('heading', { name: 'Booking antrean online' }).waitFor();
  const alert = page.getByRole('alert').filter({ hasText: 'Server tidak dapat dihubungi. Periksa koneksi.' });
  await alert.waitFor();
  await alert.getByRole('button', { name: 'Coba lagi' }).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px`);
  await screenshot(page, 'load-error-booking-phone');

  await page.unroute('**/api/booking/mpps');
  await alert.getByRole('button', { name: 'Coba lagi' }).click();
  await page.locator('#mpp option').nth(1).waitFor({ state: 'attached' });
  assert.equal(await alert.count(), 0);
  await context.close();
});

test('an unknown survey code shows the server\'s own message in Bahasa Indonesia', async () => {
  const context = await newContext(browser, 'phone');
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByTestId('act-survey').click();
  await page.getByLabel('Kode survei').fill('ZZZZ-ZZZZ-ZZZZ');
  await page.getByRole('button', { name: 'Buka survei' }).click();
  // A real 404 problem+json from the survey domain's error registry, not a hand-written text.
  await page.getByRole('alert').filter({ hasText: 'Kode survei tidak dikenal. Periksa kembali kode pada tiket Anda.' }).waitFor();
  await screenshot(page, 'load-error-survey-code-phone');
  await context.close();
});
