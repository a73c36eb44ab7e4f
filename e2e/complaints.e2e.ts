import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { hashPassword } from '../src/identity/service.js';
import { launchBrowser, loginUi, newContext, openServerDatabase, type RunningServer, screenshot, startServer } from './support.js';

const HANDLER = { email: 'pengaduan@e2e.layan', password: 'handler-e2e-password' };
const SLUG = 'mpp-kota-e2e';
let server: RunningServer;
let browser: Browser;
let dataDir: string;

/**
 * There is no API to create an MPP yet (the catalog domain brings it), so the test prepares the
 * embedded database itself, before the server opens it: one MPP, two tenants, one complaint handler.
 */
async function prepareDatabase(dir: string): Promise<void> {
  const db = await openServerDatabase(dir);
  const mpp = (await db.query<{ id: string }>("INSERT INTO mpps (slug, name, timezone) VALUES ($1, 'MPP Kota Contoh', 'Asia/Makassar') RETURNING id", [SLUG])).rows[0]!.id;
  await db.query("INSERT INTO tenants (mpp_id, code, name, kind) VALUES ($1, 'DUKCAPIL', 'Dinas Dukcapil', 'regional_office'), ($1, 'SAMSAT', 'Samsat', 'regional_office')", [mpp]);
  const user = (await db.query<{ id: string }>("INSERT INTO users (email, name, password_hash) VALUES ($1, 'Rina Pengelola', $2) RETURNING id", [HANDLER.email, await hashPassword(HANDLER.password)])).rows[0]!.id;
  await db.query("INSERT INTO role_grants (user_id, role, mpp_id) VALUES ($1, 'mpp_admin', $2)", [user, mpp]);
  await db.close();
}

before(async () => {
  if (process.env.E2E_DATABASE_URL) throw new Error('complaints e2e prepares an embedded database; run it without E2E_DATABASE_URL');
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'layan-e2e-complaints-'));
  await prepareDatabase(dataDir);
  server = await startServer({ DATA_DIR: dataDir });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('a citizen files on the public page, a handler answers, the citizen reads it through the code', async () => {
  const citizen = await newContext(browser, 'phone');
  const page = await citizen.newPage();
  await page.goto(`${server.url}/pengaduan/${SLUG}`);
  await page.getByRole('heading', { name: 'Sampaikan pengaduan' }).waitFor();
  await page.getByText('MPP Kota Contoh').waitFor();
  await screenshot(page, 'complaints-file-phone');

  // A too-short text is refused with the field named, nothing filed.
  await page.getByLabel('Uraian').fill('pendek');
  await page.getByRole('button', { name: 'Kirim pengaduan' }).click();
  await page.getByRole('alert').waitFor();
  assert.match(await page.locator('#description-help').textContent() ?? '', /minimal 10 karakter/);
  await screenshot(page, 'complaints-file-error-phone');

  await page.getByLabel('Tentang').selectOption('tenant');
  await page.getByLabel('Instansi', { exact: true }).selectOption({ label: 'Dinas Dukcapil' });
  const text = 'Antrean KTP-el di loket Dukcapil tidak bergerak 2 jam. <script>alert(1)</script>';
  await page.getByLabel('Uraian').fill(text);
  await page.getByLabel('Nama', { exact: true }).fill('Siti Aminah');
  // A PDF goes along (multipart).
  await page.locator('#attachments').setInputFiles({ name: 'antrean.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n') });
  await page.getByRole('button', { name: 'Kirim pengaduan' }).click();
  await page.getByRole('heading', { name: 'Pengaduan Anda sudah kami terima' }).waitFor();
  await page.getByText('1 lampiran terkirim.').waitFor();
  const code = (await page.getByTestId('tracking-code').textContent())!.trim();
  assert.match(code, /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  await screenshot(page, 'complaints-filed-phone');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);

  // The handler verifies, assigns and answers in the staff screens.
  const staff = await newContext(browser, 'desktop');
  const desk = await staff.newPage();
  await loginUi(desk, server.url, HANDLER.email, HANDLER.password);
  await desk.getByRole('navigation', { name: 'Menu petugas' }).getByRole('link', { name: 'Pengaduan' }).click();
  await desk.getByRole('link', { name: code }).waitFor();
  await screenshot(desk, 'complaints-staff-list');
  await desk.getByRole('link', { name: code }).click();
  await desk.getByText('Siti Aminah').waitFor();
  await desk.getByText(text).waitFor();
  await screenshot(desk, 'complaints-staff-detail');
  await desk.getByRole('button', { name: 'Verifikasi' }).click();
  await desk.getByRole('button', { name: 'Teruskan ke instansi' }).click();
  await desk.getByText('Diteruskan ke instansi').first().waitFor();
  await desk.getByLabel('Catatan internal').fill('RAHASIA: pelapor pernah mengadu hal serupa');
  await desk.getByRole('button', { name: 'Simpan catatan' }).click();
  await desk.getByText('RAHASIA: pelapor pernah mengadu hal serupa').waitFor();
  const answer = 'Kami menambah dua petugas perekaman KTP-el mulai besok pagi. Mohon maaf atas ketidaknyamanannya.';
  await desk.getByLabel('Jawaban untuk pelapor (publik)').fill(answer);
  await desk.getByRole('button', { name: 'Kirim jawaban' }).click();
  await desk.locator('.status-answered').waitFor();
  await screenshot(desk, 'complaints-staff-answered');
  // The MPP admin's calendar screen lists the national days the deadlines skip.
  await desk.getByRole('navigation', { name: 'Menu petugas' }).getByRole('link', { name: 'Kalender' }).click();
  await desk.getByRole('heading', { name: 'Kalender hari kerja' }).waitFor();
  await desk.getByLabel('Tahun').selectOption('2026');
  await desk.getByRole('cell', { name: 'Idul Fitri 1447 Hijriah' }).first().waitFor();
  await screenshot(desk, 'calendar-mpp-admin');
  await staff.close();

  // The citizen looks the code up (typed in lower case) and reads the answer; internal notes stay hidden.
  await page.goto(`${server.url}/lacak`);
  await page.getByLabel('Kode lacak').fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Lacak', exact: true }).click();
  await page.getByText(answer).waitFor();
  assert.equal(await page.getByText('RAHASIA').count(), 0);
  assert.equal(await page.getByText(HANDLER.email).count(), 0);
  await screenshot(page, 'complaints-track-answered-phone');
  await page.getByRole('button', { name: 'Ya, selesai' }).click();
  await page.locator('.status-closed').waitFor();
  await screenshot(page, 'complaints-track-closed-phone');
  await citizen.close();
});
