import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ADMIN, apiLogin, checkScreen, launchBrowser, loginUi, newContext, openFromMenu, screenshot, staffSignIn, startServer, walkStaffMenu, type RunningServer } from './support.js';

// Staff screens on the full demo (MPP Satria Banyumas: 25 agencies, 159 services) at a 1366x768
// console, every page reached by clicking from the staff home.
const DEMO_PASSWORD = 'Demo-Layan-2026';
const MPP_ADMIN = 'admin.banyumas@demo.layan.id';
const TENANT_ADMIN = 'admin.dukcapil@demo.layan.id';
const OFFICER = 'petugas.dukcapil@demo.layan.id';

let server: RunningServer;

let browser: Browser;

before(async () => {
  server = await startServer({ LAYAN_DEMO: 'true' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const signIn = (email: string, password: string): Promise<Page> => staffSignIn(browser, server.url, email, password);

test('a national admin adds an MPP with its region chosen from lists and works on it through the switcher', async () => {
  const page = await signIn(ADMIN.email, ADMIN.password);
  await checkScreen(page, 'staff', 'home-national');
  await openFromMenu(page, 'Daftar MPP', 'Daftar MPP');
  await page.getByRole('cell', { name: 'MPP Satria Banyumas (demo)' }).waitFor();
  await checkScreen(page, 'staff', 'mpp-list');

  await page.getByRole('tab', { name: 'Tambah MPP' }).click();
  await page.getByLabel('Nama MPP').fill('MPP Kabupaten Cilacap');
  await page.getByLabel('Provinsi', { exact: true }).selectOption({ label: 'Jawa Tengah' });
  await page.getByLabel('Cari: Kabupaten/kota').fill('cilacap');
  assert.equal(await page.getByLabel('Kabupaten/kota', { exact: true }).inputValue(), '33.01');
  assert.equal(await page.getByLabel('Zona waktu (mengikuti wilayah)').inputValue(), 'Asia/Jakarta');
  await checkScreen(page, 'staff', 'mpp-create');
  await page.getByRole('button', { name: 'Buat MPP' }).click();
  await page.getByRole('heading', { name: 'MPP dibuat: MPP Kabupaten Cilacap' }).waitFor();
  // The new MPP is the one every staff page now works on.
  await page.locator('.mpp-switcher > button', { hasText: 'MPP Kabupaten Cilacap' }).waitFor();

  const headers = await apiLogin(server.url, ADMIN.email, ADMIN.password);
  const mpps = (await (await fetch(`${server.url}/api/catalog/mpps`, { headers })).json()) as { name: string; slug: string; regionCode: string; timezone: string; weeklyHours: Record<string, unknown> }[];
  const created = mpps.find((m) => m.name === 'MPP Kabupaten Cilacap');
  assert.deepEqual([created?.slug, created?.regionCode, created?.timezone], ['mpp-kabupaten-cilacap', '33.01', 'Asia/Jakarta']);
  assert.equal(Object.keys(created?.weeklyHours ?? {}).length, 5);
  await page.context().close();
});

test('an MPP admin sets up the queue per counter and per service on tabs, never one long matrix', async () => {
  const page = await signIn(MPP_ADMIN, DEMO_PASSWORD);
  await openFromMenu(page, 'Pengaturan antrean', 'Pengaturan antrean');
  const counters = page.getByRole('list', { name: 'Daftar loket' });
  await counters.getByRole('button').first().waitFor();
  await checkScreen(page, 'staff', 'queue-per-counter', 2);

  await page.getByLabel('Cari loket atau instansi').fill('imigrasi');
  await counters.getByRole('button', { name: /Loket IMIGRASI 1/ }).click();
  const form = page.getByRole('form', { name: 'Loket IMIGRASI 1' });
  await form.getByLabel('Bobot Permohonan paspor baru (elektronik)').selectOption('4');
  await form.getByRole('button', { name: 'Simpan loket' }).click();
  await page.getByText('Tersimpan: Loket IMIGRASI 1').waitFor();

  await page.getByRole('tab', { name: 'Loket per layanan' }).click();
  await page.getByLabel('Cari layanan atau instansi').fill('paspor habis');
  await page.getByRole('list', { name: 'Daftar layanan' }).getByRole('button', { name: /Penggantian paspor habis berlaku/ }).click();
  await page.getByRole('heading', { name: 'Penggantian paspor habis berlaku' }).waitFor();
  await checkScreen(page, 'staff', 'queue-per-service', 2);

  await page.getByRole('tab', { name: 'Kuota harian' }).click();
  await page.getByLabel('Cari: Instansi').fill('samsat');
  await page.getByRole('row', { name: /Pembayaran Pajak Kendaraan/ }).first().waitFor();
  await checkScreen(page, 'staff', 'queue-quota', 2);
  for (const tab of ['Loket', 'Jam layanan', 'Kelas prioritas', 'Aturan antrean']) {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    await page.getByRole('tab', { name: tab, exact: true, selected: true }).waitFor();
    await checkScreen(page, 'staff', `queue-tab-${tab.toLowerCase().replace(/\s+/g, '-')}`, 2);
  }
  await page.context().close();
});

test('an MPP admin opens booking for a service on the rules screen, previews its slots and changes only what they changed', async () => {
  const page = await signIn(MPP_ADMIN, DEMO_PASSWORD);
  await openFromMenu(page, 'Aturan booking', 'Aturan booking');
  await page.getByLabel('Cari layanan atau instansi').fill('legalisasi');
  await page.getByRole('list', { name: 'Daftar layanan' }).getByRole('button', { name: /Legalisasi dokumen kependudukan/ }).click();
  const form = page.getByRole('form', { name: 'Legalisasi dokumen kependudukan' });
  await form.getByRole('checkbox', { name: /boleh booking/ }).check();
  await form.getByLabel('Panjang slot (menit)').fill('20');
  await form.getByRole('button', { name: 'Pratinjau slot' }).click();
  // Monday to Thursday 08:00-15:00 with a 12:00-13:00 break: 18 slots of 20 minutes.
  await form.getByRole('table', { name: 'Pratinjau slot' }).getByText(/18 slot: 08:00/).first().waitFor();
  await checkScreen(page, 'staff', 'booking-rules', 2);
  await form.getByRole('button', { name: 'Simpan aturan' }).click();
  await page.getByText('Tersimpan: Legalisasi dokumen kependudukan').waitFor();

  await page.getByRole('tab', { name: 'Aturan adil MPP' }).click();
  await page.getByLabel('Tidak hadir sebelum ditangguhkan').fill('5');
  await page.getByRole('button', { name: 'Simpan aturan' }).click();
  await page.getByText('Tersimpan', { exact: true }).waitFor();
  await checkScreen(page, 'staff', 'booking-fairness', 2);

  const headers = await apiLogin(server.url, MPP_ADMIN, DEMO_PASSWORD);
  const mpp = ((await (await fetch(`${server.url}/api/catalog/mpps`, { headers })).json()) as { id: string }[])[0]!;
  const services = (await (await fetch(`${server.url}/api/catalog/mpps/${mpp.id}/services`, { headers })).json()) as { id: string; code: string; name: string }[];
  const legal = services.find((s) => s.name === 'Legalisasi dokumen kependudukan')!;
  const settings = await (await fetch(`${server.url}/api/mpps/${mpp.id}/booking/services/${legal.id}/settings`, { headers })).json();
  assert.deepEqual(settings, { enabled: true, slotMinutes: 20, capacityPerSlot: 5, dailyQuota: null, bookAheadDays: 14, sameDayCutoffMinutes: 60, maxPerNikPerDay: 1, checkInEarlyMinutes: 30, checkInLateMinutes: 10, lateArrival: 'walk_in' });
  const fairness = await (await fetch(`${server.url}/api/mpps/${mpp.id}/booking/settings`, { headers })).json();
  assert.deepEqual(fairness, { maxActivePerNik: 3, noShowLimit: 5, noShowWindowDays: 60, suspensionDays: 30 });

  await page.context().close();

  // A citizen books it from the service's public page, on a phone, in 20-minute slots.
  const citizen = await (await newContext(browser, 'phone')).newPage();
  citizen.setDefaultTimeout(30_000);
  await citizen.goto(`${server.url}/mpp/mpp-demo-banyumas/layanan/${legal.code}`);
  await citizen.getByTestId('svc-book').click();
  await citizen.getByRole('heading', { name: 'Pilih jam' }).waitFor();
  const slot = citizen.locator('.slot:not([disabled])').first();
  const start = (await slot.locator('.time').textContent())!.trim();
  await slot.click();
  await citizen.getByLabel('NIK').fill('3302015505900001');
  await citizen.getByLabel('Nama lengkap').fill('Rina Wulandari');
  await citizen.getByLabel('Email (opsional jika ada ponsel)').fill('rina@contoh.id');
  await citizen.getByRole('button', { name: 'Booking sekarang' }).click();
  await citizen.getByRole('heading', { name: 'Booking berhasil' }).waitFor();
  const [h, m] = start.split(':').map(Number) as [number, number];
  const end = `${String(h + Math.floor((m + 20) / 60)).padStart(2, '0')}:${String((m + 20) % 60).padStart(2, '0')}`;
  await citizen.getByText(`${start}–${end}`, { exact: false }).first().waitFor();
  await screenshot(citizen, 'staff-booking-enabled-booked-phone');
  await citizen.context().close();
});

/** The screens the home lists for this person, by their link names. */
async function homeScreens(page: Page): Promise<string[]> {
  await page.getByRole('heading', { name: 'Layar Anda' }).waitFor();
  return page.locator('.home-screens a').allTextContents();
}

test("an officer's home shows their counters and only the screens an officer can use", async () => {
  const page = await signIn(OFFICER, DEMO_PASSWORD);
  await page.getByRole('heading', { name: 'Loket Anda' }).waitFor();
  await page.getByText(/Anda bekerja di MPP Satria Banyumas \(demo\) \(WIB\) sebagai Petugas/).waitFor();
  await page.getByRole('link', { name: 'Loket 1 · Loket DUKCAPIL 1' }).waitFor();
  const screens = await homeScreens(page);
  assert.ok(screens.includes('Konsol loket'));
  for (const hidden of ['Pengaturan antrean', 'Aturan booking', 'Pengguna', 'Daftar MPP']) assert.ok(!screens.includes(hidden), `an officer is offered ${hidden}`);
  await checkScreen(page, 'staff', 'home-officer', 2);
  await page.locator('.home-screens').getByRole('link', { name: 'Konsol loket' }).click();
  await page.waitForURL(/\/staf\/loket/);
  await page.context().close();
});

test('an MPP admin finds a counter among all 45 by its agency and opens its console', async () => {
  const page = await signIn(MPP_ADMIN, DEMO_PASSWORD);
  await page.getByRole('navigation', { name: 'Menu petugas' }).getByRole('link', { name: 'Konsol loket', exact: true }).click();
  await page.getByRole('heading', { name: 'Pilih loket' }).waitFor();
  await page.getByLabel('Cari loket atau instansi').waitFor(); // shown once the counters have loaded
  const all = await page.locator('.console-counters button').count();
  assert.ok(all >= 40, `the chooser lists every counter of the hall (${all})`);
  await page.getByLabel('Cari loket atau instansi').fill('kependudukan');
  const dukcapil = page.getByRole('region', { name: 'Dinas Kependudukan dan Pencatatan Sipil' });
  await dukcapil.waitFor();
  assert.equal(await page.locator('.console-counter-group').count(), 1, 'only the matching agency is left');
  assert.equal(await dukcapil.getByRole('button').count(), 3);
  await dukcapil.getByRole('button', { name: /Loket DUKCAPIL 2/ }).click();
  await page.getByRole('heading', { name: /Loket DUKCAPIL 2/ }).waitFor();
  await page.context().close();
});

test("an agency admin's home leads to the queue set-up and booking rules of their own agency only", async () => {
  const page = await signIn(TENANT_ADMIN, DEMO_PASSWORD);
  await page.getByRole('heading', { name: 'Hari ini' }).waitFor();
  const screens = await homeScreens(page);
  for (const shown of ['Pengaturan antrean', 'Aturan booking', 'Pengguna']) assert.ok(screens.includes(shown), `an agency admin misses ${shown}`);
  assert.ok(!screens.includes('Daftar MPP'));
  await checkScreen(page, 'staff', 'home-tenant-admin', 2);

  await page.locator('.home-screens').getByRole('link', { name: 'Pengaturan antrean' }).click();
  await page.getByRole('heading', { name: 'Pengaturan antrean', level: 1 }).waitFor();
  const counters = page.getByRole('list', { name: 'Daftar loket' });
  await counters.getByRole('button').first().waitFor();
  assert.deepEqual(await counters.locator('.master-label').allTextContents(), ['Loket 1 · Loket DUKCAPIL 1', 'Loket 2 · Loket DUKCAPIL 2', 'Loket 3 · Loket DUKCAPIL 3']);
  const tabs = await page.getByRole('tab').allTextContents();
  assert.ok(!tabs.includes('Kelas prioritas') && !tabs.includes('Aturan antrean'), `agency admin sees MPP-wide tabs: ${tabs.join(', ')}`);
  await checkScreen(page, 'staff', 'queue-tenant-admin', 2);

  await openFromMenu(page, 'Aturan booking', 'Aturan booking');
  const services = page.getByRole('list', { name: 'Daftar layanan' });
  await services.getByRole('button').first().waitFor();
  const agencies = new Set((await services.locator('.master-sub').allTextContents()).map((s) => s.split(' · ')[0]));
  assert.deepEqual([...agencies], ['Dinas Kependudukan dan Pencatatan Sipil']);
  assert.equal(await page.getByRole('tab', { name: 'Aturan adil MPP' }).count(), 0);
  await page.context().close();
});

test("a national admin's home names the MPP being worked on and offers every national screen", async () => {
  const page = await signIn(ADMIN.email, ADMIN.password);
  await page.getByText(/Anda bekerja di .+ sebagai Admin Nasional/).waitFor();
  const screens = await homeScreens(page);
  for (const shown of ['Daftar MPP', 'Ringkasan nasional', 'Pengaturan antrean', 'Aturan booking', 'Perangkat']) assert.ok(screens.includes(shown), `a national admin misses ${shown}`);
  await page.locator('.home-screens').getByRole('link', { name: 'Daftar MPP' }).click();
  await page.getByRole('heading', { name: 'Daftar MPP', level: 1 }).waitFor();
  await page.context().close();
});

test('every screen in the menu, and every tab on it, fits a 1366x768 console: no sideways scroll, a few screens tall, no raw id', async () => {
  const problems: string[] = [];
  for (const [who, password] of [[MPP_ADMIN, DEMO_PASSWORD], [ADMIN.email, ADMIN.password]] as const) {
    const page = await signIn(who, password);
    // The console's counter chooser shows an MPP admin all 45 counters, grouped by agency in columns.
    const walk = await walkStaffMenu(page, 'staff', who.split('@')[0]!, 4);
    problems.push(...walk.problems);
    assert.ok(walk.visited.some((v) => v.startsWith('Pengaturan antrean › ')), `${who} walked the set-up tabs: ${walk.visited.join(', ')}`);
    await page.context().close();
  }
  assert.deepEqual(problems, []);
});

test('the pages reached from a list (a complaint, a service of the catalog) fit too, with no raw id', async () => {
  const headers = await apiLogin(server.url, MPP_ADMIN, DEMO_PASSWORD);
  const mpp = ((await (await fetch(`${server.url}/api/catalog/mpps`, { headers })).json()) as { id: string }[])[0]!;
  // The demo has no complaint yet: a citizen files one, as the public form does.
  const filed = await fetch(`${server.url}/api/mpps/${mpp.id}/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ class: 'pengaduan', subjectType: 'facility', subjectDetail: 'Ruang laktasi', description: 'Ruang laktasi terkunci sejak pagi, tidak ada petugas yang memegang kunci.' }),
  });
  const answer = await filed.text();
  assert.equal(filed.status, 201, answer);
  const { trackingCode } = JSON.parse(answer) as { trackingCode: string };
  const page = await signIn(MPP_ADMIN, DEMO_PASSWORD);
  const problems: string[] = [];
  const check = async (name: string, screens: number) => {
    try {
      await checkScreen(page, 'staff', name, screens);
    } catch (e) {
      problems.push((e as Error).message);
    }
  };
  await openFromMenu(page, 'Pengaduan', 'Pengaduan');
  await page.getByRole('link', { name: trackingCode }).click();
  await page.getByRole('heading', { name: new RegExp(`Pengaduan ${trackingCode}`), level: 1 }).waitFor();
  await check('complaint-detail', 3);
  await openFromMenu(page, 'Katalog layanan', 'Katalog layanan');
  await page.getByRole('tab', { name: 'Layanan', exact: true }).click();
  await page.getByLabel('Saring layanan').fill('legalisasi dokumen');
  await page.getByRole('link', { name: 'Legalisasi dokumen kependudukan' }).first().click();
  await page.getByRole('heading', { name: /Ubah layanan: Legalisasi dokumen kependudukan/, level: 1 }).waitFor();
  // All 14 components of the Standar Pelayanan on one form: the longest set-up page.
  await check('service-editor', 4);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the set-up screens do not scroll sideways on a 360 px phone either', async () => {
  const context = await newContext(browser, 'phone');
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  await loginUi(page, server.url, MPP_ADMIN, DEMO_PASSWORD);
  const problems: string[] = [];
  for (const [path, tabs] of [['/staf/antrean', ['Layanan per loket', 'Loket per layanan', 'Loket', 'Kuota harian', 'Jam layanan', 'Kelas prioritas', 'Aturan antrean']], ['/staf/aturan-booking', ['Per layanan', 'Aturan adil MPP']], ['/staf', []]] as const) {
    await page.goto(`${server.url}${path}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    for (const tab of tabs.length ? tabs : ['']) {
      if (tab) await page.getByRole('tab', { name: tab, exact: true }).click();
      await page.waitForTimeout(800);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) problems.push(`${path} ${tab}: ${overflow}px sideways`);
    }
  }
  await screenshot(page, 'staff-home-phone');
  assert.deepEqual(problems, []);
  await context.close();
});

test('an MPP admin adds an officer on the Users page, is told in Bahasa Indonesia when the email is taken, and disables the account', async () => {
  const page = await signIn(MPP_ADMIN, DEMO_PASSWORD);
  await openFromMenu(page, 'Pengguna', 'Pengguna');
  const form = page.locator('form', { has: page.getByRole('button', { name: 'Buat akun' }) });
  const fill = async () => {
    await form.getByLabel('Nama').fill('Petugas Uji E2E');
    await form.getByLabel('Email').fill('petugas.uji@e2e.layan');
    await form.getByLabel('Kata sandi sementara').fill('sementara-123');
    await form.getByLabel('Instansi', { exact: true }).selectOption({ label: 'Dinas Kependudukan dan Pencatatan Sipil' });
  };
  await fill();
  await form.getByRole('button', { name: 'Buat akun' }).click();
  await page.getByRole('status').getByText('Akun Petugas Uji E2E dibuat.', { exact: false }).waitFor();
  // The list is refetched after the write: the new account is there, as an officer of its agency.
  const row = page.getByRole('row', { name: /petugas\.uji@e2e\.layan/ });
  await row.getByRole('cell', { name: /Petugas · Dinas Kependudukan/ }).waitFor();
  await page.getByLabel('Cari nama atau email').fill('petugas.uji');
  await page.waitForFunction(() => document.querySelectorAll('table.data tbody tr').length === 1);

  // The same email again: the server's problem, in Bahasa Indonesia, in the page's alert.
  await fill();
  await form.getByRole('button', { name: 'Buat akun' }).click();
  await page.getByRole('alert').getByText('Email ini sudah dipakai akun lain.').waitFor();
  await screenshot(page, 'staff-users-email-taken');

  await row.getByRole('button', { name: 'Nonaktifkan' }).click();
  await row.getByRole('cell', { name: 'Nonaktif', exact: true }).waitFor();
  assert.equal(await page.getByRole('alert').count(), 0, 'a successful write clears the earlier refusal');
  await screenshot(page, 'staff-users-disabled');
  await page.context().close();
});
