import type { Queryable } from '../platform/db.js';
import type { Delivery, Webhook } from './webhooks-schemas.js';

/** SQL of the webhooks (webhook_subscriptions, webhook_deliveries: ours). */

interface SubscriptionRow {
  id: string;
  url: string;
  description: string;
  events: Webhook['events'];
  active: boolean;
  created_at: Date;
  delivered: number;
  pending: number;
  failed: number;
}
const toWebhook = (r: SubscriptionRow): Webhook => ({
  id: r.id,
  url: r.url,
  description: r.description,
  events: r.events,
  active: r.active,
  createdAt: new Date(r.created_at).toISOString(),
  delivered: Number(r.delivered),
  pending: Number(r.pending),
  failed: Number(r.failed),
});
const COUNTS = `(SELECT count(*) FILTER (WHERE d.status = 'delivered') FROM webhook_deliveries d WHERE d.mpp_id = s.mpp_id AND d.subscription_id = s.id)::int AS delivered,
                (SELECT count(*) FILTER (WHERE d.status = 'pending') FROM webhook_deliveries d WHERE d.mpp_id = s.mpp_id AND d.subscription_id = s.id)::int AS pending,
                (SELECT count(*) FILTER (WHERE d.status = 'failed') FROM webhook_deliveries d WHERE d.mpp_id = s.mpp_id AND d.subscription_id = s.id)::int AS failed`;

/** Stores a subscription whose secret is already sealed (webhook-secrets.ts); the plain secret is never written. */
export async function insertSubscription(q: Queryable, input: { mppId: string; id: string; url: string; description: string; events: string[]; secretSealed: string; createdBy: string | null; at: Date }): Promise<void> {
  await q.query(
    'INSERT INTO webhook_subscriptions (mpp_id, id, url, description, events, secret_sealed, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
    [input.mppId, input.id, input.url, input.description, input.events, input.secretSealed, input.createdBy, input.at],
  );
}

/** Subscriptions still holding a plain secret (made before secrets were sealed). */
export async function listPlainSecrets(q: Queryable): Promise<{ mppId: string; id: string; secret: string }[]> {
  const { rows } = await q.query<{ mpp_id: string; id: string; secret: string }>('SELECT mpp_id, id, secret FROM webhook_subscriptions WHERE secret IS NOT NULL');
  return rows.map((r) => ({ mppId: r.mpp_id, id: r.id, secret: r.secret }));
}

/** Replaces a plain secret by its sealed form, only if it is still the same plain secret. */
export async function replacePlainSecret(q: Queryable, input: { mppId: string; id: string; secret: string; secretSealed: string }): Promise<void> {
  await q.query('UPDATE webhook_subscriptions SET secret = NULL, secret_sealed = $4 WHERE mpp_id = $1 AND id = $2 AND secret = $3', [input.mppId, input.id, input.secret, input.secretSealed]);
}

export async function listSubscriptions(q: Queryable, mppId: string): Promise<Webhook[]> {
  const { rows } = await q.query<SubscriptionRow>(
    `SELECT s.id, s.url, s.description, s.events, s.active, s.created_at, ${COUNTS} FROM webhook_subscriptions s WHERE s.mpp_id = $1 AND s.active ORDER BY s.created_at`,
    [mppId],
  );
  return rows.map(toWebhook);
}

export async function findSubscription(q: Queryable, mppId: string, id: string): Promise<Webhook | undefined> {
  const { rows } = await q.query<SubscriptionRow>(
    `SELECT s.id, s.url, s.description, s.events, s.active, s.created_at, ${COUNTS} FROM webhook_subscriptions s WHERE s.mpp_id = $1 AND s.id = $2 AND s.active`,
    [mppId, id],
  );
  return rows[0] ? toWebhook(rows[0]) : undefined;
}

/** Stops a subscription (its log is kept); false when there was none. */
export async function deactivate(q: Queryable, mppId: string, id: string): Promise<boolean> {
  const { rowCount } = await q.query('UPDATE webhook_subscriptions SET active = false WHERE mpp_id = $1 AND id = $2 AND active', [mppId, id]);
  return (rowCount ?? 0) > 0;
}

