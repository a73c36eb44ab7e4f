import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { issue, seedQueueWorld, type QueueWorld } from '../queue/fixtures.test-helpers.js';
import { allowList, guardedLookup, judgeUrl, mayConnect } from './webhook-guard.js';
import { loadWebhookKey, openSecret, sealSecret } from './webhook-secrets.js';
import { sealPlainSecrets } from './webhooks-service.js';

/**
 * Webhook URLs may not reach the server's own network (SSRF), on save and on every delivery, unless
 * WEBHOOK_ALLOW_NETWORKS names the network; secrets are stored only sealed.
 */
let t: TestApp;
let w: QueueWorld;
let receiver: http.Server;
let port = 0;
const received: string[] = [];

beforeAll(async () => {
  t = await createTestApp(); // no WEBHOOK_ALLOW_NETWORKS: the production default
  w = await seedQueueWorld(t);
  receiver = http.createServer((req, res) => {
    received.push(req.url ?? '');
    res.writeHead(204).end();
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  port = (receiver.address() as AddressInfo).port;
}, 600_000);
afterAll(async () => {
  await new Promise((r) => receiver.close(r));
  await t.close();
});

const subscribe = (url: string) =>
  t.app.inject({ method: 'POST', url: `/api/mpps/${w.mppId}/webhooks`, headers: { ...w.admin.headers, 'accept-language': 'id' }, payload: { url, events: ['ticket'] } });
const countSubscriptions = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM webhook_subscriptions WHERE mpp_id = $1', [w.mppId])).rows[0]!.n;

describe('webhook addresses (SSRF)', () => {
  it.each([
    `http://127.0.0.1:${1}/hook`,
    'http://localhost/hook',
    'http://169.254.169.254/latest/meta-data/',
    'http://10.0.0.7/',
    'http://172.20.1.1/',
    'http://192.168.1.1/',
    'http://100.64.0.1/',
    'http://0.0.0.0/',
    'http://0x7f.1/',
    'http://2130706433/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[fd00:ec2::254]/',
    'http://[fe80::1]/',
  ])('refuses %s with problem+json in Bahasa Indonesia and writes nothing', async (url) => {
    const before = await countSubscriptions();
    const r = await subscribe(url);
    expect(r.statusCode, r.body).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.json()).toMatchObject({ code: 'ops_webhook_private_address', title: expect.stringContaining('jaringan privat') });
    expect(await countSubscriptions()).toBe(before);
  });

  it('refuses an address a URL cannot have (found by the route fuzzer: it was a 500) with a field error', async () => {
    const before = await countSubscriptions();
    const r = await subscribe('http://s<p0pL5ShTMhkK`.');
    expect(r.statusCode, r.body).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(r.json())).toContain('bukan URL yang sah');
    expect(await countSubscriptions()).toBe(before);
  });

  it('refuses a host name that has no address', async () => {
    const r = await subscribe('https://tidak-ada.invalid/hook');
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json()).toMatchObject({ code: 'ops_webhook_unresolvable', title: expect.stringContaining('tidak ditemukan') });
  });

  it('judges every address a name resolves to, and honours the allowed networks', async () => {
    const none = allowList([]);
    expect(await judgeUrl('https://hooks.example/x', none, async () => ['93.184.215.14'])).toBe('ok');
    // One private answer among public ones is enough to refuse (the connection could pick it).
    expect(await judgeUrl('https://hooks.example/x', none, async () => ['93.184.215.14', '10.1.1.1'])).toBe('private');
    expect(await judgeUrl('https://hooks.example/x', none, async () => ['2606:4700::1111'])).toBe('ok');
    const lab = allowList(['10.20.0.0/16', '127.0.0.1']);
    expect(mayConnect('10.20.3.4', lab)).toBe(true);
    expect(mayConnect('10.21.3.4', lab)).toBe(false);
    expect(mayConnect('127.0.0.1', lab)).toBe(true);
    expect(mayConnect('127.0.0.2', lab)).toBe(false);
  });

  it('refuses at delivery when the name now resolves to a private address (DNS rebinding), without connecting', async () => {
    // Saved while public, then the name is pointed at the server's own network.
    const r = await subscribe('http://93.184.215.14/hook');
    expect(r.statusCode, r.body).toBe(201);
    await t.db.query('UPDATE webhook_subscriptions SET url = $3 WHERE mpp_id = $1 AND id = $2', [w.mppId, r.json().id, `http://localhost:${port}/rebound`]);
    await issue(t, w, w.services.ktp);
    await t.ctx.outbox.runOnce();
    expect(received).toEqual([]);
    const log = (await t.app.inject({ method: 'GET', url: `/api/mpps/${w.mppId}/webhooks/${r.json().id}/deliveries`, headers: w.admin.headers })).json();
    expect(log).toHaveLength(1);
    // Not retried: the outbox row is done, the delivery failed with the reason.
    expect(log[0]).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: null, lastError: expect.stringContaining('refused: 127.0.0.1') });
    const { rows } = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM outbox WHERE topic = 'webhook.deliver' AND delivered_at IS NULL");
    expect(rows[0]!.n).toBe(0);
    await t.db.query('UPDATE webhook_subscriptions SET active = false WHERE mpp_id = $1', [w.mppId]);
  });

  it('checks the addresses the connection uses, not a second lookup', async () => {
    let calls = 0;
    const flipping = async () => (calls++ === 0 ? ['93.184.215.14'] : ['127.0.0.1']);
    const none = allowList([]);
    expect(await judgeUrl('http://rebind.example/', none, flipping)).toBe('ok');
    const err = await new Promise<NodeJS.ErrnoException | null>((resolve) => guardedLookup(none, flipping)('rebind.example', { all: true }, (e) => resolve(e)));
    expect(err?.code).toBe('EWEBHOOKPRIVATE');
  });
});

