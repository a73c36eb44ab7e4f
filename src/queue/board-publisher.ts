import type { Db } from '../platform/db.js';
import { mppsWithPendingDisplay, publishDisplayEvents } from './display-repository.js';

/**
 * Publishes an MPP's board events after the transitions that recorded them committed (migration 0750).
 * Publishing numbers the events under the MPP's display_seq row and NOTIFYs them, holding that row and
 * PostgreSQL's notify lock to its commit; done inside each call-next, that serialised an MPP's calls
 * through one WAL flush each. Here one publication takes every event pending at its start: while one
 * runs for an MPP, the transitions that commit meanwhile share the next one (16 counters: a few
 * publications a second instead of one commit-long lock per call).
 */
class BoardPublisher {
  /** Per MPP: the publication that starts when the running one ends, shared by whoever asks until then. */
  private readonly next = new Map<string, Promise<void>>();
  private readonly running = new Map<string, Promise<void>>();

  constructor(private readonly db: Db) {}

  publish(mppId: string): Promise<void> {
    const queued = this.next.get(mppId);
    if (queued) return queued;
    const before = this.running.get(mppId) ?? Promise.resolve();
    const run = before.then(async () => {
      this.next.delete(mppId);
      this.running.set(mppId, run);
      try {
        await publishDisplayEvents(this.db, mppId);
      } catch {
        // Left pending: the sweep (startBoardSweep) or the MPP's next transition publishes it.
      } finally {
        if (this.running.get(mppId) === run) this.running.delete(mppId);
      }
    });
    this.next.set(mppId, run);
    return run;
  }
}

const publishers = new WeakMap<Db, BoardPublisher>();

/**
 * Numbers and sends the MPP's board events recorded by transactions that have committed; call it after
 * the commit of every transaction that called emitTicketDisplay. Resolves once a publication that
 * started after the call has ended. Never throws: an event that could not be published stays pending.
 */
export function publishBoardEvents(db: Db, mppId: string): Promise<void> {
  let p = publishers.get(db);
  if (!p) publishers.set(db, (p = new BoardPublisher(db)));
  return p.publish(mppId);
}

/**
 * Every `intervalMs`, publishes what a node left pending (it stopped between a commit and its
 * publication). Every node may run it: publications of one MPP wait for each other. Returns the stop.
 */
export function startBoardSweep(db: Db, onError: (err: unknown) => void, intervalMs = 1_000): () => void {
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    void mppsWithPendingDisplay(db)
      .then((mpps) => Promise.all(mpps.map((m) => publishBoardEvents(db, m))))
      .catch(onError)
      .finally(() => {
        running = false;
      });
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
