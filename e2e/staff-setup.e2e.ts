import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ADMIN, apiLogin, checkScreen, launchBrowser, newContext, openFromMenu, screenshot, staffMenu, staffSignIn, startServer, walkStaffMenu, widthShare, type RunningServer } from './support.js';

// Setting up an MPP entirely through the staff screens, on the full demo at a 1366x768 console: a new
// MPP from nothing to a citizen's booking, the hours and rules where the queue is set up, the audit log
// of what was done, the guards on accounts, and every menu screen as an agency admin and an officer
// (e2e/staff.e2e.ts walks the menus as an MPP admin and a national admin).
const DEMO_PASSWORD = 'Demo-Layan-2026';
const MPP_ADMIN = 'admin.banyumas@demo.layan.id';
const TENANT_ADMIN = 'admin.dukcapil@demo.layan.id';
const OFFICER = 'petugas.dukcapil@demo.layan.id';

const NEW_MPP = 'MPP Kabupaten Gianyar';
const NEW_SLUG = 'mpp-kabupaten-gianyar';
const NEW_AGENCY = 'Dinas Penanaman Modal dan PTSP Gianyar';
const NEW_SERVICE = 'Izin usaha penginapan pondok wisata';

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

/** Chooses the MPP every staff page works on, from the MPP list, as a national admin does. */
async function workOn(page: Page, search: string, name: string): Promise<void> {
  await openFromMenu(page, 'Daftar MPP', 'Daftar MPP');
  await page.getByLabel('Cari MPP, kabupaten/kota atau provinsi').fill(search);
  const row = page.getByRole('row', { name: new RegExp(name) });
  await row.waitFor();
  if (!(await row.getByText('Sedang dikerjakan').isVisible())) await row.getByRole('button', { name: 'Kerjakan MPP ini' }).click();
  await page.locator('.mpp-switcher > button', { hasText: name }).waitFor();
}

async function mppsOf(headers: Record<string, string>) {
  return (await (await fetch(`${server.url}/api/catalog/mpps`, { headers })).json()) as { id: string; name: string; slug: string; address: string; timezone: string; weeklyHours: Record<string, { opens: string; closes: string; breaks: unknown[] }> }[];
}

