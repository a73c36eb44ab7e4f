import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from '../src/demo/data.js';
import { loadDemo } from '../src/demo/load.js';
import {
  assertAxeClean, checkScreen, newContext, noSideways, openServerDatabase, launchBrowser, type RunningServer, screenshot, staffSignIn, startServer, startSmsCapture, waitFor,
} from './support.js';

/**
 * Issue 15, applying online on the full demo data, reached by clicking: on a 360x740 phone a citizen
 * finds the KIA service from the home page's search and presses "Ajukan permohonan daring"; not
 * signed in, the page signs her in with the code sent by SMS and stays; nothing is in her wallet, so
 * she adds her KK in "Dokumen saya" and comes back; the pre-check shows the KK kept and the akta and
 * photo missing; a wrong NIK and a missing consent are said at their fields, which take the focus;
 * she applies sharing the KK for 14 days and gets the tracking code, then sees the application in
 * "Layanan saya" with its state and due date. The Dukcapil officer (console 1366x768, from the staff
 * home) finds it in the work list and sees only the KK. Then she asks Dukcapil a question and withdraws
 * it from "Layanan saya". axe on each citizen page.
 */
const BANYUMAS = 'MPP Satria Banyumas (demo)';
const PHONE = '081234567888';
const E164 = '+6281234567888';
const NIK = '3302015505900003';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
let sms: Awaited<ReturnType<typeof startSmsCapture>>;
let server: RunningServer;
let browser: Browser;
let dataDir: string;

