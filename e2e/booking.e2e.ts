import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { hashPassword } from '../src/identity/service.js';
import { ADMIN, apiLogin, launchBrowser, loginUi, newContext, openServerDatabase, type RunningServer, screenshot, startServer, waitFor } from './support.js';

/**
 * A citizen books on a phone, reads the confirmation from a real SMTP server, checks in at the
 * kiosk with the code, and is called at a counter. The MPP is seeded into a fresh embedded
 * database before the server starts (there is no MPP-creating API on this branch yet).
 */
const OFFICER = { email: 'petugas@e2e.layan', password: 'petugas-e2e-password' };
const mails: string[] = [];
let smtp: SMTPServer;
let server: RunningServer;
let browser: Browser;
let dataDir: string;
let seed: { mppId: string; serviceId: string; counterId: string };

const localDate = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);

async function seedDatabase(dir: string) {
  const db = await openServerDatabase(dir);
  const allDay = { opens: '00:00', closes: '23:59', breaks: [] };
  const week = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, allDay]));
  const mppId = (await db.query<{ id: string }>("INSERT INTO mpps (slug, name, timezone, weekly_hours) VALUES ('mpp-e2e', 'MPP Kota Contoh', 'Asia/Jakarta', $1) RETURNING id", [JSON.stringify(week)])).rows[0]!.id;
  // Open today and tomorrow even if the seeded calendar has a holiday on those dates.
  for (const day of [localDate(new Date()), localDate(new Date(Date.now() + 86_400_000))]) {
    await db.query("INSERT INTO mpp_special_days (mpp_id, day, opens, closes, note) VALUES ($1, $2, '00:00', '23:59', 'Uji e2e')", [mppId, day]);
  }
  const tenantId = (await db.query<{ id: string }>("INSERT INTO tenants (mpp_id, code, name, kind) VALUES ($1, 'DUKCAPIL', 'Dukcapil', 'regional_office') RETURNING id", [mppId])).rows[0]!.id;
  const settings = { enabled: true, slotMinutes: 15, capacityPerSlot: 4, sameDayCutoffMinutes: 0, bookAheadDays: 7 };
  const serviceId = (
    await db.query<{ id: string }>("INSERT INTO services (mpp_id, tenant_id, code, name, ticket_prefix, booking_settings) VALUES ($1, $2, 'KTP', 'Perekaman KTP-el', 'A', $3) RETURNING id", [mppId, tenantId, JSON.stringify(settings)])
  ).rows[0]!.id;
  const counterId = (await db.query<{ id: string }>("INSERT INTO counters (mpp_id, tenant_id, number, name) VALUES ($1, $2, 1, 'Loket 1') RETURNING id", [mppId, tenantId])).rows[0]!.id;
  await db.query('INSERT INTO counter_services (mpp_id, counter_id, service_id) VALUES ($1, $2, $3)', [mppId, counterId, serviceId]);
  const userId = (await db.query<{ id: string }>("INSERT INTO users (email, name, password_hash) VALUES ($1, 'Petugas Loket', $2) RETURNING id", [OFFICER.email, await hashPassword(OFFICER.password)])).rows[0]!.id;
  await db.query("INSERT INTO role_grants (user_id, role, mpp_id, tenant_id) VALUES ($1, 'officer', $2, $3)", [userId, mppId, tenantId]);
  // Seeding a user stops the server from creating the first admin itself: seed that one too.
  const adminId = (await db.query<{ id: string }>("INSERT INTO users (email, name, password_hash) VALUES ($1, 'Admin E2E', $2) RETURNING id", [ADMIN.email, await hashPassword(ADMIN.password)])).rows[0]!.id;
  await db.query("INSERT INTO role_grants (user_id, role) VALUES ($1, 'national_admin')", [adminId]);
  await db.close();
  return { mppId, serviceId, counterId };
}

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
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'layan-e2e-booking-'));
  seed = await seedDatabase(dataDir);
  server = await startServer({ DATA_DIR: dataDir, SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`, SMTP_FROM: 'MPP Kota Contoh <mpp@e2e.layan>' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  rmSync(dataDir, { recursive: true, force: true });
});

test('book on a phone, read the confirmation email, check in at the kiosk, get called at a counter', async () => {
  const phone = await newContext(browser, 'phone');
  const page = await phone.newPage();
  await page.goto(`${server.url}/booking`);
  await page.getByLabel('Layanan').selectOption({ label: 'Dukcapil: Perekaman KTP-el' });
  await page.getByRole('heading', { name: 'Pilih jam' }).waitFor();
  await screenshot(page, 'booking-phone-1-slots');
  const firstSlot = page.locator('.slot:not([disabled])').first();
  const slotTime = (await firstSlot.locator('.time').textContent())!;
  await firstSlot.click();
  await page.getByLabel('NIK').fill('3174011505900000');
  await page.getByLabel('Nama lengkap').fill('Siti Aminah');
  await page.getByLabel('Email (opsional jika ada ponsel)').fill('siti@contoh.id');
  await page.getByRole('button', { name: 'Booking sekarang' }).click();
  await page.getByText('Empat digit terakhir NIK (nomor urut) tidak boleh 0000.').waitFor();
  await screenshot(page, 'booking-phone-2-nik-error');
  await page.getByLabel('NIK').fill('3174015505900001');
  await page.getByRole('button', { name: 'Booking sekarang' }).click();
  await page.getByRole('heading', { name: 'Booking berhasil' }).waitFor();
  const code = (await page.getByTestId('booking-code').textContent())!;
  assert.match(code, /^[A-Z0-9]{8}$/);
  assert.ok(await page.getByText(`${slotTime}–`, { exact: false }).isVisible());
  await screenshot(page, 'booking-phone-3-confirmation');

  const mail = await waitFor(() => mails.find((m) => m.includes(code)), 'the confirmation email');
  assert.match(mail, /Subject: .*Booking/);
  assert.ok(mail.includes(`Kode booking: ${code}`));
  assert.ok(mail.includes('text/calendar'));
  const link = /(http:\/\/localhost:\d+\/booking\/kelola\/[^\s]+)/.exec(mail.replace(/=\r?\n/g, '').replace(/=3D/g, '='))![1]!;

  await page.goto(link.replace(/^http:\/\/localhost:\d+/, server.url));
  await page.getByRole('heading', { name: 'Booking saya' }).waitFor();
  await page.getByText('Terjadwal').waitFor();
  await screenshot(page, 'booking-phone-4-my-booking');

  // Found again by code and NIK: a wrong NIK is refused in words, the right one opens the same booking.
  await page.goto(`${server.url}/booking/cari`);
  await page.locator('#f-mpp').selectOption({ label: 'MPP Kota Contoh' });
  await page.getByLabel('Kode booking').fill(code);
  await page.locator('#f-nik').fill('3174015505900002');
  await page.getByRole('button', { name: 'Cari' }).click();
  await page.getByRole('alert').getByText('Booking tidak ditemukan. Periksa kode dan NIK.').waitFor();
  await page.locator('#f-nik').fill('3174015505900001');
  await page.getByRole('button', { name: 'Cari' }).click();
  await page.getByRole('heading', { name: 'Booking saya' }).waitFor();
  await page.getByText('Terjadwal').waitFor();

  const admin = await apiLogin(server.url, ADMIN.email, ADMIN.password);
  const device = await (await fetch(`${server.url}/api/mpps/${seed.mppId}/devices`, { method: 'POST', headers: admin, body: JSON.stringify({ kind: 'kiosk', name: 'Kiosk lobi' }) })).json() as { token: string };
  // At the kiosk (1080x1920): from its start screen to the check-in, a wrong code first, then the QR.
  const kiosk = await (await newContext(browser, 'kiosk')).newPage();
  await kiosk.addInitScript(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed++;
      window.dispatchEvent(new Event('afterprint'));
    };
  });
  await kiosk.goto(`${server.url}/kios/${seed.mppId}?token=${device.token}`);
  await kiosk.clock.install();
  await kiosk.getByRole('link', { name: /Sudah punya booking\? Check-in/ }).tap();
  const codeBox = kiosk.getByLabel('Pindai QR atau ketik kode booking');
  await codeBox.fill('ZZZZ9999');
  await kiosk.getByRole('button', { name: 'Check-in' }).tap();
  await kiosk.getByRole('alert').waitFor();
  // Left alone with the refusal on screen: back to the start after a minute.
  await kiosk.clock.fastForward(61_000);
  await kiosk.getByRole('heading', { name: 'Pilih instansi' }).waitFor();
  await kiosk.getByRole('link', { name: /Sudah punya booking\? Check-in/ }).tap();
  assert.equal(await kiosk.getByRole('alert').count(), 0, 'the refusal is gone for the next person');
  await codeBox.fill(code.toLowerCase());
  await kiosk.getByRole('button', { name: 'Check-in' }).tap();
  await kiosk.locator('.pt-qr').waitFor();
  const ticketNumber = (await kiosk.locator('.pt-number').textContent())!;
  assert.match(ticketNumber, /^A-?\d+/);
  assert.match((await kiosk.locator('.pt-code').textContent())!.trim(), /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/, 'the survey code printed in text');
  await kiosk.waitForFunction(() => (window as unknown as { printed: number }).printed === 1, undefined, { timeout: 30_000 });
  assert.equal(await kiosk.getByText('Siti Aminah').count(), 0, "the kiosk does not show the booker's name");
  const scroll = await kiosk.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth);
  assert.ok(scroll, 'nothing scrolls sideways at 1080 px');
  await screenshot(kiosk, 'booking-kiosk-checkin', { fullPage: false });
  // The ticket's QR is its status page.
  const qrToken = await kiosk.evaluate(() => document.querySelector('.pt-qr')?.getAttribute('src')?.length ?? 0);
  assert.ok(qrToken > 100, 'a QR image is drawn');
  // The next person finds the start screen, not this ticket.
  await kiosk.clock.fastForward(21_000);
  await kiosk.getByRole('heading', { name: 'Pilih instansi' }).waitFor();
  assert.equal(await kiosk.getByText(ticketNumber).count(), 0);

  // The officer opens counter 1 on the queue console and calls the next ticket: the booked person's.
  const desk = await (await newContext(browser, 'desktop')).newPage();
  await loginUi(desk, server.url, OFFICER.email, OFFICER.password);
  await desk.goto(`${server.url}/staf/loket?mpp=${seed.mppId}`);
  await desk.getByRole('button', { name: /Loket 1/ }).click();
  await desk.getByRole('button', { name: 'Buka loket' }).click();
  await desk.getByRole('button', { name: 'Panggil berikutnya' }).click();
  await desk.locator('.cc-number', { hasText: ticketNumber }).waitFor();
  await screenshot(desk, 'booking-called-at-counter');

  const staff = await (await newContext(browser, 'desktop')).newPage();
  await loginUi(staff, server.url, ADMIN.email, ADMIN.password);
  await staff.goto(`${server.url}/staf/booking`);
  await staff.getByRole('cell', { name: code }).waitFor();
  await staff.getByText('Sudah check-in').first().waitFor();
  await screenshot(staff, 'booking-staff-day');
});