test('a national admin sets up a new MPP through the screens alone, and a citizen books its service', async () => {
  const page = await signIn(ADMIN.email, ADMIN.password);

  // 1. The MPP, its region chosen by name; the zone follows the region (Bali: WITA).
  await openFromMenu(page, 'Daftar MPP', 'Daftar MPP');
  await page.getByRole('tab', { name: 'Tambah MPP' }).click();
  await page.getByLabel('Nama MPP').fill(NEW_MPP);
  await page.getByLabel('Provinsi', { exact: true }).selectOption({ label: 'Bali' });
  await page.getByLabel('Cari: Kabupaten/kota').fill('gianyar');
  assert.equal(await page.getByLabel('Kabupaten/kota', { exact: true }).inputValue(), '51.04');
  assert.equal(await page.getByLabel('Zona waktu (mengikuti wilayah)').inputValue(), 'Asia/Makassar');
  await page.getByLabel('Alamat', { exact: true }).fill('Jl. Ciung Wanara No. 1, Gianyar');
  await page.getByLabel('Langsung tampil di direktori publik').check();
  await page.getByRole('button', { name: 'Buat MPP' }).click();
  await page.getByRole('heading', { name: `MPP dibuat: ${NEW_MPP}` }).waitFor();
  await page.locator('.mpp-switcher > button', { hasText: NEW_MPP }).waitFor();
  await checkScreen(page, 'setup', 'new-mpp-created');

  // 2. An agency, from the next-steps list.
  await page.getByRole('link', { name: 'Tambah instansi' }).click();
  await page.getByRole('tab', { name: 'Instansi', selected: true }).waitFor();
  // A new MPP has none yet: the form to add one is what the tab shows.
  const addAgency = page.getByRole('form', { name: 'Tambah instansi' });
  await addAgency.getByLabel('Nama').fill(NEW_AGENCY);
  await addAgency.getByLabel('Kode').fill('DPMPTSP');
  await addAgency.getByRole('button', { name: 'Tambah', exact: true }).click();
  await page.getByRole('list', { name: 'Daftar instansi' }).getByRole('button', { name: new RegExp(NEW_AGENCY) }).waitFor();
  await page.getByRole('heading', { name: NEW_AGENCY, level: 2 }).waitFor();
  await checkScreen(page, 'setup', 'new-mpp-agency', 2);

  // 3. A service of that agency, offered online.
  await page.getByRole('tab', { name: 'Layanan', exact: true }).click();
  await page.getByRole('link', { name: '+ Layanan baru' }).click();
  await page.getByRole('heading', { name: 'Layanan baru', level: 1 }).waitFor();
  await page.getByLabel('Nama layanan').fill(NEW_SERVICE);
  await page.getByLabel('Kode', { exact: true }).fill('IZIN-PONDOK');
  assert.equal(await page.locator('#svc-tenant option:checked').textContent(), NEW_AGENCY);
  await page.getByLabel('Daring').check();
  await page.getByLabel('Deskripsi').fill('Izin usaha untuk pondok wisata (homestay) milik warga.');
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await page.getByText('Tersimpan sebagai versi 1.', { exact: false }).waitFor();

  // 4. A counter for the agency, calling that service, in the queue set-up.
  await openFromMenu(page, 'Pengaturan antrean', 'Pengaturan antrean');
  await page.getByRole('tab', { name: 'Loket', exact: true }).click();
  await page.getByRole('button', { name: '+ Loket baru' }).click();
  const counter = page.getByRole('form', { name: 'Loket baru' });
  assert.equal(await counter.getByLabel('Nomor loket').inputValue(), '1');
  await counter.getByLabel('Nama loket').fill('Loket DPMPTSP 1');
  await counter.getByLabel('Instansi', { exact: true }).selectOption({ label: NEW_AGENCY });
  await counter.getByRole('button', { name: 'Tambah loket' }).click();
  await page.getByRole('list', { name: 'Daftar loket' }).getByRole('button', { name: /Loket DPMPTSP 1/ }).waitFor();
  await page.getByRole('tab', { name: 'Layanan per loket', exact: true }).click();
  const calls = page.getByRole('form', { name: 'Loket DPMPTSP 1' });
  await calls.getByRole('checkbox', { name: new RegExp(NEW_SERVICE) }).check();
  await calls.getByRole('button', { name: 'Simpan loket' }).click();
  await page.getByText('Tersimpan: Loket DPMPTSP 1').waitFor();
  await checkScreen(page, 'setup', 'new-mpp-counter', 2);

  // 5. Booking opened for it on the rules screen, with a preview of the slots the hours give.
  await openFromMenu(page, 'Aturan booking', 'Aturan booking');
  await page.getByRole('list', { name: 'Daftar layanan' }).getByRole('button', { name: new RegExp(NEW_SERVICE) }).click();
  const form = page.getByRole('form', { name: NEW_SERVICE });
  await form.getByRole('checkbox', { name: /boleh booking/ }).check();
  await form.getByLabel('Panjang slot (menit)').fill('30');
  await form.getByRole('button', { name: 'Pratinjau slot' }).click();
  // The hours every new MPP starts with: Monday to Thursday 08:00-15:00 with a 12:00-13:00 break.
  await form.getByRole('table', { name: 'Pratinjau slot' }).getByText(/12 slot: 08:00/).first().waitFor();
  await form.getByRole('button', { name: 'Simpan aturan' }).click();
  await page.getByText(`Tersimpan: ${NEW_SERVICE}`).waitFor();
  await checkScreen(page, 'setup', 'new-mpp-booking-rules', 2);
  await page.context().close();

  // 6. A citizen finds it from the home page on a phone and books it.
  const citizen = await (await newContext(browser, 'phone')).newPage();
  citizen.setDefaultTimeout(30_000);
  await citizen.goto(server.url);
  await citizen.getByLabel('Cari layanan').fill('pondok wisata');
  await citizen.getByRole('button', { name: 'Cari' }).click();
  await citizen.getByRole('link', { name: NEW_SERVICE }).click();
  await citizen.getByRole('heading', { name: NEW_SERVICE }).waitFor();
  await citizen.getByTestId('svc-book').click();
  await citizen.getByRole('heading', { name: 'Pilih jam' }).waitFor();
  const slot = citizen.locator('.slot:not([disabled])').first();
  const start = (await slot.locator('.time').textContent())!.trim();
  await slot.click();
  await citizen.getByLabel('NIK').fill('5104015505900002');
  await citizen.getByLabel('Nama lengkap').fill('Ni Made Ayu Lestari');
  await citizen.getByLabel('Email (opsional jika ada ponsel)').fill('ayu@contoh.id');
  await citizen.getByRole('button', { name: 'Booking sekarang' }).click();
  await citizen.getByRole('heading', { name: 'Booking berhasil' }).waitFor();
  const [h, m] = start.split(':').map(Number) as [number, number];
  const end = `${String(h + Math.floor((m + 30) / 60)).padStart(2, '0')}:${String((m + 30) % 60).padStart(2, '0')}`;
  await citizen.getByText(`${start}–${end}`, { exact: false }).first().waitFor();
  await citizen.getByText(NEW_MPP, { exact: false }).first().waitFor();
  await screenshot(citizen, 'setup-new-mpp-booked-phone');
  await citizen.context().close();

  const headers = await apiLogin(server.url, ADMIN.email, ADMIN.password);
  const created = (await mppsOf(headers)).find((x) => x.name === NEW_MPP)!;
  assert.deepEqual([created.slug, created.timezone], [NEW_SLUG, 'Asia/Makassar']);
});

