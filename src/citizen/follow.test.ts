import { createECDH, createPublicKey, randomBytes, verify } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import ece from 'http_ece';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { fileAndFind, sample } from '../complaints/complaints.test-helpers.js';
import { issue, post, seedQueueWorld, type QueueWorld } from '../queue/fixtures.test-helpers.js';
import { SMS_SEGMENT } from './messages.js';

let t: TestApp;
let w: QueueWorld;

// A push service on this machine: a plain HTTP server that keeps what it receives.
let pushServer: Server;
let pushBase: string;
const received: { path: string; headers: IncomingHttpHeaders; body: Buffer }[] = [];
let pushAnswer = 201;

beforeAll(async () => {
  pushServer = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res.statusCode = pushAnswer;
      res.end();
    });
  });
  await new Promise<void>((resolve) => pushServer.listen(0, '127.0.0.1', resolve));
  pushBase = `http://127.0.0.1:${(pushServer.address() as AddressInfo).port}`;
  t = await createTestApp({ env: { PUBLIC_URL: 'https://mpp.example.id' } });
  w = await seedQueueWorld(t);
  expect((await post(t, w.officer, `/api/mpps/${w.mppId}/queue/counters/${w.counters.c1}/open`)).statusCode).toBe(200);
});
afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => pushServer.close(() => resolve()));
});

