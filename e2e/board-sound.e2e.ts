import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { speakCounterLabel, terbilang } from '../src/queue/speech.js';
import { apiLogin, launchBrowser, screenshot, startServer, type RunningServer } from './support.js';

/**
 * The board's sound (issue 12) on the full demo data at 1920x1080: turned on once, it stays on across a
 * reload of the paired board; in a browser without an Indonesian voice the board plays the shipped
 * clips, and the clips it plays for a call say the number and the counter label the card shows.
 */

let server: RunningServer;
let browser: Browser;
/** A TV board's browser as docs/floor.md sets it up: Chromium allowed to play sound without a tap. */
let tvBrowser: Browser;
const PASSWORD = 'Demo-Layan-2026';
const ALWAYS_OPEN = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, { opens: '00:00', closes: '23:59', breaks: [] }]));
let mppId: string;
let displayToken: string;
let kioskToken: string;

async function call<T = any>(method: string, url: string, headers: Record<string, string>, body?: unknown): Promise<T> {
  const { 'content-type': _ct, ...rest } = headers;
  const res = await fetch(`${server.url}${url}`, { method, headers: body === undefined ? rest : { ...rest, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

before(async () => {
  server = await startServer({ LAYAN_DEMO: 'true' });
  browser = await launchBrowser();
  tvBrowser = await launchBrowser(['--autoplay-policy=no-user-gesture-required']);
  const admin = await apiLogin(server.url, 'admin.banyumas@demo.layan.id', PASSWORD);
  mppId = (await call<{ mpp: { id: string } }>('GET', '/api/public/mpps/mpp-demo-banyumas', {})).mpp.id;
  await call('PATCH', `/api/catalog/mpps/${mppId}`, admin, { weeklyHours: ALWAYS_OPEN });
  displayToken = (await call<{ token: string }>('POST', `/api/mpps/${mppId}/devices`, admin, { kind: 'display', name: 'Layar lantai 2 (e2e)' })).token;
  kioskToken = (await call<{ token: string }>('POST', `/api/mpps/${mppId}/devices`, admin, { kind: 'kiosk', name: 'Kios (e2e)' })).token;
});
after(async () => {
  await browser?.close();
  await tvBrowser?.close();
  await server?.stop();
});

/** The clips that must say a call shown as `number` at the counter labelled `label`. */
function expectedClips(number: string, label: string): string[] {
  const [prefix, seq] = number.split('-') as [string, string];
  const word = (w: string) => (/^[A-Z]$/.test(w) ? `huruf-${w.toLowerCase()}` : w.toLowerCase());
  return [
    'chime',
    'nomor-antrean',
    ...[...prefix].map((l) => `huruf-${l.toLowerCase()}`),
    ...terbilang(Number(seq)).split(' '),
    'silakan-menuju',
    ...speakCounterLabel(label).split(' ').map(word),
  ];
}

test('a browser that wants a tap before sound: after a restart the board asks for one tap, saying why', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'id-ID' });
  const tv = await ctx.newPage();
  await tv.goto(`${server.url}/layar/${mppId}?token=${displayToken}`);
  await tv.getByText('Tersambung').waitFor({ timeout: 30_000 });
  await tv.getByRole('button', { name: 'Aktifkan suara panggilan' }).click();
  await tv.getByRole('button', { name: /suara/ }).waitFor({ state: 'detached' });
  // The TV is switched off and on: the browser starts again with the board's stored setting but with
  // no user activation on the page. (A plain reload is not used: Chromium may carry the tap's
  // activation across a same-origin reload and allow sound, so the outcome would depend on timing.)
  const stored = await ctx.storageState();
  await ctx.close();
  const restarted = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'id-ID', storageState: stored });
  // Desktop Chromium's rule, applied here for certain: audio starts only after a tap on the page.
  // Headless Chromium applies it to fresh pages only some of the time (seen: 1 of 4 fresh pages
  // refused, even with --autoplay-policy=document-user-activation-required, and
  // navigator.userActivation said "active" before any tap), which made this test a coin toss.
  await restarted.addInitScript(() => {
    let tapped = false;
    addEventListener('pointerdown', () => void (tapped = true), true);
    const Native = window.AudioContext;
    window.AudioContext = class extends Native {
      override get state(): AudioContextState {
        return tapped ? super.state : 'suspended';
      }
      override resume(): Promise<void> {
        return tapped ? super.resume() : new Promise<void>(() => undefined);
      }
    };
  });
  const again = await restarted.newPage();
  await again.goto(`${server.url}/layar/${mppId}?token=${displayToken}`);
  await again.getByText('Tersambung').waitFor({ timeout: 30_000 });
  await again.getByRole('button', { name: /Ketuk untuk menyalakan suara lagi/ }).waitFor({ timeout: 30_000 });
  await screenshot(again, 'board-sound-tap-again', { fullPage: false });
  await again.getByRole('button', { name: /Ketuk untuk menyalakan suara lagi/ }).click();
  await again.getByRole('button', { name: /suara/ }).waitFor({ state: 'detached', timeout: 30_000 });
  await restarted.close();
});

