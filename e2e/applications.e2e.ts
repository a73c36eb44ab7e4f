import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from '../src/demo/data.js';
import { loadDemo } from '../src/demo/load.js';
import { launchBrowser, loginUi, newContext, noSideways, openServerDatabase, type RunningServer, screenshot, startServer, startSmsCapture, waitFor } from './support.js';

/**
 * Issue 15 on the full demo data, reached by clicking: a citizen on a 360x740 phone keeps her KK in
 * "Dokumen saya", books the KIA service (the service page shows the KK is already there), the Dukcapil
 * officer opens the application from the booking code and sees no document, the citizen shares the
 * KK, the officer sees (and opens) only the KK and marks the application ready for kiosk pickup, the
 * citizen collects it at the kiosk (1080x1920) with code + NIK + the one-time code sent by SMS, and
 * sees in her wallet that Dukcapil viewed her KK. SMS/WhatsApp go to a local webhook the test reads.
 */
const BANYUMAS = 'MPP Satria Banyumas (demo)';
const PHONE = '081234567321';
const E164 = '+6281234567321';
const NIK = '3302015505900001';
const DUKCAPIL = 'Dinas Kependudukan dan Pencatatan Sipil';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
let sms: Awaited<ReturnType<typeof startSmsCapture>>;
let texts: typeof sms.texts;
let server: RunningServer;
let browser: Browser;
let dataDir: string;
let mppId: string;
let kioskToken: string;

const localDate = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(d);

before(async () => {
  sms = await startSmsCapture();
  texts = sms.texts;
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'layan-e2e-applications-'));
  const db = await openServerDatabase(dataDir);
  const demo = await loadDemo(db, new Date());
  kioskToken = demo.devices.find((d) => d.mpp === 'mpp-demo-banyumas' && d.kind === 'kiosk')!.token;
  mppId = (await db.query<{ id: string }>("SELECT id FROM mpps WHERE slug = 'mpp-demo-banyumas'")).rows[0]!.id;
  for (const day of [localDate(new Date()), localDate(new Date(Date.now() + 86_400_000))]) {
    await db.query("INSERT INTO mpp_special_days (mpp_id, day, opens, closes, note) VALUES ($1, $2, '00:00', '23:59', 'Uji e2e') ON CONFLICT DO NOTHING", [mppId, day]);
  }
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

/** The newest 6-digit code sent to the phone after `since` messages, whose text matches `pattern`. */
async function codeBySms(since: number, pattern: RegExp, what: string): Promise<string> {
  const m = await waitFor(() => texts.slice(since).find((x) => x.to === E164 && pattern.test(x.text)), what);
  return /\b(\d{6})\b/.exec(m.text)![1]!;
}

async function home(page: Page) {
  await page.getByRole('link', { name: 'Layan', exact: true }).click();
}

