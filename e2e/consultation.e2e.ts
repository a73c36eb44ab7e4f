import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from '../src/demo/data.js';
import { loadDemo } from '../src/demo/load.js';
import { assertAxeClean, launchBrowser, loginUi, newContext, openServerDatabase, type RunningServer, screenshot, startServer, startSmsCapture, noSideways, waitFor } from './support.js';

/**
 * Consultation (issue 15 item 5) on the full demo data, reached by clicking: a citizen on a 360x740
 * phone finds the birth certificate service, asks Dukcapil a question with a PDF from the service
 * page (signing in with a code sent by SMS); the Dukcapil officer on a 1366x768 console opens
 * "Konsultasi" from the staff home and answers; the citizen gets the answer by SMS and reads it in
 * "Layanan saya". SMS go to a local webhook the test reads. The officer then publishes the answer as
 * the service's FAQ (question reworded) and anyone on a phone sees it on the public service page;
 * the Dukcapil admin sets the agency's answer limit in working days.
 */
const BANYUMAS = 'MPP Satria Banyumas (demo)';
const PHONE = '081234567888';
const E164 = '+6281234567888';
const QUESTION = 'Apakah akta kelahiran anak bisa diurus oleh kakek dengan surat kuasa?';
const ANSWER = 'Bisa. Bawa surat kuasa bermeterai dari orang tua dan KTP-el kakek.';
const FAQ_QUESTION = 'Bolehkah akta kelahiran anak diurus oleh kakek dengan surat kuasa?';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
let sms: Awaited<ReturnType<typeof startSmsCapture>>;
let texts: typeof sms.texts;
let server: RunningServer;
let browser: Browser;
let dataDir: string;

before(async () => {
  sms = await startSmsCapture();
  texts = sms.texts;
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'layan-e2e-consultation-'));
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


