import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ADMIN, apiLogin, jakartaMonth, launchBrowser, loginUi, screenshot, startServer, type RunningServer } from './support.js';

/**
 * On the full demo data: the live floor on a supervisor's 1920x1080 TV follows the queue without
 * reloading (pushed over SSE); the MPP admin's scorecard and the national admin's view of every MPP,
 * reached by clicking from the staff home, show the figures the API gives.
 */

let server: RunningServer;
let browser: Browser;
const PASSWORD = 'Demo-Layan-2026';

before(async () => {
  // The webhook test's receiver listens on loopback, which webhooks reach only when allowed.
  server = await startServer({ LAYAN_DEMO: 'true', WEBHOOK_ALLOW_NETWORKS: '127.0.0.1' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function call<T = any>(method: string, url: string, headers: Record<string, string>, body?: unknown): Promise<T> {
  const { 'content-type': _ct, ...rest } = headers;
  const res = await fetch(`${server.url}${url}`, { method, headers: body === undefined ? rest : { ...rest, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

async function kpi(page: Page, label: string): Promise<string> {
  const box = page.locator('.ops-kpi').filter({ has: page.locator('.ops-kpi-label', { hasText: label }) }).first();
  return (await box.locator('.ops-kpi-value').textContent())!.trim();
}

/** Waits for a condition with a generous deadline (the CI machine is slow). */
async function until(what: string, fn: () => Promise<boolean>, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function fits(page: Page, what: string) {
  const { sw, cw, sh, ch } = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth, sh: document.documentElement.scrollHeight, ch: document.documentElement.clientHeight }));
  assert.ok(sw <= cw, `${what} scrolls sideways (${sw} > ${cw})`);
  return { sh, ch };
}

test('the floor on a 1920x1080 TV follows the queue as it happens, without reloading', async () => {
  const admin = await apiLogin(server.url, 'admin.banyumas@demo.layan.id', PASSWORD);
  const mppId = (await call<{ mpp: { id: string } }>('GET', '/api/public/mpps/mpp-demo-banyumas', {})).mpp.id;
  const offer = await call<any>('GET', `/api/mpps/${mppId}/queue/offer`, {});
  const serviceId: string = offer.services.find((x: any) => x.quotaLeft === null || x.quotaLeft > 2)?.id;
  assert.ok(serviceId, 'a service to queue for');

  const tv = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'id-ID' });
  const page = await tv.newPage();
  let reloads = 0;
  page.on('request', (r) => {
    if (r.url().endsWith('/operations/floor')) reloads++;
  });
  await loginUi(page, server.url, 'admin.banyumas@demo.layan.id', PASSWORD);
  await page.getByRole('link', { name: 'Lantai layanan' }).click();
  await page.getByTestId('floor-live').filter({ hasText: 'langsung' }).waitFor({ timeout: 60_000 });
  const waiting = Number(await kpi(page, 'Menunggu'));
  const loadsBefore = reloads;
  await call('POST', `/api/mpps/${mppId}/queue/tickets`, admin, { serviceId });
  await call('POST', `/api/mpps/${mppId}/queue/tickets`, admin, { serviceId });
  await until('the pushed floor to count two more waiting', async () => Number(await kpi(page, 'Menunggu')) === waiting + 2);
  // Pushed, not fetched again.
  assert.equal(reloads, loadsBefore);
  const api = await call<any>('GET', `/api/mpps/${mppId}/operations/floor`, admin);
  assert.equal(Number(await kpi(page, 'Menunggu')), api.totals.waiting);
  await screenshot(page, 'operations2-floor-tv', { fullPage: false });
  await fits(page, 'the floor at 1920x1080');
  // Every part of the floor is on the one screen (a long list scrolls inside its own card).
  const bottom = await page.evaluate(() => Math.max(...[...document.querySelectorAll('.ops-floor, .ops-floor .card')].map((e) => e.getBoundingClientRect().bottom)));
  assert.ok(bottom <= 1080, `the floor does not fit one 1920x1080 screen (its bottom at ${bottom}px)`);
  await tv.close();
});

test('the MPP admin reads the month’s scorecard and its trend, from the staff home', async () => {
  const admin = await apiLogin(server.url, 'admin.banyumas@demo.layan.id', PASSWORD);
  const mppId = (await call<{ mpp: { id: string } }>('GET', '/api/public/mpps/mpp-demo-banyumas', {})).mpp.id;
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID' });
  const page = await ctx.newPage();
  await loginUi(page, server.url, 'admin.banyumas@demo.layan.id', PASSWORD);
  await page.getByRole('link', { name: 'Rapor MPP' }).click();
  await page.getByRole('heading', { name: 'Rapor MPP' }).waitFor({ timeout: 30_000 });
  await page.locator('.ops-trend-table').waitFor({ timeout: 60_000 });
  const month = await page.locator('input[type=month]').inputValue();
  const s = await call<any>('GET', `/api/mpps/${mppId}/operations/scorecard?month=${month}&months=6`, admin);
  const last = s.months.at(-1);
  assert.equal(await page.locator('.ops-trend-table thead th').count(), 1 + 6 + 1);
  const ikm = last.survey.ikm === null ? '–' : `${last.survey.ikm.toFixed(2)} (${last.survey.grade})`;
  assert.equal(await kpi(page, 'IKM dan mutu'), ikm);
  const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);
  assert.equal(await kpi(page, 'Dalam target tunggu'), pct(last.queue.withinTargetShare));
  assert.equal(await kpi(page, 'Booking tidak hadir'), pct(last.booking.noShowRate));
  const scoreRow = page.locator('.ops-trend-table tr').filter({ hasText: 'Skor gabungan' });
  const cells = await scoreRow.locator('td.num').allTextContents();
  assert.deepEqual(cells.slice(0, 6), s.months.map((m: any) => (m.score === null ? '–' : m.score.toFixed(1))));
  // The MPP Digital criteria, each with its evidence, as the API scores them.
  await page.locator('.ops-criteria tbody tr').nth(10).waitFor({ timeout: 30_000 });
  const criteria = await call<any>('GET', `/api/mpps/${mppId}/operations/digital-criteria`, admin);
  assert.equal(await page.locator('.ops-criteria tbody tr').count(), 11);
  assert.match((await page.locator('.ops-criteria').locator('..').locator('h2').textContent())!, new RegExp(`${criteria.met}/${criteria.assessable}`));
  await fits(page, 'the scorecard at 1366x768');
  await screenshot(page, 'operations2-scorecard-console');
  await ctx.close();
});

test('the statistics of last month come from the demo history, with wait and service median and p90 per counter and per hour', async () => {
  const admin = await apiLogin(server.url, 'admin.banyumas@demo.layan.id', PASSWORD);
  const mppId = (await call<{ mpp: { id: string } }>('GET', '/api/public/mpps/mpp-demo-banyumas', {})).mpp.id;
  const [y, m] = jakartaMonth().split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 10);
  const last = new Date(Date.UTC(y, m - 1, 0)).toISOString().slice(0, 10);
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID' });
  const page = await ctx.newPage();
  await loginUi(page, server.url, 'admin.banyumas@demo.layan.id', PASSWORD);
  // The staff menu's link (the staff home lists the page too).
  await page.getByRole('navigation', { name: 'Menu petugas' }).getByRole('link', { name: 'Statistik antrean' }).click();
  await page.getByRole('heading', { name: 'Statistik antrean' }).waitFor({ timeout: 30_000 });
  await page.getByLabel('Dari').fill(first);
  await page.getByLabel('Sampai').fill(last);
  await page.getByLabel('Kelompokkan per').selectOption('counter');
  const s = await call<any>('GET', `/api/mpps/${mppId}/operations/stats?from=${first}&to=${last}&by=counter`, admin);
  assert.ok(s.totals.issued > 500, `last month has history (${s.totals.issued} tickets)`);
  await until('the counter breakdown of last month', async () => (await page.locator('.ops-breakdown tbody tr').count()) === s.groups.length);
  assert.equal(await kpi(page, 'Tiket diambil'), String(s.totals.issued));
  // Every counter's wait and service median and p90 on screen as the API computes them from the buckets.
  const cells = ['wait-median', 'wait-p90', 'service-median', 'service-p90'];
  const shown = await page.locator('.ops-breakdown tbody tr').evaluateAll((rows, ids) => rows.map((r) => ids.map((id) => r.querySelector(`[data-testid=${id}]`)!.textContent!.trim())), cells);
  const mins = (x: number | null) => (x === null ? '–' : String(x));
  assert.deepEqual(shown, s.groups.map((g: any) => [mins(g.kpis.wait.medianMinutes), mins(g.kpis.wait.p90Minutes), mins(g.kpis.service.medianMinutes), mins(g.kpis.service.p90Minutes)]));
  assert.ok(s.groups.some((g: any) => g.kpis.service.p90Minutes !== null && g.kpis.wait.p90Minutes !== null));
  await fits(page, 'last month by counter at 1366x768');
  await screenshot(page, 'operations2-statistics-history-console');
  // By hour too (0740): each hour's wait and service median and p90, as the API gives them.
  await page.getByLabel('Kelompokkan per').selectOption('hour');
  const h = await call<any>('GET', `/api/mpps/${mppId}/operations/stats?from=${first}&to=${last}&by=hour`, admin);
  await until('the hour breakdown of last month', async () => (await page.locator('.ops-breakdown tbody tr').count()) === h.groups.length && (await page.locator('.ops-breakdown tbody tr').first().textContent())!.includes(':00'));
  const shownHours = await page.locator('.ops-breakdown tbody tr').evaluateAll((rows, ids) => rows.map((r) => ids.map((id) => r.querySelector(`[data-testid=${id}]`)!.textContent!.trim())), cells);
  assert.deepEqual(shownHours, h.groups.map((g: any) => [mins(g.kpis.wait.medianMinutes), mins(g.kpis.wait.p90Minutes), mins(g.kpis.service.medianMinutes), mins(g.kpis.service.p90Minutes)]));
  assert.ok(h.groups.some((g: any) => g.kpis.wait.medianMinutes !== null && g.kpis.service.p90Minutes !== null), 'hours have percentiles');
  await fits(page, 'last month by hour at 1366x768');
  // The busiest hour's bar is the longest: it ends before its figures begin, which are read whole.
  const covered = await page.locator('.ops-breakdown tbody tr').evaluateAll((rows) =>
    rows.flatMap((r) => {
      const bar = r.querySelector('.ops-bar')!.getBoundingClientRect();
      const text = r.querySelector('.ops-bar-text')!;
      return bar.right > text.getBoundingClientRect().left ? [text.textContent] : [];
    }));
  assert.deepEqual(covered, [], 'a bar covers its figures');
  assert.deepEqual(await page.locator('.ops-bar-text').allTextContents(), h.groups.map((g: any) => `${g.kpis.issued} / ${g.kpis.served}`));
  await screenshot(page, 'operations2-statistics-hours-console');
  await ctx.close();
});

test('the national admin ranks every MPP by province and sees stale data flagged, from the staff home', async () => {
  const national = await apiLogin(server.url, ADMIN.email, ADMIN.password);
  // The refresher stores every MPP's card shortly after start.
  await until('the refresher to store the cards', async () => (await call<any>('GET', '/api/national/operations/scorecards', national)).totals.mpps > 0 && (await call<any>('GET', '/api/national/operations/scorecards', national)).mpps.some((m: any) => m.card !== null));
  const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'id-ID' });
  const page = await ctx.newPage();
  await loginUi(page, server.url, ADMIN.email, ADMIN.password);
  await page.getByRole('link', { name: 'Rapor nasional' }).click();
  await page.getByRole('heading', { name: 'Rapor nasional MPP' }).waitFor({ timeout: 30_000 });
  await page.locator('.ops-ranking tbody tr').first().waitFor({ timeout: 60_000 });
  // The month before (the refresher keeps the current and the previous month).
  const current = (await call<any>('GET', '/api/national/operations/scorecards', national)).month as string;
  const [y, m] = current.split('-').map(Number) as [number, number];
  const previous = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  await page.locator('input[type=month]').fill(previous);
  await page.getByText(new RegExp(`^(Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nov|Des) ${previous.slice(0, 4)}$`)).waitFor({ timeout: 30_000 });
  const v = await call<any>('GET', `/api/national/operations/scorecards?month=${previous}`, national);
  await until('the month’s ranking', async () => (await page.locator('.ops-ranking tbody tr').first().textContent())!.includes(v.mpps[0].mppName));
  assert.equal(await page.locator('.ops-ranking tbody tr').count(), v.mpps.length);
  assert.equal(await kpi(page, 'MPP'), String(v.totals.mpps));
  assert.equal(await kpi(page, 'Data usang'), String(v.totals.stale));
  // The first row is the best-ranked MPP.
  const first = v.mpps[0];
  assert.ok((await page.locator('.ops-ranking tbody tr').first().textContent())!.includes(first.mppName));
  if (first.rank !== null) assert.ok((await page.locator('.ops-ranking tbody tr').first().textContent())!.startsWith(String(first.rank)));
  await fits(page, 'the national view at 1920x1080');
  await screenshot(page, 'operations2-national-tv');

  // One province: only its MPPs.
  const province = v.provinces.find((p: any) => p.provinceCode)!;
  await page.getByLabel('Provinsi').selectOption(province.provinceCode);
  const inProvince = v.mpps.filter((x: any) => x.provinceCode === province.provinceCode).length;
  await until('the province filter', async () => (await page.locator('.ops-ranking tbody tr').count()) === inProvince);
  const names = await page.locator('.ops-ranking tbody tr .ops-sub').allTextContents();
  assert.ok(names.every((n) => n.startsWith(province.provinceName)), names.join(' | '));
  await screenshot(page, 'operations2-national-province');
  await ctx.close();
});

