import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf, type Principal } from '../platform/auth.js';
import type { Clock } from '../platform/context.js';
import type { Db } from '../platform/db.js';
import type { QueueHub } from '../queue/hub.js';
import { openSse, sseFrame, type SseStream } from '../queue/sse.js';
import { getFloor } from './floor-service.js';
import type { Floor } from './schemas.js';

/**
 * The computation of a floor is shared by all its viewers, so it runs as the system rather than as any
 * one of them; each viewer's own access is checked before it joins (routes.ts, resolveTenant).
 */
const FEED_PRINCIPAL: Principal = {
  kind: 'staff',
  userId: '00000000-0000-0000-0000-000000000000',
  email: 'floor-feed@layan.invalid',
  name: 'Floor feed',
  mustChangePassword: false,
  grants: [{ id: 'floor-feed', role: 'national_admin', mppId: null, tenantId: null }],
};

export interface FloorFeedOptions {
  /** Changes arriving within this window are folded into one computation. */
  debounceMs: number;
  /** Waits grow and devices fall quiet without any event: recompute this often while someone watches. */
  tickMs: number;
}

const DEFAULTS: FloorFeedOptions = { debounceMs: 1000, tickMs: 30_000 };

/** The viewers of one floor (an MPP whole, or one agency of it) on this node. */
interface Group {
  mppId: string;
  tenantId: string | undefined;
  viewers: Set<(frame: string) => void>;
  pending: NodeJS.Timeout | undefined;
  tick: NodeJS.Timeout;
  unsubscribe: () => void;
  last: string | null;
  /** Computations of this floor so far: the event id, the same for every viewer of one computation. */
  seq: number;
  computing: Promise<void> | null;
}

/**
 * The live floor over Server-Sent Events. One queue-hub subscription and one computation per change
 * per floor on this node, whatever the number of screens showing it; every viewer gets the same frame.
 */
export class FloorFeeds {
  readonly streams = new Set<SseStream>();
  private readonly groups = new Map<string, Group>();

  constructor(
    private readonly db: Db,
    private readonly hub: QueueHub,
    private readonly clock: Clock,
    private readonly options: FloorFeedOptions = DEFAULTS,
  ) {}

  /**
   * Streams the floor of an MPP (or of one agency) to a viewer whose access is already checked: the
   * current floor at once, then a `floor` event after every change and every tickMs.
   */
  async open(request: FastifyRequest, reply: FastifyReply, input: { mppId: string; tenantId: string | undefined }): Promise<void> {
    const group = await this.join(input.mppId, input.tenantId);
    try {
      // The first viewer waits for a floor before the stream opens, so an unknown MPP is a 404, not a silent stream.
      if (!group.last) await this.compute(group);
    } catch (err) {
      if (group.viewers.size === 0) this.drop(group);
      throw err;
    }
    const stream = openSse(request, reply, this.streams, () => this.leave(group, viewer));
    const viewer = (frame: string) => stream.sendFrame(frame);
    group.viewers.add(viewer);
    if (group.last) stream.sendFrame(group.last);
  }

  private key(mppId: string, tenantId: string | undefined): string {
    return `${mppId}/${tenantId ?? '*'}`;
  }

  private async join(mppId: string, tenantId: string | undefined): Promise<Group> {
    const key = this.key(mppId, tenantId);
    const existing = this.groups.get(key);
    if (existing) return existing;
    const group: Group = {
      mppId,
      tenantId,
      viewers: new Set(),
      pending: undefined,
      tick: setInterval(() => this.poke(group), this.options.tickMs),
      unsubscribe: () => undefined,
      last: null,
      seq: 0,
      computing: null,
    };
    this.groups.set(key, group);
    try {
      group.unsubscribe = await this.hub.subscribe(mppId, { onChanged: () => this.poke(group), onResync: () => this.poke(group) });
    } catch (err) {
      this.drop(group);
      throw err;
    }
    return group;
  }

  private leave(group: Group, viewer: (frame: string) => void): void {
    group.viewers.delete(viewer);
    if (group.viewers.size === 0) this.drop(group);
  }

  private drop(group: Group): void {
    clearInterval(group.tick);
    clearTimeout(group.pending);
    group.unsubscribe();
    if (this.groups.get(this.key(group.mppId, group.tenantId)) === group) this.groups.delete(this.key(group.mppId, group.tenantId));
  }

  private poke(group: Group): void {
    if (group.pending || group.viewers.size === 0) return;
    group.pending = setTimeout(() => {
      group.pending = undefined;
      void this.compute(group).catch(() => undefined);
    }, this.options.debounceMs);
  }

  /** Computes the floor once and writes the same frame to every viewer; concurrent callers share it. */
  private compute(group: Group): Promise<void> {
    group.computing ??= (async () => {
      try {
        const ctx = { db: this.db, principal: FEED_PRINCIPAL, actor: actorOf(FEED_PRINCIPAL), now: this.clock.now(), lang: 'id' as const };
        const floor: Floor = await getFloor(ctx, { mppId: group.mppId, ...(group.tenantId ? { tenantId: group.tenantId } : {}) });
        group.last = sseFrame('floor', floor, ++group.seq);
        for (const v of group.viewers) v(group.last);
      } finally {
        group.computing = null;
      }
    })();
    return group.computing;
  }

  stop(): void {
    for (const g of [...this.groups.values()]) this.drop(g);
    for (const s of [...this.streams]) s.close();
  }
}
