import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { seedQueueDemo, type QueueDemo } from '../bench/queue-seed.js';
import { ADMIN, apiLogin, launchBrowser, loginUi, newContext, openServerDatabase, type RunningServer, screenshot, startServer } from './support.js';

let server: RunningServer;
let browser: Browser;
let demo: QueueDemo;
let admin: Record<string, string>;
let kioskToken: string;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'layan-e2e-queue-setup-'));

before(async () => {
  const db = await openServerDatabase(dataDir);
  demo = await seedQueueDemo(db, { nationalAdmin: ADMIN });
  await db.close();
  server = await startServer({ DATA_DIR: dataDir });
  browser = await launchBrowser();
  admin = await apiLogin(server.url, ADMIN.email, ADMIN.password);
  const res = await fetch(`${server.url}/api/mpps/${demo.mppId}/devices`, { method: 'POST', headers: admin, body: JSON.stringify({ kind: 'kiosk', name: 'kiosk e2e' }) });
  kioskToken = ((await res.json()) as { token: string }).token;
});
after(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('the kiosk sends booked citizens to the check-in page', async () => {
  const kiosk = await (await newContext(browser, 'kiosk')).newPage();
  await kiosk.goto(`${server.url}/kios/${demo.mppId}?token=${kioskToken}`);
  const link = kiosk.getByRole('link', { name: /Sudah punya booking\? Check-in/ });
  // The kiosk opens on the agencies (25 in the demo); the booking check-in sits above them.
  await kiosk.getByRole('heading', { name: 'Pilih instansi' }).waitFor();
  const box = await link.boundingBox();
  assert.ok(box && box.height >= 90 && box.width >= 400, `touch target too small: ${JSON.stringify(box)}`);
  await screenshot(kiosk, 'queue-kiosk-booking-button', { fullPage: false });
  await link.tap();
  await kiosk.waitForURL(`**/kios/${demo.mppId}/booking`);
});

test('an admin sets counter services with weights, a daily quota and a priority class on the set-up page', async () => {
  const page = await (await newContext(browser, 'desktop')).newPage();
  await loginUi(page, server.url, ADMIN.email, ADMIN.password);
  await page.goto(`${server.url}/staf/antrean?mpp=${demo.mppId}`);
  await page.getByRole('heading', { name: 'Pengaturan antrean' }).waitFor();

  // Per counter: one counter at a time, chosen from the list by name.
  await page.getByRole('list', { name: 'Daftar loket' }).getByRole('button', { name: /^Loket 1/ }).click();
  const loket1 = page.getByRole('form', { name: 'Loket 1' });
  await loket1.getByLabel('Bobot Kartu Keluarga').selectOption('3');
  await loket1.getByRole('checkbox', { name: /<script>alert\(1\)<\/script>/ }).uncheck();
  await loket1.getByRole('button', { name: 'Simpan loket' }).click();
  await page.getByText('Tersimpan: Loket 1').waitFor();

  await page.getByRole('tab', { name: 'Kuota harian' }).click();
  await page.getByLabel('Kuota harian Perekaman KTP-el').fill('120');
  await page.getByRole('row', { name: /Perekaman KTP-el/ }).getByRole('button', { name: 'Simpan' }).click();
  await page.getByRole('row', { name: /Perekaman KTP-el/ }).getByText('Tersimpan').waitFor();

  await page.getByRole('tab', { name: 'Kelas prioritas' }).click();
  await page.getByLabel('Kode kelas baru').fill('veteran');
  await page.getByLabel('Nama kelas baru').fill('Veteran pejuang');
  await page.getByLabel('Bobot kelas baru').fill('25');
  await page.getByRole('button', { name: 'Tambah' }).click();
  await page.getByText('Tersimpan: Veteran pejuang').waitFor();
  await page.getByRole('row', { name: /veteran/ }).getByLabel('Nama veteran').waitFor();
  await page.waitForFunction(() => (document.querySelector('input[aria-label="Kode kelas baru"]') as HTMLInputElement | null)?.value === '');
  await screenshot(page, 'queue-setup');

  const setup = (await (await fetch(`${server.url}/api/mpps/${demo.mppId}/queue/setup`, { headers: admin })).json()) as {
    services: { name: string; dailyQuota: number | null }[];
    counters: { name: string; services: { name: string; weight: number }[] }[];
  };
  assert.equal(setup.services.find((s) => s.name === 'Perekaman KTP-el')?.dailyQuota, 120);
  assert.deepEqual(
    setup.counters.find((c) => c.name === 'Loket 1')?.services.map((s) => [s.name, s.weight]),
    [['Kartu Keluarga', 3], ['Perekaman KTP-el', 1]],
  );
  const classes = (await (await fetch(`${server.url}/api/mpps/${demo.mppId}/queue/priority-classes`, { headers: admin })).json()) as { code: string; weight: number }[];
  assert.equal(classes.find((c) => c.code === 'veteran')?.weight, 25);
});
