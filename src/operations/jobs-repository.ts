import type { Queryable } from '../platform/db.js';

/** SQL of the periodic jobs' leases (ops_jobs: ours). Times are the database's, shared by every node. */

/**
 * Takes the job's lease when it is free (no lease, or an expired one) and due (last started at least
 * `everySeconds` ago). One statement: concurrent callers queue on the row and all but one find it taken.
 * @returns true when this holder now runs the job.
 */
export async function takeLease(q: Queryable, input: { name: string; holder: string; everySeconds: number; leaseSeconds: number }): Promise<boolean> {
  const { rows } = await q.query<{ name: string }>(
    `INSERT INTO ops_jobs (name, holder, lease_until, last_started_at)
     VALUES ($1, $2, now() + make_interval(secs => $4), now())
     ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, lease_until = EXCLUDED.lease_until, last_started_at = EXCLUDED.last_started_at
      WHERE ops_jobs.lease_until <= now() AND ops_jobs.last_started_at <= now() - make_interval(secs => $3)
     RETURNING name`,
    [input.name, input.holder, input.everySeconds, input.leaseSeconds],
  );
  return rows.length > 0;
}

/** Ends a run (only if this holder still holds it): the lease is released, the outcome kept. */
export async function releaseLease(q: Queryable, input: { name: string; holder: string; error: string | null }): Promise<void> {
  await q.query('UPDATE ops_jobs SET lease_until = now(), last_finished_at = now(), last_error = $3 WHERE name = $1 AND holder = $2', [input.name, input.holder, input.error]);
}
