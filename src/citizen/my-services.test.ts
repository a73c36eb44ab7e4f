import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { fileAndFind, sample } from '../complaints/complaints.test-helpers.js';
import { issue, post, seedQueueWorld, type QueueWorld } from '../queue/fixtures.test-helpers.js';
import { CITIZEN_COOKIE } from './routes.js';

/**
 * "Layanan saya" lists what the citizen's verified contacts left behind (issue 11 item 4): a ticket
 * being served turns into a survey invitation, a waiting one shows the live count, a called one names
 * the counter as the status page does, and a complaint shows what it needs next. Another person's
 * records never appear.
 */
let t: TestApp;
let w: QueueWorld;
const PHONE = '+6281234569001';
let ip = 0;

beforeAll(async () => {
  t = await createTestApp();
  w = await seedQueueWorld(t);
  expect((await post(t, w.officer, `/api/mpps/${w.mppId}/queue/counters/${w.counters.c1}/open`)).statusCode).toBe(200);
});
afterAll(() => t.close());

const deliverAll = async () => {
  while ((await t.ctx.outbox.runOnce()) > 0);
};

async function follow(statusToken: string, phone: string) {
  const res = await t.app.inject({ method: 'PUT', url: `/api/citizen/tickets/${statusToken}/follow`, payload: { phone, nearThreshold: 1, consent: true } });
  expect(res.statusCode).toBe(200);
}

/** Signs in as a citizen would: the code is read from the SMS the fake gateway received. */
async function signIn(phone: string): Promise<string> {
  const remoteAddress = `10.91.0.${++ip}`;
  expect((await t.app.inject({ method: 'POST', url: '/api/citizen/codes', payload: { destination: phone }, remoteAddress })).statusCode).toBe(202);
  await deliverAll();
  const sms = [...t.app.fakeOutbox.sent].reverse().find((m) => m.to === phone && m.text.startsWith('Kode Layan'))!;
  const code = /(\d{6})/.exec(sms.text)![1]!;
  const res = await t.app.inject({ method: 'POST', url: '/api/citizen/session', payload: { destination: phone, code }, remoteAddress });
  expect(res.statusCode).toBe(200);
  return `${CITIZEN_COOKIE}=${res.cookies.find((c) => c.name === CITIZEN_COOKIE)!.value}`;
}

type Item = { kind: string; reference: string; status: string; next: { action: string; text: string }; link: string | null; peopleAhead: number | null; counter: string | null };
async function items(cookie: string): Promise<Item[]> {
  const res = await t.app.inject({ method: 'GET', url: '/api/citizen/me/items', headers: { cookie } });
  expect(res.statusCode).toBe(200);
  return res.json().items as Item[];
}

describe('Layanan saya', () => {
  it('lists a served ticket as a survey invitation, the waiting and called tickets with what to do, and the complaint, and nothing of another person', async () => {
    const served = (await issue(t, w, w.services.ktp)).json();
    const called = (await issue(t, w, w.services.ktp)).json();
    const waiting = (await issue(t, w, w.services.ktp)).json();
    const someoneElse = (await issue(t, w, w.services.ktp)).json();
    await follow(served.statusToken, '0812-3456-9001');
    await follow(called.statusToken, PHONE);
    await follow(waiting.statusToken, PHONE);
    await follow(someoneElse.statusToken, '0812-3456-9999');
    const complaint = await fileAndFind(t, w.mppId, sample({ contactPhone: '0812 3456 9001' }));
    await fileAndFind(t, w.mppId, sample({ contactPhone: '0812 3456 9999' }));

    // The first is served, the second called.
    const first = await post(t, w.officer, `/api/mpps/${w.mppId}/queue/counters/${w.counters.c1}/call-next`);
    expect(first.json().ticket.number).toBe(served.number);
    await post(t, w.officer, `/api/mpps/${w.mppId}/queue/tickets/${served.id}/start`, {});
    await post(t, w.officer, `/api/mpps/${w.mppId}/queue/tickets/${served.id}/finish`, {});
    expect((await post(t, w.officer, `/api/mpps/${w.mppId}/queue/counters/${w.counters.c1}/call-next`)).json().ticket.number).toBe(called.number);
    await deliverAll();

    const list = await items(await signIn(PHONE));
    // Exactly this citizen's four things; going to the counter comes first, the survey (no hurry) last.
    expect(list.map((i) => `${i.kind} ${i.reference}`).sort()).toEqual([`complaint ${complaint.code}`, `survey ${served.number}`, `ticket ${called.number}`, `ticket ${waiting.number}`].sort());
    expect(list[0]).toMatchObject({ kind: 'ticket', reference: called.number });
    expect(list[3]).toMatchObject({ kind: 'survey', reference: served.number });
    const find = (kind: string, reference: string) => list.find((i) => i.kind === kind && i.reference === reference)!;
    const [go, wait, filed, survey] = [find('ticket', called.number), find('ticket', waiting.number), find('complaint', complaint.code), find('survey', served.number)];
    const status = (await t.app.inject({ method: 'GET', url: `/api/queue/status/${called.statusToken}` })).json();
    expect(go).toMatchObject({ status: 'called', counter: status.counter.name, next: { action: 'go_to_counter', text: `Menuju ${status.counter.name} sekarang.` } });
    expect(wait).toMatchObject({ status: 'waiting', peopleAhead: 0, next: { action: 'wait' }, link: `/antrean/${waiting.statusToken}` });
    expect(filed).toMatchObject({ next: { action: 'wait' }, link: `/lacak/${complaint.code}` });
    expect(survey.next.action).toBe('fill_survey');
    // The invitation opens the survey code printed on that ticket.
    const servedStatus = (await t.app.inject({ method: 'GET', url: `/api/queue/status/${served.statusToken}` })).json();
    expect(survey.link).toBe(`/survei/${servedStatus.surveyCode}`);
  });
});
