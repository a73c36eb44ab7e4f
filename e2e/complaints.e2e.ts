import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { hashPassword } from '../src/identity/service.js';
import { apiLogin, checkScreen, launchBrowser, loginUi, newContext, openFromMenu, openServerDatabase, type RunningServer, screenshot, staffMenu, staffSignIn, startServer, widthShare } from './support.js';

const HANDLER = { email: 'pengaduan@e2e.layan', password: 'handler-e2e-password' };
const SLUG = 'mpp-kota-e2e';
let server: RunningServer;
/** The full demo (months of complaint history): the scale the staff list is judged by. */
let demo: RunningServer;
let browser: Browser;
let dataDir: string;

/**
 * There is no API to create an MPP yet (the catalog domain brings it), so the test prepares the
 * embedded database itself, before the server opens it: one MPP, two tenants, one complaint handler.
 */
async function prepareDatabase(dir: string): Promise<void> {
  const db = await openServerDatabase(dir);
  const mpp = (await db.query<{ id: string }>("INSERT INTO mpps (slug, name, timezone) VALUES ($1, 'MPP Kota Contoh', 'Asia/Makassar') RETURNING id", [SLUG])).rows[0]!.id;
  await db.query("INSERT INTO tenants (mpp_id, code, name, kind) VALUES ($1, 'DUKCAPIL', 'Dinas Dukcapil', 'regional_office'), ($1, 'SAMSAT', 'Samsat', 'regional_office')", [mpp]);
  const user = (await db.query<{ id: string }>("INSERT INTO users (email, name, password_hash) VALUES ($1, 'Rina Pengelola', $2) RETURNING id", [HANDLER.email, await hashPassword(HANDLER.password)])).rows[0]!.id;
  await db.query("INSERT INTO role_grants (user_id, role, mpp_id) VALUES ($1, 'mpp_admin', $2)", [user, mpp]);
  await db.close();
}

before(async () => {
  if (process.env.E2E_DATABASE_URL) throw new Error('complaints e2e prepares an embedded database; run it without E2E_DATABASE_URL');
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'layan-e2e-complaints-'));
  await prepareDatabase(dataDir);
  [server, demo] = await Promise.all([startServer({ DATA_DIR: dataDir }), startServer({ LAYAN_DEMO: 'true' })]);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  await demo?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('a citizen files on the public page, a handler answers, the citizen reads it through the code', async () => {
  const citizen = await newContext(browser, 'phone');
  const page = await citizen.newPage();
  await page.goto(`${server.url}/pengaduan/${SLUG}`);
  await page.getByRole('heading', { name: 'Sampaikan pengaduan' }).waitFor();
  await page.getByText('MPP Kota Contoh').waitFor();
  await screenshot(page, 'complaints-file-phone');

  // A too-short text is refused with the field named, nothing filed.
  await page.getByLabel('Uraian').fill('pendek');
  await page.getByRole('button', { name: 'Kirim pengaduan' }).click();
  await page.getByRole('alert').waitFor();
  assert.match(await page.locator('#description-help').textContent() ?? '', /minimal 10 karakter/);
  await screenshot(page, 'complaints-file-error-phone');

  await page.getByLabel('Tentang').selectOption('tenant');
  await page.getByLabel('Instansi', { exact: true }).selectOption({ label: 'Dinas Dukcapil' });
  const text = 'Antrean KTP-el di loket Dukcapil tidak bergerak 2 jam. <script>alert(1)</script>';
  await page.getByLabel('Uraian').fill(text);
  await page.getByLabel('Nama', { exact: true }).fill('Siti Aminah');
  // A PDF goes along (multipart).
  await page.locator('#attachments').setInputFiles({ name: 'antrean.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n') });
  await page.getByRole('button', { name: 'Kirim pengaduan' }).click();
  await page.getByRole('heading', { name: 'Pengaduan Anda sudah kami terima' }).waitFor();
  await page.getByText('1 lampiran terkirim.').waitFor();
  const code = (await page.getByTestId('tracking-code').textContent())!.trim();
  assert.match(code, /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  await screenshot(page, 'complaints-filed-phone');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);

  // The handler verifies, assigns and answers in the staff screens.
  const staff = await newContext(browser, 'desktop');
  const desk = await staff.newPage();
  await loginUi(desk, server.url, HANDLER.email, HANDLER.password);
  await desk.getByRole('navigation', { name: 'Menu petugas' }).getByRole('link', { name: 'Pengaduan' }).click();
  await desk.getByRole('link', { name: code }).waitFor();
  await screenshot(desk, 'complaints-staff-list');
  await desk.getByRole('link', { name: code }).click();
  await desk.getByText('Siti Aminah').waitFor();
  await desk.getByText(text).waitFor();
  await screenshot(desk, 'complaints-staff-detail');
  await desk.getByRole('button', { name: 'Verifikasi' }).click();
  await desk.getByRole('button', { name: 'Teruskan ke instansi' }).click();
  await desk.getByText('Diteruskan ke instansi').first().waitFor();
  await desk.getByLabel('Catatan internal').fill('RAHASIA: pelapor pernah mengadu hal serupa');
  await desk.getByRole('button', { name: 'Simpan catatan' }).click();
  await desk.getByText('RAHASIA: pelapor pernah mengadu hal serupa').waitFor();
  const answer = 'Kami menambah dua petugas perekaman KTP-el mulai besok pagi. Mohon maaf atas ketidaknyamanannya.';
  await desk.getByLabel('Jawaban untuk pelapor (publik)').fill(answer);
  await desk.getByRole('button', { name: 'Kirim jawaban' }).click();
  await desk.locator('.status-answered').waitFor();
  await screenshot(desk, 'complaints-staff-answered');
  // The MPP admin's calendar screen lists the national days the deadlines skip.
  await desk.getByRole('navigation', { name: 'Menu petugas' }).getByRole('link', { name: 'Kalender' }).click();
  await desk.getByRole('heading', { name: 'Kalender hari kerja' }).waitFor();
  await desk.getByLabel('Tahun').selectOption('2026');
  await desk.getByRole('cell', { name: 'Idul Fitri 1447 Hijriah' }).first().waitFor();
  await screenshot(desk, 'calendar-mpp-admin');
  await staff.close();

  // The citizen looks the code up (typed in lower case) and reads the answer; internal notes stay hidden.
  await page.goto(`${server.url}/lacak`);
  await page.getByLabel('Kode lacak').fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Lacak', exact: true }).click();
  await page.getByText(answer).waitFor();
  assert.equal(await page.getByText('RAHASIA').count(), 0);
  assert.equal(await page.getByText(HANDLER.email).count(), 0);
  await screenshot(page, 'complaints-track-answered-phone');
  await page.getByRole('button', { name: 'Ya, selesai' }).click();
  await page.locator('.status-closed').waitFor();
  await screenshot(page, 'complaints-track-closed-phone');
  await citizen.close();
});

