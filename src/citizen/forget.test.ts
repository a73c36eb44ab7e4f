import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { issue, seedQueueWorld, type QueueWorld } from '../queue/fixtures.test-helpers.js';
import { CITIZEN_COOKIE, CITIZEN_CSRF_HEADER } from './routes.js';

let t: TestApp;
let w: QueueWorld;
let ipSeq = 0;
const nextIp = () => `10.77.${Math.floor(++ipSeq / 250)}.${(ipSeq % 250) + 1}`;

beforeAll(async () => {
  t = await createTestApp();
  w = await seedQueueWorld(t);
});
afterAll(() => t.close());

interface Signed {
  cookie: string;
  csrf: string;
  id: string;
}

/** Asks a code for the destination, reads it from the fake phone or mailbox and signs in with it. */
async function signIn(destination: string, to: string, current?: Signed): Promise<Signed> {
  expect((await t.app.inject({ method: 'POST', url: '/api/citizen/codes', payload: { destination }, remoteAddress: nextIp() })).statusCode).toBe(202);
  while ((await t.ctx.outbox.runOnce()) > 0);
  const sent = [...t.app.fakeOutbox.sent].reverse().find((s) => s.to === to)!;
  const code = /\b(\d{6})\b/.exec(sent.text)![1];
  const res = await t.app.inject({ method: 'POST', url: '/api/citizen/session', payload: { destination, code }, remoteAddress: nextIp(), headers: current ? { cookie: current.cookie } : {} });
  expect(res.statusCode).toBe(200);
  return { cookie: `${CITIZEN_COOKIE}=${res.cookies.find((c) => c.name === CITIZEN_COOKIE)!.value}`, csrf: res.json().csrfToken, id: res.json().id };
}

const as = (s: Signed, withCsrf = true) => ({ cookie: s.cookie, ...(withCsrf ? { [CITIZEN_CSRF_HEADER]: s.csrf } : {}) });
const removeUrl = (kind: string, value: string) => `/api/citizen/me/contacts/${kind}/${encodeURIComponent(value)}`;

describe('removing a contact', () => {
  it('removes a phone number and the ticket follow left with it, keeps the account on its email, and refuses to remove the last contact', async () => {
    const me = await signIn('081234570001', '+6281234570001');
    await signIn('hapus@example.id', 'hapus@example.id', me);
    const ticket = (await issue(t, w, w.services.ktp)).json();
    const follow = await t.app.inject({ method: 'PUT', url: `/api/citizen/tickets/${ticket.statusToken}/follow`, payload: { phone: '081234570001', consent: true } });
    expect(follow.statusCode).toBe(200);

    const noCsrf = await t.app.inject({ method: 'DELETE', url: removeUrl('phone', '+6281234570001'), headers: as(me, false) });
    expect(noCsrf.statusCode).toBe(403);

    const removed = await t.app.inject({ method: 'DELETE', url: removeUrl('phone', '+6281234570001'), headers: as(me) });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().contacts.map((c: { value: string }) => c.value)).toEqual(['hapus@example.id']);
    // The consent given on the status page with that number is withdrawn with it.
    expect((await t.app.inject({ method: 'GET', url: `/api/citizen/tickets/${ticket.statusToken}/follow` })).json()).toBeNull();

    const last = await t.app.inject({ method: 'DELETE', url: removeUrl('email', 'hapus@example.id'), headers: { ...as(me), 'accept-language': 'id' } });
    expect(last.statusCode).toBe(409);
    expect(last.json()).toMatchObject({ code: 'last_contact', title: 'Ini satu-satunya kontak akun Anda. Untuk menghapusnya, hapus akun Layanan saya.' });
  });

  it('answers 404 for a contact that is not on the account (another citizen\'s stays theirs)', async () => {
    const a = await signIn('lain.a@example.id', 'lain.a@example.id');
    await signIn('081234570002', '+6281234570002', a);
    const b = await signIn('lain.b@example.id', 'lain.b@example.id');
    const other = await t.app.inject({ method: 'DELETE', url: removeUrl('email', 'lain.a@example.id'), headers: as(b) });
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('contact_not_found');
    const garbage = await t.app.inject({ method: 'DELETE', url: removeUrl('phone', 'bukan-nomor'), headers: as(a) });
    expect(garbage.statusCode).toBe(404);
    const me = await t.app.inject({ method: 'GET', url: '/api/citizen/session', headers: as(a, false) });
    expect(me.json().contacts).toHaveLength(2);
  });

  it('keeps one contact when both are removed at the same moment', async () => {
    const me = await signIn('081234570003', '+6281234570003');
    await signIn('balapan@example.id', 'balapan@example.id', me);
    const [x, y] = await Promise.all([
      t.app.inject({ method: 'DELETE', url: removeUrl('phone', '+6281234570003'), headers: as(me) }),
      t.app.inject({ method: 'DELETE', url: removeUrl('email', 'balapan@example.id'), headers: as(me) }),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 409]);
    const left = await t.app.inject({ method: 'GET', url: '/api/citizen/session', headers: as(me, false) });
    expect(left.json().contacts).toHaveLength(1);
  });
});

describe('deleting the account', () => {
  it('deletes contacts, sessions and push subscriptions; signing in again with the same email starts a new, empty account', async () => {
    const me = await signIn('lupakan@example.id', 'lupakan@example.id');
    const push = await t.app.inject({ method: 'POST', url: '/api/citizen/me/push', headers: as(me), payload: { endpoint: 'https://push.example.id/lupakan', keys: { p256dh: 'p'.repeat(60), auth: 'a'.repeat(16) } } });
    expect(push.statusCode).toBe(204);
    const ticket = (await issue(t, w, w.services.ktp)).json();
    await t.app.inject({ method: 'PUT', url: `/api/citizen/tickets/${ticket.statusToken}/follow`, payload: { email: 'lupakan@example.id', consent: true } });

    expect((await t.app.inject({ method: 'DELETE', url: '/api/citizen/me', headers: as(me, false) })).statusCode).toBe(403);
    const gone = await t.app.inject({ method: 'DELETE', url: '/api/citizen/me', headers: as(me) });
    expect(gone.statusCode).toBe(204);
    expect(gone.cookies.find((c) => c.name === CITIZEN_COOKIE)?.value).toBe('');

    expect((await t.app.inject({ method: 'GET', url: '/api/citizen/session', headers: as(me, false) })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: `/api/citizen/tickets/${ticket.statusToken}/follow` })).json()).toBeNull();
    const rows = await t.db.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM citizens WHERE id = $1) + (SELECT count(*) FROM citizen_contacts WHERE value = 'lupakan@example.id')
            + (SELECT count(*) FROM citizen_push_subscriptions WHERE endpoint = 'https://push.example.id/lupakan')
            + (SELECT count(*) FROM citizen_login_codes WHERE value = 'lupakan@example.id') AS n`,
      [me.id],
    );
    expect(Number(rows.rows[0]!.n)).toBe(0);

    const again = await signIn('lupakan@example.id', 'lupakan@example.id');
    expect(again.id).not.toBe(me.id);
    const items = await t.app.inject({ method: 'GET', url: '/api/citizen/me/items', headers: as(again, false) });
    expect(items.statusCode).toBe(200);
  });

  it('refuses without a session', async () => {
    expect((await t.app.inject({ method: 'DELETE', url: '/api/citizen/me' })).statusCode).toBe(401);
  });
});
