import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { ADMIN, apiLogin, launchBrowser, loginUi, newContext, screenshot, startServer, type RunningServer } from './support.js';

let server: RunningServer;
let browser: Browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('staff sign in, see the role-aware shell, switch to English and sign out', async () => {
  const context = await newContext(browser, 'desktop');
  const page = await context.newPage();
  await page.goto(`${server.url}/masuk`);
  await screenshot(page, 'shell-login');
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Kata sandi').fill('wrong-password-x');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('alert').waitFor();
  assert.equal(await page.getByRole('alert').textContent(), 'Email atau kata sandi salah.');
  await screenshot(page, 'shell-login-error');

  await loginUi(page, server.url, ADMIN.email, ADMIN.password);
  await page.getByRole('heading', { name: /Selamat datang/ }).waitFor();
  const nav = page.getByRole('navigation', { name: 'Menu petugas' });
  assert.ok(await nav.getByRole('link', { name: 'Pengguna' }).isVisible());
  assert.ok(await nav.getByRole('link', { name: 'Log audit' }).isVisible());
  await screenshot(page, 'shell-staff-home');

  await page.getByRole('button', { name: 'EN' }).click();
  await page.getByRole('heading', { name: /Welcome/ }).waitFor();
  await page.getByRole('navigation', { name: 'Staff menu' }).getByRole('link', { name: 'Audit log' }).click();
  await page.getByRole('heading', { name: 'Audit log' }).waitFor();
  // No MPP chosen yet: a national admin reads the whole log, where this very sign-in is the newest entry.
  await page.getByText('Showing every MPP.', { exact: false }).waitFor();
  await page.getByRole('cell', { name: 'Signed in', exact: true }).first().waitFor();
  await screenshot(page, 'shell-audit-en');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/masuk/);
  await context.close();
});

test('a phone-sized screen gets the same shell without horizontal scrolling', async () => {
  const context = await newContext(browser, 'phone');
  const page = await context.newPage();
  await loginUi(page, server.url, ADMIN.email, ADMIN.password);
  await page.getByRole('heading', { name: /Selamat datang/ }).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  await screenshot(page, 'shell-staff-home-phone');
  await context.close();
});

test('an MPP admin issues a display token once and revokes it', async () => {
  const headers = await apiLogin(server.url, ADMIN.email, ADMIN.password);
  // A national admin sets up an MPP and its admin through the API, as the catalog screens do.
  const mppId = await createMpp(server.url, headers);
  const created = await fetch(`${server.url}/api/users`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ email: 'admin.mpp@e2e.layan', name: 'Admin MPP', password: 'sementara-123', grants: [{ role: 'mpp_admin', mppId }] }),
  });
  assert.equal(created.status, 201, await created.text());
  const context = await newContext(browser, 'desktop');
  const page = await context.newPage();
  await loginUi(page, server.url, 'admin.mpp@e2e.layan', 'sementara-123');
  await page.getByRole('heading', { name: 'Ganti kata sandi' }).waitFor();
  await page.getByLabel('Kata sandi saat ini').fill('sementara-123');
  await page.getByLabel(/Kata sandi baru/).fill('kata-sandi-tetap-1');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await page.getByRole('heading', { name: /Selamat datang/ }).waitFor();
  await page.getByRole('navigation', { name: 'Menu petugas' }).getByRole('link', { name: 'Perangkat' }).click();
  await page.getByLabel('Jenis').selectOption('display');
  await page.getByLabel('Nama perangkat').fill('Layar Lobi Utama');
  await page.getByRole('button', { name: 'Terbitkan' }).click();
  const token = await page.locator('code.token').textContent();
  assert.match(token ?? '', /^dsp_/);
  await page.getByRole('cell', { name: 'Layar Lobi Utama' }).waitFor();
  await screenshot(page, 'shell-devices');
  const self = await fetch(`${server.url}/api/mpps/${mppId}/device`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(self.status, 200);
  // The board reports itself alive (as DisplayPage does every 30 s); the admin sees it on the same list.
  const beat = await fetch(`${server.url}/api/mpps/${mppId}/queue/devices/heartbeat`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ appVersion: '9.9.9', page: '/layar', printerError: 'Kertas habis' }),
  });
  assert.equal(beat.status, 200, await beat.text());
  await page.reload();
  const row = page.getByRole('row', { name: /Layar Lobi Utama/ });
  await row.getByText('Terhubung', { exact: true }).waitFor({ timeout: 60_000 });
  await row.getByText(/v9\.9\.9/).waitFor();
  await row.getByText('Printer: Kertas habis').waitFor();
  // Every time on the page is in the MPP's zone and says so (the test MPP is in WIB).
  assert.match((await row.getByRole('cell').nth(2).textContent()) ?? '', /WIB$/);
  await screenshot(page, 'shell-devices-health');
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Cabut' }).click();
  await page.getByRole('cell', { name: 'Dicabut' }).waitFor();
  const after = await fetch(`${server.url}/api/mpps/${mppId}/device`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(after.status, 401);
  await context.close();
});

test('the public home page offers search and the directory on a phone', async () => {
  const context = await newContext(browser, 'phone');
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByRole('heading', { name: 'Layanan publik dalam satu atap' }).waitFor();
  await page.getByLabel('Cari layanan').fill('ktp hilang');
  await screenshot(page, 'shell-home-phone');
  await page.getByRole('button', { name: 'Cari' }).click();
  await page.waitForURL(/\/cari\?q=ktp/);
  await context.close();
});

test('the API documentation is browsable', async () => {
  const context = await newContext(browser, 'desktop');
  const page = await context.newPage();
  await page.goto(`${server.url}/api/docs`);
  await page.getByText('Layan API').first().waitFor();
  await screenshot(page, 'shell-api-docs', { fullPage: false });
  await context.close();
});

const E2E_MPP = { name: 'MPP Kabupaten Uji', slug: 'mpp-uji-shell', regionCode: '33.01', timezone: 'Asia/Jakarta' };

/** Creates an MPP through the catalog API as the national admin. */
async function createMpp(baseUrl: string, headers: Record<string, string>): Promise<string> {
  const res = await fetch(`${baseUrl}/api/catalog/mpps`, { method: 'POST', headers, body: JSON.stringify(E2E_MPP) });
  if (res.status === 201) return ((await res.json()) as { id: string }).id;
  throw new Error(`cannot create an MPP: ${res.status} ${await res.text()}`);
}