before(async () => {
  sms = await startSmsCapture();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'layan-e2e-apply-online-'));
  const db = await openServerDatabase(dataDir);
  await loadDemo(db, new Date());
  await db.close();
  server = await startServer({ DATA_DIR: dataDir, SMS_WEBHOOK_URL: sms.url, SMS_WEBHOOK_SECRET: 'rahasia-webhook-e2e-123' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  await sms?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function citizenPage(page: Page, name: string): Promise<void> {
  await assertAxeClean(page, name);
  await noSideways(page, name);
  await screenshot(page, `apply-online-${name}`, { fullPage: true });
}

test('a citizen applies online from the service page sharing her KK; the officer sees the application and only the KK', async () => {
  const phone = await (await newContext(browser, 'phone')).newPage();
  phone.setDefaultTimeout(30_000);
  await phone.goto(`${server.url}/`);
  await phone.getByLabel('MPP Anda').selectOption({ label: BANYUMAS });

  // 1. Home → search → the KIA service page, which takes online applications.
  await phone.getByLabel('Cari layanan').fill('kartu identitas anak');
  await phone.getByRole('button', { name: 'Cari', exact: true }).click();
  await phone.locator('ol.results li').filter({ hasText: 'KIA' }).first().getByRole('link').first().click();
  await phone.getByRole('heading', { level: 1, name: /Kartu Identitas Anak/ }).waitFor();
  await phone.getByTestId('svc-apply').click();

  // 2. Not signed in: the page signs her in by the code sent by SMS and stays on the form.
  await phone.getByRole('heading', { level: 1, name: 'Ajukan permohonan daring' }).waitFor();
  await citizenPage(phone, '1-sign-in');
  const since = sms.texts.length;
  await phone.getByLabel('Nomor ponsel atau email').fill(PHONE);
  await phone.getByRole('button', { name: 'Kirim kode' }).click();
  const signIn = await waitFor(() => sms.texts.slice(since).find((x) => x.to === E164 && /Layan/.test(x.text)), 'the sign-in code');
  await phone.getByLabel('Kode 6 angka').fill(/\b(\d{6})\b/.exec(signIn.text)![1]!);
  await phone.getByRole('button', { name: 'Masuk', exact: true }).click();
  await phone.getByTestId('apply-summary').getByText('0 dari 3 persyaratan').waitFor();
  assert.ok(phone.url().includes('/permohonan-daring/'), 'she stays on the application form');

  // 3. Her wallet is empty: she adds the KK in "Dokumen saya" and comes back.
  await phone.getByRole('link', { name: 'Dokumen saya', exact: true }).first().click();
  await phone.getByRole('heading', { name: 'Tambah dokumen' }).waitFor();
  await phone.getByLabel('Jenis dokumen').selectOption('KK');
  await phone.getByLabel(/Berkas \(PDF, JPEG atau PNG/).setInputFiles({ name: 'kk-keluarga.pdf', mimeType: 'application/pdf', buffer: PDF });
  await phone.getByRole('button', { name: 'Unggah' }).click();
  await phone.getByTestId('doc-KK').waitFor();
  await phone.goBack();

  // 4. The pre-check: KK kept (offered for sharing), the akta and the photo missing.
  await phone.getByTestId('apply-summary').getByText('1 dari 3 persyaratan').waitFor();
  assert.ok(await phone.getByTestId('apply-req-KK').getByRole('checkbox').isChecked(), 'the KK is offered for sharing');
  assert.match((await phone.getByTestId('apply-req-AKTA_KELAHIRAN').textContent())!, /belum ada/);
  assert.match((await phone.getByTestId('apply-req-PAS_FOTO').textContent())!, /belum ada/);
  await citizenPage(phone, '2-precheck');

  // 5. Bad input is said at its field, which takes the focus; nothing is sent.
  await phone.getByLabel('NIK (16 digit, dari KTP-el)').fill('33020155');
  await phone.getByLabel('Nama lengkap').fill('Siti Aminah');
  await phone.getByRole('button', { name: 'Kirim permohonan' }).click();
  await phone.getByText('NIK harus 16 digit angka').waitFor();
  assert.equal(await phone.evaluate(() => document.activeElement?.id), 'apply-nik');
  await phone.getByLabel('NIK (16 digit, dari KTP-el)').fill(NIK);
  await phone.getByLabel('Izin berlaku selama').selectOption('14');
  await phone.getByRole('button', { name: 'Kirim permohonan' }).click();
  await phone.getByText('Centang persetujuan').waitFor();
  assert.equal(await phone.evaluate(() => document.activeElement?.id), 'apply-consent');
  await citizenPage(phone, '3-errors');

  // 6. With consent: the tracking code, the state and the due date.
  await phone.getByLabel(/Saya mengizinkan Dinas Kependudukan dan Pencatatan Sipil membuka dokumen yang saya pilih hanya untuk permohonan ini, selama 14 hari/).check();
  await phone.getByRole('button', { name: 'Kirim permohonan' }).click();
  const done = phone.getByTestId('apply-done');
  await done.waitFor();
  const trackingCode = (await phone.getByTestId('apply-code').textContent())!.trim();
  assert.match(trackingCode, /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  assert.match((await done.textContent())!, /Status: Diterima · batas waktu .*WIB/);
  assert.match((await done.textContent())!, /selama 14 hari/);
  await citizenPage(phone, '4-sent');

  // 7. ... and in "Layanan saya".
  await phone.getByTestId('apply-to-mine').click();
  const item = phone.getByTestId('my-application-item').filter({ hasText: trackingCode });
  await item.waitFor();
  assert.match((await item.textContent())!, /Status: Diterima/);
  assert.match((await item.textContent())!, /Batas waktu: .*(WIB)/);
  await item.scrollIntoViewIfNeeded();
  await citizenPage(phone, '5-my-services');

  // 8. The officer finds it in the work list from the staff home and sees only the KK.
  const officer = await staffSignIn(browser, server.url, `petugas.dukcapil@${DEMO_EMAIL_DOMAIN}`, DEMO_PASSWORD);
  await officer.locator('.home-screens').getByRole('link', { name: 'Permohonan' }).click();
  await officer.getByRole('heading', { level: 1, name: 'Permohonan' }).waitFor();
  const row = officer.getByTestId('app-list').getByRole('row').filter({ hasText: trackingCode });
  assert.match((await row.textContent())!, /Siti Aminah/);
  await checkScreen(officer, 'apply-online', '6-worklist');
  await row.getByRole('link', { name: trackingCode }).click();
  const granted = officer.getByTestId('granted-documents');
  await granted.waitFor();
  assert.deepEqual(await granted.getByRole('link').allTextContents(), ['Kartu Keluarga (KK)']);
  await checkScreen(officer, 'apply-online', '7-detail');

  // 9. Asking the agency is tracked in "Layanan saya" too, and the citizen can withdraw the question there.
  await phone.getByRole('link', { name: 'Layan', exact: true }).click();
  await phone.getByLabel('Cari layanan').fill('kartu identitas anak');
  await phone.getByRole('button', { name: 'Cari', exact: true }).click();
  await phone.locator('ol.results li').filter({ hasText: 'KIA' }).first().getByRole('link').first().click();
  await phone.getByTestId('svc-consult').click();
  await phone.getByLabel('Pertanyaan Anda').fill('Apakah KIA bisa diambil oleh kakek anak tersebut?');
  await phone.getByRole('button', { name: 'Kirim pertanyaan' }).click();
  await phone.getByTestId('consult-sent').getByRole('link', { name: 'Ke Layanan saya' }).click();
  const asked = phone.getByTestId('my-consultation').filter({ hasText: 'kakek' });
  await asked.getByRole('button', { name: 'Batalkan konsultasi' }).click();
  await asked.getByText('Status: Dibatalkan').waitFor();
  assert.equal(await asked.getByRole('button', { name: 'Batalkan konsultasi' }).count(), 0);
  await citizenPage(phone, '9-consultation-withdrawn');
});

test("an MPP admin chooses an agency of the MPP and sets its consultation answer limit", async () => {
  const admin = await staffSignIn(browser, server.url, `admin.banyumas@${DEMO_EMAIL_DOMAIN}`, DEMO_PASSWORD);
  await admin.locator('.home-screens').getByRole('link', { name: 'Konsultasi' }).click();
  await admin.getByRole('heading', { level: 1, name: 'Konsultasi' }).waitFor();
  const agency = admin.getByLabel('Instansi (atur batas menjawab)');
  await agency.selectOption({ label: 'Dinas Kependudukan dan Pencatatan Sipil' });
  const limit = admin.getByTestId('consult-settings').getByLabel('Batas menjawab (hari kerja)');
  assert.equal(await limit.inputValue(), '3', 'the default until the agency sets one');
  await limit.fill('4');
  await admin.getByRole('button', { name: 'Simpan batas' }).click();
  await admin.getByTestId('consult-settings').getByText('Tersimpan', { exact: false }).waitFor();
  await checkScreen(admin, 'apply-online', '8-mpp-admin-limit');
  // Saved for that agency: after a reload, choosing it again shows 4.
  await admin.reload();
  await admin.getByLabel('Instansi (atur batas menjawab)').selectOption({ label: 'Dinas Kependudukan dan Pencatatan Sipil' });
  assert.equal(await admin.getByTestId('consult-settings').getByLabel('Batas menjawab (hari kerja)').inputValue(), '4');
});