test("a national admin edits the new MPP's profile and its service: each form changes only what was changed", async () => {
  const page = await signIn(ADMIN.email, ADMIN.password);
  await openFromMenu(page, 'Daftar MPP', 'Daftar MPP');
  await page.getByLabel('Cari MPP, kabupaten/kota atau provinsi').fill('gianyar');
  await page.getByRole('row', { name: new RegExp(NEW_MPP) }).getByRole('button', { name: 'Ubah profil' }).click();
  await page.getByRole('tab', { name: 'Profil & jam layanan', selected: true }).waitFor();
  await page.locator('.mpp-switcher > button', { hasText: NEW_MPP }).waitFor();
  // The choice of MPP is remembered: a reload keeps working on it.
  await page.reload();
  await page.locator('.mpp-switcher > button', { hasText: NEW_MPP }).waitFor();
  await page.getByLabel('Kapasitas ruang tunggu').fill('120');

  const headers = await apiLogin(server.url, ADMIN.email, ADMIN.password);
  const mppId = (await mppsOf(headers)).find((x) => x.name === NEW_MPP)!.id;
  // Meanwhile someone else writes the Maklumat.
  const maklumat = 'Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan.';
  assert.equal((await fetch(`${server.url}/api/catalog/mpps/${mppId}`, { method: 'PATCH', headers, body: JSON.stringify({ maklumat }) })).status, 200);
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await page.getByRole('status').getByText('Tersimpan.').waitFor();
  const profile = (await (await fetch(`${server.url}/api/catalog/mpps/${mppId}`, { headers })).json()) as { waitingCapacity: number; maklumat: string };
  assert.deepEqual([profile.waitingCapacity, profile.maklumat], [120, maklumat]);
  assert.equal(await page.getByLabel('Maklumat Pelayanan').inputValue(), maklumat, 'the form now shows the Maklumat written meanwhile');

  // The service's standard: the form sends the description it changed; a fee set meanwhile stays.
  await page.getByRole('tab', { name: 'Layanan', exact: true }).click();
  await page.getByRole('link', { name: NEW_SERVICE }).click();
  await page.getByRole('heading', { name: `Ubah layanan: ${NEW_SERVICE}` }).waitFor();
  await page.getByLabel('Deskripsi').fill('Izin usaha pondok wisata (homestay) milik warga, diterbitkan oleh DPMPTSP.');
  const service = ((await (await fetch(`${server.url}/api/catalog/mpps/${mppId}/services`, { headers })).json()) as { id: string; name: string }[]).find((x) => x.name === NEW_SERVICE)!;
  assert.equal((await fetch(`${server.url}/api/catalog/mpps/${mppId}/services/${service.id}`, { method: 'PATCH', headers, body: JSON.stringify({ feeRupiah: 50000 }) })).status, 200);
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await page.getByText('Tersimpan sebagai versi 3.', { exact: false }).waitFor();
  const saved = (await (await fetch(`${server.url}/api/catalog/mpps/${mppId}/services/${service.id}`, { headers })).json()) as { feeRupiah: number; description: string };
  assert.deepEqual([saved.feeRupiah, saved.description], [50000, 'Izin usaha pondok wisata (homestay) milik warga, diterbitkan oleh DPMPTSP.']);
  // All 14 components of the Standar Pelayanan on one form: the longest set-up page, still under 4 screens.
  await checkScreen(page, 'setup', 'new-mpp-service-edit', 4);
  // Switching MPP in the top bar while a service is open leads to the other MPP's services, not a stale form.
  await page.locator('.mpp-switcher > button').click();
  await page.getByLabel('Cari MPP', { exact: true }).fill('banyumas');
  await page.getByRole('list', { name: 'Daftar MPP' }).getByRole('button', { name: /MPP Satria Banyumas/ }).click();
  await page.getByRole('tab', { name: 'Layanan', selected: true }).waitFor();
  await page.getByText('159 / 159 layanan', { exact: true }).waitFor();
  await page.context().close();
});

test('the audit log of the new MPP names each action in words, in WITA, filtered on the server, linking to what changed', async () => {
  const page = await signIn(ADMIN.email, ADMIN.password);
  await workOn(page, 'gianyar', NEW_MPP);
  await openFromMenu(page, 'Log audit', 'Log audit');
  await page.getByRole('columnheader', { name: 'Waktu (WITA)' }).waitFor();
  const row = page.getByRole('row', { name: /Layanan ditambahkan/ });
  await row.waitFor();
  // The time is the MPP's (WITA), whatever zone the browser is in.
  const headers = await apiLogin(server.url, ADMIN.email, ADMIN.password);
  const mppId = (await mppsOf(headers)).find((x) => x.name === NEW_MPP)!.id;
  const log = (await (await fetch(`${server.url}/api/audit?mppId=${mppId}&action=service.created`, { headers })).json()) as { entries: { at: string }[] };
  const expected = new Intl.DateTimeFormat('id-ID', { timeZone: 'Asia/Makassar', dateStyle: 'medium', timeStyle: 'short' }).format(new Date(log.entries[0]!.at));
  assert.equal((await row.getByRole('cell').first().textContent())?.trim(), expected);
  for (const words of ['MPP ditambahkan', 'Instansi ditambahkan', 'Aturan booking layanan diubah']) await page.getByRole('cell', { name: words, exact: true }).first().waitFor();
  await checkScreen(page, 'setup', 'audit-new-mpp', 2);

  // The action filter is applied by the server, not by hiding rows.
  const asked = page.waitForRequest((r) => r.url().includes('/api/audit?') && r.url().includes('action=tenant.created'));
  await page.getByLabel('Tindakan', { exact: true }).selectOption({ label: 'Instansi ditambahkan' });
  await asked;
  await page.getByRole('row', { name: /Layanan ditambahkan/ }).waitFor({ state: 'detached' });
  assert.equal(await page.locator('.audit-table > tbody > tr').count(), 1, 'one entry (the change tables inside entries are not entries)');
  await page.getByRole('link', { name: `Instansi: ${NEW_AGENCY}` }).click();
  await page.getByRole('heading', { name: 'Katalog layanan', level: 1 }).waitFor();
  await page.getByRole('tab', { name: 'Instansi', selected: true }).waitFor();
  await page.getByRole('list', { name: 'Daftar instansi' }).getByRole('button', { name: new RegExp(NEW_AGENCY) }).waitFor();
  await page.context().close();
});

