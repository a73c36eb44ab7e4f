import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, staffCaller, type TestApp } from '../../test/support/app.js';
import { issue, post, seedQueueWorld, type QueueWorld } from '../queue/fixtures.test-helpers.js';

/**
 * Webhooks end to end: a plain node:http receiver stands in for the integrator, checks every
 * signature with the secret it was given (as an integrator would, without Layan's code), and answers
 * 500 when told to, so retries and the delivery log can be seen.
 */
let t: TestApp;
let w: QueueWorld;
let receiver: http.Server;
let url: string;
const received: { headers: http.IncomingHttpHeaders; body: string; valid: boolean }[] = [];
let failNext = 0;
let secret = '';

/** What an integrator does: recompute HMAC-SHA256 over "<t>.<raw body>" and compare in constant time. */
function verify(header: string | undefined, body: string, key: string): boolean {
  const parts = Object.fromEntries((header ?? '').split(',').map((p) => p.split('=') as [string, string]));
  if (!parts.t || !parts.v1) return false;
  const expected = createHmac('sha256', key).update(`${parts.t}.${body}`).digest();
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

beforeAll(async () => {
  // The receiver listens on loopback, which webhooks may reach only when allowed (WEBHOOK_ALLOW_NETWORKS).
  t = await createTestApp({ env: { WEBHOOK_ALLOW_NETWORKS: '127.0.0.1' } });
  w = await seedQueueWorld(t);
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body, valid: verify(req.headers['x-layan-signature'] as string, body, secret) });
      if (failNext > 0) {
        failNext--;
        res.writeHead(500).end('busy');
      } else res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/layan`;
}, 600_000);
afterAll(async () => {
  await new Promise((r) => receiver.close(r));
  await t.close();
});

const api = (method: 'GET' | 'POST' | 'DELETE', path: string, payload?: object) =>
  t.app.inject({ method, url: `/api/mpps/${w.mppId}/webhooks${path}`, headers: w.admin.headers, ...(payload ? { payload } : {}) });

describe('signed webhooks', () => {
  it('delivers ticket events signed with the subscriber’s secret, retries a refused one, logs and replays', async () => {
    const created = await api('POST', '', { url, events: ['ticket'], description: 'Dasbor pemda' });
    expect(created.statusCode, created.body).toBe(201);
    secret = created.json().secret;
    expect(secret).toMatch(/^whsec_/);
    const hookId = created.json().id;
    // The secret is shown once: the list does not carry it.
    expect(JSON.stringify((await api('GET', '')).json())).not.toContain(secret);

    const ticket = (await issue(t, w, w.services.ktp)).json();
    // The outbox also carries other domains' messages; this subscription gets exactly one delivery.
    await t.ctx.outbox.runOnce();
    expect(received).toHaveLength(1);
    const first = received[0]!;
    expect(first.valid).toBe(true);
    expect(first.headers['x-layan-event']).toBe('ticket.issued');
    const body = JSON.parse(first.body);
    expect(body).toMatchObject({ type: 'ticket.issued', mppId: w.mppId, data: { ticketId: ticket.id, number: ticket.number, serviceId: w.services.ktp, status: 'waiting' } });
    // A body changed in transit no longer matches its signature.
    expect(verify(first.headers['x-layan-signature'] as string, first.body.replace('ticket.issued', 'ticket.served'), secret)).toBe(false);
    expect(verify(first.headers['x-layan-signature'] as string, first.body, 'whsec_wrong')).toBe(false);

    // The receiver refuses the next one: the attempt is logged and the outbox backs off.
    failNext = 1;
    await post(t, w.officer, `/api/mpps/${w.mppId}/queue/counters/${w.counters.c1}/open`);
    await post(t, w.officer, `/api/mpps/${w.mppId}/queue/counters/${w.counters.c1}/call-next`);
    await t.ctx.outbox.runOnce();
    expect(received).toHaveLength(2);
    let log = (await api('GET', `/${hookId}/deliveries`)).json();
    const called = log.find((d: any) => d.eventType === 'ticket.called');
    expect(called).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500, lastError: 'HTTP 500' });
    const { rows } = await t.db.query<{ available_at: Date }>("SELECT available_at FROM outbox WHERE topic = 'webhook.deliver' AND delivered_at IS NULL");
    expect(rows).toHaveLength(1);
    expect(rows[0]!.available_at.getTime()).toBeGreaterThan(Date.now());
    // Nothing is due before the backoff; once it has passed the retry goes through.
    await t.ctx.outbox.runOnce();
    expect(received).toHaveLength(2);
    await t.db.query("UPDATE outbox SET available_at = now() - interval '1 second' WHERE topic = 'webhook.deliver' AND delivered_at IS NULL");
    await t.ctx.outbox.runOnce();
    expect(received).toHaveLength(3);
    expect(received[2]!.valid).toBe(true);
    expect(received[2]!.headers['x-layan-delivery']).toBe(called.id);
    log = (await api('GET', `/${hookId}/deliveries`)).json();
    expect(log.find((d: any) => d.id === called.id)).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 204, lastError: null });

    // Replay: the same event (id and body) again, as a new delivery.
    const replay = await api('POST', `/${hookId}/deliveries/${called.id}/replay`);
    expect(replay.statusCode, replay.body).toBe(201);
    expect(replay.json()).toMatchObject({ eventId: called.eventId, replayOf: called.id, status: 'pending' });
    await t.ctx.outbox.runOnce();
    expect(received).toHaveLength(4);
    expect(received[3]!.body).toBe(received[2]!.body);
    expect(received[3]!.valid).toBe(true);
    expect(received[3]!.headers['x-layan-delivery']).toBe(replay.json().id);
    expect((await api('GET', '')).json()[0]).toMatchObject({ id: hookId, delivered: 3, pending: 0, failed: 0 });

    // Stopped: no more deliveries.
    expect((await api('DELETE', `/${hookId}`)).statusCode).toBe(204);
    await issue(t, w, w.services.ktp);
    await t.ctx.outbox.runOnce();
    expect(received).toHaveLength(4);
  });

  it('sends only the kinds subscribed to, and only the MPP admin manages them', async () => {
    const r = await api('POST', '', { url, events: ['complaint', 'survey'] });
    expect(r.statusCode).toBe(201);
    secret = r.json().secret;
    const before = received.length;
    await issue(t, w, w.services.kk);
    await t.ctx.outbox.runOnce();
    expect(received).toHaveLength(before);
    const bad = await api('POST', '', { url: 'ftp://x', events: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const agency = await staffCaller(t, 'tenant_admin', { mppId: w.mppId, tenantId: w.tenantId });
    expect((await t.app.inject({ method: 'GET', url: `/api/mpps/${w.mppId}/webhooks`, headers: agency.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/mpps/${w.mppId}/webhooks`, headers: w.officer.headers })).statusCode).toBe(403);
  });
});
