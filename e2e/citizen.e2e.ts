import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { loadDemo } from '../src/demo/load.js';
import { launchBrowser, newContext, noSideways, openServerDatabase, type RunningServer, screenshot, startServer, waitFor } from './support.js';

/**
 * Issue 11: a citizen on a 360x740 phone, on the full demo data, starting from the home page and only
 * clicking: finds "perpanjang sim", opens the service, books a slot (confirmation read from a real SMTP
 * server), takes an online ticket for today, and files a complaint about the service. Every page is
 * checked with axe-core (WCAG 2.1 A/AA) and screenshotted. The demo MPP is opened all day today and
 * tomorrow (special days) so the test does not depend on the hour it runs at.
 */
// Evaluated through the DevTools protocol: the app's Content-Security-Policy (script-src 'self') stays on.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const BANYUMAS = 'MPP Satria Banyumas (demo)';
const mails: string[] = [];
let smtp: SMTPServer;
let server: RunningServer;
let browser: Browser;
let dataDir: string;
/** Left by the first test for the pages that follow a booking and a complaint. */
let bookingCode = '';
let trackingCode = '';
let jayapuraId = '';
let banyumasId = '';
let closedServiceCode = '';
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

const localDate = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(d);

before(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push(Buffer.concat(chunks).toString('utf8'));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'layan-e2e-citizen-'));
  const db = await openServerDatabase(dataDir);
  await loadDemo(db, new Date());
  const { rows } = await db.query<{ id: string }>("SELECT id FROM mpps WHERE slug = 'mpp-demo-banyumas'");
  for (const day of [localDate(new Date()), localDate(new Date(Date.now() + 86_400_000))]) {
    await db.query("INSERT INTO mpp_special_days (mpp_id, day, opens, closes, note) VALUES ($1, $2, '00:00', '23:59', 'Uji e2e') ON CONFLICT DO NOTHING", [rows[0]!.id, day]);
  }
  // Gowa keeps no weekly hours: closed today whatever the hour, for the closed-MPP deep link.
  await db.query("UPDATE mpps SET weekly_hours = '{}'::jsonb WHERE slug = 'mpp-demo-gowa'");
  banyumasId = rows[0]!.id;
  // For the deep links to a closed service and a closed MPP: one Banyumas service withdrawn, Jayapura not public.
  closedServiceCode = (await db.query<{ code: string }>("UPDATE services SET active = false WHERE mpp_id = $1 AND code = 'KEJARI-03' RETURNING code", [banyumasId])).rows[0]!.code;
  jayapuraId = (await db.query<{ id: string }>("UPDATE mpps SET published = false WHERE slug = 'mpp-demo-jayapura' RETURNING id")).rows[0]!.id;
  await db.close();
  server = await startServer({ DATA_DIR: dataDir, SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`, SMTP_FROM: 'MPP Banyumas <mpp@e2e.layan>' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  rmSync(dataDir, { recursive: true, force: true });
});

/** axe-core, injected into the page: no WCAG 2.0/2.1 A or AA violation, and nothing wider than the phone. */
async function checkPage(page: Page, name: string): Promise<void> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(violations, [], `axe on ${name}`);
  await noSideways(page, name);
  await screenshot(page, `citizen-${name}`);
}

/** From the home page: search "perpanjang sim" and open the first result (Banyumas ranked first). */
async function openServiceFromHome(page: Page, shots: boolean): Promise<void> {
  await page.getByRole('link', { name: 'Layan', exact: true }).click();
  await page.getByLabel('Cari layanan').fill('perpanjang sim');
  await page.getByRole('button', { name: 'Cari', exact: true }).click();
  await page.getByRole('heading', { name: 'Hasil pencarian' }).waitFor();
  const first = page.locator('ol.results li').first();
  await first.waitFor();
  assert.match((await first.textContent())!, /Perpanjangan SIM/);
  assert.match((await first.textContent())!, /Banyumas/, 'the chosen MPP is ranked first');
  if (shots) await checkPage(page, '2-search');
  await first.getByRole('link').click();
  await page.getByRole('heading', { level: 1, name: /Perpanjangan SIM/ }).waitFor();
  await page.getByTestId('svc-complain').waitFor();
}

test('a citizen finds, books, takes a number and complains, on a phone, by clicking only', async () => {
  const ctx = await newContext(browser, 'phone');
  const page = await ctx.newPage();
  await page.goto(`${server.url}/`);
  await page.getByRole('heading', { name: 'Layanan publik dalam satu atap' }).waitFor();
  // Every citizen function is one step away; the MPP-bound ones follow the chosen MPP.
  await page.getByLabel('MPP Anda').selectOption({ label: BANYUMAS });
  for (const id of ['act-search', 'act-ticket', 'act-book', 'act-my-bookings', 'act-complain', 'act-track', 'act-survey', 'act-mine']) assert.ok(await page.getByTestId(id).isVisible(), id);
  assert.match((await page.getByTestId('act-ticket').getAttribute('href'))!, /^\/antrean-online\/[0-9a-f-]{36}$/);
  assert.equal(await page.getByTestId('act-complain').getAttribute('href'), '/pengaduan/mpp-demo-banyumas');
  assert.equal(await page.getByTestId('act-mine').getAttribute('href'), '/layanan-saya');
  await checkPage(page, '1-home');

  // 1. Find the service, open it: only the actions that apply now, and a tickable checklist.
  await openServiceFromHome(page, true);
  for (const id of ['svc-ticket', 'svc-book', 'svc-complain']) await page.getByTestId(id).waitFor();
  const firstReq = page.locator('.req-checklist input[type=checkbox]').first();
  await firstReq.check();
  await page.getByText(/^1 dari \d+ sudah siap$/).waitFor();
  await checkPage(page, '3-service');

  // 2. Book a slot: MPP and service already chosen; an empty NIK is reported on the first submit.
  await page.getByTestId('svc-book').click();
  await page.getByRole('heading', { name: 'Pilih jam' }).waitFor();
  assert.match(await page.locator('#service option:checked').textContent() ?? '', /Perpanjangan SIM/);
  const slot = page.locator('.slot:not([disabled])').first();
  await slot.click();
  await page.getByRole('button', { name: 'Booking sekarang' }).click();
  await page.getByText('NIK wajib diisi.').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'nik', 'the focus moves to the NIK field');
  assert.equal(await page.getByLabel('NIK').getAttribute('aria-invalid'), 'true');
  await checkPage(page, '4-booking-errors');
  await page.getByLabel('NIK').fill('3302015505900001');
  await page.getByLabel('Nama lengkap').fill('Siti Aminah');
  await page.getByLabel('Email (opsional jika ada ponsel)').fill('siti@contoh.id');
  await page.getByRole('button', { name: 'Booking sekarang' }).click();
  await page.getByRole('heading', { name: 'Booking berhasil' }).waitFor();
  const code = (await page.getByTestId('booking-code').textContent())!;
  bookingCode = code.trim();
  await checkPage(page, '5-booking-done');
  const mail = await waitFor(() => mails.find((m) => m.includes(code)), 'the confirmation email');
  assert.match(mail, /Perpanjangan SIM/);
  assert.match(mail, /siti@contoh\.id/);

  // 3. Take an online ticket for today from the service page: the service is already chosen.
  await openServiceFromHome(page, false);
  await page.getByTestId('svc-ticket').click();
  await page.getByRole('heading', { name: /Ambil nomor untuk Perpanjangan SIM/ }).waitFor();
  await checkPage(page, '6-online-ticket');
  await page.getByTestId('take-ticket').click();
  // The number stays in view with its live status; what it says is what the server says.
  const number = (await page.getByTestId('live-number').textContent())!;
  const token = (await page.getByTestId('live-ticket').getByRole('link').getAttribute('href'))!.split('/').pop()!;
  const status = (await (await fetch(`${server.url}/api/queue/status/${token}`)).json()) as { number: string; peopleAhead: number; status: string };
  assert.equal(status.number, number);
  assert.equal(status.status, 'waiting');
  assert.equal(Number(await page.getByTestId('live-ahead').textContent()), status.peopleAhead, 'people ahead shown = the server\'s count');
  await page.mouse.wheel(0, 600);
  assert.ok(await page.getByTestId('live-number').isVisible(), 'the number stays in view while scrolling');
  await checkPage(page, '7-ticket-taken');

  // 4. Complain about the service: the form opens with the service chosen; errors tied and focused.
  await openServiceFromHome(page, false);
  await page.getByTestId('svc-complain').click();
  await page.getByRole('heading', { name: 'Sampaikan pengaduan' }).waitFor();
  assert.match(await page.locator('#subjectServiceId option:checked').textContent() ?? '', /Perpanjangan SIM/);
  await page.getByRole('button', { name: 'Kirim pengaduan' }).click();
  await page.locator('#description[aria-invalid=true]').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'description');
  await checkPage(page, '8-complaint-errors');
  await page.getByLabel('Uraian').fill('Antrean perpanjangan SIM sangat lama dan loket 5 tutup tanpa pemberitahuan.');
  await page.getByRole('button', { name: 'Kirim pengaduan' }).click();
  const tracking = (await page.getByTestId('tracking-code').textContent())!;
  trackingCode = tracking.trim();
  await checkPage(page, '9-complaint-filed');
  const tracked = (await (await fetch(`${server.url}/api/complaints/track/${tracking}`)).json()) as { subjectType: string };
  assert.equal(tracked.subjectType, 'service');
  await ctx.close();
});

test('a deep link to an unknown MPP or service shows a clear page with the way back', async () => {
  const ctx = await newContext(browser, 'phone');
  const page = await ctx.newPage();
  await page.goto(`${server.url}/mpp/mpp-yang-tidak-ada`);
  await page.getByRole('heading', { name: 'MPP tidak ditemukan' }).waitFor();
  await checkPage(page, '10-mpp-not-found');
  await page.goto(`${server.url}/mpp/mpp-demo-banyumas/layanan/TIDAK-ADA`);
  await page.getByRole('heading', { name: 'Layanan tidak ditemukan' }).waitFor();
  await checkPage(page, '11-service-not-found');
  await page.getByRole('link', { name: 'Lihat semua layanan MPP ini' }).click();
  await page.getByRole('heading', { level: 1, name: BANYUMAS }).waitFor();
  // The MPP page: open/closed now in its zone, today's hours, the same entry points.
  await page.locator('.open-status').waitFor();
  await page.getByTestId('act-ticket').waitFor();
  await checkPage(page, '12-mpp');
  await page.goto(`${server.url}/antrean-online/00000000-0000-4000-8000-000000000000`);
  await page.getByRole('heading', { name: 'MPP tidak ditemukan' }).waitFor();
  await page.getByRole('link', { name: 'Kembali ke beranda' }).click();
  await page.getByRole('heading', { name: 'Layanan publik dalam satu atap' }).waitFor();

  // Closed: a withdrawn service and an MPP not (or no longer) public read like unknown ones.
  await page.goto(`${server.url}/mpp/mpp-demo-banyumas/layanan/${closedServiceCode}`);
  await page.getByRole('heading', { name: 'Layanan tidak ditemukan' }).waitFor();
  await page.getByRole('link', { name: 'Lihat semua layanan MPP ini' }).waitFor();
  await page.goto(`${server.url}/mpp/mpp-demo-jayapura`);
  await page.getByRole('heading', { name: 'MPP tidak ditemukan' }).waitFor();
  await page.goto(`${server.url}/pengaduan/mpp-yang-tidak-ada`);
  await page.getByText('MPP ini tidak ditemukan atau belum dibuka untuk umum.').waitFor();
  await page.getByRole('link', { name: 'Pilih MPP dari daftar' }).waitFor();
  // The unpublished MPP's own action links (by id and by slug) lead nowhere either: no ticket, no form.
  await page.goto(`${server.url}/antrean-online/${jayapuraId}`);
  await page.getByRole('heading', { name: 'MPP tidak ditemukan' }).waitFor();
  await checkPage(page, '11a-online-unpublished-mpp');
  await page.getByRole('link', { name: 'Kembali ke beranda' }).waitFor();
  for (const key of ['mpp-demo-jayapura', jayapuraId]) {
    await page.goto(`${server.url}/pengaduan/${key}`);
    await page.getByText('MPP ini tidak ditemukan atau belum dibuka untuk umum.').waitFor();
    assert.equal(await page.locator('textarea').count(), 0, `no complaint form for the unpublished MPP (${key})`);
  }
  await checkPage(page, '11b-complaint-unpublished-mpp');
  await page.getByRole('link', { name: 'Pilih MPP dari daftar' }).click();
  await page.waitForURL((u) => u.pathname === '/mpp');
  await page.goto(`${server.url}/booking?mpp=${jayapuraId}`);
  await page.getByTestId('booking-wanted-missing').getByText('MPP dari tautan ini tidak ditemukan atau belum menerima booking.').waitFor();

  // A known MPP with an unknown service in the link: said so above the choices, never a blank form.
  await page.goto(`${server.url}/antrean-online/${banyumasId}?layanan=${NO_SUCH_ID}`);
  await page.getByTestId('ot-wanted-missing').waitFor();
  await page.getByText('Langkah 1 dari 2: pilih instansi').waitFor();
  await checkPage(page, '12a-online-unknown-service');
  await page.goto(`${server.url}/booking?mpp=${banyumasId}&layanan=${NO_SUCH_ID}`);
  await page.getByTestId('booking-wanted-missing').getByText('Layanan dari tautan ini tidak bisa dibooking di MPP ini.').waitFor();
  assert.equal(await page.locator('#service').inputValue(), '', 'no service chosen');
  await checkPage(page, '12b-booking-unknown-service');
  await page.goto(`${server.url}/booking?mpp=${NO_SUCH_ID}`);
  await page.getByTestId('booking-wanted-missing').getByText('MPP dari tautan ini tidak ditemukan atau belum menerima booking.').waitFor();
  await page.goto(`${server.url}/pengaduan/mpp-demo-banyumas?layanan=${NO_SUCH_ID}`);
  await page.getByTestId('complaint-wanted-missing').waitFor();
  await checkPage(page, '12c-complaint-unknown-service');

  // A ticket link that leads nowhere (another day's, a cut-off QR): a page with the way on.
  await page.goto(`${server.url}/antrean/tidak-ada-tiket-ini`);
  await page.getByRole('heading', { name: 'Tiket tidak ditemukan' }).waitFor();
  await checkPage(page, '12d-ticket-not-found');
  await page.getByRole('link', { name: 'Kembali ke beranda' }).click();
  await page.getByRole('heading', { name: 'Layanan publik dalam satu atap' }).waitFor();
  await ctx.close();
});

test('the other entry points of the home page: my booking, tracking, survey, the MPP directory, each checked by axe', async () => {
  assert.ok(bookingCode && trackingCode, 'the first test left a booking and a complaint');
  const ctx = await newContext(browser, 'phone');
  const page = await ctx.newPage();
  await page.goto(`${server.url}/`);
  const home = async () => {
    await page.getByRole('link', { name: 'Layan', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Layanan publik dalam satu atap' }).waitFor();
  };
  await page.getByRole('heading', { name: 'Layanan publik dalam satu atap' }).waitFor();

  // No MPP chosen yet: the MPP-bound actions lead to the directory first.
  assert.equal(await page.getByTestId('act-ticket').getAttribute('href'), '/mpp');
  await page.getByTestId('act-ticket').click();
  await page.getByRole('link', { name: BANYUMAS, exact: true }).waitFor();
  await checkPage(page, '13-directory');

  // My booking: found by its code and NIK, then read.
  await home();
  await page.getByTestId('act-my-bookings').click();
  await page.getByRole('heading', { name: 'Cari booking saya' }).waitFor();
  await checkPage(page, '14-find-booking');
  await page.getByLabel('MPP').selectOption({ label: BANYUMAS });
  await page.getByLabel('Kode booking').fill(bookingCode);
  await page.getByLabel('NIK').fill('3302015505900001');
  await page.getByRole('button', { name: 'Cari', exact: true }).click();
  await page.getByRole('heading', { name: 'Booking saya' }).waitFor();
  await page.getByText(bookingCode).first().waitFor();
  await checkPage(page, '15-my-booking');

  // Track the complaint filed in the first test.
  await home();
  await page.getByTestId('act-track').click();
  await page.getByRole('heading', { name: 'Lacak pengaduan' }).waitFor();
  await page.getByLabel('Kode lacak').fill(trackingCode);
  await page.getByRole('button', { name: 'Lacak', exact: true }).click();
  await page.locator('#status-heading').waitFor();
  await checkPage(page, '16-track');

  // The survey by the code on the ticket: a wrong code is refused with a message.
  await home();
  await page.getByTestId('act-survey').click();
  await page.getByRole('heading', { name: 'Nilai layanan yang Anda terima' }).waitFor();
  await page.getByLabel('Kode survei').fill('ABCD-EFGH-JKMN');
  const clipped = await page.getByLabel('Kode survei').evaluate((el) => el.scrollWidth - el.clientWidth);
  assert.ok(clipped <= 0, `the whole survey code is visible on the phone (clipped by ${clipped}px)`);
  await page.getByRole('button', { name: 'Buka survei' }).click();
  await page.getByRole('alert').waitFor();
  await checkPage(page, '17-survey-code');
  // Not a dead end: a skip link first, and the way back home.
  assert.equal(await page.locator('a[href], button, input, select, textarea').first().textContent(), 'Lompat ke isi', 'the first stop of the keyboard is the skip link');
  await home();
  await ctx.close();
});

test('the online ticket from the home page: agency, then service, then the number with its live status', async () => {
  const ctx = await newContext(browser, 'phone');
  const page = await ctx.newPage();
  await page.goto(`${server.url}/`);
  await page.getByLabel('MPP Anda').selectOption({ label: BANYUMAS });
  await page.getByTestId('act-ticket').click();
  await page.getByRole('heading', { name: 'Antrean online hari ini' }).waitFor();
  await page.getByText('Langkah 1 dari 2: pilih instansi').waitFor();
  await checkPage(page, '18-online-agency');
  await page.getByRole('button', { name: /Satpas dan Sat Intelkam Polresta/ }).click();
  await page.getByText('Langkah 2 dari 2: pilih layanan').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'the step heading takes the focus');
  await checkPage(page, '19-online-service');
  await page.getByRole('button', { name: /Perpanjangan SIM C/ }).click();
  await page.getByRole('heading', { name: /Ambil nomor untuk Perpanjangan SIM C/ }).waitFor();
  await page.getByTestId('take-ticket').click();
  const number = (await page.getByTestId('live-number').textContent())!.trim();
  assert.match(number, /^B-\d{3}$/);
  await page.getByTestId('live-ahead').waitFor();
  await checkPage(page, '20-online-taken');
  await ctx.close();
});

test('a closed MPP: the online ticket says so and offers booking another day', async () => {
  const ctx = await newContext(browser, 'phone');
  const page = await ctx.newPage();
  await page.goto(`${server.url}/`);
  await page.getByLabel('MPP Anda').selectOption({ label: 'MPP Butta Gowa (demo)' });
  await page.getByTestId('act-ticket').click();
  await page.getByRole('heading', { name: 'MPP libur hari ini' }).waitFor();
  assert.equal(await page.getByTestId('take-ticket').count(), 0, 'no ticket can be taken');
  await checkPage(page, '21-online-closed');
  await page.getByRole('link', { name: 'Booking jadwal untuk hari lain' }).click();
  await page.waitForURL(/\/booking\?mpp=[0-9a-f-]{36}$/);
  await ctx.close();
});
