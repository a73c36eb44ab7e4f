import type { FastifyBaseLogger } from 'fastify';
import type { Db } from './db.js';

export interface OutboxMessage {
  id: number;
  mppId: string | null;
  topic: string;
  payload: unknown;
  attempts: number;
}

export type OutboxHandler = (message: OutboxMessage) => Promise<void>;

export interface OutboxWorkerOptions {
  maxAttempts?: number;
  /** Base delay of the exponential backoff, in ms. */
  backoffMs?: number;
  batchSize?: number;
  /** How long a claimed row stays invisible to other workers while it is delivered, in ms. */
  leaseMs?: number;
  now?: () => Date;
}

/**
 * Delivers outbox rows to the handler of their topic. A failed delivery is retried with
 * exponential backoff; after maxAttempts the row is marked failed and kept for inspection.
 * Rows are claimed with FOR UPDATE SKIP LOCKED so several app nodes can run workers.
 */
export class OutboxWorker {
  private readonly handlers = new Map<string, OutboxHandler>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
    private readonly opts: OutboxWorkerOptions = {},
  ) {}

  /**
   * Registers the one consumer of a topic. A second consumer would be retried together with the
   * first (sending its email twice), so it must use a topic of its own.
   * @throws Error when the topic already has a handler.
   */
  on(topic: string, handler: OutboxHandler): void {
    if (this.handlers.has(topic)) throw new Error(`outbox topic "${topic}" already has a handler; give the second consumer its own topic`);
    this.handlers.set(topic, handler);
  }

  /** Delivers what is due now; returns how many rows it handled. */
  async runOnce(): Promise<number> {
    const { maxAttempts = 8, backoffMs = 2000, batchSize = 20, leaseMs = 60_000 } = this.opts;
    const now = this.opts.now?.() ?? new Date();
    // Claim in a short transaction (a lease), deliver outside it: a slow SMTP server must not hold
    // a database transaction open, least of all on the single-writer embedded database.
    const { rows } = await this.db.query<{ id: number; mpp_id: string | null; topic: string; payload: unknown; attempts: number }>(
      `UPDATE outbox SET available_at = $3::timestamptz + make_interval(secs => $4::double precision / 1000), attempts = attempts + 1
        WHERE id IN (SELECT id FROM outbox
                      WHERE delivered_at IS NULL AND failed_at IS NULL AND available_at <= $1
                      ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED)
        RETURNING id, mpp_id, topic, payload, attempts`,
      [now, batchSize, now, leaseMs],
    );
    for (const row of rows.sort((a, b) => a.id - b.id)) {
      const handler = this.handlers.get(row.topic);
      try {
        if (!handler) throw new Error(`no handler for topic ${row.topic}`);
        await handler({ id: row.id, mppId: row.mpp_id, topic: row.topic, payload: row.payload, attempts: row.attempts });
        await this.db.query('UPDATE outbox SET delivered_at = $2, last_error = NULL WHERE id = $1', [row.id, this.opts.now?.() ?? new Date()]);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        this.log.warn({ outboxId: row.id, topic: row.topic, attempts: row.attempts, err: message }, 'outbox delivery failed');
        if (row.attempts >= maxAttempts) {
          await this.db.query('UPDATE outbox SET last_error = $2, failed_at = $3 WHERE id = $1', [row.id, message, now]);
        } else {
          const next = new Date(now.getTime() + backoffMs * 2 ** (row.attempts - 1));
          await this.db.query('UPDATE outbox SET last_error = $2, available_at = $3 WHERE id = $1', [row.id, message, next]);
        }
      }
    }
    return rows.length;
  }

  start(intervalMs = 1000): void {
    const tick = () => {
      this.running = this.runOnce().catch((err) => {
        this.log.error({ err }, 'outbox worker tick failed');
        return 0;
      });
      void this.running.finally(() => {
        if (this.timer !== undefined) this.timer = setTimeout(tick, intervalMs);
      });
    };
    this.timer = setTimeout(tick, intervalMs);
  }

  async stop(): Promise<void> {
    const t = this.timer;
    this.timer = undefined;
    if (t) clearTimeout(t);
    await this.running;
  }
}