/** A browser's push subscription: its key pair and auth secret, as PushManager.subscribe makes them. */
function browserSubscription(path: string) {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return { ecdh, auth, input: { endpoint: `${pushBase}${path}`, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') } } };
}

/** Checks the VAPID authorization as a push service does (RFC 8292): ES256 JWT signed by the key given in k=. */
function checkVapid(headers: IncomingHttpHeaders, endpointOrigin: string, publicKey: string) {
  const m = /^vapid t=([^,]+), k=(.+)$/.exec(String(headers.authorization));
  expect(m, String(headers.authorization)).not.toBeNull();
  const [, jwt, k] = m!;
  expect(k).toBe(publicKey);
  const [h, p, s] = jwt!.split('.');
  const point = Buffer.from(k!, 'base64url');
  const key = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') }, format: 'jwk' });
  expect(verify('sha256', Buffer.from(`${h}.${p}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(s!, 'base64url'))).toBe(true);
  const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
  expect(claims.aud).toBe(endpointOrigin);
  expect(claims.exp * 1000).toBeGreaterThan(Date.now());
  expect(claims.sub).toMatch(/^(mailto:|https:)/);
  // A forged signature must not pass the same check.
  const forged = Buffer.from(s!, 'base64url');
  forged[0] = forged[0]! ^ 0xff;
  expect(verify('sha256', Buffer.from(`${h}.${p}`), { key, dsaEncoding: 'ieee-p1363' }, forged)).toBe(false);
}

const textsTo = (to: string) => t.app.fakeOutbox.sent.filter((m) => m.to === to).map((m) => m.text);
const deliverAll = async () => {
  while ((await t.ctx.outbox.runOnce()) > 0);
};
const callNext = (counter = w.counters.c1) => post(t, w.officer, `/api/mpps/${w.mppId}/queue/counters/${counter}/call-next`);
const act = (ticketId: string, action: string) => post(t, w.officer, `/api/mpps/${w.mppId}/queue/tickets/${ticketId}/${action}`, {});

describe('following a ticket', () => {
  it('tells the holder once when the turn is near (the number matches the status page), when called, and sends the survey link after service', async () => {
    const tickets = [];
    for (let i = 0; i < 5; i++) tickets.push((await issue(t, w, w.services.ktp)).json());
    const mine = tickets[4]; // four people ahead
    const phone = '+6281234560001';
    const sub = browserSubscription('/push/abc');
    const follow = await t.app.inject({
      method: 'PUT',
      url: `/api/citizen/tickets/${mine.statusToken}/follow`,
      payload: { phone: '0812-3456-0001', push: sub.input, nearThreshold: 2, consent: true },
    });
    expect(follow.statusCode).toBe(200);
    expect(follow.json()).toMatchObject({ ticketNumber: mine.number, phone, push: true, nearThreshold: 2, lang: 'id' });

    await deliverAll();
    expect(textsTo(phone)).toEqual([]); // 4 ahead: not near yet
    await callNext();
    await deliverAll();
    expect(textsTo(phone)).toEqual([]); // 3 ahead
    // The first officer finishes; the next call leaves 2 ahead.
    await act(tickets[0].id, 'start');
    await act(tickets[0].id, 'finish');
    await callNext();
    await deliverAll();
    const status = (await t.app.inject({ method: 'GET', url: `/api/queue/status/${mine.statusToken}` })).json();
    expect(status.peopleAhead).toBe(2);
    const near = textsTo(phone);
    expect(near).toHaveLength(1);
    expect(near[0]).toBe(`${mine.number} ${status.mpp.name}: 2 orang lagi di depan Anda. Bersiaplah.`);
    expect(near[0]!.length).toBeLessThanOrEqual(SMS_SEGMENT);

    // The push reached the local push service, signed and encrypted.
    expect(received).toHaveLength(1);
    const push = received[0]!;
    expect(push.path).toBe('/push/abc');
    expect(push.headers['content-encoding']).toBe('aes128gcm');
    expect(Number(push.headers.ttl)).toBeGreaterThan(0);
    const { publicKey } = (await t.app.inject({ method: 'GET', url: '/api/citizen/push-key' })).json();
    checkVapid(push.headers, pushBase, publicKey);
    const plain = JSON.parse(ece.decrypt(push.body, { version: 'aes128gcm', privateKey: sub.ecdh, authSecret: sub.auth.toString('base64url') }).toString('utf8'));
    expect(plain).toEqual({ title: `Giliran Anda sudah dekat (${mine.number})`, body: '2 orang lagi di depan Anda. Bersiaplah.', url: `/antrean/${mine.statusToken}`, tag: `ticket-${mine.id}` });

    // Later calls do not repeat "near".
    for (const done of [tickets[1], tickets[2], tickets[3]]) {
      await act(done.id, 'start');
      await act(done.id, 'finish');
      const called = (await callNext()).json().ticket;
      if (called.id === mine.id) break;
    }
    await deliverAll();
    const all = textsTo(phone);
    expect(all).toHaveLength(2);
    expect(all[1]).toBe(`Tiket ${mine.number} dipanggil ke Loket 1. Silakan menuju loket sekarang.`);
    // "Called" reached the push service too, decrypted with the subscription's keys as the phone would.
    expect(received).toHaveLength(2);
    checkVapid(received[1]!.headers, pushBase, publicKey);
    const calledPush = JSON.parse(ece.decrypt(received[1]!.body, { version: 'aes128gcm', privateKey: sub.ecdh, authSecret: sub.auth.toString('base64url') }).toString('utf8'));
    expect(calledPush).toMatchObject({ title: `Dipanggil: ${mine.number}`, url: `/antrean/${mine.statusToken}`, tag: `ticket-${mine.id}` });
    expect(calledPush.body).toContain('Loket 1');

    await act(mine.id, 'start');
    await act(mine.id, 'finish');
    await deliverAll();
    const after = textsTo(phone);
    expect(after).toHaveLength(3);
    const link = /https:\/\/mpp\.example\.id\/survei\/(\S+)$/.exec(after[2]!);
    expect(link, after[2]).not.toBeNull();
    expect(after[2]!.length).toBeLessThanOrEqual(SMS_SEGMENT);
    // The link opens the survey of this service.
    const form = await t.app.inject({ method: 'GET', url: `/api/survey/forms/${link![1]}` });
    expect(form.statusCode).toBe(200);
    expect(form.json().serviceName ?? form.json().service?.name).toBe('Perekaman KTP-el');
  });

  it('speaks English when the holder chose it, says "near" at once when already near, and stops when consent is withdrawn', async () => {
    const a = (await issue(t, w, w.services.kk)).json();
    const b = (await issue(t, w, w.services.kk)).json();
    const email = 'holder@example.id';
    const f = await t.app.inject({ method: 'PUT', url: `/api/citizen/tickets/${b.statusToken}/follow`, payload: { email, lang: 'en', nearThreshold: 3, consent: true } });
    expect(f.statusCode, f.body).toBe(200);
    await deliverAll();
    const mails = t.app.fakeOutbox.sent.filter((m) => m.to === email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.channel === 'email' && mails[0]!.subject).toBe(`Ticket ${b.number}: your turn is near`);
    expect(mails[0]!.text).toContain('1 person ahead of you');

    const withdraw = await t.app.inject({ method: 'DELETE', url: `/api/citizen/tickets/${b.statusToken}/follow` });
    expect(withdraw.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: `/api/citizen/tickets/${b.statusToken}/follow` })).json()).toBeNull();
    const calledRes = await callNext();
    expect(calledRes.json().ticket.id, calledRes.body).toBe(a.id);
    await act(a.id, 'start');
    await act(a.id, 'finish');
    await callNext();
    await deliverAll();
    expect(t.app.fakeOutbox.sent.filter((m) => m.to === email)).toHaveLength(1);
  });

  it('refuses without consent or without any channel, and for a finished ticket', async () => {
    const x = (await issue(t, w, w.services.stnk)).json();
    const noConsent = await t.app.inject({ method: 'PUT', url: `/api/citizen/tickets/${x.statusToken}/follow`, payload: { phone: '081234560009' } });
    expect(noConsent.statusCode).toBe(400);
    const noChannel = await t.app.inject({ method: 'PUT', url: `/api/citizen/tickets/${x.statusToken}/follow`, payload: { consent: true } });
    expect(noChannel.statusCode).toBe(400);
    expect(noChannel.json().errors[0].message).toBe('Isi nomor ponsel, email, atau izinkan notifikasi.');
    await t.app.inject({ method: 'POST', url: `/api/queue/status/${x.statusToken}/cancel` });
    const finished = await t.app.inject({ method: 'PUT', url: `/api/citizen/tickets/${x.statusToken}/follow`, payload: { phone: '081234560009', consent: true } });
    expect(finished.statusCode).toBe(409);
    expect(finished.json().code).toBe('ticket_not_followable');
    expect((await t.app.inject({ method: 'GET', url: '/api/citizen/tickets/unknown-token-123/follow' })).statusCode).toBe(404);
  });

  it('deletes a subscription the push service says is gone', async () => {
    const y = (await issue(t, w, w.services.stnk)).json();
    const sub = browserSubscription('/push/gone');
    pushAnswer = 410;
    try {
      await t.app.inject({ method: 'PUT', url: `/api/citizen/tickets/${y.statusToken}/follow`, payload: { push: sub.input, nearThreshold: 5, consent: true } });
      await deliverAll();
    } finally {
      pushAnswer = 201;
    }
    expect(received.at(-1)!.path).toBe('/push/gone');
    const { rows } = await t.db.query('SELECT 1 FROM citizen_push_subscriptions WHERE endpoint = $1', [sub.input.endpoint]);
    expect(rows).toEqual([]);
    const { rows: failed } = await t.db.query("SELECT 1 FROM outbox WHERE topic = 'citizen.push' AND (failed_at IS NOT NULL OR delivered_at IS NULL)");
    expect(failed).toEqual([]);
  });
});

describe('complaint messages', () => {
  it('tells the complainant of each public step and sends the answer in full', async () => {
    const email = 'pelapor@example.id';
    const c = await fileAndFind(t, w.mppId, sample({ contactEmail: email, contactPhone: '0812 3456 0077' }));
    const url = (a: string) => `/api/mpps/${w.mppId}/complaints/${c.id}/actions/${a}`;
    await t.app.inject({ method: 'POST', url: url('verify'), headers: w.admin.headers, payload: { track: 'simple' } });
    const answer = 'Petugas informasi kini berjaga di depan loket Dukcapil setiap hari kerja.';
    expect((await t.app.inject({ method: 'POST', url: url('answer'), headers: w.admin.headers, payload: { answer } })).statusCode).toBe(200);
    await deliverAll();
    const mails = t.app.fakeOutbox.sent.filter((m) => m.to === email);
    expect(mails.map((m) => m.channel === 'email' && m.subject)).toEqual([`Pengaduan ${c.code}: diverifikasi`, `Pengaduan ${c.code} sudah dijawab`]);
    expect(mails[1]!.text).toContain(answer);
    expect(mails[1]!.text).toContain(`https://mpp.example.id/lacak/${c.code}`);
    const sms = textsTo('+6281234560077');
    expect(sms).toEqual([`Pengaduan ${c.code}: diverifikasi. https://mpp.example.id/lacak/${c.code}`, `Pengaduan ${c.code} sudah dijawab. Baca: https://mpp.example.id/lacak/${c.code}`]);
    for (const s of sms) expect(s.length).toBeLessThanOrEqual(SMS_SEGMENT);
  });

  it('sends nothing for a complaint without a contact', async () => {
    const before = t.app.fakeOutbox.sent.length;
    const c = await fileAndFind(t, w.mppId, sample());
    await t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/complaints/${c.id}/actions/verify`, headers: w.admin.headers, payload: { track: 'simple' } });
    await deliverAll();
    expect(t.app.fakeOutbox.sent.length).toBe(before);
  });
});