test('an MPP admin edits the opening hours where the queue is set up, changing only the hours', async () => {
  const headers = await apiLogin(server.url, MPP_ADMIN, DEMO_PASSWORD);
  const mpp = (await mppsOf(headers))[0]!;
  assert.equal(mpp.weeklyHours['7'], undefined, 'the demo MPP is closed on Sundays');
  const page = await signIn(MPP_ADMIN, DEMO_PASSWORD);
  await openFromMenu(page, 'Pengaturan antrean', 'Pengaturan antrean');
  await page.getByRole('tab', { name: 'Jam layanan', exact: true }).click();
  const hours = page.getByRole('form', { name: 'Jam layanan mingguan' });
  // A Sunday morning service during the car-free day.
  await hours.getByRole('checkbox', { name: 'Minggu' }).check();
  await hours.getByLabel('Minggu buka').fill('07:00');
  await hours.getByLabel('Minggu tutup').fill('11:00');
  await checkScreen(page, 'setup', 'queue-hours-edit', 2);
  // Meanwhile another admin changes the address in the catalog profile.
  const other = await fetch(`${server.url}/api/catalog/mpps/${mpp.id}`, { method: 'PATCH', headers, body: JSON.stringify({ address: 'Jl. Jenderal Soedirman 1, Purwokerto' }) });
  assert.equal(other.status, 200, await other.text());
  await hours.getByRole('button', { name: 'Simpan jam layanan' }).click();
  await page.getByText('Tersimpan: Jam layanan').waitFor();
  const after = (await mppsOf(headers)).find((x) => x.id === mpp.id)!;
  assert.deepEqual(after.weeklyHours['7'], { opens: '07:00', closes: '11:00', breaks: [] });
  assert.deepEqual(after.weeklyHours['1'], mpp.weeklyHours['1']);
  assert.equal(after.address, 'Jl. Jenderal Soedirman 1, Purwokerto', 'saving the hours kept the other admin\'s address');

  // Queue rules: the form sends the one rule changed; another admin's capacity stays.
  await page.getByRole('tab', { name: 'Aturan antrean', exact: true }).click();
  await page.getByLabel('Panggil ulang paling banyak').fill('4');
  const put = await fetch(`${server.url}/api/mpps/${mpp.id}/queue/settings`, { method: 'PUT', headers, body: JSON.stringify({ waitingRoomCapacity: 150 }) });
  assert.equal(put.status, 200, await put.text());
  await page.getByRole('button', { name: 'Simpan aturan' }).click();
  await page.getByText('Tersimpan: Aturan antrean').waitFor();
  const rules = await (await fetch(`${server.url}/api/mpps/${mpp.id}/queue/settings`, { headers })).json();
  assert.deepEqual(rules, { maxRecalls: 4, waitingRoomCapacity: 150, defaultServiceMinutes: 6 });
  assert.equal(await page.getByLabel('Kapasitas ruang tunggu (kosong = tanpa batas)').inputValue(), '150', 'the form now shows the capacity the other admin set');
  // The target wait the service floor and the statistics measure against sits with the queue rules.
  const target = page.getByRole('form', { name: 'Target waktu tunggu' });
  await target.getByLabel(/Dipanggil paling lama/).fill('20');
  await checkScreen(page, 'setup', 'queue-rules-target', 2);
  await target.getByRole('button', { name: 'Simpan target' }).click();
  await page.getByText('Tersimpan: Target waktu tunggu').waitFor();
  assert.deepEqual(await (await fetch(`${server.url}/api/mpps/${mpp.id}/operations/settings`, { headers })).json(), { targetWaitMinutes: 20 });
  await page.context().close();

  // An agency admin reads the hours there and is told who sets them.
  const agency = await signIn(TENANT_ADMIN, DEMO_PASSWORD);
  await openFromMenu(agency, 'Pengaturan antrean', 'Pengaturan antrean');
  await agency.getByRole('tab', { name: 'Jam layanan', exact: true }).click();
  await agency.getByRole('table', { name: 'Jam layanan mingguan' }).getByRole('row', { name: /Minggu 07:00 11:00/ }).waitFor();
  await agency.getByText('Jam layanan diatur oleh admin MPP.').waitFor();
  assert.equal(await agency.getByRole('button', { name: 'Simpan jam layanan' }).count(), 0);
  await agency.context().close();
});

