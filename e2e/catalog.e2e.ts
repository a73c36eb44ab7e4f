import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, loginUi, newContext, screenshot, startServer, type RunningServer } from './support.js';

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

test('the demo load prints staff accounts and device tokens', () => {
  assert.match(server.output(), /admin\.dukcapil@demo\.layan\.id\s+tenant_admin/);
  assert.match(server.output(), /kiosk\s+mpp-demo-banyumas: ksk_/);
});

test('an agency admin edits a service; a citizen finds it by a misspelt search on a phone and sees the change', async () => {
  const admin = await (await newContext(browser, 'desktop')).newPage();
  await loginUi(admin, server.url, 'admin.dukcapil@demo.layan.id', 'Demo-Layan-2026');
  await admin.getByRole('navigation', { name: 'Menu petugas' }).getByRole('link', { name: 'Katalog layanan' }).click();
  await admin.getByRole('link', { name: 'Penggantian KTP-el karena hilang' }).click();
  await admin.getByLabel('Nama layanan').waitFor();
  await admin.getByLabel('5. Produk pelayanan').fill('KTP-el pengganti, langsung dicetak di tempat');
  await admin.getByLabel('3. Jangka waktu penyelesaian').fill('20');
  await admin.getByRole('button', { name: 'Simpan' }).click();
  await admin.getByText('Tersimpan sebagai versi 2').waitFor();
  await screenshot(admin, 'catalog-admin-service-editor');

  // A fee below zero is refused with a clear message and nothing changes.
  await admin.getByLabel('4. Biaya/tarif (Rp, 0 = gratis)').fill('-1000');
  await admin.getByRole('button', { name: 'Simpan' }).click();
  await admin.getByRole('alert').waitFor();
  assert.match((await admin.getByRole('alert').textContent()) ?? '', /tidak boleh negatif/);
  await screenshot(admin, 'catalog-admin-service-editor-error', { fullPage: false });

  const phone = await (await newContext(browser, 'phone')).newPage();
  await phone.goto(`${server.url}/mpp`);
  await phone.getByRole('link', { name: 'MPP Satria Banyumas (demo)' }).click();
  await phone.getByRole('heading', { name: 'MPP Satria Banyumas (demo)' }).waitFor();
  await phone.getByRole('searchbox').fill('ktp hilng');
  await phone.getByRole('button', { name: 'Cari' }).click();
  await phone.getByRole('link', { name: 'Penggantian KTP-el karena hilang' }).first().waitFor();
  await screenshot(phone, 'catalog-public-search-phone');
  await phone.getByRole('link', { name: 'Penggantian KTP-el karena hilang' }).first().click();
  await phone.getByRole('heading', { name: 'Penggantian KTP-el karena hilang' }).waitFor();
  await screenshot(phone, 'catalog-public-service-phone');
  assert.ok(await phone.getByText('KTP-el pengganti, langsung dicetak di tempat').isVisible());
  assert.ok(await phone.getByText('20 menit').isVisible());
  assert.ok(await phone.getByText('Kartu Keluarga (KK)').isVisible());
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `service page scrolls sideways: ${width}px`);

  await phone.getByRole('link', { name: /MPP Satria Banyumas/ }).click();
  await phone.getByRole('heading', { name: 'MPP Satria Banyumas (demo)' }).waitFor();
  assert.match((await phone.getByRole('status').first().textContent()) ?? '', /Buka sekarang|Tutup|Sedang|buka lagi/);
  assert.ok(await phone.getByRole('heading', { name: 'Maklumat Pelayanan' }).isVisible());
  const mppWidth = await phone.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(mppWidth <= 360, `MPP page scrolls sideways: ${mppWidth}px`);
  await screenshot(phone, 'catalog-public-mpp-phone');
});

test('the national admin sees counts by province and agency kind', async () => {
  const page = await (await newContext(browser, 'desktop')).newPage();
  await loginUi(page, server.url, 'admin@e2e.layan', 'admin-e2e-password');
  await page.goto(`${server.url}/staf/nasional`);
  await page.getByRole('cell', { name: 'Jawa Tengah' }).waitFor();
  await screenshot(page, 'catalog-national-summary');
  await page.goto(`${server.url}/staf/katalog?tab=profil`);
  await page.getByRole('group', { name: /Jam layanan mingguan/ }).waitFor();
  await screenshot(page, 'catalog-admin-profile-hours');
  await page.goto(`${server.url}/staf/katalog?tab=instansi`);
  await page.getByText(/segera berakhir/).first().waitFor();
  await screenshot(page, 'catalog-admin-agencies');
});
