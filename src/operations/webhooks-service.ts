import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { isIP, type BlockList } from 'node:net';
import { recordAudit } from '../platform/audit.js';
import { requireMppRole } from '../platform/auth.js';
import type { ServiceContext } from '../platform/context.js';
import type { Db } from '../platform/db.js';
import { commonErrors } from '../platform/errors.js';
import { enqueue } from '../platform/outbox.js';
import type { OutboxMessage } from '../platform/outbox-worker.js';
import { operationsErrors } from './errors.js';
import { guardedLookup, hostOf, judgeUrl, mayConnect, PrivateAddressError, resolveAll, type Resolve } from './webhook-guard.js';
import { openSecret, sealSecret, type WebhookKey } from './webhook-secrets.js';
import * as repo from './webhooks-repository.js';
import type { CreateWebhook, Delivery, Webhook } from './webhooks-schemas.js';

export const WEBHOOK_TOPIC = 'webhook.deliver';
/** The outbox worker's attempts (its default maxAttempts): after the last, the delivery shows as failed. */
export const WEBHOOK_MAX_ATTEMPTS = 8;
const TIMEOUT_MS = 10_000;

/** The signature header of a body sent at `t` (unix seconds): `t=<t>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`. */
export function signature(secret: string, t: number, body: string): string {
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

/** What sending webhooks needs from the server: the secrets' key, the allowed private networks, a resolver. */
export interface WebhookEnv {
  key: WebhookKey;
  allowed: BlockList;
  resolve?: Resolve;
}

/**
 * Subscribes a URL to an MPP's events; the answer carries the signing secret, shown only this once
 * and stored only sealed.
 * @throws AppError 401/403/404 unless the MPP's admin; 400 ops_webhook_private_address when the URL
 *   names or resolves to a non-public address, ops_webhook_unresolvable when its host has no address.
 */
export async function createWebhook(ctx: ServiceContext, input: { mppId: string; env: WebhookEnv } & CreateWebhook): Promise<Webhook & { secret: string }> {
  const staff = requireMppRole(ctx.principal, input.mppId, ['mpp_admin']);
  const verdict = await judgeUrl(input.url, input.env.allowed, input.env.resolve);
  if (verdict === 'private') throw operationsErrors.ops_webhook_private_address({ host: hostOf(input.url) });
  if (verdict === 'unresolvable') throw operationsErrors.ops_webhook_unresolvable({ host: hostOf(input.url) });
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  const events = [...new Set(input.events)];
  const id = randomUUID();
  const secretSealed = sealSecret(input.env.key, { mppId: input.mppId, subscriptionId: id }, secret);
  await ctx.db.transaction(async (tx) => {
    await repo.insertSubscription(tx, { mppId: input.mppId, id, url: input.url, description: input.description, events, secretSealed, createdBy: staff.userId, at: ctx.now });
    await recordAudit(tx, ctx.actor, { action: 'operations.webhook_created', targetType: 'webhook', targetId: id, mppId: input.mppId, after: { url: input.url, events } });
  });
  return { ...(await repo.findSubscription(ctx.db, input.mppId, id))!, secret };
}

/** Seals the plain secrets of subscriptions made before secrets were encrypted (run at start); returns how many. */
export async function sealPlainSecrets(db: Db, key: WebhookKey): Promise<number> {
  const plain = await repo.listPlainSecrets(db);
  for (const p of plain) {
    await repo.replacePlainSecret(db, { ...p, secretSealed: sealSecret(key, { mppId: p.mppId, subscriptionId: p.id }, p.secret) });
  }
  return plain.length;
}

/** @throws AppError 401/403/404 unless the MPP's admin. */
export async function listWebhooks(ctx: ServiceContext, input: { mppId: string }): Promise<Webhook[]> {
  requireMppRole(ctx.principal, input.mppId, ['mpp_admin']);
  return repo.listSubscriptions(ctx.db, input.mppId);
}

/** Stops a subscription; its delivery log stays. @throws AppError 401/403/404. */
export async function deleteWebhook(ctx: ServiceContext, input: { mppId: string; webhookId: string }): Promise<void> {
  requireMppRole(ctx.principal, input.mppId, ['mpp_admin']);
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.deactivate(tx, input.mppId, input.webhookId))) throw commonErrors.not_found();
    await recordAudit(tx, ctx.actor, { action: 'operations.webhook_deleted', targetType: 'webhook', targetId: input.webhookId, mppId: input.mppId });
  });
}