test('the Users page says why an account cannot be disabled: one\'s own, or the last MPP admin', async () => {
  const admin = await signIn(MPP_ADMIN, DEMO_PASSWORD);
  await openFromMenu(admin, 'Pengguna', 'Pengguna');
  const own = admin.getByRole('row', { name: /\(Anda\).*admin\.banyumas@demo\.layan\.id/ });
  assert.ok(await own.getByRole('button', { name: 'Nonaktifkan' }).isDisabled());
  await own.getByText('Akun Anda sendiri: minta admin lain menonaktifkannya.').waitFor();
  await checkScreen(admin, 'setup', 'users-own-account', 3);
  // Roles by name, and only those an MPP admin may give.
  const newUser = admin.locator('form').filter({ has: admin.getByRole('button', { name: 'Buat akun' }) });
  assert.deepEqual(await newUser.getByLabel('Peran').locator('option').allTextContents(), ['Petugas', 'Admin Instansi', 'Admin MPP']);
  await admin.context().close();

  // An agency admin may only add officers, of their own agency.
  const agency = await signIn(TENANT_ADMIN, DEMO_PASSWORD);
  await openFromMenu(agency, 'Pengguna', 'Pengguna');
  const form = agency.locator('form').filter({ has: agency.getByRole('button', { name: 'Buat akun' }) });
  assert.deepEqual(await form.getByLabel('Peran').locator('option').allTextContents(), ['Petugas']);
  // The agencies arrive after the form shows (their own query): wait for the first one, then read the whole list.
  const agencies = form.getByLabel('Instansi', { exact: true }).locator('option');
  await agencies.nth(1).waitFor({ state: 'attached' });
  assert.deepEqual(await agencies.allTextContents(), ['— pilih instansi —', 'Dinas Kependudukan dan Pencatatan Sipil']);
  await agency.context().close();

  // The national admin, on the same MPP, sees that this is its last MPP admin...
  const page = await signIn(ADMIN.email, ADMIN.password);
  await workOn(page, 'banyumas', 'MPP Satria Banyumas');
  await openFromMenu(page, 'Pengguna', 'Pengguna');
  const last = page.getByRole('row', { name: /admin\.banyumas@demo\.layan\.id/ });
  await last.getByText('Admin MPP aktif terakhir: tambahkan admin lain dulu.').waitFor();
  assert.ok(await last.getByRole('button', { name: 'Nonaktifkan' }).isDisabled());
  await last.getByRole('button', { name: 'Peran' }).click();
  await page.locator('.roles-editor').getByText('Admin MPP aktif terakhir: tambahkan admin lain sebelum mencabut peran ini.').waitFor();
  assert.equal(await page.locator('.roles-editor').getByRole('button', { name: 'Cabut' }).count(), 0);
  await checkScreen(page, 'setup', 'users-last-admin', 3);

  // ...adds a second one on the same screen, and then may disable the first.
  await page.getByLabel('Nama', { exact: true }).fill('Admin Kedua Banyumas');
  await page.getByLabel('Email', { exact: true }).fill('admin2.banyumas@e2e.layan');
  await page.getByLabel('Kata sandi sementara').fill('sementara-12345');
  await page.locator('form').filter({ has: page.getByRole('button', { name: 'Buat akun' }) }).getByLabel('Peran').selectOption({ label: 'Admin MPP' });
  await page.getByRole('button', { name: 'Buat akun' }).click();
  await page.getByRole('row', { name: /Admin Kedua Banyumas/ }).waitFor();
  await last.getByRole('button', { name: 'Nonaktifkan' }).and(page.locator(':enabled')).waitFor();
  assert.equal(await last.getByText('Admin MPP aktif terakhir', { exact: false }).count(), 0);
  await page.context().close();
});

test('every menu screen and tab, as an agency admin and as an officer, fits a 1366x768 console with no raw id and no "?mpp="', async () => {
  const problems: string[] = [];
  const visited: string[] = [];
  for (const who of [TENANT_ADMIN, OFFICER]) {
    const page = await signIn(who, DEMO_PASSWORD);
    const links = await staffMenu(page).getByRole('link').allTextContents();
    assert.ok(links.length >= (who === OFFICER ? 5 : 10), `${who} has ${links.length} menu screens`);
    const walk = await walkStaffMenu(page, 'setup', who.split('@')[0]!, 3);
    problems.push(...walk.problems);
    visited.push(...walk.visited.map((v) => `${who.split('@')[0]}: ${v}`));
    await page.context().close();
  }
  assert.deepEqual(problems, []);
  assert.ok(visited.some((v) => v.startsWith('petugas') && v.endsWith('Konsol loket')));
  assert.ok(visited.some((v) => v.startsWith('admin.dukcapil: Pengaturan antrean › ')), 'the agency admin walked the set-up tabs');
});