test('a citizen asks Dukcapil from the service page, the officer answers from the staff screen, the citizen reads it in "Layanan saya"', async () => {
  // 1. The service page, from the home page's search.
  const phone = await (await newContext(browser, 'phone')).newPage();
  await phone.goto(`${server.url}/`);
  await phone.getByLabel('MPP Anda').selectOption({ label: BANYUMAS });
  await phone.getByLabel('Cari layanan').fill('akta kelahiran');
  await phone.getByRole('button', { name: 'Cari', exact: true }).click();
  await phone.locator('ol.results li').filter({ hasText: 'Penerbitan akta kelahiran' }).first().getByRole('link').first().click();
  await phone.getByRole('heading', { level: 1, name: /Penerbitan akta kelahiran/ }).waitFor();
  await phone.getByTestId('svc-consult').click();

  // 2. Sign in, then ask with a PDF; bad input first: too short a question is refused in Bahasa Indonesia.
  await phone.getByRole('heading', { level: 1, name: 'Tanya instansi' }).waitFor();
  const since = texts.length;
  await phone.getByLabel('Nomor ponsel atau email').fill(PHONE);
  await phone.getByRole('button', { name: 'Kirim kode' }).click();
  const signIn = await waitFor(() => texts.slice(since).find((x) => x.to === E164 && /Layan/.test(x.text)), 'the sign-in code');
  await phone.getByLabel('Kode 6 angka').fill(/\b(\d{6})\b/.exec(signIn.text)![1]!);
  await phone.getByRole('button', { name: 'Masuk', exact: true }).click();
  await phone.getByLabel('Pertanyaan Anda').fill('Bisa?');
  await phone.getByRole('button', { name: 'Kirim pertanyaan' }).click();
  await phone.getByRole('alert').getByText('minimal 10 huruf', { exact: false }).waitFor();
  await phone.getByLabel('Pertanyaan Anda').fill(QUESTION);
  await phone.getByLabel(/Lampiran \(opsional/).setInputFiles({ name: 'surat-kuasa.pdf', mimeType: 'application/pdf', buffer: PDF });
  await noSideways(phone, 'the question form');
  await screenshot(phone, 'consultation-1-ask-phone', { fullPage: true });
  await phone.getByRole('button', { name: 'Kirim pertanyaan' }).click();
  const sent = phone.getByTestId('consult-sent');
  await sent.waitFor();
  const code = /Kode konsultasi: ([A-Z0-9-]+)\./.exec((await sent.textContent())!)![1]!;
  assert.equal(await sent.getByTestId('consult-track-link').getAttribute('href'), `/lacak-konsultasi/${code}`);
  await noSideways(phone, 'question sent');
  await screenshot(phone, 'consultation-2-sent-phone', { fullPage: true });

  // 3. The Dukcapil officer on a 1366x768 console: staff home → Konsultasi → the question → answer.
  const consoleCtx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID' });
  const officer = await consoleCtx.newPage();
  await loginUi(officer, server.url, `petugas.dukcapil@${DEMO_EMAIL_DOMAIN}`, DEMO_PASSWORD);
  await officer.locator('.home-screens').getByRole('link', { name: 'Konsultasi' }).click();
  await officer.getByRole('heading', { level: 1, name: 'Konsultasi' }).waitFor();
  await officer.getByTestId('consult-list').getByRole('button').filter({ hasText: code }).click();
  const detail = officer.getByTestId('consult-detail');
  assert.equal((await detail.getByTestId('consult-question').textContent())!.trim(), QUESTION);
  const attachment = await officer.request.get(`${server.url}${(await detail.getByRole('link', { name: 'surat-kuasa.pdf' }).getAttribute('href'))!}`);
  assert.ok((await attachment.body()).equals(PDF), 'the officer reads the attachment the citizen sent');
  await detail.getByLabel('Jawaban untuk warga').fill(ANSWER);
  await noSideways(officer, 'the staff consultation screen');
  await screenshot(officer, 'consultation-3-officer-console', { fullPage: false });
  await detail.getByRole('button', { name: 'Kirim jawaban' }).click();
  await officer.getByRole('button', { name: 'Selesai' }).click();
  await officer.getByTestId('consult-list').getByRole('button').filter({ hasText: code }).click();
  await officer.getByTestId('consult-detail').getByText(ANSWER).waitFor();
  await screenshot(officer, 'consultation-4-officer-answered', { fullPage: false });

  // 4. The citizen is told by SMS and reads the answer in "Layanan saya".
  await waitFor(() => texts.find((x) => x.to === E164 && x.text.includes(`menjawab konsultasi ${code}`)), 'the answer SMS');
  await phone.getByRole('link', { name: 'Ke Layanan saya' }).click();
  const mine = phone.getByTestId('my-consultation').filter({ hasText: code });
  await mine.getByTestId('consult-answer').getByText(ANSWER).waitFor();
  await mine.scrollIntoViewIfNeeded();
  await noSideways(phone, 'Layanan saya with the answer');
  await screenshot(phone, 'consultation-5-answer-phone', { fullPage: true });

  // 4b. Tracked like a complaint: anyone with the code, not signed in, from the home page's entry.
  const tracker = await (await newContext(browser, 'phone')).newPage();
  await tracker.goto(`${server.url}/`);
  await tracker.getByTestId('act-track-consultation').click();
  await tracker.getByLabel('Kode konsultasi').fill(code.toLowerCase());
  await tracker.getByRole('button', { name: 'Lacak', exact: true }).click();
  const tracked = tracker.getByTestId('consult-tracking');
  await tracked.getByTestId('consult-answer').getByText(ANSWER).waitFor();
  await tracked.getByText('Status: Dijawab').waitFor();
  assert.equal(await tracked.getByText('surat-kuasa.pdf').count(), 0, 'no attachment on the public page');
  await noSideways(tracker, 'consultation tracking');
  await assertAxeClean(tracker, 'consultation tracking');
  await screenshot(tracker, 'consultation-5b-tracking-phone', { fullPage: true });

  // 5. The officer publishes the answer as the service's FAQ, the question reworded.
  const faqForm = officer.getByTestId('consult-faq');
  await faqForm.getByLabel('Pertanyaan yang diterbitkan').fill(FAQ_QUESTION);
  await faqForm.getByRole('button', { name: 'Terbitkan sebagai FAQ' }).click();
  await faqForm.getByRole('button', { name: 'Tarik dari FAQ' }).waitFor();
  await noSideways(officer, 'the FAQ form');
  await screenshot(officer, 'consultation-6-officer-faq', { fullPage: false });

  // 6. Anyone on a phone, from the home page's search, sees it on the service page; nothing of who asked.
  const visitor = await (await newContext(browser, 'phone')).newPage();
  await visitor.goto(`${server.url}/`);
  await visitor.getByLabel('MPP Anda').selectOption({ label: BANYUMAS });
  await visitor.getByLabel('Cari layanan').fill('akta kelahiran');
  await visitor.getByRole('button', { name: 'Cari', exact: true }).click();
  await visitor.locator('ol.results li').filter({ hasText: 'Penerbitan akta kelahiran' }).first().getByRole('link').first().click();
  const faq = visitor.getByTestId('svc-faq');
  await faq.getByText(FAQ_QUESTION).click();
  await faq.getByText(ANSWER).waitFor();
  const shown = (await faq.textContent())!;
  for (const personal of [QUESTION, PHONE, '567888', 'surat-kuasa.pdf', code]) assert.ok(!shown.includes(personal), `the public FAQ shows ${personal}`);
  await faq.scrollIntoViewIfNeeded();
  await noSideways(visitor, 'the service page with its FAQ');
  await screenshot(visitor, 'consultation-7-faq-phone', { fullPage: true });

  // 7. The Dukcapil admin sets the agency's answer limit; it stays after a reload.
  const admin = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID' })).newPage();
  await loginUi(admin, server.url, `admin.dukcapil@${DEMO_EMAIL_DOMAIN}`, DEMO_PASSWORD);
  await admin.locator('.home-screens').getByRole('link', { name: 'Konsultasi' }).click();
  const limit = admin.getByTestId('consult-settings').getByLabel('Batas menjawab (hari kerja)');
  assert.equal(await limit.inputValue(), '3');
  await limit.fill('5');
  await admin.getByRole('button', { name: 'Simpan batas' }).click();
  await admin.getByTestId('consult-settings').getByText('Tersimpan', { exact: false }).waitFor();
  await noSideways(admin, 'the answer limit form');
  await screenshot(admin, 'consultation-8-admin-limit', { fullPage: false });
  await admin.reload();
  await admin.getByTestId('consult-settings').waitFor();
  assert.equal(await admin.getByTestId('consult-settings').getByLabel('Batas menjawab (hari kerja)').inputValue(), '5');
});
