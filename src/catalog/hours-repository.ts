import type { Queryable } from '../platform/db.js';
import type { Break, WeeklyHours } from './schemas.js';

/** The SQL behind opening hours (hours.ts computes the schedule from it). */

export interface MppHoursRow {
  timezone: string;
  weekly_hours: WeeklyHours;
}

export async function findMppHours(q: Queryable, mppId: string): Promise<MppHoursRow | undefined> {
  const { rows } = await q.query<MppHoursRow>('SELECT timezone, weekly_hours FROM mpps WHERE id = $1', [mppId]);
  return rows[0];
}

export interface SpecialDayRow {
  day: string;
  opens: string;
  closes: string;
  breaks: Break[];
  note: string;
}

/** An MPP's special days (other hours for one date) from `from` to `to`, both included. */
export async function listSpecialDaysBetween(q: Queryable, input: { mppId: string; from: string; to: string }): Promise<SpecialDayRow[]> {
  const { rows } = await q.query<SpecialDayRow>(
    'SELECT day::text AS day, opens::text AS opens, closes::text AS closes, breaks, note FROM mpp_special_days WHERE mpp_id = $1 AND day BETWEEN $2 AND $3',
    [input.mppId, input.from, input.to],
  );
  return rows;
}
