import type { Queryable } from '../platform/db.js';
import type { PutRollout, Stage } from './rollout-schemas.js';

/** The SQL of the national rollout (ops_rollout: one row per kabupaten/kota with its stage and dates). */

export interface RolloutRow {
  region_code: string;
  stage: Stage;
  planned_on: string | null;
  commitment_on: string | null;
  agreements_on: string | null;
  soft_launch_on: string | null;
  inaugurated_on: string | null;
  note: string;
}

/** Every recorded region, keyed by region code. */
export async function listRolloutRows(q: Queryable): Promise<Map<string, RolloutRow>> {
  const { rows } = await q.query<RolloutRow>(
    `SELECT region_code, stage, planned_on::text, commitment_on::text, agreements_on::text, soft_launch_on::text, inaugurated_on::text, note FROM ops_rollout`,
  );
  return new Map(rows.map((r) => [r.region_code, r]));
}

/** Records (or replaces) a region's stage, dates and note. */
export async function saveRollout(q: Queryable, input: { regionCode: string; updatedBy: string; at: Date } & PutRollout): Promise<void> {
  const d = input.dates;
  await q.query(
    `INSERT INTO ops_rollout (region_code, stage, planned_on, commitment_on, agreements_on, soft_launch_on, inaugurated_on, note, updated_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (region_code) DO UPDATE SET stage = EXCLUDED.stage, planned_on = EXCLUDED.planned_on, commitment_on = EXCLUDED.commitment_on,
       agreements_on = EXCLUDED.agreements_on, soft_launch_on = EXCLUDED.soft_launch_on, inaugurated_on = EXCLUDED.inaugurated_on,
       note = EXCLUDED.note, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
    [input.regionCode, input.stage, d.planned, d.commitment, d.agreements, d.softLaunch, d.inaugurated, input.note, input.updatedBy, input.at],
  );
}