test('the MPP admin subscribes a receiver to ticket events on the webhook screen; deliveries arrive signed, are logged and replayed', async () => {
  const got: { body: string; signature: string; delivery: string }[] = [];
  const receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      got.push({ body, signature: String(req.headers['x-layan-signature']), delivery: String(req.headers['x-layan-delivery']) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/layan`;
  try {
    const admin = await apiLogin(server.url, 'admin.banyumas@demo.layan.id', PASSWORD);
    const mppId = (await call<{ mpp: { id: string } }>('GET', '/api/public/mpps/mpp-demo-banyumas', {})).mpp.id;
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID' });
    const page = await ctx.newPage();
    await loginUi(page, server.url, 'admin.banyumas@demo.layan.id', PASSWORD);
    await page.getByRole('link', { name: 'Webhook' }).click();
    await page.getByRole('heading', { name: 'Webhook', exact: true }).waitFor({ timeout: 30_000 });
    await page.getByLabel('Alamat (URL)').fill(hookUrl);
    await page.getByLabel('Keterangan').fill('Dasbor pemda');
    await page.getByRole('button', { name: 'Tambah' }).click();
    const secret = (await page.getByTestId('webhook-secret').textContent({ timeout: 30_000 }))!.trim();
    assert.match(secret, /^whsec_/);

    const offer = await call<any>('GET', `/api/mpps/${mppId}/queue/offer`, {});
    const serviceId: string = offer.services.find((x: any) => x.quotaLeft === null || x.quotaLeft > 2)?.id;
    const ticket = await call<any>('POST', `/api/mpps/${mppId}/queue/tickets`, admin, { serviceId });
    await until('the receiver to get the ticket event', async () => got.some((g) => g.body.includes(ticket.id)));
    const first = got.find((g) => g.body.includes(ticket.id))!;
    // Verified as the integrator would, with the secret copied from the screen.
    const [tPart, vPart] = first.signature.split(',');
    const expected = createHmac('sha256', secret).update(`${tPart!.slice(2)}.${first.body}`).digest('hex');
    assert.equal(vPart, `v1=${expected}`);
    assert.equal(JSON.parse(first.body).type, 'ticket.issued');

    await page.getByRole('button', { name: 'Log kiriman' }).first().click();
    const row = page.locator('.ops-deliveries tbody tr').filter({ hasText: 'ticket.issued' }).first();
    await row.filter({ hasText: 'terkirim' }).waitFor({ timeout: 60_000 });
    const before = got.length;
    await row.getByRole('button', { name: 'Kirim ulang' }).click();
    await until('the replay to arrive', async () => got.length > before && got.at(-1)!.body === first.body);
    await page.locator('.ops-deliveries tbody tr').filter({ hasText: 'kirim ulang' }).first().waitFor({ timeout: 60_000 });
    await fits(page, 'the webhook screen at 1366x768');
    await screenshot(page, 'operations2-webhooks-console');
    await ctx.close();
  } finally {
    await new Promise((r) => receiver.close(r));
  }
});

test('the national admin records a kabupaten’s rollout stage on the rollout screen, beside the province grid', async () => {
  const national = await apiLogin(server.url, ADMIN.email, ADMIN.password);
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID' });
  const page = await ctx.newPage();
  await loginUi(page, server.url, ADMIN.email, ADMIN.password);
  await page.getByRole('link', { name: 'Peluncuran MPP' }).click();
  await page.getByRole('heading', { name: 'Peluncuran MPP nasional' }).waitFor({ timeout: 30_000 });
  const before = await call<any>('GET', '/api/national/rollout', national);
  assert.equal(before.totals.regions, 514);
  assert.equal(await kpi(page, 'Kabupaten/kota'), '514');
  await page.locator('.ops-province', { hasText: 'Jawa Tengah' }).click();
  const row = page.locator('.ops-rollout-table tbody tr', { hasText: 'Kabupaten Banyumas' });
  await row.waitFor({ timeout: 30_000 });
  assert.match((await row.textContent())!, /MPP Satria Banyumas/);
  await row.getByRole('button', { name: 'Ubah tahap' }).click();
  await row.getByLabel('Tahap', { exact: true }).selectOption('inaugurated');
  await row.getByLabel('Tanggal tahap ini').fill('2024-01-20');
  await row.getByRole('button', { name: 'Simpan' }).click();
  await row.getByText('Diresmikan 2024-01-20').waitFor({ timeout: 30_000 });
  const after = await call<any>('GET', '/api/national/rollout?province=33', national);
  const banyumas = after.regions.find((r: any) => r.name === 'Kabupaten Banyumas');
  assert.equal(banyumas.stage, 'inaugurated');
  assert.equal(banyumas.dates.inaugurated, '2024-01-20');
  assert.equal(await kpi(page, 'Diresmikan'), String(before.totals.inaugurated + 1));
  await fits(page, 'the rollout at 1366x768');
  await screenshot(page, 'operations2-rollout-console');
  await ctx.close();
});
