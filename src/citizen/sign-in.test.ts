import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fakeClock, type TestApp } from '../../test/support/app.js';
import { CITIZEN_COOKIE, CITIZEN_CSRF_HEADER } from './routes.js';
import { CODE_TTL_MINUTES, DESTINATION_LIMIT } from './sign-in.js';

const clock = fakeClock('2026-11-23T02:00:00Z');
let t: TestApp;
let ipSeq = 0;
const nextIp = () => `10.88.${Math.floor(++ipSeq / 250)}.${(ipSeq % 250) + 1}`;

beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

async function askCode(destination: string, ip = nextIp(), lang?: 'id' | 'en') {
  return t.app.inject({ method: 'POST', url: '/api/citizen/codes', payload: { destination, ...(lang ? { lang } : {}) }, remoteAddress: ip });
}

/** The code as it reached the (fake) phone or mailbox: the newest message to that destination. */
function lastCodeSentTo(to: string): string {
  const m = [...t.app.fakeOutbox.sent].reverse().find((s) => s.to === to);
  if (!m) throw new Error(`nothing sent to ${to}`);
  const code = /\b(\d{6})\b/.exec(m.text)?.[1];
  if (!code) throw new Error(`no code in "${m.text}"`);
  return code;
}

async function deliver() {
  await t.ctx.outbox.runOnce();
}

async function signIn(destination: string, code: string, cookie?: string) {
  return t.app.inject({ method: 'POST', url: '/api/citizen/session', payload: { destination, code }, remoteAddress: nextIp(), headers: cookie ? { cookie } : {} });
}

const cookieOf = (res: { cookies: { name: string; value: string }[] }) => `${CITIZEN_COOKIE}=${res.cookies.find((c) => c.name === CITIZEN_COOKIE)!.value}`;

