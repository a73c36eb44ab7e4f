import type { Clock } from '../platform/context.js';
import type { Db } from '../platform/db.js';
import type { QueueHub } from './hub.js';
import type { TicketView } from './schemas.js';
import { statusViews } from './service.js';

export type StatusListener = (view: TicketView) => void;

interface MppFollowers {
  byToken: Map<string, Set<StatusListener>>;
  unsubscribe: Promise<() => void>;
  running: Promise<void> | undefined;
  again: boolean;
}

/**
 * The live status streams of this node, grouped by MPP: one computation per change of an MPP, for
 * all its followers (issue 17). A change runs `statusViews` once (a constant number of queries,
 * whatever the number of followers) and hands each follower its own ticket's view. Changes that
 * arrive while one runs are folded into a single next run, so a burst costs two runs at most and
 * the first starts at once (no fixed delay between a call and the phones).
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
      const fresh: MppFollowers = { byToken: new Map(), unsubscribe: Promise.resolve(() => undefined), running: undefined, again: false };
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

  /** Recomputes the MPP's views and fans them out; resolves when the run that covers this call is done. */
  refresh(mppId: string): Promise<void> {
    const m = this.mpps.get(mppId);
    if (!m) return Promise.resolve();
    if (m.running) {
      m.again = true;
      return m.running;
    }
    m.running = (async () => {
      do {
        m.again = false;
        const tokens = [...m.byToken.keys()];
        if (tokens.length === 0) break;
        const views = await statusViews(this.db, { mppId, tokens, at: this.clock.now() }).catch(() => new Map<string, TicketView>());
        for (const [token, listeners] of m.byToken) {
          const view = views.get(token);
          if (view) for (const l of listeners) l(view);
        }
      } while (m.again);
    })().finally(() => (m.running = undefined));
    return m.running;
  }
}
