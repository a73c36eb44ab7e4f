import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from '../platform/db.js';
import * as repo from './jobs-repository.js';

/** This process's name in job leases. */
export const NODE_ID = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

export interface JobSchedule {
  name: string;
  /** Least time between two starts, across all nodes. */
  everySeconds: number;
  /** How long a run may hold the job before another node may take it over (its node died). */
  leaseSeconds: number;
}

/**
 * Runs `work` if this node wins the job's lease for this round; on several nodes sharing a database
 * exactly one does (ops_jobs). Returns whether it ran.
 * @throws what `work` throws, after the lease is released with the error recorded.
 */
export async function runIfDue(db: Db, job: JobSchedule, work: () => Promise<unknown>, holder = NODE_ID): Promise<boolean> {
  if (!(await repo.takeLease(db, { ...job, holder }))) return false;
  try {
    await work();
  } catch (err) {
    await repo.releaseLease(db, { name: job.name, holder, error: String((err as Error).message ?? err).slice(0, 500) });
    throw err;
  }
  await repo.releaseLease(db, { name: job.name, holder, error: null });
  return true;
}
