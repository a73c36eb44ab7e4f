import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { Db } from '../src/platform/db.js';
import { ADMIN, apiCaller, apiLogin, jakartaMonth, launchBrowser, loginUi, newContext, openServerDatabase, type RunningServer, screenshot, startServer } from './support.js';

/**
 * The survey end to end: a served ticket, the counter tablet's questionnaire, the link on a
 * phone, and the report updated. The catalog (MPPs, services, counters) is not on main yet, so
 * the MPP is seeded straight into the database before the server starts. Ticket A goes through the
 * real queue (kiosk, call, start, finish) and is handed to the tablet. Ticket B, of another agency,
 * is served at its own counter and gets a link through the survey's API, answered on a phone.
 */

let server: RunningServer;
let browser: Browser;
let dataDir: string;
const world = { mppId: '', tenantId: '', otherTenantId: '', serviceId: '', otherServiceId: '', counterId: '', otherCounterId: '' };

async function seed(db: Db): Promise<void> {
  const one = async (sql: string, params: unknown[]) => (await db.query<{ id: string }>(sql, params)).rows[0]!.id;
  world.mppId = await one("INSERT INTO mpps (slug, name, timezone) VALUES ('mpp-kota-contoh', 'MPP Kota Contoh', 'Asia/Jakarta') RETURNING id", []);
  const tenant = (code: string, name: string) => one("INSERT INTO tenants (mpp_id, code, name, kind) VALUES ($1, $2, $3, 'regional_office') RETURNING id", [world.mppId, code, name]);
  world.tenantId = await tenant('DUKCAPIL', 'Dinas Dukcapil');
  world.otherTenantId = await tenant('SAMSAT', 'Samsat');
  const service = (tenantId: string, code: string, name: string) =>
    one("INSERT INTO services (mpp_id, tenant_id, code, name, ticket_prefix) VALUES ($1, $2, $3, $4, 'A') RETURNING id", [world.mppId, tenantId, code, name]);
  world.serviceId = await service(world.tenantId, 'KTP-EL', 'Perekaman KTP-el');
  world.otherServiceId = await service(world.otherTenantId, 'PKB', 'Pembayaran PKB tahunan');
  world.counterId = await one("INSERT INTO counters (mpp_id, tenant_id, number, name) VALUES ($1, $2, 3, 'Loket Dukcapil') RETURNING id", [world.mppId, world.tenantId]);
  await db.query('INSERT INTO counter_services (mpp_id, counter_id, service_id) VALUES ($1, $2, $3)', [world.mppId, world.counterId, world.serviceId]);
  world.otherCounterId = await one("INSERT INTO counters (mpp_id, tenant_id, number, name) VALUES ($1, $2, 7, 'Loket Samsat') RETURNING id", [world.mppId, world.otherTenantId]);
  await db.query('INSERT INTO counter_services (mpp_id, counter_id, service_id) VALUES ($1, $2, $3)', [world.mppId, world.otherCounterId, world.otherServiceId]);
  const allDay = { opens: '00:00', closes: '23:59', breaks: [] };
  await db.query('UPDATE mpps SET weekly_hours = $2 WHERE id = $1', [world.mppId, JSON.stringify(Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, allDay])))]);
}

before(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'layan-e2e-survey-'));
  const db = await openServerDatabase(dataDir);
  await seed(db);
  await db.close();
  server = await startServer({ DATA_DIR: dataDir });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const call = apiCaller(() => server.url);

