import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from '../src/demo/data.js';
import { loadDemo } from '../src/demo/load.js';
import { apiCaller, apiLogin, assertAxeClean, launchBrowser, newContext, noSideways, openServerDatabase, type RunningServer, screenshot, startServer, startSmsCapture, waitFor } from './support.js';

/**
 * Issue 11's test, one journey on a 360x740 phone, on the full demo data, from the home page by
 * clicking only: find "perpanjang sim", open the service, book a slot and read the confirmation from a
 * real SMTP server; take an online ticket with two people ahead, ask to be told by email, and read
 * "your turn is near" (with the count the status page shows) and "you are called" as the officer
 * calls; complain about the service with the same email, have a handler answer it, then sign in to
 * Layanan saya with a one-time code and read the booking, the ticket and the answer there; finally
 * delete the account. The second test does the same by SMS only, through a local SMS webhook
 * (startSmsCapture). Every page is checked with axe-core and screenshotted.
 */
const BANYUMAS = 'MPP Satria Banyumas (demo)';
const EMAIL = 'warga.e2e@contoh.id';
const mails: string[] = [];
let smtp: SMTPServer;
let sms: Awaited<ReturnType<typeof startSmsCapture>>;
let server: RunningServer;
let browser: Browser;
let dataDir: string;
let mppId: string;
let kioskToken: string;
let simServiceId: string;
let polresCounterId: string;

const localDate = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(d);
/** The decoded text of a raw message (quoted-printable soft breaks joined). */
const plain = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));

