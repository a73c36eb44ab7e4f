import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../platform/db.js';
import { CHANGED_CHANNEL, DISPLAY_CHANNEL, type DisplayEvent } from './display-repository.js';

/** One live connection (a display board or a ticket status page) interested in an MPP. */
export interface HubSubscriber {
  onDisplay?(event: DisplayEvent): void;
  /** Something in the MPP's queue changed (a ticket issued, called, cancelled...). */
  onChanged?(serviceId: string | null): void;
  /** The node's LISTEN connection was lost and is back: events may have been missed; catch up. */
  onResync?(): void;
}

/**
 * Fans NOTIFY messages out to the live connections of this app node: one LISTEN per channel per node,
 * whatever the number of connected boards, so the database does the cross-node part and each node
 * writes to its own sockets.
 */
export class QueueHub {
  private readonly subs = new Map<string, Set<HubSubscriber>>();
  private started: Promise<void> | undefined;
  private unlisten: (() => Promise<void>)[] = [];

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
  ) {}

  private start(): Promise<void> {
    this.started ??= (async () => {
      this.unlisten.push(await this.db.listen(DISPLAY_CHANNEL, (p) => this.dispatchDisplay(p)));
      this.unlisten.push(await this.db.listen(CHANGED_CHANNEL, (p) => this.dispatchChanged(p)));
      const off = this.db.onListenRestored(() => this.resync());
      this.unlisten.push(async () => off());
    })().catch(async (err: unknown) => {
      // Not listening (the database is away): the next subscriber tries again.
      for (const u of this.unlisten) await u().catch(() => undefined);
      this.unlisten = [];
      this.started = undefined;
      throw err;
    });
    return this.started;
  }

  /** Adds a subscriber; resolves once this node listens. Returns the unsubscribe function. */
  async subscribe(mppId: string, sub: HubSubscriber): Promise<() => void> {
    await this.start();
    let set = this.subs.get(mppId);
    if (!set) this.subs.set(mppId, (set = new Set()));
    set.add(sub);
    return () => {
      set.delete(sub);
      if (set.size === 0) this.subs.delete(mppId);
    };
  }

  connectionCount(): number {
    let n = 0;
    for (const s of this.subs.values()) n += s.size;
    return n;
  }

  private resync(): void {
    this.log.info({ subscribers: this.connectionCount() }, 'queue hub: listening again; live feeds catch up');
    for (const set of this.subs.values()) for (const sub of set) sub.onResync?.();
  }

  private dispatchDisplay(payload: string): void {
    let event: DisplayEvent;
    try {
      event = JSON.parse(payload) as DisplayEvent;
    } catch {
      this.log.warn({ payload }, 'queue hub: unreadable display notification');
      return;
    }
    event.seq = Number(event.seq);
    event.at = new Date(event.at).toISOString();
    for (const sub of this.subs.get(event.mppId) ?? []) {
      sub.onDisplay?.(event);
      sub.onChanged?.(event.payload.serviceId);
    }
  }

  private dispatchChanged(payload: string): void {
    try {
      const { mppId, serviceId } = JSON.parse(payload) as { mppId: string; serviceId: string | null };
      for (const sub of this.subs.get(mppId) ?? []) sub.onChanged?.(serviceId);
    } catch {
      this.log.warn({ payload }, 'queue hub: unreadable change notification');
    }
  }

  async stop(): Promise<void> {
    for (const u of this.unlisten) await u().catch(() => undefined);
    this.unlisten = [];
    this.subs.clear();
  }
}