const DEMO_PASSWORD = 'Demo-Layan-2026';
const DEMO_MPP_ADMIN = 'admin.banyumas@demo.layan.id';
const DEMO_TENANT_ADMIN = 'admin.dukcapil@demo.layan.id';
type ComplaintPage = { items: { id: string; trackingCode: string }[]; total: number };

async function demoList(headers: Record<string, string>, mppId: string, query: string): Promise<ComplaintPage> {
  const res = await fetch(`${demo.url}/api/mpps/${mppId}/complaints${query}`, { headers });
  assert.equal(res.status, 200);
  return (await res.json()) as ComplaintPage;
}

/** The codes in the list's rows, in order. */
const shownCodes = (page: import('playwright-core').Page) => page.locator('.complaint-staff table.data tbody td.mono').allTextContents();
const range = (page: import('playwright-core').Page) => page.getByTestId('complaint-range');

test('on the full demo the staff list shows the true total and pages through all complaints (1366x768 and 360x740)', async () => {
  const admin = await apiLogin(demo.url, DEMO_MPP_ADMIN, DEMO_PASSWORD);
  const me = await (await fetch(`${demo.url}/api/auth/me`, { headers: admin })).json() as { user: { grants: { mppId: string | null }[] } };
  const mppId = me.user.grants.find((g) => g.mppId)!.mppId!;
  const all = await demoList(admin, mppId, '?limit=15');
  const page2 = await demoList(admin, mppId, '?limit=15&offset=15');
  assert.ok(all.total > 50, `the demo has months of complaints (${all.total})`);

  const page = await staffSignIn(browser, demo.url, DEMO_MPP_ADMIN, DEMO_PASSWORD);
  await openFromMenu(page, 'Pengaduan', 'Pengaduan');
  const total = all.total.toLocaleString('id-ID');
  await range(page).filter({ hasText: `1–15 dari ${total}` }).waitFor();
  assert.deepEqual(await shownCodes(page), all.items.map((c) => c.trackingCode));
  await checkScreen(page, 'complaints', 'list-demo', 3);
  await page.getByRole('button', { name: 'Berikutnya ›' }).click();
  await range(page).filter({ hasText: `16–30 dari ${total}` }).waitFor();
  assert.deepEqual(await shownCodes(page), page2.items.map((c) => c.trackingCode));
  await checkScreen(page, 'complaints', 'list-demo-page2', 3);

  // The status filter is counted on the server too.
  const verified = await demoList(admin, mppId, '?status=verified&limit=15');
  await page.getByLabel('Status').selectOption({ label: 'Terverifikasi' });
  await range(page).filter({ hasText: `dari ${verified.total.toLocaleString('id-ID')}` }).waitFor();
  assert.deepEqual(await shownCodes(page), verified.items.map((c) => c.trackingCode));
  // A search by part of a tracking code finds that complaint among all months.
  const oldest = (await demoList(admin, mppId, `?limit=1&offset=${all.total - 1}`)).items[0]!;
  await page.getByLabel('Status').selectOption({ label: 'Semua' });
  await page.getByLabel('Cari kode atau uraian').fill(oldest.trackingCode.slice(0, 9));
  await page.getByRole('button', { name: 'Cari', exact: true }).click();
  await page.locator('.complaint-staff td.mono', { hasText: oldest.trackingCode }).waitFor();
  await page.context().close();

  // An agency admin sees only its agency's complaints, with its own total.
  const one = verified.items[0]!;
  const tenants = await (await fetch(`${demo.url}/api/catalog/mpps/${mppId}/tenants`, { headers: admin })).json() as { id: string; code: string }[];
  const dukcapil = tenants.find((x) => x.code === 'DUKCAPIL')!;
  const assigned = await fetch(`${demo.url}/api/mpps/${mppId}/complaints/${one.id}/actions/assign`, { method: 'POST', headers: admin, body: JSON.stringify({ tenantId: dukcapil.id }) });
  assert.equal(assigned.status, 200, await assigned.text());
  const agency = await demoList(await apiLogin(demo.url, DEMO_TENANT_ADMIN, DEMO_PASSWORD), mppId, '?limit=15');
  assert.ok(agency.total >= 1 && agency.total < all.total, `agency total ${agency.total}`);
  const tenantPage = await staffSignIn(browser, demo.url, DEMO_TENANT_ADMIN, DEMO_PASSWORD);
  await openFromMenu(tenantPage, 'Pengaduan', 'Pengaduan');
  await range(tenantPage).filter({ hasText: `dari ${agency.total.toLocaleString('id-ID')}` }).waitFor();
  assert.deepEqual(await shownCodes(tenantPage), agency.items.map((c) => c.trackingCode));
  await checkScreen(tenantPage, 'complaints', 'list-demo-agency', 3);
  await tenantPage.context().close();

  // A 360 px phone: the same list, nothing sideways.
  const phone = await newContext(browser, 'phone');
  phone.setDefaultTimeout(30_000);
  const small = await phone.newPage();
  await loginUi(small, demo.url, DEMO_MPP_ADMIN, DEMO_PASSWORD);
  await staffMenu(small).getByRole('link', { name: 'Pengaduan', exact: true }).click();
  await range(small).filter({ hasText: `1–15 dari ${total}` }).waitFor();
  await small.getByRole('button', { name: 'Berikutnya ›' }).click();
  await range(small).filter({ hasText: `16–30 dari ${total}` }).waitFor();
  const sideways = await small.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(sideways <= 0, `phone list scrolls sideways by ${sideways}px`);
  // Each complaint is a card: its description over the card's whole width, nothing cut inside a scroller.
  const table = small.locator('.complaint-staff .table-scroll table.data');
  const share = await widthShare(table.locator('tbody tr td:nth-child(3)').first(), table);
  assert.ok(share >= 0.9, `the description takes ${Math.round(share * 100)}% of the list's width on a phone`);
  const inner = await table.evaluate((el) => el.parentElement!.scrollWidth - el.parentElement!.clientWidth);
  assert.ok(inner <= 0, `the list scrolls sideways inside its box by ${inner}px`);
  await screenshot(small, 'complaints-list-demo-phone');
  await table.scrollIntoViewIfNeeded();
  await screenshot(small, 'complaints-list-demo-phone-view', { fullPage: false });
  await phone.close();
});