/** The latest 100 deliveries of a subscription, newest first. @throws AppError 401/403/404. */
export async function listDeliveries(ctx: ServiceContext, input: { mppId: string; webhookId: string }): Promise<Delivery[]> {
  requireMppRole(ctx.principal, input.mppId, ['mpp_admin']);
  if (!(await repo.findSubscription(ctx.db, input.mppId, input.webhookId))) throw commonErrors.not_found();
  return repo.listDeliveries(ctx.db, input.mppId, input.webhookId, 100);
}

/** Sends an earlier delivery's event again (same event id and body) as a new delivery. @throws AppError 401/403/404. */
export async function replayDelivery(ctx: ServiceContext, input: { mppId: string; webhookId: string; deliveryId: string }): Promise<Delivery> {
  requireMppRole(ctx.principal, input.mppId, ['mpp_admin']);
  if (!(await repo.findSubscription(ctx.db, input.mppId, input.webhookId))) throw commonErrors.not_found();
  return ctx.db.transaction(async (tx) => {
    const d = await repo.insertReplay(tx, input.mppId, input.webhookId, input.deliveryId);
    if (!d) throw commonErrors.not_found();
    await enqueue(tx, WEBHOOK_TOPIC, { deliveryId: d.id }, input.mppId);
    await recordAudit(tx, ctx.actor, { action: 'operations.webhook_replayed', targetType: 'webhook_delivery', targetId: input.deliveryId, mppId: input.mppId, after: { replay: d.id } });
    return d;
  });
}

/** The answer of one POST, or why there was none. */
interface PostOutcome {
  statusCode: number | null;
  error: string | null;
  /** Refused before connecting (a non-public address): retrying will not help. */
  refused: boolean;
}

/** POSTs without following redirects, connecting only to addresses the guard allows. */
function postGuarded(url: string, headers: Record<string, string>, body: string, env: WebhookEnv): Promise<PostOutcome> {
  const host = hostOf(url);
  if (isIP(host) && !mayConnect(host, env.allowed)) return Promise.resolve({ statusCode: null, error: new PrivateAddressError(host).message, refused: true });
  const lookup = guardedLookup(env.allowed, env.resolve ?? resolveAll);
  const send = url.startsWith('https:') ? https.request : http.request;
  return new Promise((resolve) => {
    const req = send(url, { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, lookup, timeout: TIMEOUT_MS, agent: false }, (res) => {
      res.resume();
      const statusCode = res.statusCode ?? null;
      const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
      resolve({ statusCode, error: ok ? null : `HTTP ${statusCode}`, refused: false });
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    req.on('error', (err) => resolve({ statusCode: null, error: err.message.slice(0, 300), refused: err instanceof PrivateAddressError }));
    req.end(body);
  });
}

/**
 * The outbox handler: POSTs one delivery, signed, and records the attempt. A refused or failed POST
 * throws, so the outbox worker retries it with exponential backoff; a URL that now leads to a
 * non-public address fails the delivery at once (logged, not retried).
 */
export function webhookDeliverer(db: Db, now: () => Date, env: WebhookEnv) {
  return async (message: OutboxMessage): Promise<void> => {
    const { deliveryId } = message.payload as { deliveryId: string };
    const d = await repo.findSendable(db, message.mppId!, deliveryId);
    if (!d || d.status === 'delivered' || !d.active) return;
    const secret = d.secretSealed ? openSecret(env.key, { mppId: message.mppId!, subscriptionId: d.subscriptionId }, d.secretSealed) : d.secret!;
    const body = JSON.stringify(d.payload);
    const at = now();
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'Layan-Webhooks/1',
      'x-layan-event': d.eventType,
      'x-layan-delivery': d.id,
      'x-layan-signature': signature(secret, Math.floor(at.getTime() / 1000), body),
    };
    const { statusCode, error, refused } = await postGuarded(d.url, headers, body, env);
    const outcome = error === null ? 'delivered' : refused || message.attempts >= WEBHOOK_MAX_ATTEMPTS ? 'failed' : 'pending';
    await repo.recordAttempt(db, { mppId: message.mppId!, deliveryId, at, statusCode, error, outcome });
    if (error !== null && !refused) throw new Error(`webhook ${deliveryId}: ${error}`);
  };
}
