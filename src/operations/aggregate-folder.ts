import type { Db } from '../platform/db.js';
import { foldAllPending } from './repository.js';

/**
 * Folds the ticket events waiting in ops_pending into the statistics every `intervalMs` on this node
 * (migration 0730), so the table stays short and a read of the statistics has little left to fold.
 * Every node may run it: folds of one MPP wait for each other and never take an event twice.
 */
export function startAggregateFolder(db: Db, onError: (err: unknown) => void, intervalMs = 2_000): () => void {
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    void foldAllPending(db)
      .catch(onError)
      .finally(() => {
        running = false;
      });
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
