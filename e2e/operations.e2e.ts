import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { apiCaller, apiLogin, launchBrowser, loginUi, noSideways, screenshot, startServer, type RunningServer } from './support.js';

/**
 * On the full demo data: a morning at MPP Banyumas through the real queue API (tickets issued at
 * reception, one served, one no-show, two left waiting), then the MPP admin opens the live floor and
 * the statistics from the staff home by clicking, on a 1366x768 console and a 1920x1080 TV.
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

/** No card's content spills out of it (a table wider than its card hides under the next one). */
async function cardsContained(page: Page, what: string) {
  const spilled = await page.evaluate(() =>
    [...document.querySelectorAll('.card, .ops-kpi')].filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.querySelector('h2')?.textContent ?? el.className),
  );
  assert.deepEqual(spilled, [], `${what}: content wider than its card`);
}

async function kpi(page: Page, label: string): Promise<string> {
  const box = page.locator('.ops-kpi').filter({ has: page.locator('.ops-kpi-label', { hasText: label }) }).first();
  return (await box.locator('.ops-kpi-value').textContent())!.trim();
}

test('the live floor and the statistics show the morning that happened, reached from the staff home', async () => {
  const admin = await apiLogin(server.url, 'admin.banyumas@demo.layan.id', PASSWORD);
  const officer = await apiLogin(server.url, 'petugas.dukcapil@demo.layan.id', PASSWORD);
  const mppId = (await call<{ mpp: { id: string } }>('GET', '/api/public/mpps/mpp-demo-banyumas', {})).mpp.id;
  const counter = (await call<{ id: string; name: string; tenantId: string; tenantName: string }[]>('GET', `/api/mpps/${mppId}/queue/counters`, officer))[0]!;
  const services = await call<{ id: string; name: string }[]>('GET', `/api/catalog/mpps/${mppId}/services?tenantId=${counter.tenantId}`, officer);
  const service = services[0]!;
  const q = `/api/mpps/${mppId}/queue`;
  await call('PUT', `${q}/counters/${counter.id}/setup`, admin, { services: [{ serviceId: service.id, weight: 1 }] });
  const before = await call<any>('GET', `/api/mpps/${mppId}/operations/floor`, admin);
  for (let i = 0; i < 4; i++) await call('POST', `${q}/tickets`, admin, { serviceId: service.id });
  await call('POST', `${q}/counters/${counter.id}/open`, officer);
  const first = await call<{ ticket: { id: string; number: string } }>('POST', `${q}/counters/${counter.id}/call-next`, officer);
  await call('POST', `${q}/tickets/${first.ticket.id}/start`, officer);
  await call('POST', `${q}/tickets/${first.ticket.id}/finish`, officer);
  const second = await call<{ ticket: { id: string } }>('POST', `${q}/counters/${counter.id}/call-next`, officer);
  await call('POST', `${q}/tickets/${second.ticket.id}/no-show`, officer);
  const serving = await call<{ ticket: { id: string; number: string } }>('POST', `${q}/counters/${counter.id}/call-next`, officer);

  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID' });
  const page = await ctx.newPage();
  await loginUi(page, server.url, 'admin.banyumas@demo.layan.id', PASSWORD);
  await page.getByRole('link', { name: 'Lantai layanan' }).click();
  await page.getByRole('heading', { name: 'Lantai layanan' }).waitFor({ timeout: 30_000 });
  // One waiting of the four (one served, one no-show, one at the counter now), plus whatever the demo had waiting.
  assert.equal(await kpi(page, 'Menunggu'), String(before.totals.waiting + 1));
  const card = page.locator('.ops-counter').filter({ hasText: counter.name }).first();
  await card.getByText(serving.ticket.number).waitFor({ timeout: 30_000 });
  assert.match((await card.textContent())!, /Buka/);
  assert.match((await card.textContent())!, /Melayani/);
  const line = page.locator('.ops-lines tr').filter({ hasText: service.name }).first();
  assert.equal((await line.locator('td').nth(1).textContent())!.trim(), '1');
  await noSideways(page, 'the floor at 1366x768');
  await cardsContained(page, 'the floor at 1366x768');
  await screenshot(page, 'operations-floor-console', { fullPage: false });

  await page.getByRole('link', { name: 'Statistik antrean' }).click();
  await page.getByRole('heading', { name: 'Statistik antrean' }).waitFor({ timeout: 30_000 });
  await page.locator('.ops-breakdown').waitFor({ timeout: 30_000 });
  const stats = await call<any>('GET', `/api/mpps/${mppId}/operations/stats?from=${await page.locator('input[type=date]').first().inputValue()}&to=${await page.locator('input[type=date]').nth(1).inputValue()}&by=tenant`, admin);
  assert.ok(stats.totals.issued >= 4 && stats.totals.served >= 1 && stats.totals.noShow >= 1, JSON.stringify(stats.totals));
  assert.equal(await kpi(page, 'Tiket diambil'), String(stats.totals.issued));
  assert.equal(await kpi(page, 'Dilayani'), String(stats.totals.served));
  assert.equal(await kpi(page, 'Tidak hadir'), String(stats.totals.noShow));
  const row = page.locator('.ops-breakdown tr').filter({ hasText: counter.tenantName }).first();
  const group = stats.groups.find((g: any) => g.label === counter.tenantName);
  assert.match((await row.textContent())!, new RegExp(`${group.kpis.issued} / ${group.kpis.served}`));
  await page.getByRole('heading', { name: 'Saran jumlah loket (Erlang C)' }).waitFor();
  await noSideways(page, 'the statistics at 1366x768');
  await cardsContained(page, 'the statistics at 1366x768');
  await screenshot(page, 'operations-statistics-console');
  // The XLSX link downloads a workbook with the same session.
  const href = await page.getByRole('link', { name: 'Unduh XLSX' }).getAttribute('href');
  const xlsx = await page.request.get(`${server.url}${href}`);
  assert.equal(xlsx.status(), 200);
  assert.match(xlsx.headers()['content-type']!, /spreadsheetml/);
  await page.getByLabel('Kelompokkan per').selectOption('hour');
  await page.locator('.ops-breakdown tr').filter({ hasText: ':00' }).first().waitFor({ timeout: 30_000 });
  await ctx.close();

  // The supervisor's TV.
  const tv = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'id-ID' });
  const tvPage = await tv.newPage();
  await loginUi(tvPage, server.url, 'admin.banyumas@demo.layan.id', PASSWORD);
  await tvPage.getByRole('link', { name: 'Lantai layanan' }).click();
  await tvPage.locator('.ops-counter').first().waitFor({ timeout: 30_000 });
  await noSideways(tvPage, 'the floor at 1920x1080');
  await cardsContained(tvPage, 'the floor at 1920x1080');
  await screenshot(tvPage, 'operations-floor-tv', { fullPage: false });
  await tv.close();
});
