import type { Clock } from '../platform/context.js';
import type { Db } from '../platform/db.js';
import { refreshScorecards } from './scorecard-service.js';

/**
 * Recomputes every MPP's current and previous month's scorecard at start and then hourly, so the
 * national view reads stored cards. Idempotent: on several nodes each does the same upserts.
 */
export function startScorecardRefresher(db: Db, clock: Clock, onError: (err: unknown) => void, intervalMs = 60 * 60_000): () => void {
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    void refreshScorecards(db, clock.now())
      .catch(onError)
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(run, 5_000);
  const timer = setInterval(run, intervalMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
