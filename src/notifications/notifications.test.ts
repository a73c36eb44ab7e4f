import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { book, nik, seedBookingWorld } from '../booking/fixtures.test-helpers.js';
import { createTestApp, fakeClock, type TestApp } from '../../test/support/app.js';
import { loadConfig } from '../platform/config.js';
import { OutboxWorker } from '../platform/outbox-worker.js';
import { FakeOutbox } from './fake.js';
import { notify } from './notify.js';
import { registerNotificationHandlers } from './routes.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, webhookSignature } from './webhook.js';

const received: { from: string; to: string[]; raw: string }[] = [];
let smtp: SMTPServer;
let smtpPort: number;
let hook: Server;
let hookUrl: string;
const hookCalls: { headers: IncomingMessage['headers']; body: string }[] = [];
let hookAnswers: number[] = [];

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
  hook = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      hookCalls.push({ headers: req.headers, body });
      res.statusCode = hookAnswers.shift() ?? 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/sms`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await new Promise<void>((resolve) => hook.close(() => resolve()));
});

async function until<T>(fn: () => T | undefined, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('email over SMTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ clock: fakeClock('2026-11-23T00:00:00Z'), env: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, SMTP_FROM: 'MPP Test <mpp@test.layan>', BOOKING_RATE_LIMIT: '1000' } });
  });
  afterAll(() => t.close());

  it('delivers the booking confirmation in Bahasa Indonesia with the .ics attached', async () => {
    const w = await seedBookingWorld(t);
    const b = (await book(t, w, '2026-11-24T02:00:00.000Z', nik(1), { email: 'siti@example.id', phone: undefined })).json();
    expect(await t.ctx.outbox.runOnce()).toBe(1);
    const mail = await until(() => received.find((m) => m.to.includes('siti@example.id')));
    expect(mail.from).toBe('mpp@test.layan');
    expect(mail.raw).toContain(`Booking ${b.code} terkonfirmasi`);
    expect(mail.raw).toContain('Kode booking: ' + b.code);
    expect(mail.raw).toMatch(/filename="?booking-[A-Z0-9]{8}\.ics/);
    expect(mail.raw).toContain('text/calendar');
    const delivered = await t.db.query<{ delivered_at: Date | null }>("SELECT delivered_at FROM outbox WHERE topic = 'notify.email'");
    expect(delivered.rows[0]!.delivered_at).not.toBeNull();
  });
});

describe('SMS over a signed webhook', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('signs each POST and retries with backoff until the gateway accepts', async () => {
    let now = new Date('2026-11-23T00:00:00Z');
    const worker = new OutboxWorker(t.db, pino({ level: 'silent' }), { now: () => now, backoffMs: 1000 });
    const secret = 'rahasia-webhook-0123456789';
    registerNotificationHandlers(worker, { smtpFrom: 'x', smsWebhookUrl: hookUrl, smsWebhookSecret: secret }, new FakeOutbox());
    await t.db.transaction(async (tx) => notify(tx, null, { phone: '+6281234567890' }, { subject: 's', text: 'panjang', shortText: 'Booking ABCD2345 terkonfirmasi' }));
    await t.db.query('UPDATE outbox SET available_at = $1', [now]);
    hookAnswers = [503];
    await worker.runOnce();
    const row = (await t.db.query<{ attempts: number; last_error: string; available_at: Date }>('SELECT attempts, last_error, available_at FROM outbox')).rows[0]!;
    expect(row).toMatchObject({ attempts: 1, last_error: 'SMS gateway answered 503' });
    expect(new Date(row.available_at).toISOString()).toBe('2026-11-23T00:00:01.000Z');
    now = new Date('2026-11-23T00:00:00.500Z');
    expect(await worker.runOnce()).toBe(0); // not due yet
    now = new Date('2026-11-23T00:00:02Z');
    await worker.runOnce();
    expect(hookCalls).toHaveLength(2);
    const last = hookCalls[1]!;
    expect(JSON.parse(last.body)).toEqual({ to: '+6281234567890', text: 'Booking ABCD2345 terkonfirmasi' });
    expect(last.headers[SIGNATURE_HEADER]).toBe(webhookSignature(secret, String(last.headers[TIMESTAMP_HEADER]), last.body));
    expect(last.headers[SIGNATURE_HEADER]).not.toBe(webhookSignature('another-secret-123456', String(last.headers[TIMESTAMP_HEADER]), last.body));
    const done = (await t.db.query<{ delivered_at: Date | null }>('SELECT delivered_at FROM outbox')).rows[0]!;
    expect(done.delivered_at).not.toBeNull();
  });
});

describe('without configuration', () => {
  it('falls back to the logging fake (demo mode)', async () => {
    const t = await createTestApp({ clock: fakeClock('2026-11-23T00:00:00Z'), env: { BOOKING_RATE_LIMIT: '1000' } });
    try {
      const w = await seedBookingWorld(t);
      await book(t, w, '2026-11-24T02:00:00.000Z', nik(2), { email: 'budi@example.id' });
      await t.ctx.outbox.runOnce();
      expect(t.app.fakeOutbox.sent.map((m) => [m.channel, m.to])).toEqual([
        ['email', 'budi@example.id'],
        ['text', '+6281234567890'],
      ]);
    } finally {
      await t.close();
    }
  });
});

describe('configuration', () => {
  it('stops on a bad notification or booking setting, naming the variable', () => {
    expect(() => loadConfig({ SMS_WEBHOOK_URL: 'https://sms.example.id/hook' })).toThrow('SMS_WEBHOOK_SECRET is required when SMS_WEBHOOK_URL is set');
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.id' })).toThrow(/SMTP_URL must start with smtp/);
    expect(() => loadConfig({ BOOKING_SECRET: 'short' })).toThrow(/BOOKING_SECRET must be at least 32 characters/);
    expect(loadConfig({})).toMatchObject({ smtpUrl: undefined, smsWebhookUrl: undefined, bookingRateLimit: 10 });
  });
});
