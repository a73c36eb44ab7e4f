import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { seedQueueDemo, OFFICER_PASSWORD, type QueueDemo } from '../bench/queue-seed.js';
import { ADMIN, apiLogin, launchBrowser, loginUi, newContext, openServerDatabase, type RunningServer, screenshot, startServer } from './support.js';

let server: RunningServer;
let browser: Browser;
let demo: QueueDemo;
let kioskToken: string;
let displayToken: string;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'layan-e2e-queue-'));

before(async () => {
  const db = await openServerDatabase(dataDir);
  demo = await seedQueueDemo(db, { nationalAdmin: ADMIN });
  await db.close();
  server = await startServer({ DATA_DIR: dataDir });
  browser = await launchBrowser();
  const admin = await apiLogin(server.url, ADMIN.email, ADMIN.password);
  const device = async (kind: string) => {
    const res = await fetch(`${server.url}/api/mpps/${demo.mppId}/devices`, { method: 'POST', headers: admin, body: JSON.stringify({ kind, name: `${kind} e2e` }) });
    return ((await res.json()) as { token: string }).token;
  };
  kioskToken = await device('kiosk');
  displayToken = await device('display');
});
after(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('kiosk issues, console calls, board announces, console finishes, status page says served', async () => {
  // Board first, so it is listening when the call comes.
  const tv = await (await newContext(browser, 'tv')).newPage();
  await tv.goto(`${server.url}/layar/${demo.mppId}?token=${displayToken}`);
  await tv.getByText('Tersambung').waitFor();
  assert.ok(!tv.url().includes('token='), 'the device token is removed from the address bar');
  await tv.getByRole('button', { name: /Aktifkan suara/ }).click();

  // Kiosk: portrait touch screen.
  const kioskCtx = await newContext(browser, 'kiosk');
  const kiosk = await kioskCtx.newPage();
  await kiosk.addInitScript(() => {
    window.print = () => undefined;
  });
  await kiosk.goto(`${server.url}/kios/${demo.mppId}?token=${kioskToken}`);
  // Agency first, then its services (issue 12).
  await kiosk.getByRole('button', { name: /Disdukcapil/ }).tap();
  const ktp = kiosk.getByRole('button', { name: /Perekaman KTP-el/ });
  await ktp.waitFor();
  // Catalog text is shown as text, never run as markup.
  assert.ok(await kiosk.getByText('<script>alert(1)</script>').isVisible());
  const box = await ktp.boundingBox();
  assert.ok(box && box.height >= 120 && box.width >= 400, `touch target too small: ${JSON.stringify(box)}`);
  await screenshot(kiosk, 'queue-kiosk');
  await ktp.tap();
  const issued = kiosk.waitForResponse((r) => r.url().endsWith('/queue/tickets') && r.request().method() === 'POST');
  await kiosk.getByRole('button', { name: 'Tidak, antrean biasa' }).tap();
  const ticket = (await (await issued).json()) as { number: string; statusToken: string };
  assert.equal(ticket.number, 'A-001');
  await kiosk.getByText('Silakan ambil tiket Anda.').waitFor();
  await kiosk.locator('.pt-qr').waitFor();
  await screenshot(kiosk, 'queue-kiosk-issued');
  // The printed ticket, as the thermal printer gets it (80 mm = 302 px, 58 mm = 219 px at 96 dpi).
  await kiosk.emulateMedia({ media: 'print' });
  await kiosk.setViewportSize({ width: 302, height: 640 });
  await screenshot(kiosk, 'queue-ticket-print-80mm');
  await kiosk.evaluate(() => document.querySelector('.kiosk')!.classList.replace('paper-80', 'paper-58'));
  await kiosk.setViewportSize({ width: 219, height: 600 });
  await screenshot(kiosk, 'queue-ticket-print-58mm');
  await kioskCtx.close();

  // Officer console.
  const desk = await (await newContext(browser, 'desktop')).newPage();
  await loginUi(desk, server.url, demo.officerEmail, OFFICER_PASSWORD);
  await desk.goto(`${server.url}/staf/loket?mpp=${demo.mppId}`);
  await desk.getByRole('button', { name: /Loket 1/ }).click();
  await desk.getByRole('button', { name: 'Buka loket' }).click();
  await desk.getByRole('button', { name: 'Panggil berikutnya' }).click();
  await desk.locator('.cc-number', { hasText: 'A-001' }).waitFor();

  // The board shows the call and speaks it (chime, then the sentence), once.
  await tv.locator('.bc-number', { hasText: 'A-001' }).waitFor();
  await tv.waitForFunction(() => ((window as any).layanAnnouncer?.spoken.length ?? 0) >= 1, undefined, { timeout: 20_000 });
  const spoken = await tv.evaluate(() => (window as any).layanAnnouncer.spoken as string[]);
  assert.deepEqual(spoken, ['Nomor antrean A satu, silakan menuju loket satu.']);
  await screenshot(tv, 'queue-display', { fullPage: false });

  await desk.getByRole('button', { name: 'Mulai layani' }).click();
  await desk.getByText('Sedang dilayani').first().waitFor();
  await screenshot(desk, 'queue-console');
  await desk.getByRole('button', { name: 'Selesai', exact: true }).click();
  await desk.getByText('Tidak ada tiket di loket ini.').waitFor();

  // The holder's phone.
  const phone = await (await newContext(browser, 'phone')).newPage();
  await phone.goto(`${server.url}/antrean/${ticket.statusToken}`);
  await phone.getByText('Selesai dilayani').waitFor();
  await screenshot(phone, 'queue-status-served');
});

test('the status page updates live and keeps the open cancel confirmation through a live update', async () => {
  const issue = async () => {
    const res = await fetch(`${server.url}/api/mpps/${demo.mppId}/queue/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${kioskToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId: demo.services.kk }),
    });
    return (await res.json()) as { statusToken: string; number: string };
  };
  const ahead = await issue();
  const ticket = await issue();
  const phone = await (await newContext(browser, 'phone')).newPage();
  // The follow card loads on its own (a second request): hold its answer until the page is read.
  let releaseFollow!: () => void;
  const followHeld = new Promise<void>((resolve) => (releaseFollow = resolve));
  await phone.route('**/api/citizen/tickets/*/follow', async (route) => {
    await followHeld;
    await route.continue();
  });
  await phone.goto(`${server.url}/antrean/${ticket.statusToken}`);
  const peopleAhead = phone.locator('.st-facts dd').first();
  await peopleAhead.filter({ hasText: /^1$/ }).waitFor();
  // The cancel button stays where the holder saw it when the follow card arrives (a tap aimed at it
  // must not land on the card: the CI flake the retry loop used to hide).
  const cancelButton = phone.getByRole('button', { name: 'Batalkan antrean' });
  const seen = await cancelButton.boundingBox();
  releaseFollow();
  await phone.getByTestId('follow-open').waitFor();
  assert.deepEqual(await cancelButton.boundingBox(), seen, 'the cancel button did not move when the follow card loaded');
  await screenshot(phone, 'queue-status-waiting');

  // The holder opens the cancel confirmation...
  await cancelButton.click();
  const confirm = phone.getByRole('button', { name: 'Ya, batalkan' });
  await confirm.waitFor();
  // ...and meanwhile the officer calls the ticket ahead: the page updates live (no one ahead now)...
  const officer = await apiLogin(server.url, demo.officerEmail, OFFICER_PASSWORD);
  const q = `${server.url}/api/mpps/${demo.mppId}/queue`;
  await fetch(`${q}/counters/${demo.counters[1]}/open`, { method: 'POST', headers: officer, body: '{}' });
  const called = await fetch(`${q}/counters/${demo.counters[1]}/call-next`, { method: 'POST', headers: officer, body: '{}' });
  assert.equal(called.status, 200, await called.clone().text());
  assert.equal(((await called.json()) as { ticket: { number: string } }).ticket.number, ahead.number);
  await peopleAhead.filter({ hasText: /^0$/ }).waitFor();
  // ...and the confirmation the holder opened is still there, where it was.
  assert.ok(await confirm.isVisible(), 'the live update kept the cancel confirmation open');
  await screenshot(phone, 'queue-status-confirm-after-update');
  await confirm.click();
  await phone.getByText('Dibatalkan').waitFor();
});