test("an MPP admin's home shows today at a glance and what is past its time, each leading to its screen", async () => {
  const headers = await apiLogin(server.url, MPP_ADMIN, DEMO_PASSWORD);
  const mpp = (await mppsOf(headers))[0]!;
  const agreements = (await (await fetch(`${server.url}/api/catalog/mpps/${mpp.id}/agreements`, { headers })).json()) as { expiry: string }[];
  const ending = agreements.filter((a) => a.expiry === 'expiring').length;
  assert.ok(ending > 0, 'the demo has agreements ending soon');
  const page = await signIn(MPP_ADMIN, DEMO_PASSWORD);
  await page.getByRole('heading', { name: 'Hari ini' }).waitFor();
  await page.getByText(/\d+ loket buka, \d+ jeda, \d+ tutup dari 4\d loket\./).waitFor();
  await page.getByRole('heading', { name: 'Perlu tindakan' }).waitFor();
  const link = page.getByRole('link', { name: `${ending} MoU/PKS segera berakhir` });
  await link.waitFor();
  await checkScreen(page, 'setup', 'home-mpp-admin', 2);
  await link.click();
  await page.getByRole('tab', { name: 'Instansi', selected: true }).waitFor();
  const agencies = page.getByRole('list', { name: 'Daftar instansi' });
  const flagged = agencies.getByRole('button', { name: /PKS segera berakhir/ });
  await flagged.first().waitFor(); // the agreements arrive in one answer
  assert.equal(await flagged.count(), ending);
  // The admin extends one of them right there, on the agency's page.
  await page.getByLabel('Cari instansi atau kode').fill('segera berakhir');
  await flagged.first().click();
  const pks = page.locator('.agreements-edit form').filter({ hasText: 'segera berakhir' });
  await pks.getByLabel('Berlaku sampai').fill('2028-12-31');
  await checkScreen(page, 'setup', 'agreement-extend', 2);
  await pks.getByRole('button', { name: 'Simpan' }).click();
  await page.waitForFunction((n) => [...document.querySelectorAll('[aria-label="Daftar instansi"] button')].filter((b) => b.textContent?.includes('PKS segera berakhir')).length === n, ending - 1);
  assert.equal(await page.locator('.agreements-edit form').filter({ hasText: 'segera berakhir' }).count(), 0);
  await page.context().close();
});

test('every tab of the catalog and the set-up screens fits a few 1366x768 screens for an MPP admin', async () => {
  const page = await signIn(MPP_ADMIN, DEMO_PASSWORD);
  const problems: string[] = [];
  for (const [link, tabs] of [
    ['Katalog layanan', ['Layanan', 'Instansi', 'Loket', 'Profil & jam layanan', 'Impor/ekspor']],
    ['Pengaturan antrean', ['Layanan per loket', 'Loket per layanan', 'Loket', 'Kuota harian', 'Jam layanan', 'Kelas prioritas', 'Aturan antrean', 'Alasan jeda']],
    ['Aturan booking', ['Per layanan', 'Aturan adil MPP']],
  ] as const) {
    await staffMenu(page).getByRole('link', { name: link, exact: true }).click();
    await page.getByRole('heading', { name: link, level: 1 }).waitFor();
    for (const tab of tabs) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      await page.getByRole('tab', { name: tab, exact: true, selected: true }).waitFor();
      try {
        await checkScreen(page, 'setup', `tab-${link.toLowerCase().replace(/[^a-z]+/g, '-')}-${tab.toLowerCase().replace(/[^a-z]+/g, '-')}`, 3);
      } catch (e) {
        problems.push((e as Error).message);
      }
    }
  }
  assert.deepEqual(problems, []);
  await page.context().close();
});

