import type { Clock } from '../platform/context.js';
import type { Db } from '../platform/db.js';
import type { QueueHub } from './hub.js';
import type { TicketView } from './schemas.js';
import { statusViews } from './service.js';
import { sseFrameBytes } from './sse.js';

/** A ticket's view and its SSE frame, serialised once for every stream that follows the ticket. */
export type StatusListener = (view: TicketView, frame: Buffer) => void;

/** The status event of a view, as written to the holder's streams. */
export function statusFrame(view: TicketView): Buffer {
  return sseFrameBytes('status', view);
}

/** Runs for one MPP start at least this far apart (see StatusBroadcaster). */
export const STATUS_MIN_GAP_MS = 200;

interface MppFollowers {
  byToken: Map<string, Set<StatusListener>>;
  unsubscribe: Promise<() => void>;
  /** The runs under way for the changes so far; resolves when no change is left unsent. */
  draining: Promise<void> | undefined;
  dirty: boolean;
  lastStart: number;
}

/**
 * The live status streams of this node, grouped by MPP: one computation per change of an MPP, for
 * all its followers (issue 17). A change runs `statusViews` once (a constant number of queries,
 * whatever the number of followers) and hands each follower its own ticket's view, serialised once
 * per ticket. A change after a quiet spell is computed at once; changes that arrive while a run is
 * under way or within STATUS_MIN_GAP_MS of its start are folded into one next run at the end of that
 * window, so a phone gets the latest state, at most five times a second, never every intermediate one.
 */
export class StatusBroadcaster {
  private readonly mpps = new Map<string, MppFollowers>();

  constructor(
    private readonly db: Db,
    private readonly hub: Pick<QueueHub, 'subscribe'>,
    private readonly clock: Clock,
  ) {}

  /** Follows a ticket; resolves once this node listens for the MPP's changes. Returns the unfollow function. */
  async follow(mppId: string, token: string, listener: StatusListener): Promise<() => void> {
    let m = this.mpps.get(mppId);
    if (!m) {
      const fresh: MppFollowers = { byToken: new Map(), unsubscribe: Promise.resolve(() => undefined), draining: undefined, dirty: false, lastStart: -Infinity };
      fresh.unsubscribe = this.hub.subscribe(mppId, { onChanged: () => this.refresh(mppId), onResync: () => this.refresh(mppId) });
      this.mpps.set(mppId, (m = fresh));
      fresh.unsubscribe.catch(() => this.mpps.get(mppId) === fresh && this.mpps.delete(mppId));
    }
    const entry = m;
    await entry.unsubscribe;
    let set = entry.byToken.get(token);
    if (!set) entry.byToken.set(token, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) entry.byToken.delete(token);
      if (entry.byToken.size === 0 && this.mpps.get(mppId) === entry) {
        this.mpps.delete(mppId);
        void entry.unsubscribe.then((off) => off(), () => undefined);
      }
    };
  }

  followerCount(): number {
    let n = 0;
    for (const m of this.mpps.values()) for (const s of m.byToken.values()) n += s.size;
    return n;
  }

  /** Recomputes the MPP's views and fans them out; resolves when a run that started after this call is done. */
  refresh(mppId: string): Promise<void> {
    const m = this.mpps.get(mppId);
    if (!m) return Promise.resolve();
    m.dirty = true;
    m.draining ??= this.drain(mppId, m);
    return m.draining;
  }

  private async drain(mppId: string, m: MppFollowers): Promise<void> {
    // Cleared in the same step that finds nothing left to do, so a change never joins a finished drain;
    // the first await lets `refresh` store the promise before that.
    await undefined;
    try {
      while (m.dirty) {
        const wait = m.lastStart + STATUS_MIN_GAP_MS - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        m.dirty = false;
        m.lastStart = performance.now();
        await this.fanOut(mppId, m);
      }
    } finally {
      m.draining = undefined;
    }
  }

  private async fanOut(mppId: string, m: MppFollowers): Promise<void> {
    const tokens = [...m.byToken.keys()];
    if (tokens.length === 0) return;
    const views = await statusViews(this.db, { mppId, tokens, at: this.clock.now() }).catch(() => new Map<string, TicketView>());
    for (const [token, listeners] of m.byToken) {
      const view = views.get(token);
      if (!view) continue;
      const frame = statusFrame(view);
      for (const l of listeners) l(view, frame);
    }
  }
}