test('board 1920x1080 without an Indonesian voice: sound stays on after a reload, and the clips say the number and counter shown', async () => {
  const ctx = await tvBrowser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'id-ID' });
  // A TV browser with no speech voices at all; speaking through it would be silence.
  await ctx.addInitScript(() => {
    (window as any).synthCalls = 0;
    if (window.speechSynthesis) {
      window.speechSynthesis.getVoices = () => [];
      window.speechSynthesis.speak = () => void (window as any).synthCalls++;
    }
  });
  const tv = await ctx.newPage();
  const clipResponses = new Map<string, number>();
  tv.on('response', (r) => {
    const m = /\/suara\/([a-z0-9-]+)\.wav$/.exec(r.url());
    if (m) clipResponses.set(m[1]!, r.status());
  });
  await tv.goto(`${server.url}/layar/${mppId}?token=${displayToken}`);
  await tv.getByText('Tersambung').waitFor({ timeout: 30_000 });
  const soundButton = tv.getByRole('button', { name: /Aktifkan suara/ });
  await soundButton.click();
  await soundButton.waitFor({ state: 'detached' });

  // Reloaded (a power cut, a nightly restart): the board comes back with its sound on, no tap needed
  // (Chromium here runs with an autoplay policy that allows it, as a kiosk-mode TV browser should).
  await tv.reload();
  await tv.getByText('Tersambung').waitFor({ timeout: 30_000 });
  await tv.waitForFunction(() => (window as any).layanAnnouncer?.unlocked === true, undefined, { timeout: 30_000 });
  assert.equal(await soundButton.count(), 0, 'no "turn on sound" button after the reload');

  // Calls at two agencies: Dukcapil (a word clip) and BPJS Kesehatan (letters).
  const offer = await call<{ services: { id: string; name: string; tenantName: string }[] }>('GET', `/api/mpps/${mppId}/queue/offer`, {});
  const byName = (n: string) => offer.services.find((s) => s.name === n)!;
  for (const n of ['Perekaman KTP-el', 'Pendaftaran peserta JKN mandiri']) {
    assert.ok(byName(n), `service ${n} in the demo`);
    await call('POST', `/api/mpps/${mppId}/queue/tickets`, { authorization: `Bearer ${kioskToken}` }, { serviceId: byName(n).id });
  }
  const callers = [await apiLogin(server.url, 'petugas.dukcapil@demo.layan.id', PASSWORD), await apiLogin(server.url, 'admin.banyumas@demo.layan.id', PASSWORD)];
  const counters = await call<{ id: string; name: string }[]>('GET', `/api/mpps/${mppId}/queue/counters`, callers[1]!);
  const want = [counters.find((c) => c.name === 'Loket DUKCAPIL 1')!, counters.find((c) => c.name === 'Loket BPJSKES 1')!];
  for (const [i, counter] of want.entries()) {
    const who = i === 0 ? callers[0]! : callers[1]!;
    await call('POST', `/api/mpps/${mppId}/queue/counters/${counter.id}/open`, who);
    const called = await call<{ ticket: { number: string } }>('POST', `/api/mpps/${mppId}/queue/counters/${counter.id}/call-next`, who);
    const card = tv.locator('.board-call');
    await card.locator('.bc-number', { hasText: called.ticket.number }).waitFor({ timeout: 30_000 });
    const number = (await card.locator('.bc-number').textContent())!.trim();
    const label = (await card.locator('.bc-counter').textContent())!.replace('→', '').trim();
    assert.equal(label, counter.name);
    const expected = expectedClips(number, label);
    await tv.waitForFunction((n) => ((window as any).layanAnnouncer?.clipLog as string[][]).length >= n, i + 1, { timeout: 60_000 });
    const played = await tv.evaluate((k) => ((window as any).layanAnnouncer.clipLog as string[][])[k]!, i);
    assert.deepEqual(played, expected, `clips for ${number} at ${label}`);
    if (i === 0) await screenshot(tv, 'board-sound-clips', { fullPage: false });
  }
  // Every clip was fetched from the server, none missing; the empty speech engine was never used.
  await tv.waitForFunction(() => ((window as any).layanAnnouncer?.spoken as string[]).length >= 2, undefined, { timeout: 60_000 });
  for (const name of new Set(expectedClips('A-001', 'Loket DUKCAPIL 1').concat(expectedClips('R-001', 'Loket BPJSKES 1')))) {
    if (!clipResponses.has(name)) continue; // a letter of a prefix the calls did not use
    assert.equal(clipResponses.get(name), 200, `clip ${name}`);
  }
  assert.ok(clipResponses.get('dukcapil') === 200 && clipResponses.get('huruf-b') === 200 && clipResponses.get('loket') === 200, JSON.stringify([...clipResponses]));
  assert.equal(await tv.evaluate(() => (window as any).synthCalls), 0, 'speechSynthesis not used without an Indonesian voice');
  await ctx.close();
});
