import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from '../src/demo/data.js';
import { loadDemo } from '../src/demo/load.js';
import { launchBrowser, loginUi, newContext, openServerDatabase, type RunningServer, screenshot, startServer, startSmsCapture, noSideways, waitFor } from './support.js';

/**
 * Issue 15 on the full demo data, reached by clicking: the Dukcapil officer opens an application for
 * the birth certificate service with the citizen's phone and sends the issued akta to her wallet; the citizen on a
 * 360x740 phone sees the application in "Layanan saya" with its state and due date, follows it to the
 * tracking page, and in "Dokumen saya" consents: the akta joins her wallet "from Dukcapil" and the
 * officer sees the consent. SMS go to a local webhook the test reads.
 */
const BANYUMAS = 'MPP Satria Banyumas (demo)';
const PHONE = '081234567654';
const E164 = '+6281234567654';
const NIK = '3302015505900002';
const DUKCAPIL = 'Dinas Kependudukan dan Pencatatan Sipil';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
let sms: Awaited<ReturnType<typeof startSmsCapture>>;
let texts: typeof sms.texts;
let server: RunningServer;
let browser: Browser;
let dataDir: string;

before(async () => {
  sms = await startSmsCapture();
  texts = sms.texts;
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'layan-e2e-wallet-offers-'));
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


test('the officer sends the issued akta to the wallet; the citizen follows the application from "Layanan saya" and consents', async () => {
  // 1. The officer opens the application directly for the birth certificate service, with the citizen's phone.
  const officer = await (await newContext(browser, 'desktop')).newPage();
  await loginUi(officer, server.url, `petugas.dukcapil@${DEMO_EMAIL_DOMAIN}`, DEMO_PASSWORD);
  await officer.locator('.home-screens').getByRole('link', { name: 'Permohonan' }).click();
  await officer.getByRole('heading', { level: 1, name: 'Permohonan' }).waitFor();
  await officer.getByLabel('Langsung untuk layanan').check();
  const kia = officer.getByLabel('Layanan', { exact: true }).locator('option').filter({ hasText: 'Penerbitan akta kelahiran' });
  await officer.getByLabel('Layanan', { exact: true }).selectOption((await kia.first().getAttribute('value'))!);
  await officer.getByLabel('Nama pemohon').fill('Dewi Lestari');
  await officer.getByLabel(/Nomor ponsel/).fill(PHONE);
  await officer.getByLabel('NIK pemohon (dari KTP-el)').fill(NIK);
  await officer.getByRole('button', { name: 'Buka permohonan' }).click();
  await officer.getByTestId('app-detail').waitFor();
  const trackingCode = (await officer.locator('h1 .mono').textContent())!.trim();

  // 2. ... and sends the issued akta to her wallet, pending her consent.
  const offers = officer.getByTestId('wallet-offers');
  await offers.getByLabel('Jenis dokumen').selectOption('AKTA_KELAHIRAN');
  await offers.getByLabel(/Berkas \(PDF, JPEG atau PNG/).setInputFiles({ name: 'akta-dewi.pdf', mimeType: 'application/pdf', buffer: PDF });
  await offers.getByRole('button', { name: 'Kirim untuk disetujui' }).click();
  await offers.getByTestId('offer-AKTA_KELAHIRAN').getByText('Menunggu persetujuan pemohon').waitFor();
  await screenshot(officer, 'wallet-offers-1-officer-sent', { fullPage: true });
  await waitFor(() => texts.find((x) => x.to === E164 && /mengirim .*Setujui di/.test(x.text)), 'the consent message');

  // 3. The citizen signs in to "Layanan saya" from the home page and sees the application.
  const phone = await (await newContext(browser, 'phone')).newPage();
  await phone.goto(`${server.url}/`);
  await phone.getByLabel('MPP Anda').selectOption({ label: BANYUMAS });
  await phone.getByTestId('act-mine').click();
  await phone.getByRole('heading', { level: 1, name: 'Layanan saya' }).waitFor();
  const since = texts.length;
  await phone.getByLabel('Nomor ponsel atau email').fill(PHONE);
  await phone.getByRole('button', { name: 'Kirim kode' }).click();
  const signIn = await waitFor(() => texts.slice(since).find((x) => x.to === E164 && /Layan/.test(x.text)), 'the sign-in code');
  await phone.getByLabel('Kode 6 angka').fill(/\b(\d{6})\b/.exec(signIn.text)![1]!);
  await phone.getByRole('button', { name: 'Masuk', exact: true }).click();
  const item = phone.getByTestId('my-application-item').filter({ hasText: trackingCode });
  await item.waitFor();
  assert.match((await item.textContent())!, /Status: Diterima/);
  assert.match((await item.textContent())!, /Batas waktu: .*(WIB)/);
  await item.scrollIntoViewIfNeeded();
  await noSideways(phone, 'Layanan saya');
  await screenshot(phone, 'wallet-offers-2-my-services', { fullPage: true });

  // 4. It leads to the tracking page.
  await item.getByRole('link', { name: 'Lacak permohonan' }).click();
  await phone.getByTestId('app-tracking').waitFor();
  assert.ok(phone.url().endsWith(`/permohonan/${trackingCode}`));
  await noSideways(phone, 'tracking');
  await screenshot(phone, 'wallet-offers-3-tracking', { fullPage: true });

  // 5. "Dokumen saya": the akta waits for her consent; she keeps it.
  await phone.goBack();
  await phone.getByTestId('my-wallet-link').click();
  const pending = phone.getByTestId('pending-offers');
  await pending.getByText(`${DUKCAPIL} mengirim dokumen ini untuk permohonan ${trackingCode}`, { exact: false }).waitFor();
  await noSideways(phone, 'wallet with a pending document');
  await screenshot(phone, 'wallet-offers-4-pending', { fullPage: true });
  await pending.getByRole('button', { name: 'Simpan di dompet' }).click();
  await phone.getByTestId('doc-AKTA_KELAHIRAN').getByText(`Dari ${DUKCAPIL}`).waitFor();
  assert.equal(await phone.getByTestId('pending-offers').count(), 0);
  await screenshot(phone, 'wallet-offers-5-kept', { fullPage: true });

  // 6. The officer sees the consent.
  await officer.reload();
  await officer.getByTestId('offer-AKTA_KELAHIRAN').getByText('Disetujui: ada di dompet pemohon').waitFor();
});
