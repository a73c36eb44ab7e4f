import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, loginUi, newContext, noSideways, screenshot, selectFit, startServer, type RunningServer } from './support.js';

// Mobile services (layanan keliling) on the full demo: a citizen on a 360x740 phone finds, from the
// home page, what comes to their kecamatan next and books it; the MPP admin schedules a stop at a
// 1366x768 console, reached from the staff home, picking a kecamatan of the kabupaten and one of its desa.
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

const jakartaDay = (daysAhead: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date(Date.now() + daysAhead * 86_400_000));

test('a citizen on a phone finds the next stop in their kecamatan from the home page and books it', async () => {
  const context = await newContext(browser, 'phone');
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  await page.goto(server.url);
  const teaser = page.getByRole('region', { name: 'Layanan keliling' });
  await teaser.waitFor();
  await noSideways(page, 'home');
  await teaser.scrollIntoViewIfNeeded();
  await screenshot(page, 'mobile-home-phone', { fullPage: false });
  await page.getByLabel('Kecamatan Anda').selectOption({ label: 'Cilongok (Kabupaten Banyumas)' });
  await page.waitForURL(/\/keliling\?kecamatan=33\.02\.17/);
  await page.getByRole('heading', { name: 'Berikutnya di Kec. Cilongok' }).waitFor();
  const first = page.locator('.stop-card').first();
  await first.waitFor();
  assert.match(await first.innerText(), /Kec\. Cilongok/);
  await noSideways(page, 'schedule');
  await screenshot(page, 'mobile-schedule-phone');
  await first.getByRole('link', { name: /Booking persinggahan/ }).click();
  await page.getByRole('heading', { name: 'Booking layanan keliling' }).waitFor();
  await page.getByLabel('Layanan').selectOption({ label: 'Perekaman KTP-el' });
  await page.getByLabel('NIK').fill('3302171505900001');
  await page.getByLabel('Nama lengkap').fill('Siti Aminah');
  await page.getByLabel('Nomor ponsel (SMS/WhatsApp)').fill('081234567890');
  await noSideways(page, 'booking form');
  await screenshot(page, 'mobile-book-form-phone');
  await page.getByRole('button', { name: 'Booking sekarang' }).click();
  await page.getByRole('heading', { name: 'Booking berhasil' }).waitFor();
  const code = (await page.locator('.booked-code').innerText()).trim();
  assert.match(code, /^[A-Z0-9]{8}$/);
  assert.match(await page.locator('.booked-card').innerText(), /Kec\. Cilongok/);
  await noSideways(page, 'booked');
  await screenshot(page, 'mobile-booked-phone');
  // The same NIK again at this stop: refused in Bahasa Indonesia, nothing booked twice.
  await page.reload();
  await page.getByRole('heading', { name: 'Booking layanan keliling' }).waitFor();
  await page.getByLabel('Layanan').selectOption({ label: 'Perekaman KTP-el' });
  await page.getByLabel('NIK').fill('3302171505900001');
  await page.getByLabel('Nama lengkap').fill('Siti Aminah');
  await page.getByLabel('Nomor ponsel (SMS/WhatsApp)').fill('081234567890');
  await page.getByRole('button', { name: 'Booking sekarang' }).click();
  await page.getByRole('alert').filter({ hasText: 'NIK ini sudah memiliki booking di persinggahan ini' }).waitFor();
  // The MPP page lists its next stops too, each opening its booking page.
  await page.goto(`${server.url}/mpp/mpp-demo-banyumas`);
  const section = page.getByRole('region', { name: 'Layanan keliling' });
  await section.getByRole('link').first().waitFor();
  assert.equal(await section.getByRole('listitem').count(), 3);
  await section.scrollIntoViewIfNeeded();
  await noSideways(page, 'MPP page');
  await screenshot(page, 'mobile-mpp-page-phone', { fullPage: false });
  await context.close();
});

