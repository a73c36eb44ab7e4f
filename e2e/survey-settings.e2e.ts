import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { apiCaller, apiLogin, jakartaMonth, launchBrowser, loginUi, newContext, screenshot, startServer, type RunningServer } from './support.js';

/**
 * On the demo data: a ticket's own QR leads to its survey once served; the published IKM on the
 * public MPP page; the staff page that pairs survey tablets and rewords answers.
 */

let server: RunningServer;
let browser: Browser;
const PASSWORD = 'Demo-Layan-2026';

before(async () => {
  server = await startServer({ LAYAN_DEMO: 'true' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const call = apiCaller(() => server.url);

async function demoWorld() {
  const admin = await apiLogin(server.url, 'admin.banyumas@demo.layan.id', PASSWORD);
  const officer = await apiLogin(server.url, 'petugas.dukcapil@demo.layan.id', PASSWORD);
  const mppId = (await call<{ mpp: { id: string } }>('GET', '/api/public/mpps/mpp-demo-banyumas', {})).mpp.id;
  const counter = (await call<{ id: string; tenantId: string; tenantName: string }[]>('GET', `/api/mpps/${mppId}/queue/counters`, officer))[0]!;
  const services = await call<{ id: string; name: string }[]>('GET', `/api/catalog/mpps/${mppId}/services?tenantId=${counter.tenantId}`, officer);
  return { admin, officer, mppId, counter, service: services[0]! };
}

test('the ticket QR opens the survey once served; the published IKM shows on the public MPP page', async () => {
  const w = await demoWorld();
  const q = `/api/mpps/${w.mppId}/queue`;
  await call('PUT', `${q}/counters/${w.counter.id}/setup`, w.admin, { services: [{ serviceId: w.service.id, weight: 1 }] });
  // Reception issues the ticket (the kiosk refuses outside opening hours; reception does not).
  const ticket = await call<{ id: string; statusToken: string }>('POST', `${q}/tickets`, w.admin, { serviceId: w.service.id });

  const phone = await (await newContext(browser, 'phone')).newPage();
  await phone.goto(`${server.url}/antrean/${ticket.statusToken}`);
  await phone.getByRole('status').filter({ hasText: 'Menunggu' }).waitFor();
  assert.equal(await phone.getByRole('button', { name: 'Nilai layanan kami' }).count(), 0, 'no survey before the service');

  await call('POST', `${q}/counters/${w.counter.id}/open`, w.officer);
  const called = await call<{ ticket: { id: string } }>('POST', `${q}/counters/${w.counter.id}/call-next`, w.officer);
  assert.equal(called.ticket.id, ticket.id);
  await call('POST', `${q}/tickets/${ticket.id}/start`, w.officer);
  await call('POST', `${q}/tickets/${ticket.id}/finish`, w.officer);

  // What the month held for this service before this person rated it (the demo's history writes
  // responses for every past day of the month, so the figures depend on the date).
  type Report = { summary: { respondents: number }; unsur: { sum: number; answers: number }[] };
  const reportOf = () => call<Report>('GET', `/api/mpps/${w.mppId}/survey/report?period=${jakartaMonth()}&serviceId=${w.service.id}`, w.admin);
  const before = await reportOf();

  // The live page turns to "served" and offers the survey.
  await phone.getByRole('button', { name: 'Nilai layanan kami' }).waitFor({ timeout: 10_000 });
  await screenshot(phone, 'survey-status-served-phone', { fullPage: false });
  await phone.getByRole('button', { name: 'Nilai layanan kami' }).click();
  await phone.waitForURL(/\/survei\/[0-9A-Z-]{14}$/);
  await phone.getByText(w.service.name).first().waitFor();
  const groups = phone.getByRole('radiogroup');
  for (let i = 0; i < 9; i++) await groups.nth(i).locator('label').nth(3).click();
  await phone.getByRole('button', { name: 'Kirim penilaian' }).click();
  await phone.getByRole('heading', { name: 'Terima kasih!' }).waitFor();
  // The answers counted: one more respondent, and every unit's sum up by 4 (the best answer).
  const after = await reportOf();
  assert.equal(after.summary.respondents, before.summary.respondents + 1);
  assert.deepEqual(after.unsur.map((u, i) => u.sum - before.unsur[i]!.sum), Array(9).fill(4));

  // Back on the status page: the same ticket cannot rate twice.
  await phone.goto(`${server.url}/antrean/${ticket.statusToken}`);
  await phone.getByRole('button', { name: 'Nilai layanan kami' }).click();
  await phone.getByText(/sudah diisi/).waitFor();
  await screenshot(phone, 'survey-status-already-rated-phone', { fullPage: false });

  // Published, the IKM shows on the MPP's public page with the agency's grade.
  const period = jakartaMonth();
  type Grade = { mutu: string } | null;
  const published = await call<{ ikm: number; tenants: { name: string; ikm: number | null; grade: Grade }[] }>('POST', `/api/mpps/${w.mppId}/survey/publications`, w.admin, { period });
  const agency = published.tenants.find((x) => x.name === w.counter.tenantName)!;
  assert.ok(agency.ikm !== null && agency.grade, 'the agency has an IKM this month');
  // An agency logo given as an https URL is not blocked by the Content-Security-Policy (the host
  // does not resolve here, so the image itself fails, but no policy violation may be reported).
  await call('PATCH', `/api/catalog/mpps/${w.mppId}/tenants/${w.counter.tenantId}`, w.admin, { logo: 'https://logo.invalid/dukcapil.png' });
  await phone.addInitScript(() => {
    (window as unknown as { cspViolations: string[] }).cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await phone.goto(`${server.url}/mpp/mpp-demo-banyumas`);
  await phone.locator('.ikm-badge').waitFor();
  await phone.locator('img.tenant-logo[src="https://logo.invalid/dukcapil.png"]').waitFor({ state: 'attached' });
  await phone.waitForTimeout(500);
  assert.deepEqual(await phone.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations), []);
  // The public page shows what was published, for the MPP and for the agency.
  assert.ok(((await phone.locator('.ikm-badge').textContent()) ?? '').includes(published.ikm.toFixed(2)));
  const chip = phone.locator('.tenant-list li').filter({ hasText: w.counter.tenantName }).locator('.ikm-tenant-chip');
  assert.match((await chip.textContent()) ?? '', new RegExp(`${agency.grade!.mutu}\\s*${agency.ikm!.toFixed(2).replace('.', '\\.')}`));
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `MPP page scrolls sideways: ${width}px`);
  await screenshot(phone, 'survey-ikm-public-mpp-phone', { fullPage: false });
  await chip.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await screenshot(phone, 'survey-ikm-public-agencies-phone', { fullPage: false });
});

test('an MPP admin pairs a kiosk with a counter and rewords an answer for one service', async () => {
  const w = await demoWorld();
  const page = await (await newContext(browser, 'desktop')).newPage();
  await loginUi(page, server.url, 'admin.banyumas@demo.layan.id', PASSWORD);
  await page.getByRole('navigation', { name: 'Menu petugas' }).getByRole('link', { name: 'Pengaturan survei' }).click();
  await page.getByRole('heading', { name: 'Tablet survei di loket' }).waitFor();
  await page.getByText('Belum ada tablet survei yang dipasangkan.').waitFor();
  await page.getByLabel('Perangkat kios').selectOption({ label: 'Kios lobi (demo)' });
  await page.getByLabel('Loket', { exact: true }).selectOption(w.counter.id);
  await page.getByRole('button', { name: 'Pasangkan' }).click();
  await page.getByRole('status').filter({ hasText: 'kini tablet survei' }).waitFor();
  await page.getByRole('row').filter({ hasText: 'Kios lobi (demo)' }).waitFor();

  // The service's current wording arrives late (a slow link): what the admin types meanwhile must not be
  // replaced by it (CI once saved the default Indonesian label beside the new English one).
  await page.route('**/survey-labels', async (route) => {
    if (route.request().method() === 'GET') await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  const loaded = page.waitForResponse((r) => r.url().endsWith('/survey-labels') && r.request().method() === 'GET');
  await page.getByLabel('Layanan', { exact: true }).selectOption(w.service.id);
  await page.getByLabel('U3 nilai 4 (Indonesia)').fill('Selesai di hari yang sama');
  await loaded;
  await page.waitForTimeout(500); // the page applies the wording it loaded (a slow machine can only hide the fault, never fake it)
  assert.equal(await page.getByLabel('U3 nilai 4 (Indonesia)').inputValue(), 'Selesai di hari yang sama', 'what was typed is kept');
  await page.getByLabel('U3 nilai 4 (English)').fill('Done the same day');
  await page.getByRole('button', { name: 'Simpan kata-kata jawaban' }).click();
  await page.getByRole('status').filter({ hasText: '1 label jawaban disimpan' }).waitFor();
  await screenshot(page, 'survey-settings');

  const labels = await call<{ unsur: number; score: number; labelId: string; labelEn: string }[]>('GET', `/api/mpps/${w.mppId}/services/${w.service.id}/survey-labels`, w.admin);
  assert.deepEqual(labels, [{ unsur: 3, score: 4, labelId: 'Selesai di hari yang sama', labelEn: 'Done the same day' }]);
  const tablets = await call<{ deviceName: string; counterId: string }[]>('GET', `/api/mpps/${w.mppId}/survey/tablets`, w.admin);
  assert.deepEqual(tablets.map((x) => [x.deviceName, x.counterId]), [['Kios lobi (demo)', w.counter.id]]);
});