test("an MPP admin's counter and booking-rule forms send only what was changed, and the audit log opens the very counter and service", async () => {
  const headers = await apiLogin(server.url, MPP_ADMIN, DEMO_PASSWORD);
  const mpp = (await mppsOf(headers))[0]!;
  type Counter = { id: string; name: string; number: number; active: boolean; tenantId: string };
  const counters = async () => (await (await fetch(`${server.url}/api/catalog/mpps/${mpp.id}/counters`, { headers })).json()) as Counter[];
  const counter = (await counters()).find((c) => c.name === 'Loket DUKCAPIL 3')!;
  const page = await signIn(MPP_ADMIN, DEMO_PASSWORD);

  // The counter: the admin renames it while another admin takes it out of use.
  await openFromMenu(page, 'Pengaturan antrean', 'Pengaturan antrean');
  await page.getByRole('tab', { name: 'Loket', exact: true }).click();
  await page.getByRole('list', { name: 'Daftar loket' }).getByRole('button', { name: /Loket DUKCAPIL 3/ }).click();
  const form = page.getByRole('form', { name: 'Loket DUKCAPIL 3' });
  // The name takes the form's width beside the short number (it was a 14rem column of four).
  const nameShare = await widthShare(form.getByLabel('Nama loket'), form);
  assert.ok(nameShare >= 0.6, `the counter name field is ${Math.round(nameShare * 100)}% of the form's width`);
  await checkScreen(page, 'setup', 'counter-editor', 3);
  await form.getByLabel('Nama loket').fill('Loket DUKCAPIL 3 Lansia');
  const other = await fetch(`${server.url}/api/catalog/mpps/${mpp.id}/counters/${counter.id}`, { method: 'PATCH', headers, body: JSON.stringify({ active: false }) });
  assert.equal(other.status, 200, await other.text());
  await form.getByRole('button', { name: 'Simpan perubahan' }).click();
  const renamed = page.getByRole('form', { name: 'Loket DUKCAPIL 3 Lansia' });
  await renamed.getByText('Tersimpan', { exact: true }).waitFor();
  const after = (await counters()).find((c) => c.id === counter.id)!;
  assert.deepEqual([after.name, after.active, after.number, after.tenantId], ['Loket DUKCAPIL 3 Lansia', false, counter.number, counter.tenantId]);
  assert.equal(await renamed.getByRole('checkbox', { name: 'Loket dipakai' }).isChecked(), false, 'the form shows the counter out of use, as the server holds it');
  // Saving again sends nothing stale: the counter stays out of use.
  await renamed.getByRole('button', { name: 'Simpan perubahan' }).click();
  await renamed.getByText('Tersimpan', { exact: true }).waitFor();
  assert.equal((await counters()).find((c) => c.id === counter.id)!.active, false);

  // The catalog's counter form too: the name beside the number, over the rest of the form.
  await openFromMenu(page, 'Katalog layanan', 'Katalog layanan');
  await page.getByRole('tab', { name: 'Loket', exact: true }).click();
  const add = page.locator('form', { has: page.getByRole('button', { name: 'Tambah', exact: true }) });
  const catalogShare = await widthShare(add.getByLabel('Nama', { exact: true }), add);
  assert.ok(catalogShare >= 0.6, `the catalog's counter name field is ${Math.round(catalogShare * 100)}% of the form's width`);
  await add.getByLabel('Nama', { exact: true }).scrollIntoViewIfNeeded();
  await screenshot(page, 'setup-catalog-counter-form');

  // The booking rules: the admin opens booking with 3 people a slot while another admin sets the days ahead.
  const services = (await (await fetch(`${server.url}/api/catalog/mpps/${mpp.id}/services`, { headers })).json()) as { id: string; name: string }[];
  const service = services.find((s) => s.name === 'Penerbitan akta kematian')!;
  const settingsUrl = `${server.url}/api/mpps/${mpp.id}/booking/services/${service.id}/settings`;
  const before = (await (await fetch(settingsUrl, { headers })).json()) as Record<string, unknown>;
  await openFromMenu(page, 'Aturan booking', 'Aturan booking');
  await page.getByLabel('Cari layanan atau instansi').fill('akta kematian');
  await page.getByRole('list', { name: 'Daftar layanan' }).getByRole('button', { name: /Penerbitan akta kematian/ }).click();
  const rules = page.getByRole('form', { name: 'Penerbitan akta kematian' });
  await rules.getByRole('checkbox', { name: /boleh booking/ }).check();
  await rules.getByLabel('Orang per slot').fill('3');
  const put = await fetch(settingsUrl, { method: 'PUT', headers, body: JSON.stringify({ bookAheadDays: 21 }) });
  assert.equal(put.status, 200, await put.text());
  await rules.getByRole('button', { name: 'Simpan aturan' }).click();
  await page.getByText('Tersimpan: Penerbitan akta kematian').waitFor();
  const saved = (await (await fetch(settingsUrl, { headers })).json()) as Record<string, unknown>;
  assert.deepEqual(saved, { ...before, enabled: true, capacityPerSlot: 3, bookAheadDays: 21 });
  assert.equal(await rules.getByLabel('Bisa dipesan berapa hari ke depan').inputValue(), '21', 'the form shows the days ahead the other admin set');
  assert.ok(await rules.getByRole('button', { name: 'Simpan aturan' }).isDisabled(), 'nothing left to save: the next save cannot undo the other admin');

  // The audit log names both, and each link opens that very counter and service.
  await openFromMenu(page, 'Log audit', 'Log audit');
  await page.getByLabel('Tindakan', { exact: true }).selectOption({ label: 'Loket diubah' });
  await page.getByRole('link', { name: 'Loket: Loket DUKCAPIL 3 Lansia' }).first().click();
  await page.getByRole('tab', { name: 'Loket', exact: true, selected: true }).waitFor();
  await page.getByRole('form', { name: 'Loket DUKCAPIL 3 Lansia' }).waitFor();
  assert.equal(await page.getByRole('list', { name: 'Daftar loket' }).getByRole('button', { name: /Loket DUKCAPIL 3 Lansia/ }).getAttribute('aria-current'), 'true');
  await checkScreen(page, 'setup', 'audit-link-counter', 2);

  await openFromMenu(page, 'Log audit', 'Log audit');
  await page.getByLabel('Tindakan', { exact: true }).selectOption({ label: 'Aturan booking layanan diubah' });
  // The chosen action is read whole in its filter (the select is wider than its text and arrow).
  const cut = await page.getByLabel('Tindakan', { exact: true }).evaluate((el: HTMLSelectElement) => {
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = getComputedStyle(el).font;
    const style = getComputedStyle(el);
    const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return ctx.measureText(el.selectedOptions[0]!.text).width > room;
  });
  assert.equal(cut, false, 'the action filter cuts its chosen name');
  // "Perubahan" names the changed fields in words, never by API key (capacityPerSlot).
  const entry = page.locator('.audit-table > tbody > tr').filter({ has: page.locator('summary', { hasText: 'Kapasitas per slot' }) }).first();
  await entry.locator('summary').click();
  await entry.getByRole('rowheader', { name: 'Kapasitas per slot' }).waitFor();
  const summaries = await page.locator('.audit-table summary').allTextContents();
  assert.deepEqual(summaries.filter((x) => /\b[a-z]+[A-Z]\w*/.test(x)), [], 'no summary names a field by its API key');
  await screenshot(page, 'setup-audit-change-words');
  // The entry keeps the settings only; the service is named from the catalog.
  await page.getByRole('link', { name: 'Layanan: Penerbitan akta kematian' }).first().click();
  await page.getByRole('heading', { name: 'Aturan booking', level: 1 }).waitFor();
  await page.getByRole('form', { name: 'Penerbitan akta kematian' }).waitFor();
  await checkScreen(page, 'setup', 'audit-link-booking-rules', 2);
  await page.context().close();
});