test('the citizen keeps a KK, books, shares it with the officer for the application, collects at the kiosk and sees who read it', async () => {
  const phone = await (await newContext(browser, 'phone')).newPage();
  await phone.goto(`${server.url}/`);
  await phone.getByLabel('MPP Anda').selectOption({ label: BANYUMAS });

  // 1. Dokumen saya from the home page: sign in by a code sent by SMS, upload the KK.
  await phone.getByTestId('act-wallet').click();
  await phone.getByRole('heading', { level: 1, name: 'Dokumen saya' }).waitFor();
  let since = texts.length;
  await phone.getByLabel('Nomor ponsel atau email').fill(PHONE);
  await phone.getByRole('button', { name: 'Kirim kode' }).click();
  await phone.getByLabel('Kode 6 angka').fill(await codeBySms(since, /Layan/, 'the sign-in code'));
  await phone.getByRole('button', { name: 'Masuk', exact: true }).click();
  await phone.getByRole('heading', { name: 'Tambah dokumen' }).waitFor();
  await phone.getByLabel('Jenis dokumen').selectOption('KK');
  await phone.getByLabel(/Berkas \(PDF, JPEG atau PNG/).setInputFiles({ name: 'kk-keluarga.pdf', mimeType: 'application/pdf', buffer: PDF });
  await phone.getByRole('button', { name: 'Unggah' }).click();
  await phone.getByTestId('doc-KK').waitFor();
  await noSideways(phone, 'wallet');
  await screenshot(phone, 'applications-1-wallet-kk', { fullPage: true });

  // 2. The KIA service page shows the KK is already in the wallet; book a slot.
  await home(phone);
  await phone.getByLabel('Cari layanan').fill('kartu identitas anak');
  await phone.getByRole('button', { name: 'Cari', exact: true }).click();
  const hit = phone.locator('ol.results li').filter({ hasText: 'KIA' }).first();
  await hit.getByRole('link').first().click();
  await phone.getByRole('heading', { level: 1, name: /Kartu Identitas Anak/ }).waitFor();
  await phone.getByTestId('precheck-KK').getByText('ada', { exact: false }).waitFor();
  assert.match((await phone.getByTestId('precheck-PAS_FOTO').textContent())!, /belum ada/);
  await screenshot(phone, 'applications-2-precheck', { fullPage: true });
  await phone.getByTestId('svc-book').click();
  await phone.getByRole('heading', { name: 'Pilih jam' }).waitFor();
  await phone.locator('.slot:not([disabled])').first().click();
  await phone.getByLabel('NIK').fill(NIK);
  await phone.getByLabel('Nama lengkap').fill('Siti Aminah');
  await phone.getByLabel('Nomor ponsel (SMS/WhatsApp)').fill(PHONE);
  await phone.getByRole('button', { name: 'Booking sekarang' }).click();
  await phone.getByRole('heading', { name: 'Booking berhasil' }).waitFor();
  const bookingCode = (await phone.getByTestId('booking-code').textContent())!.trim();

  // 3. The Dukcapil officer opens the application from the booking code: nothing shared yet.
  const consoleCtx = await newContext(browser, 'desktop');
  const officer = await consoleCtx.newPage();
  await loginUi(officer, server.url, `petugas.dukcapil@${DEMO_EMAIL_DOMAIN}`, DEMO_PASSWORD);
  await officer.locator('.home-screens').getByRole('link', { name: 'Permohonan' }).click();
  await officer.getByRole('heading', { level: 1, name: 'Permohonan' }).waitFor();
  await screenshot(officer, 'applications-3b-worklist');
  await officer.getByRole('textbox', { name: 'Kode booking' }).fill(bookingCode);
  await officer.getByLabel('NIK pemohon (dari KTP-el)').fill(NIK);
  await officer.getByRole('button', { name: 'Buka permohonan' }).click();
  await officer.getByTestId('app-detail').waitFor();
  await officer.getByTestId('no-documents').waitFor();
  const trackingCode = (await officer.locator('h1 .mono').textContent())!.trim();

  // 4. The citizen shares the KK for this application, from her wallet.
  await home(phone);
  await phone.getByTestId('act-wallet').click();
  const card = phone.getByTestId('my-application').filter({ hasText: trackingCode });
  await phone.getByRole('heading', { name: 'Permohonan saya' }).waitFor();
  await screenshot(phone, 'applications-3a-wallet-apps', { fullPage: true });
  await card.getByTestId('share-KK').click();
  await card.getByText('Dibagikan').waitFor();
  await screenshot(phone, 'applications-3-shared', { fullPage: true });

  // 5. The officer sees only the KK, opens it, and moves the application to ready for kiosk pickup.
  await officer.reload();
  const granted = officer.getByTestId('granted-documents');
  await granted.waitFor();
  assert.deepEqual(await granted.getByRole('link').allTextContents(), ['Kartu Keluarga (KK)']);
  const href = (await granted.getByRole('link').getAttribute('href'))!;
  const file = await officer.request.get(`${server.url}${href}`);
  assert.equal(file.status(), 200);
  assert.ok((await file.body()).equals(PDF), 'the officer reads the document the citizen uploaded');
  await officer.getByLabel('Berkas hasil (PDF)').setInputFiles({ name: 'kia-siti.pdf', mimeType: 'application/pdf', buffer: PDF });
  await officer.getByRole('button', { name: 'Lampirkan' }).click();
  await officer.getByTestId('product-attached').getByText('kia-siti.pdf').waitFor();
  await officer.getByRole('button', { name: 'Persyaratan lengkap' }).click();
  await officer.getByRole('button', { name: 'Mulai proses' }).click();
  await officer.getByLabel('Di anjungan mandiri (kios)').check();
  await officer.getByRole('button', { name: 'Tandai siap diambil' }).click();
  await officer.getByTestId('app-status').getByText('Siap diambil').waitFor();
  await screenshot(officer, 'applications-4-officer-ready', { fullPage: true });

  // 6. At the kiosk: the pickup screen from the kiosk start, code + NIK + one-time code by SMS.
  const kiosk = await (await newContext(browser, 'kiosk')).newPage();
  await kiosk.goto(`${server.url}/kios/${mppId}?token=${kioskToken}`);
  await kiosk.getByTestId('kiosk-pickup-link').click();
  await kiosk.getByLabel('Kode permohonan').fill(trackingCode);
  await kiosk.getByLabel('NIK').fill(NIK);
  since = texts.length;
  await kiosk.getByRole('button', { name: 'Kirim kode ke ponsel saya' }).click();
  await kiosk.getByLabel('Kode sekali pakai (6 angka)').fill(await codeBySms(since, /Kode ambil permohonan/, 'the pickup code'));
  await screenshot(kiosk, 'applications-5-kiosk-otp');
  await kiosk.getByRole('button', { name: 'Ambil sekarang' }).click();
  await kiosk.getByTestId('pickup-done').waitFor();
  await kiosk.getByTestId('pickup-print').click();
  await kiosk.getByTestId('pickup-print').getByText('Dicetak').waitFor();
  await screenshot(kiosk, 'applications-6-kiosk-done');

  // 7. The citizen tracks the application from the home page and reads who viewed her KK.
  await home(phone);
  await phone.getByTestId('act-track-application').click();
  await phone.getByLabel('Kode permohonan').fill(trackingCode);
  await phone.getByRole('button', { name: 'Lacak', exact: true }).click();
  await phone.getByTestId('app-tracking').getByText('Sudah diambil').first().waitFor();
  await noSideways(phone, 'tracking');
  await screenshot(phone, 'applications-7-tracking', { fullPage: true });
  await home(phone);
  await phone.getByTestId('act-wallet').click();
  await phone.getByTestId('access-log').getByText(new RegExp(`${DUKCAPIL} melihat Kartu Keluarga \\(KK\\) Anda pada`)).waitFor();
  await screenshot(phone, 'applications-8-access-log', { fullPage: true });
});