test('a served ticket is rated on the counter tablet and by link, and the report shows it', async () => {
  const admin = await apiLogin(server.url, ADMIN.email, ADMIN.password);
  // An officer of Dukcapil, as the queue console would be signed in.
  const officerEmail = 'petugas.dukcapil@e2e.layan';
  await call('POST', '/api/users', admin, { email: officerEmail, name: 'Petugas Dukcapil', password: 'sementara-123', grants: [{ role: 'officer', mppId: world.mppId, tenantId: world.tenantId }] });
  let officer = await apiLogin(server.url, officerEmail, 'sementara-123');
  await call('POST', '/api/auth/password', officer, { currentPassword: 'sementara-123', newPassword: 'petugas-e2e-pass' });
  officer = await apiLogin(server.url, officerEmail, 'petugas-e2e-pass');

  // The tablet: a kiosk device paired with counter 3.
  const kiosk = await call<{ id: string; token: string }>('POST', `/api/mpps/${world.mppId}/devices`, admin, { kind: 'kiosk', name: 'Tablet loket 3' });
  await call('PUT', `/api/mpps/${world.mppId}/survey/tablets/${kiosk.id}`, admin, { counterId: world.counterId });

  const tabletCtx = await newContext(browser, 'kiosk');
  const tablet = await tabletCtx.newPage();
  await tablet.goto(`${server.url}/tablet/survei/${world.mppId}?device=${encodeURIComponent(kiosk.token)}`);
  await tablet.getByText('Loket 3 · Loket Dukcapil').waitFor();
  await screenshot(tablet, 'survey-tablet-waiting', { fullPage: false });

  // Ticket A: taken at the kiosk, called, served and finished at counter 3, then handed to the tablet.
  const q = `/api/mpps/${world.mppId}/queue`;
  await call('POST', `${q}/tickets`, { authorization: `Bearer ${kiosk.token}` }, { serviceId: world.serviceId });
  await call('POST', `${q}/counters/${world.counterId}/open`, officer);
  const { ticket } = await call<{ ticket: { id: string } }>('POST', `${q}/counters/${world.counterId}/call-next`, officer);
  await call('POST', `${q}/tickets/${ticket.id}/start`, officer);
  const early = await fetch(`${server.url}/api/mpps/${world.mppId}/counters/${world.counterId}/survey-handoff`, { method: 'POST', headers: officer, body: JSON.stringify({ sourceKind: 'ticket', sourceId: ticket.id }) });
  assert.equal(early.status, 409, 'a ticket still being served cannot be rated');
  await call('POST', `${q}/tickets/${ticket.id}/finish`, officer);
  await call('POST', `/api/mpps/${world.mppId}/counters/${world.counterId}/survey-handoff`, officer, { sourceKind: 'ticket', sourceId: ticket.id });

  await tablet.getByRole('heading', { name: 'Survei Kepuasan Masyarakat' }).waitFor({ timeout: 10_000 });
  assert.ok(await tablet.getByText('Perekaman KTP-el').isVisible());
  const groups = tablet.getByRole('radiogroup');
  assert.equal(await groups.count(), 9);
  for (let i = 0; i < 9; i++) await groups.nth(i).locator('label').nth(3).click();
  await tablet.getByLabel('Jenis kelamin').selectOption('P');
  await tablet.getByLabel('Saran dan masukan').fill('Petugas ramah, antrean tertib.');
  await screenshot(tablet, 'survey-tablet-form');
  await tablet.getByRole('button', { name: 'Kirim penilaian' }).click();
  await tablet.getByRole('heading', { name: 'Terima kasih!' }).waitFor();
  await screenshot(tablet, 'survey-tablet-thanks', { fullPage: false });
  await tabletCtx.close();

  // A Samsat ticket served at its own counter gets its link; the citizen answers on a phone, all "2", skipping U9.
  const samsatEmail = 'petugas.samsat@e2e.layan';
  await call('POST', '/api/users', admin, { email: samsatEmail, name: 'Petugas Samsat', password: 'sementara-123', grants: [{ role: 'officer', mppId: world.mppId, tenantId: world.otherTenantId }] });
  let samsat = await apiLogin(server.url, samsatEmail, 'sementara-123');
  await call('POST', '/api/auth/password', samsat, { currentPassword: 'sementara-123', newPassword: 'petugas-e2e-pass' });
  samsat = await apiLogin(server.url, samsatEmail, 'petugas-e2e-pass');
  await call('POST', `${q}/tickets`, { authorization: `Bearer ${kiosk.token}` }, { serviceId: world.otherServiceId });
  await call('POST', `${q}/counters/${world.otherCounterId}/open`, samsat);
  const served = await call<{ ticket: { id: string } }>('POST', `${q}/counters/${world.otherCounterId}/call-next`, samsat);
  await call('POST', `${q}/tickets/${served.ticket.id}/start`, samsat);
  await call('POST', `${q}/tickets/${served.ticket.id}/finish`, samsat);
  const ticketB = await call<{ token: string; surveyPath: string }>('POST', `/api/mpps/${world.mppId}/survey/tokens`, admin, { sourceKind: 'ticket', sourceId: served.ticket.id, serviceId: world.otherServiceId });
  const phoneCtx = await newContext(browser, 'phone');
  const phone = await phoneCtx.newPage();
  await phone.goto(`${server.url}${ticketB.surveyPath}`);
  await phone.getByText('Pembayaran PKB tahunan').waitFor();
  const pg = phone.getByRole('radiogroup');
  for (let i = 0; i < 8; i++) await pg.nth(i).locator('label').nth(1).click();
  await screenshot(phone, 'survey-link-phone');
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the questionnaire scrolls sideways by ${overflow}px on a phone`);
  await phone.getByRole('button', { name: 'Kirim penilaian' }).click();
  await phone.getByRole('heading', { name: 'Terima kasih!' }).waitFor();
  // The same link a second time is refused with a clear message.
  await phone.goto(`${server.url}${ticketB.surveyPath}`);
  await phone.getByRole('alert').waitFor();
  assert.match((await phone.getByRole('alert').textContent()) ?? '', /sudah diisi/);
  await screenshot(phone, 'survey-link-used', { fullPage: false });
  await phoneCtx.close();

  // The report: tablet answer all 4 (IKM 100), link answer all 2 except U9 -> MPP NRR 3 for U1..U8, 4 for U9.
  const page = await (await newContext(browser, 'desktop')).newPage();
  await loginUi(page, server.url, ADMIN.email, ADMIN.password);
  await page.getByRole('navigation', { name: 'Menu petugas' }).getByRole('link', { name: 'Survei kepuasan' }).click();
  await page.getByTestId('ikm').waitFor();
  // Sum of NRR = 8 x 3 + 4 = 28; IKM = 28 / 9 x 25 = 77.78 -> B
  await page.getByTestId('ikm').filter({ hasText: '77.78' }).waitFor();
  assert.equal(await page.getByTestId('mutu').textContent(), 'B');
  assert.match((await page.getByTestId('respondents').textContent()) ?? '', /^2 \/ 2$/);
  await page.getByText('Petugas ramah, antrean tertib.').waitFor();
  await page.getByRole('button', { name: 'Terbitkan ke halaman publik' }).click();
  await page.getByRole('status').filter({ hasText: 'diterbitkan' }).waitFor();
  await page.locator('.ikm-badge').waitFor();
  await screenshot(page, 'survey-report');

  const pdf = await fetch(`${server.url}/api/mpps/${world.mppId}/survey/report.pdf?period=${jakartaMonth()}`, { headers: admin });
  assert.equal(pdf.headers.get('content-type'), 'application/pdf');
  const pub = await call<{ ikm: number; grade: { mutu: string } }>('GET', '/api/public/mpps/mpp-kota-contoh/ikm', {});
  assert.equal(pub.ikm, 77.78);
  assert.equal(pub.grade.mutu, 'B');
});
