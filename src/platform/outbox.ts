import type { Queryable } from './db.js';

/** Queues a side effect in the caller's transaction; a worker delivers it after commit. */
export async function enqueue(q: Queryable, topic: string, payload: unknown, mppId: string | null = null): Promise<void> {
  await q.query('INSERT INTO outbox (mpp_id, topic, payload) VALUES ($1, $2, $3)', [mppId, topic, JSON.stringify(payload)]);
}

/**
 * Publishes a live event (display boards, status pages) with NOTIFY; it is delivered only if the
 * caller's transaction commits, and reaches every app node listening on the channel.
 */
export async function publish(q: Queryable, channel: string, payload: unknown): Promise<void> {
  await q.query('SELECT pg_notify($1, $2)', [channel, JSON.stringify(payload)]);
}
