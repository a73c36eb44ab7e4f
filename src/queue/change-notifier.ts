import type { Db } from '../platform/db.js';
import { CHANGED_CHANNEL } from './display-repository.js';

interface Pending {
  payloads: Set<string>;
  done: Promise<void>;
}

/**
 * Sends `queue_changed` for committed changes, many in one statement. PostgreSQL serialises the
 * commits of all transactions that sent a NOTIFY through one global lock; a ticket issue that
 * notified inside its own statement held the service's two hot counter rows across that wait. Now
 * the issue commits without notifying and this node's notifier sends one batch after it: while a batch
 * is in flight, the changes that arrive share the next one (16 concurrent issuers: ~1 notifying
 * transaction per batch instead of 16).
 *
 * Trade-off (docs/decisions.md): a node that dies between the commit and the batch loses that
 * notification. Listeners only use it to refresh waiting counts and positions, and the next change of
 * the MPP or the next reconnect brings them up to date; board calls keep their in-transaction NOTIFY.
 */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

class ChangeNotifier {
  private inFlight: Promise<void> | undefined;
  private next: Pending | undefined;

  constructor(private readonly db: Db) {}

  announce(change: { mppId: string; serviceId: string | null }): Promise<void> {
    const payload = JSON.stringify(change);
    if (this.next) {
      this.next.payloads.add(payload);
      return this.next.done;
    }
    const pending: Pending = { payloads: new Set([payload]), done: Promise.resolve() };
    this.next = pending;
    // Sent on the next turn of the event loop at the earliest, so the changes committed in this turn share
    // the batch (on PGlite a request runs to its end within one turn: see shared-positions.ts).
    pending.done = (this.inFlight ?? Promise.resolve()).then(nextTurn).then(() => {
      this.next = undefined;
      const batch = [...pending.payloads];
      this.inFlight = this.db
        .query('SELECT pg_notify($1, p) FROM unnest($2::text[]) AS p', [CHANGED_CHANNEL, batch])
        .then(() => undefined, () => undefined);
      return this.inFlight;
    });
    return pending.done;
  }
}

const notifiers = new WeakMap<Db, ChangeNotifier>();

/** Tells every app node that an MPP's queue changed, after the change committed (see ChangeNotifier). Never throws. */
export function announceQueueChange(db: Db, change: { mppId: string; serviceId: string | null }): Promise<void> {
  let n = notifiers.get(db);
  if (!n) notifiers.set(db, (n = new ChangeNotifier(db)));
  return n.announce(change);
}