interface DeliveryRow {
  id: string;
  event_id: string;
  event_type: string;
  status: Delivery['status'];
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  replay_of: string | null;
  created_at: Date;
  last_attempt_at: Date | null;
  delivered_at: Date | null;
  payload: unknown;
}
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const toDelivery = (r: DeliveryRow): Delivery => ({
  id: r.id,
  eventId: r.event_id,
  eventType: r.event_type,
  status: r.status,
  attempts: Number(r.attempts),
  lastStatusCode: r.last_status_code,
  lastError: r.last_error,
  replayOf: r.replay_of,
  createdAt: new Date(r.created_at).toISOString(),
  lastAttemptAt: iso(r.last_attempt_at),
  deliveredAt: iso(r.delivered_at),
  payload: r.payload,
});

export async function listDeliveries(q: Queryable, mppId: string, subscriptionId: string, limit: number): Promise<Delivery[]> {
  const { rows } = await q.query<DeliveryRow>(
    'SELECT * FROM webhook_deliveries WHERE mpp_id = $1 AND subscription_id = $2 ORDER BY created_at DESC, id LIMIT $3',
    [mppId, subscriptionId, limit],
  );
  return rows.map(toDelivery);
}

/** A new delivery of an earlier one's event (same event id and body), queued on the outbox in the same statement's transaction. */
export async function insertReplay(q: Queryable, mppId: string, subscriptionId: string, deliveryId: string): Promise<Delivery | undefined> {
  const { rows } = await q.query<DeliveryRow>(
    `INSERT INTO webhook_deliveries (mpp_id, subscription_id, event_id, event_type, payload, replay_of)
     SELECT mpp_id, subscription_id, event_id, event_type, payload, id FROM webhook_deliveries WHERE mpp_id = $1 AND subscription_id = $2 AND id = $3
     RETURNING *`,
    [mppId, subscriptionId, deliveryId],
  );
  return rows[0] ? toDelivery(rows[0]) : undefined;
}

export interface Sendable {
  id: string;
  subscriptionId: string;
  status: Delivery['status'];
  payload: unknown;
  eventType: string;
  url: string;
  /** Plain only for a subscription made before sealing and not yet sealed at start. */
  secret: string | null;
  secretSealed: string | null;
  active: boolean;
}

export async function findSendable(q: Queryable, mppId: string, deliveryId: string): Promise<Sendable | undefined> {
  const { rows } = await q.query<{ id: string; subscription_id: string; status: Delivery['status']; payload: unknown; event_type: string; url: string; secret: string | null; secret_sealed: string | null; active: boolean }>(
    `SELECT d.id, d.subscription_id, d.status, d.payload, d.event_type, s.url, s.secret, s.secret_sealed, s.active
       FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.mpp_id = d.mpp_id AND s.id = d.subscription_id
      WHERE d.mpp_id = $1 AND d.id = $2`,
    [mppId, deliveryId],
  );
  const r = rows[0];
  return r
    ? { id: r.id, subscriptionId: r.subscription_id, status: r.status, payload: r.payload, eventType: r.event_type, url: r.url, secret: r.secret, secretSealed: r.secret_sealed, active: r.active }
    : undefined;
}

export async function recordAttempt(q: Queryable, input: { mppId: string; deliveryId: string; at: Date; statusCode: number | null; error: string | null; outcome: Delivery['status'] }): Promise<void> {
  await q.query(
    `UPDATE webhook_deliveries SET attempts = attempts + 1, last_attempt_at = $3, last_status_code = $4, last_error = $5, status = $6,
            delivered_at = CASE WHEN $6 = 'delivered' THEN $3 ELSE delivered_at END
      WHERE mpp_id = $1 AND id = $2`,
    [input.mppId, input.deliveryId, input.at, input.statusCode, input.error, input.outcome],
  );
}
