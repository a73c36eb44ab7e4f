import type { Clock } from '../platform/context.js';
import type { Db } from '../platform/db.js';
import { NODE_ID, runIfDue, type JobSchedule } from './jobs.js';
import { refreshScorecards } from './scorecard-service.js';

/** Hourly, on one node: recomputing 514 MPPs' two months takes minutes, so the lease allows 30. */
export const SCORECARD_JOB: JobSchedule = { name: 'scorecard-refresh', everySeconds: 55 * 60, leaseSeconds: 30 * 60 };

/** One round of the refresher on this node: refreshes every MPP's cards if this node wins the round. */
export function refreshScorecardsIfDue(db: Db, clock: Clock, holder = NODE_ID): Promise<boolean> {
  return runIfDue(db, SCORECARD_JOB, () => refreshScorecards(db, clock.now()), holder);
}

/**
 * Recomputes every MPP's current and previous month's scorecard soon after start and then hourly, so
 * the national view reads stored cards. Every node ticks; only the one holding the job's lease works
 * (a node that starts within the hour of another's run skips it).
 */
export function startScorecardRefresher(db: Db, clock: Clock, onError: (err: unknown) => void, intervalMs = 5 * 60_000): () => void {
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    void refreshScorecardsIfDue(db, clock)
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