describe('one-time codes', () => {
  it('sends a code by SMS, signs in once with it, and refuses it the second time', async () => {
    const asked = await askCode('0812-3456-7001');
    expect(asked.statusCode).toBe(202);
    expect(asked.json()).toEqual({ sentTo: '0812****7001', expiresInMinutes: CODE_TTL_MINUTES });
    await deliver();
    const code = lastCodeSentTo('+6281234567001');
    const sms = t.app.fakeOutbox.sent.find((s) => s.to === '+6281234567001')!;
    expect(sms.channel).toBe('text');
    expect(sms.text.length).toBeLessThanOrEqual(160);
    expect(sms.text).toContain('Kode Layan');

    const ok = await signIn('+62 812 3456 7001', code);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ lang: 'id', contacts: [{ kind: 'phone', value: '+6281234567001' }] });
    const session = ok.cookies.find((c) => c.name === CITIZEN_COOKIE)!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    const me = await t.app.inject({ method: 'GET', url: '/api/citizen/session', headers: { cookie: cookieOf(ok) } });
    expect(me.json().contacts).toHaveLength(1);

    const again = await signIn('081234567001', code);
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ code: 'code_invalid', title: 'Kode salah, sudah dipakai, atau kedaluwarsa. Minta kode baru bila perlu.' });
  });

  it('refuses an expired code with the same message as a wrong one', async () => {
    await askCode('kadaluarsa@example.id');
    await deliver();
    const code = lastCodeSentTo('kadaluarsa@example.id');
    clock.advance(CODE_TTL_MINUTES * 60_000 + 1000);
    const expired = await signIn('kadaluarsa@example.id', code);
    const wrong = await signIn('kadaluarsa@example.id', code === '000000' ? '111111' : '000000');
    expect(expired.statusCode).toBe(400);
    expect(wrong.statusCode).toBe(400);
    const { requestId: _a, ...e } = expired.json();
    const { requestId: _b, ...w } = wrong.json();
    expect(e).toEqual(w);
  });

  it('refuses a code for a destination that never asked for one exactly as a wrong code for one that did', async () => {
    await askCode('ada@example.id');
    await deliver();
    const code = lastCodeSentTo('ada@example.id');
    const guess = code === '000000' ? '111111' : '000000';
    const known = await signIn('ada@example.id', guess);
    const unknown = await signIn('tidak.pernah@example.id', guess);
    const phone = await signIn('0812-9999-0000', guess);
    for (const r of [known, unknown, phone]) expect(r.statusCode).toBe(400);
    const bodies = [known, unknown, phone].map((r) => {
      const { requestId: _r, ...body } = r.json();
      return body;
    });
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
  });

  it('voids a code after five wrong guesses, even the right one after that', async () => {
    await askCode('tebak@example.id');
    await deliver();
    const code = lastCodeSentTo('tebak@example.id');
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 5; i++) expect((await signIn('tebak@example.id', wrong)).statusCode).toBe(400);
    expect((await signIn('tebak@example.id', code)).statusCode).toBe(400);
  });

  it('refuses a burst per destination and per address, with the same answer for a known and an unknown destination', async () => {
    // Known: someone signed in with it before.
    await askCode('kenal@example.id');
    await deliver();
    expect((await signIn('kenal@example.id', lastCodeSentTo('kenal@example.id'))).statusCode).toBe(200);
    clock.advance(DESTINATION_LIMIT.windowMinutes * 60_000 + 1000);

    const answers: Record<string, unknown[]> = { known: [], unknown: [] };
    for (const [who, destination] of [['known', 'kenal@example.id'], ['unknown', 'asing@example.id']] as const) {
      for (let i = 0; i < DESTINATION_LIMIT.max + 1; i++) {
        const r = await askCode(destination);
        const { requestId: _r, ...body } = r.json();
        answers[who]!.push([r.statusCode, r.statusCode === 202 ? body.expiresInMinutes : body]);
      }
    }
    expect(answers.known).toEqual(answers.unknown);
    expect(answers.known!.slice(0, DESTINATION_LIMIT.max).every((a) => (a as unknown[])[0] === 202)).toBe(true);
    const refused = await askCode('asing@example.id');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(refused.json()).toMatchObject({ code: 'code_rate_limited' });
    expect(refused.json().title).toMatch(/^Terlalu banyak permintaan kode\. Coba lagi dalam \d+ menit\.$/);

    // One address asking for many destinations.
    const ip = '10.99.0.1';
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await askCode(`orang${i}@example.id`, ip)).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 202)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('answers in English when asked, and refuses a destination that is neither a phone nor an email', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/citizen/codes', payload: { destination: 'bukan-nomor' }, headers: { 'accept-language': 'en' }, remoteAddress: nextIp() });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors[0].message).toBe('Give a valid mobile number (e.g. 081234567890) or email address.');
    await askCode('english@example.id', nextIp(), 'en');
    await deliver();
    const mail = [...t.app.fakeOutbox.sent].reverse().find((s) => s.to === 'english@example.id')!;
    expect(mail.channel === 'email' && mail.subject).toMatch(/^Layan sign-in code: \d{6}$/);
  });

  it('adds a second verified contact to the signed-in citizen, and needs the CSRF token to write', async () => {
    await askCode('081234567002');
    await deliver();
    const first = await signIn('081234567002', lastCodeSentTo('+6281234567002'));
    await askCode('dua@example.id');
    await deliver();
    const second = await signIn('dua@example.id', lastCodeSentTo('dua@example.id'), cookieOf(first));
    expect(second.json().id).toBe(first.json().id);
    expect(second.json().contacts.map((c: { value: string }) => c.value)).toEqual(['dua@example.id', '+6281234567002']);

    const noCsrf = await t.app.inject({ method: 'PUT', url: '/api/citizen/me', payload: { lang: 'en' }, headers: { cookie: cookieOf(second) } });
    expect(noCsrf.statusCode).toBe(403);
    const withCsrf = await t.app.inject({ method: 'PUT', url: '/api/citizen/me', payload: { lang: 'en' }, headers: { cookie: cookieOf(second), [CITIZEN_CSRF_HEADER]: second.json().csrfToken } });
    expect(withCsrf.json().lang).toBe('en');
    const out = await t.app.inject({ method: 'DELETE', url: '/api/citizen/session', headers: { cookie: cookieOf(second), [CITIZEN_CSRF_HEADER]: second.json().csrfToken } });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/citizen/session', headers: { cookie: cookieOf(second) } })).statusCode).toBe(401);
  });
});
