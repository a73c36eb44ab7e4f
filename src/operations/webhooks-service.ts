import { createHmac, randomBytes } from 'node:crypto';
import { recordAudit } from '../platform/audit.js';
import { requireMppRole } from '../platform/auth.js';
import type { ServiceContext } from '../platform/context.js';
import type { Db } from '../platform/db.js';
import { commonErrors } from '../platform/errors.js';
import { enqueue } from '../platform/outbox.js';
import type { OutboxMessage } from '../platform/outbox-worker.js';
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

/**
 * Subscribes a URL to an MPP's events; the answer carries the signing secret, shown only this once.
 * @throws AppError 401/403/404 unless the MPP's admin.
 */
export async function createWebhook(ctx: ServiceContext, input: { mppId: string } & CreateWebhook): Promise<Webhook & { secret: string }> {
  const staff = requireMppRole(ctx.principal, input.mppId, ['mpp_admin']);
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  const events = [...new Set(input.events)];
  const id = await ctx.db.transaction(async (tx) => {
    const created = await repo.insertSubscription(tx, { mppId: input.mppId, url: input.url, description: input.description, events, secret, createdBy: staff.userId, at: ctx.now });
    await recordAudit(tx, ctx.actor, { action: 'operations.webhook_created', targetType: 'webhook', targetId: created, mppId: input.mppId, after: { url: input.url, events } });
    return created;
  });
  return { ...(await repo.findSubscription(ctx.db, input.mppId, id))!, secret };
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

/**
 * The outbox handler: POSTs one delivery, signed, and records the attempt. A refused or failed POST
 * throws, so the outbox worker retries it with exponential backoff.
 */
export function webhookDeliverer(db: Db, now: () => Date) {
  return async (message: OutboxMessage): Promise<void> => {
    const { deliveryId } = message.payload as { deliveryId: string };
    const d = await repo.findSendable(db, message.mppId!, deliveryId);
    if (!d || d.status === 'delivered' || !d.active) return;
    const body = JSON.stringify(d.payload);
    const at = now();
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'Layan-Webhooks/1',
      'x-layan-event': d.eventType,
      'x-layan-delivery': d.id,
      'x-layan-signature': signature(d.secret, Math.floor(at.getTime() / 1000), body),
    };
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(d.url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
      statusCode = res.status;
      await res.body?.cancel();
      if (!res.ok) error = `HTTP ${res.status}`;
    } catch (err) {
      error = (err as Error).message.slice(0, 300);
    }
    const outcome = error === null ? 'delivered' : message.attempts >= WEBHOOK_MAX_ATTEMPTS ? 'failed' : 'pending';
    await repo.recordAttempt(db, { mppId: message.mppId!, deliveryId, at, statusCode, error, outcome });
    if (error !== null) throw new Error(`webhook ${deliveryId}: ${error}`);
  };
}