describe('webhook secrets at rest', () => {
  it('stores only a sealed secret that opens with the server key for its own row only', async () => {
    const r = await subscribe('http://93.184.215.14/sealed');
    expect(r.statusCode, r.body).toBe(201);
    const { id, secret } = r.json();
    const { rows } = await t.db.query<{ secret: string | null; secret_sealed: string }>('SELECT secret, secret_sealed FROM webhook_subscriptions WHERE mpp_id = $1 AND id = $2', [w.mppId, id]);
    expect(rows[0]!.secret).toBeNull();
    expect(rows[0]!.secret_sealed).toMatch(/^v1\./);
    const dump = JSON.stringify((await t.db.query('SELECT * FROM webhook_subscriptions')).rows);
    expect(dump).not.toContain(secret);
    expect(dump).not.toContain(secret.slice('whsec_'.length));
    const key = loadWebhookKey(t.ctx.config);
    expect(openSecret(key, { mppId: w.mppId, subscriptionId: id }, rows[0]!.secret_sealed)).toBe(secret);
    // Moved to another row, or opened with another key, it does not open.
    expect(() => openSecret(key, { mppId: w.mppId, subscriptionId: w.tenantId }, rows[0]!.secret_sealed)).toThrow();
    const otherKey = loadWebhookKey({ walletKey: 'a'.repeat(64), dataDir: '/nonexistent' });
    expect(() => openSecret(otherKey, { mppId: w.mppId, subscriptionId: id }, rows[0]!.secret_sealed)).toThrow();
    await t.db.query('UPDATE webhook_subscriptions SET active = false WHERE mpp_id = $1', [w.mppId]);
  });

  it('seals a secret stored in plain text before, and deliveries stay signed with it', async () => {
    // A subscription made before secrets were sealed; the allowed network lets this test's receiver in.
    const lab = await createTestApp({ env: { WEBHOOK_ALLOW_NETWORKS: '127.0.0.1' } });
    try {
      const world = await seedQueueWorld(lab);
      const plain = 'whsec_made-before-sealing';
      const { rows } = await lab.db.query<{ id: string }>(
        "INSERT INTO webhook_subscriptions (mpp_id, url, events, secret, created_at) VALUES ($1, $2, ARRAY['ticket'], $3, now()) RETURNING id",
        [world.mppId, `http://127.0.0.1:${port}/legacy`, plain],
      );
      const key = loadWebhookKey(lab.ctx.config);
      expect(await sealPlainSecrets(lab.db, key)).toBe(1);
      expect(await sealPlainSecrets(lab.db, key)).toBe(0);
      const row = (await lab.db.query<{ secret: string | null; secret_sealed: string }>('SELECT secret, secret_sealed FROM webhook_subscriptions WHERE id = $1', [rows[0]!.id])).rows[0]!;
      expect(row.secret).toBeNull();
      expect(openSecret(key, { mppId: world.mppId, subscriptionId: rows[0]!.id }, row.secret_sealed)).toBe(plain);

      const signatures: { header: string; body: string }[] = [];
      receiver.removeAllListeners('request');
      receiver.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          signatures.push({ header: String(req.headers['x-layan-signature']), body });
          res.writeHead(204).end();
        });
      });
      await issue(lab, world, world.services.ktp);
      await lab.ctx.outbox.runOnce();
      expect(signatures).toHaveLength(1);
      const [, ts, v1] = /^t=(\d+),v1=([0-9a-f]+)$/.exec(signatures[0]!.header)!;
      expect(v1).toBe(createHmac('sha256', plain).update(`${ts}.${signatures[0]!.body}`).digest('hex'));
    } finally {
      await lab.close();
    }
  });

  it('seals with a fresh IV each time', () => {
    const key = loadWebhookKey({ walletKey: 'b'.repeat(64), dataDir: '/nonexistent' });
    const owner = { mppId: 'm', subscriptionId: 's' };
    expect(sealSecret(key, owner, 'x')).not.toBe(sealSecret(key, owner, 'x'));
  });
});
