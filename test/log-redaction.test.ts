import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { FakeOutbox } from '../src/notifications/fake.js';
import { loadConfig } from '../src/platform/config.js';
import type { App } from '../src/platform/http.js';
import { redactText, redactUrl } from '../src/platform/redact.js';
import { createTestDb, type TestDb } from './support/db.js';

const NIK = '3578014501900001';
const PHONE = '081234567890';
const EMAIL = 'warga.contoh@mail.test';
const STATUS_TOKEN = 'st_9f8e7d6c5b4a39281706f5e4d3c2b1a0';
const SIG = 'Zx9-signature-of-a-booking-link_0123';
const TRACKING = 'LPR7Q2X9K';

describe('redaction of text and URLs', () => {
  it('masks NIKs, phones, emails and prefixed tokens', () => {
    const out = redactText(`NIK ${NIK}, HP ${PHONE} / +62 812-3456-7890, ${EMAIL}, sesi ses_${'a'.repeat(30)}`);
    expect(out).toBe('NIK [nik], HP [phone] / [phone], [email], sesi [redacted]');
    expect(redactText('antrean A-012, loket 3, 2026-12-01')).toBe('antrean A-012, loket 3, 2026-12-01');
  });
  it('redacts secret route parameters by the route pattern and secret query keys by name', () => {
    expect(redactUrl(`/api/queue/status/${STATUS_TOKEN}/events`, '/api/queue/status/:token/events')).toBe('/api/queue/status/[redacted]/events');
    expect(redactUrl(`/api/mpps/m1/bookings/BK123?sig=${SIG}&lang=id`, '/api/mpps/:mppId/bookings/:code')).toBe('/api/mpps/m1/bookings/[redacted]?sig=[redacted]&lang=id');
    expect(redactUrl(`/api/public/search?q=${NIK}&mpp=kota-malang`)).toBe('/api/public/search?q=[nik]&mpp=kota-malang');
  });
});

describe('request logs', () => {
  let testDb: TestDb;
  let app: App;
  const lines: string[] = [];

  beforeAll(async () => {
    testDb = await createTestDb();
    const config = loadConfig({ LOG_LEVEL: 'info', DATA_DIR: '/tmp/layan-unused', WEB_DIR: '/nonexistent' });
    ({ app } = await buildApp(testDb.db, config, { logStream: { write: (line) => void lines.push(line) } }));
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await testDb.drop();
  });

  it('carry no status token, booking code or signature, tracking code, NIK, phone or email', async () => {
    const urls = [
      `/api/queue/status/${STATUS_TOKEN}`,
      `/api/queue/status/${STATUS_TOKEN}/events`,
      `/api/survey/forms/${STATUS_TOKEN}`,
      `/api/mpps/00000000-0000-4000-8000-000000000000/bookings/${TRACKING}?sig=${SIG}`,
      `/api/complaints/track/${TRACKING}`,
      `/api/public/search?q=${NIK}`,
      `/api/public/search?q=${encodeURIComponent(EMAIL)}&phone=${PHONE}`,
      `/api/nowhere/${NIK}/${PHONE}`,
    ];
    for (const url of urls) await app.inject({ method: 'GET', url });
    const log = lines.join('');
    expect(log).toContain('incoming request');
    for (const secret of [STATUS_TOKEN, SIG, TRACKING, NIK, PHONE, EMAIL, encodeURIComponent(EMAIL)]) expect(log).not.toContain(secret);
    expect(log).toContain('/api/queue/status/[redacted]/events');
  });

  it('headers that carry credentials are censored', async () => {
    await app.inject({ method: 'GET', url: '/api/ping', headers: { authorization: `Bearer ${STATUS_TOKEN}`, cookie: `layan_session=${STATUS_TOKEN}` } });
    expect(lines.join('')).not.toContain(STATUS_TOKEN);
  });
});

describe('messages not sent (no SMTP / SMS gateway)', () => {
  it('log the masked recipient and subject at info, the text only at debug', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'info' }, { write: (l: string) => void lines.push(l) });
    const outbox = new FakeOutbox(log);
    await outbox.send({ to: EMAIL, subject: 'Booking Anda', text: `Kelola booking: https://layan.test/booking/kelola/m/${TRACKING}?sig=${SIG}` });
    await outbox.send({ to: '+6281234567890', text: `Kode Anda ${TRACKING}` });
    const text = lines.join('');
    expect(text).toContain('Booking Anda');
    for (const secret of [EMAIL, SIG, TRACKING, '+6281234567890']) expect(text).not.toContain(secret);
    expect(outbox.sent).toHaveLength(2);
  });
});