before(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push(plain(Buffer.concat(chunks).toString('utf8')));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  sms = await startSmsCapture();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'layan-e2e-myservices-'));
  const db = await openServerDatabase(dataDir);
  const demo = await loadDemo(db, new Date());
  kioskToken = demo.devices.find((d) => d.mpp === 'mpp-demo-banyumas' && d.kind === 'kiosk')!.token;
  mppId = (await db.query<{ id: string }>("SELECT id FROM mpps WHERE slug = 'mpp-demo-banyumas'")).rows[0]!.id;
  simServiceId = (await db.query<{ id: string }>("SELECT id FROM services WHERE mpp_id = $1 AND name ILIKE 'Perpanjangan SIM%' ORDER BY name LIMIT 1", [mppId])).rows[0]!.id;
  polresCounterId = (await db.query<{ id: string }>(
    "SELECT c.id FROM counters c JOIN tenants t ON t.mpp_id = c.mpp_id AND t.id = c.tenant_id WHERE c.mpp_id = $1 AND t.code = 'POLRES' ORDER BY c.number LIMIT 1",
    [mppId],
  )).rows[0]!.id;
  for (const day of [localDate(new Date()), localDate(new Date(Date.now() + 86_400_000))]) {
    await db.query("INSERT INTO mpp_special_days (mpp_id, day, opens, closes, note) VALUES ($1, $2, '00:00', '23:59', 'Uji e2e') ON CONFLICT DO NOTHING", [mppId, day]);
  }
  await db.close();
  server = await startServer({
    DATA_DIR: dataDir,
    SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    SMTP_FROM: 'MPP Banyumas <mpp@e2e.layan>',
    SMS_WEBHOOK_URL: sms.url,
    SMS_WEBHOOK_SECRET: 'rahasia-webhook-e2e-123',
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await sms?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const call = apiCaller(() => server.url);

async function checkPage(page: Page, name: string): Promise<void> {
  await assertAxeClean(page, name);
  await noSideways(page, name);
  await screenshot(page, `myservices-${name}`);
}

async function openServiceFromHome(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Layan', exact: true }).click();
  await page.getByLabel('Cari layanan').fill('perpanjang sim');
  await page.getByRole('button', { name: 'Cari', exact: true }).click();
  const first = page.locator('ol.results li').first();
  await first.waitFor();
  assert.match((await first.textContent())!, /Perpanjangan SIM/);
  await first.getByRole('link').click();
  await page.getByRole('heading', { level: 1, name: /Perpanjangan SIM/ }).waitFor();
}

test('a citizen is told when the turn is near and called, reads the complaint answer in Layanan saya, and deletes the account', async () => {
  // Two people ahead, taken at the kiosk.
  for (let i = 0; i < 2; i++) await call('POST', `/api/mpps/${mppId}/queue/tickets`, { authorization: `Bearer ${kioskToken}` }, { serviceId: simServiceId });

  const ctx = await newContext(browser, 'phone');
  const page = await ctx.newPage();
  await page.goto(`${server.url}/`);
  await page.getByLabel('MPP Anda').selectOption({ label: BANYUMAS });

  // 0. Find the service, book a slot with the email; the confirmation arrives at the SMTP server.
  await openServiceFromHome(page);
  await page.getByTestId('svc-book').click();
  await page.getByRole('heading', { name: 'Pilih jam' }).waitFor();
  await page.locator('.slot:not([disabled])').first().click();
  await page.getByLabel('NIK').fill('3302015505900003');
  await page.getByLabel('Nama lengkap').fill('Rina Wulandari');
  await page.getByLabel('Email (opsional jika ada ponsel)').fill(EMAIL);
  await page.getByRole('button', { name: 'Booking sekarang' }).click();
  await page.getByRole('heading', { name: 'Booking berhasil' }).waitFor();
  const bookingCode = (await page.getByTestId('booking-code').textContent())!.trim();
  await checkPage(page, '0-booked');
  const confirmation = await waitFor(() => mails.find((m) => m.includes(bookingCode)), 'the booking confirmation email');
  assert.match(confirmation, /Perpanjangan SIM/);
  assert.ok(confirmation.includes(`To: ${EMAIL}`) || confirmation.includes(EMAIL), 'sent to the email given');

  // 1. Online ticket from the service page, then the status page: ask to be told by email.
  await openServiceFromHome(page);
  await page.getByTestId('svc-ticket').click();
  await page.getByTestId('take-ticket').click();
  const number = (await page.getByTestId('live-number').textContent())!.trim();
  assert.equal(await page.getByTestId('live-ahead').textContent(), '2');
  await page.getByTestId('live-ticket').getByRole('link').click();
  await page.getByTestId('follow-open').click();
  await screenshot(page, 'myservices-0-follow-form');
  await page.getByRole('button', { name: 'Aktifkan pemberitahuan' }).click({ timeout: 5000 });
  // Nothing given, no consent: both reported on the first submit, the first field focused.
  await page.locator('#follow-phone[aria-invalid=true]').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'follow-phone');
  assert.equal(await page.locator('#follow-consent').getAttribute('aria-invalid'), 'true');
  await checkPage(page, '1-follow-errors');
  await page.getByLabel('Email (boleh kosong)').fill(EMAIL);
  await page.getByLabel('Kabari saat orang di depan saya tinggal').selectOption('1');
  await page.locator('#follow-consent').check();
  await page.getByRole('button', { name: 'Aktifkan pemberitahuan' }).click();
  await page.getByTestId('follow-on').waitFor();
  await checkPage(page, '2-follow-on');
  assert.equal(mails.filter((m) => m.includes(number)).length, 0, 'two ahead, threshold one: no message yet');

  // 2. The officer calls the first person: one ahead now, the email says so, as the page does.
  let officer = await apiLogin(server.url, `petugas.polres@${DEMO_EMAIL_DOMAIN}`, DEMO_PASSWORD);
  officer = { ...officer };
  const q = `/api/mpps/${mppId}/queue`;
  await call('POST', `${q}/counters/${polresCounterId}/open`, officer);
  const first = await call<{ ticket: { id: string } }>('POST', `${q}/counters/${polresCounterId}/call-next`, officer);
  const near = await waitFor(() => mails.find((m) => m.includes(number) && m.includes('orang lagi di depan Anda')), 'the "turn near" email');
  assert.match(near, /1 orang lagi di depan Anda/);
  await page.locator('.st-facts dd').first().filter({ hasText: /^1$/ }).waitFor({ timeout: 30_000 });
  await checkPage(page, '3-turn-near');

  // 3. Called: the email names the counter; the page says it too.
  await call('POST', `${q}/tickets/${first.ticket.id}/start`, officer);
  await call('POST', `${q}/tickets/${first.ticket.id}/finish`, officer);
  const second = await call<{ ticket: { id: string } }>('POST', `${q}/counters/${polresCounterId}/call-next`, officer);
  await call('POST', `${q}/tickets/${second.ticket.id}/start`, officer);
  await call('POST', `${q}/tickets/${second.ticket.id}/finish`, officer);
  await call('POST', `${q}/counters/${polresCounterId}/call-next`, officer);
  const calledMail = await waitFor(() => mails.find((m) => m.includes(`Tiket ${number} dipanggil`)), 'the "called" email');
  assert.match(calledMail, /Silakan menuju loket sekarang/);
  await page.getByText('Dipanggil! Segera menuju loket').waitFor({ timeout: 30_000 });
  // The email names the counter as the status page does (its sign on the floor).
  const counterName = (await page.locator('.st-status strong').textContent())!.replace(/^\s*—\s*/, '').trim();
  assert.match(counterName, /^Loket POLRES \d+$/);
  assert.ok(calledMail.includes(`dipanggil ke ${counterName}.`), `the called email names ${counterName}`);
  await checkPage(page, '4-called');

  // 4. Complain about the service with the same email; a handler answers.
  await openServiceFromHome(page);
  await page.getByTestId('svc-complain').click();
  await page.getByLabel('Uraian').fill('Loket perpanjangan SIM buka terlambat tiga puluh menit pagi ini.');
  await page.locator('#contactEmail').fill(EMAIL);
  await page.getByRole('button', { name: 'Kirim pengaduan' }).click();
  const tracking = (await page.getByTestId('tracking-code').textContent())!.trim();
  const admin = await apiLogin(server.url, `admin.banyumas@${DEMO_EMAIL_DOMAIN}`, DEMO_PASSWORD);
  const list = await call<{ items: { id: string; trackingCode: string }[] }>('GET', `/api/mpps/${mppId}/complaints?q=${tracking}`, admin);
  const complaint = list.items.find((c) => c.trackingCode === tracking)!;
  await call('POST', `/api/mpps/${mppId}/complaints/${complaint.id}/actions/verify`, admin, { track: 'simple' });
  const answer = 'Mulai besok loket SIM dibuka tepat pukul 08.00; petugas cadangan sudah disiapkan.';
  await call('POST', `/api/mpps/${mppId}/complaints/${complaint.id}/actions/answer`, admin, { answer });
  await waitFor(() => mails.find((m) => m.includes(tracking) && m.includes(answer.slice(0, 30))), 'the answer by email');

  // 5. Layanan saya from the home page: empty destination reported at once, then sign in by code.
  await page.getByRole('link', { name: 'Layan', exact: true }).click();
  await page.getByTestId('act-mine').click();
  await page.getByRole('heading', { level: 1, name: 'Layanan saya' }).waitFor();
  await page.getByRole('button', { name: 'Kirim kode' }).click();
  await page.locator('#destination[aria-invalid=true]').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'destination');
  await checkPage(page, '5-signin-error');
  const before = mails.length;
  await page.getByLabel('Nomor ponsel atau email').fill(EMAIL);
  await page.getByRole('button', { name: 'Kirim kode' }).click();
  await page.getByLabel('Kode 6 angka').waitFor();
  const codeMail = await waitFor(() => mails.slice(before).find((m) => m.includes('Kode Anda untuk masuk')), 'the sign-in code');
  const code = /masuk ke Layanan saya adalah (\d{6})/.exec(codeMail)![1]!;
  await checkPage(page, '6-code');
  await page.getByLabel('Kode 6 angka').fill(code);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.getByTestId('my-items').waitFor();
  const ticketItem = page.getByTestId('my-ticket').filter({ hasText: number });
  await ticketItem.waitFor();
  assert.ok((await ticketItem.textContent())!.includes(`Menuju ${counterName} sekarang`), 'Layanan saya names the counter as the status page does');
  await page.getByTestId('my-booking').filter({ hasText: bookingCode }).waitFor();
  const complaintItem = page.getByTestId('my-complaint').filter({ hasText: tracking });
  await complaintItem.getByText(answer).waitFor();
  await checkPage(page, '7-my-services');

  // 6. Delete the account: back to the sign-in form; the follow consent went with it.
  await page.getByRole('button', { name: 'Hapus akun' }).click();
  await page.getByRole('button', { name: 'Ya, hapus akun' }).click();
  await page.getByRole('button', { name: 'Kirim kode' }).waitFor();
  await checkPage(page, '8-deleted');
  await ctx.close();
});