test('the MPP admin schedules a stop from the staff home, picking a kecamatan of the kabupaten and a desa of that kecamatan', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID' });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  await loginUi(page, server.url, MPP_ADMIN, DEMO_PASSWORD);
  await page.getByRole('heading', { name: /Selamat datang/ }).waitFor();
  await page.locator('.home-screens').getByRole('link', { name: 'Layanan keliling' }).click();
  await page.getByRole('heading', { name: 'Layanan keliling', level: 1 }).waitFor();
  await page.locator('table.data tbody tr').first().waitFor();
  await screenshot(page, 'mobile-admin-schedule-console', { fullPage: false });
  await page.getByRole('button', { name: 'Tambah persinggahan' }).click();
  const form = page.locator('form.stop-editor');
  await form.getByLabel('Unit', { exact: true }).selectOption({ index: 1 });
  // The picker holds only the kecamatan of Kabupaten Banyumas: one of Gowa is not found.
  const search = form.getByLabel('Cari kecamatan');
  await search.fill('Tinggimoncong');
  await form.getByRole('status').filter({ hasText: 'Tidak ada kecamatan "Tinggimoncong" di Kabupaten Banyumas' }).waitFor();
  const picker = form.getByLabel(/^Kecamatan \(27 di Kabupaten Banyumas\)/);
  await search.fill('ajib');
  assert.deepEqual(await picker.locator('option').allInnerTexts(), ['— 1 cocok, pilih —', 'Ajibarang (33.02.14)']);
  await screenshot(page, 'mobile-admin-picker-console', { fullPage: false });
  // The desa select waits for a kecamatan, then offers only that kecamatan's 15 desa (shipped region data).
  const village = form.getByLabel(/^Desa\/kelurahan \(opsional/);
  assert.equal(await village.isDisabled(), true);
  await picker.selectOption({ label: 'Ajibarang (33.02.14)' });
  const villages = form.getByLabel('Desa/kelurahan (opsional, 15 di Kec. Ajibarang)');
  const labels = await villages.locator('option').allInnerTexts();
  assert.equal(labels.length, 16);
  assert.ok(labels.includes('Pancurendang (33.02.14.2007)'));
  assert.ok(!labels.some((l) => l.includes('Pageraji')));
  await villages.selectOption({ label: 'Pancurendang (33.02.14.2007)' });
  // At 1366x768 the closed select shows every desa's name and code whole (it was clipped in a narrow column).
  const fit = await selectFit(villages);
  assert.ok(fit.needed <= fit.width, `the desa select clips "${fit.longest}": ${fit.width}px wide, ${fit.needed}px needed`);
  await form.getByLabel('Alamat/titik kumpul').fill('Balai Desa Pancurendang, Jl. Raya Ajibarang');
  const day = jakartaDay(25);
  await form.getByLabel('Tanggal', { exact: true }).fill(day);
  await form.getByLabel('Mulai (WIB)').fill('09:00');
  await form.getByLabel('Selesai (WIB)').fill('13:00');
  await form.getByLabel('Kapasitas (orang)').fill('35');
  await form.getByLabel('Semua layanan unit').check();
  await villages.scrollIntoViewIfNeeded();
  await screenshot(page, 'mobile-admin-village-console', { fullPage: false });
  await form.getByRole('button', { name: 'Jadwalkan' }).click();
  await form.waitFor({ state: 'detached' });
  const row = page.locator('table.data tbody tr', { hasText: 'Balai Desa Pancurendang' });
  await row.waitFor();
  assert.match(await row.innerText(), /09:00–13:00 WIB/);
  assert.match(await row.innerText(), /0\/35/);
  await noSideways(page, 'admin schedule');
  await row.scrollIntoViewIfNeeded();
  await screenshot(page, 'mobile-admin-created-console', { fullPage: false });
  // The units and their crew, one tab away.
  await page.getByRole('tab', { name: 'Unit dan awak' }).click();
  const unitRow = page.locator('table.data tbody tr', { hasText: 'Bus Layanan Satria 2' });
  await unitRow.waitFor();
  assert.match(await unitRow.innerText(), /R 1002 KL/);
  await noSideways(page, 'admin units');
  await screenshot(page, 'mobile-admin-units-console', { fullPage: false });
  // The new stop is public at once, under its kecamatan.
  const res = await fetch(`${server.url}/api/mobile/stops?kecamatan=33.02.14&limit=100`);
  const stops = (await res.json()) as { localDate: string; address: string; villageCode: string | null; villageName: string | null }[];
  const created = stops.find((s) => s.localDate === day && s.address.startsWith('Balai Desa Pancurendang'));
  assert.equal(created?.villageCode, '33.02.14.2007');
  assert.equal(created?.villageName, 'Pancurendang');
  await context.close();
});