test('a person granted two MPPs switches between them in the top bar, and every page follows the choice', async () => {
  const headers = await apiLogin(server.url, ADMIN.email, ADMIN.password);
  const all = await mppsOf(headers);
  const banyumas = all.find((m) => m.name.startsWith('MPP Satria Banyumas'))!;
  const gianyar = all.find((m) => m.name === NEW_MPP)!;
  const created = await fetch(`${server.url}/api/users`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ email: 'dua.mpp@e2e.layan', name: 'Admin Dua MPP', password: 'sementara-123', grants: [{ role: 'mpp_admin', mppId: banyumas.id }, { role: 'mpp_admin', mppId: gianyar.id }] }),
  });
  assert.equal(created.status, 201, await created.text());
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID' });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  await page.goto(`${server.url}/masuk`);
  await page.getByLabel('Email').fill('dua.mpp@e2e.layan');
  await page.getByLabel('Kata sandi').fill('sementara-123');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('heading', { name: 'Ganti kata sandi' }).waitFor();
  await page.getByLabel('Kata sandi saat ini').fill('sementara-123');
  await page.getByLabel(/Kata sandi baru/).fill('kata-sandi-tetap-2');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await page.getByRole('heading', { name: /Selamat datang/ }).waitFor();

  // Two grants: the switcher lists exactly those two MPPs.
  await page.locator('.mpp-switcher > button').click();
  const choices = page.getByRole('list', { name: 'Daftar MPP' }).getByRole('button');
  await choices.nth(1).waitFor();
  assert.deepEqual((await choices.allTextContents()).map((x) => x.split(/ [(·]/)[0]!.trim()).sort(), ['MPP Kabupaten Gianyar', 'MPP Satria Banyumas'].sort());
  await page.getByRole('list', { name: 'Daftar MPP' }).getByRole('button', { name: new RegExp(NEW_MPP) }).click();
  await page.locator('.mpp-switcher > button', { hasText: NEW_MPP }).waitFor();
  await page.getByText(new RegExp(`Anda bekerja di ${NEW_MPP}`)).waitFor();
  // Remembered across a reload, and used by the pages reached from the menu.
  await page.reload();
  await page.locator('.mpp-switcher > button', { hasText: NEW_MPP }).waitFor();
  await openFromMenu(page, 'Aturan booking', 'Aturan booking');
  await page.getByRole('list', { name: 'Daftar layanan' }).getByRole('button', { name: new RegExp(NEW_SERVICE) }).waitFor();
  await openFromMenu(page, 'Log audit', 'Log audit');
  await page.getByRole('columnheader', { name: 'Waktu (WITA)' }).waitFor();
  await checkScreen(page, 'setup', 'two-grants-audit', 2);
  await context.close();
});

test('an MPP admin closes the MPP for a day from the calendar screen: the SLA due dates skip it, a second entry is refused in words, and removing it restores them', async () => {
  const headers = await apiLogin(server.url, MPP_ADMIN, DEMO_PASSWORD);
  const mpp = (await mppsOf(headers))[0]!;
  // A day a week or more ahead that is a working day now, and the working-day SLA that would end on it.
  const dueFrom = async (from: string, days: number) => (await (await fetch(`${server.url}/api/mpps/${mpp.id}/calendar/due?from=${encodeURIComponent(from)}&days=${days}`)).json()) as { dueDate: string };
  const start = new Date(Date.now() + 7 * 86_400_000);
  const from = `${start.toISOString().slice(0, 10)}T03:00:00+07:00`;
  const day = (await dueFrom(from, 1)).dueDate;
  const before = (await dueFrom(from, 2)).dueDate;

  const page = await signIn(MPP_ADMIN, DEMO_PASSWORD);
  await openFromMenu(page, 'Kalender', 'Kalender hari kerja');
  await page.getByLabel('Tahun').selectOption(day.slice(0, 4));
  await page.getByLabel('Tanggal').fill(day);
  await page.getByLabel('Keterangan').fill('Tutup: pemadaman listrik terjadwal');
  await page.getByRole('button', { name: 'Tambah', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Tanggal ditambahkan.' }).waitFor();
  const row = page.getByRole('row').filter({ hasText: 'pemadaman listrik terjadwal' });
  await row.waitFor();
  await checkScreen(page, 'setup', 'calendar-closure', 3);
  // What then happens: a 2-working-day SLA from the same instant now ends one working day later.
  assert.equal((await dueFrom(from, 1)).dueDate > day, true, 'the closed day is no working day');
  assert.ok((await dueFrom(from, 2)).dueDate > before, 'the SLA moved past the closure');

  // The same date again: refused, in Bahasa Indonesia, and nothing added.
  await page.getByLabel('Tanggal').fill(day);
  await page.getByLabel('Keterangan').fill('Tutup lagi');
  await page.getByRole('button', { name: 'Tambah', exact: true }).click();
  await page.getByText(`Tanggal ${day} sudah tercatat di kalender ini.`).waitFor();
  assert.equal(await page.getByRole('row').filter({ hasText: 'Tutup lagi' }).count(), 0);

  // Removed again (after the browser's confirmation): the due dates are as before.
  page.once('dialog', (d) => void d.accept());
  await row.getByRole('button', { name: 'Hapus' }).click();
  await row.waitFor({ state: 'detached' });
  assert.equal((await dueFrom(from, 2)).dueDate, before);
  await page.context().close();
});