test('by SMS only: a booking confirmation and "turn near" by SMS, then Layanan saya with a code sent by SMS', async () => {
  const PHONE = '0812-7000-1234';
  const E164 = '+6281270001234';
  const textsTo = () => sms.texts.filter((m) => m.to === E164).map((m) => m.text);
  const ctx = await newContext(browser, 'phone');
  const page = await ctx.newPage();
  await page.goto(`${server.url}/`);
  await page.getByLabel('MPP Anda').selectOption({ label: BANYUMAS });

  // 1. Book with a phone number and no email: the confirmation comes by SMS, in one segment.
  await openServiceFromHome(page);
  await page.getByTestId('svc-book').click();
  await page.getByRole('heading', { name: 'Pilih jam' }).waitFor();
  await page.locator('.slot:not([disabled])').first().click();
  await page.getByLabel('NIK').fill('3302015505900002');
  await page.getByLabel('Nama lengkap').fill('Budi Santoso');
  await page.getByLabel('Nomor ponsel (SMS/WhatsApp)').fill(PHONE);
  await page.getByRole('button', { name: 'Booking sekarang' }).click();
  await page.getByRole('heading', { name: 'Booking berhasil' }).waitFor();
  const bookingCode = (await page.getByTestId('booking-code').textContent())!.trim();
  await checkPage(page, '9-sms-booking');
  const confirmation = await waitFor(() => textsTo().find((m) => m.includes(`Booking ${bookingCode}`)), 'the booking SMS');
  assert.match(confirmation, /Perpanjangan SIM/);
  assert.match(confirmation, /\/booking\/kelola\//, 'the SMS links to the booking');

  // 2. An online ticket, followed by SMS only: "turn near" by SMS, in one segment, with the count the page shows.
  await openServiceFromHome(page);
  await page.getByTestId('svc-ticket').click();
  await page.getByTestId('take-ticket').click();
  const number = (await page.getByTestId('live-number').textContent())!.trim();
  await page.getByTestId('live-ticket').getByRole('link').click();
  await page.getByText('Orang di depan Anda').waitFor();
  const ahead = Number(await page.locator('.st-facts dd').first().textContent());
  assert.ok(ahead <= 3, `few people ahead (${ahead}) so "turn near" goes at once`);
  await page.getByTestId('follow-open').click();
  await page.getByLabel('Nomor ponsel (SMS/WhatsApp)').fill(PHONE);
  await page.locator('#follow-consent').check();
  await page.getByRole('button', { name: 'Aktifkan pemberitahuan' }).click();
  await page.getByTestId('follow-on').waitFor();
  await checkPage(page, '10-sms-follow-on');
  const near = await waitFor(() => textsTo().find((m) => m.startsWith(`${number} `)), 'the "turn near" SMS');
  assert.ok(near.includes(ahead === 0 ? 'Anda berikutnya' : `${ahead} orang`), `the SMS says ${ahead} ahead, as the page does: ${near}`);
  assert.ok(near.length <= 160, `one SMS segment (${near.length} characters)`);

  // 3. Layanan saya: the code comes by SMS; the booking and the ticket are listed.
  await page.getByRole('link', { name: 'Layan', exact: true }).click();
  await page.getByTestId('act-mine').click();
  await page.getByRole('heading', { level: 1, name: 'Layanan saya' }).waitFor();
  const before = textsTo().length;
  await page.getByLabel('Nomor ponsel atau email').fill(PHONE);
  await page.getByRole('button', { name: 'Kirim kode' }).click();
  await page.getByLabel('Kode 6 angka').waitFor();
  const codeText = await waitFor(() => textsTo().slice(before).find((m) => m.startsWith('Kode Layan:')), 'the sign-in code by SMS');
  assert.ok(codeText.length <= 160, 'the code fits one SMS');
  const code = /^Kode Layan: (\d{6})\./.exec(codeText)![1]!;
  // A wrong code first: refused with a clear message, tied to the field.
  await page.getByLabel('Kode 6 angka').fill(code === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.locator('#code[aria-invalid=true]').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'code', 'the code field takes the focus');
  assert.match((await page.locator('#code-error').textContent())!, /Kode salah/);
  await checkPage(page, '11-sms-wrong-code');
  await page.getByLabel('Kode 6 angka').fill(code);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.getByTestId('my-items').waitFor();
  await page.getByTestId('my-booking').filter({ hasText: bookingCode }).waitFor();
  await page.getByTestId('my-ticket').filter({ hasText: number }).waitFor();
  await checkPage(page, '12-sms-my-services');
  await ctx.close();
});
