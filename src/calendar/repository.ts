import type { Queryable } from '../platform/db.js';
import { commonErrors } from '../platform/errors.js';
import type { Timezone } from './working-days.js';
import type { CalendarDay, CalendarDayKind } from './schemas.js';

interface DayRow {
  id: string;
  mpp_id: string | null;
  day: string;
  kind: CalendarDayKind;
  name: string;
  created_at: Date;
}

const toDay = (r: DayRow): CalendarDay => ({ id: r.id, mppId: r.mpp_id, day: r.day, kind: r.kind, name: r.name, createdAt: r.created_at.toISOString() });

/** National days of a year, plus the MPP's closures when mppId is given; ordered by day. */
export async function findDaysOfYear(q: Queryable, year: number, mppId: string | null): Promise<CalendarDay[]> {
  const { rows } = await q.query<DayRow>(
    `SELECT * FROM calendar_days
      WHERE day >= make_date($1, 1, 1) AND day < make_date($1 + 1, 1, 1)
        AND (mpp_id IS NULL OR mpp_id = $2)
      ORDER BY day, mpp_id NULLS FIRST`,
    [year, mppId],
  );
  return rows.map(toDay);
}

/** Inserts a day; a second row for the same scope and day raises unique_violation. */
export async function insertDay(q: Queryable, row: { mppId: string | null; day: string; kind: CalendarDayKind; name: string }): Promise<CalendarDay> {
  const { rows } = await q.query<DayRow>(
    'INSERT INTO calendar_days (mpp_id, day, kind, name) VALUES ($1, $2, $3, $4) RETURNING *',
    [row.mppId, row.day, row.kind, row.name],
  );
  return toDay(rows[0]!);
}

/**
 * Deletes one day of the given scope (national when mppId is null) and returns it.
 * @throws AppError not_found when no such day exists in that scope.
 */
export async function deleteDay(q: Queryable, mppId: string | null, dayId: string): Promise<CalendarDay> {
  const { rows } = await q.query<DayRow>(
    'DELETE FROM calendar_days WHERE id = $1 AND mpp_id IS NOT DISTINCT FROM $2 RETURNING *',
    [dayId, mppId],
  );
  if (!rows[0]) throw commonErrors.not_found();
  return toDay(rows[0]);
}

/** Dates in [from, to] (local dates) on which the MPP does not work, besides weekends. */
export async function findNonWorkingDates(q: Queryable, mppId: string, from: string, to: string): Promise<Set<string>> {
  const { rows } = await q.query<{ day: string }>(
    'SELECT day FROM calendar_days WHERE day BETWEEN $2 AND $3 AND (mpp_id IS NULL OR mpp_id = $1)',
    [mppId, from, to],
  );
  return new Set(rows.map((r) => r.day));
}

/** @throws AppError not_found when the MPP does not exist. */
export async function getMppTimezone(q: Queryable, mppId: string): Promise<Timezone> {
  const { rows } = await q.query<{ timezone: Timezone }>('SELECT timezone FROM catalog_mpps_v WHERE id = $1', [mppId]);
  if (!rows[0]) throw commonErrors.not_found();
  return rows[0].timezone;
}

/**
 * Calendar days of an MPP between two local dates (inclusive), its own and the national ones, the
 * MPP's own first so a reader keeping the first entry per day lets the MPP's entry win.
 */
export async function findDaysBetween(
  q: Queryable,
  input: { mppId: string; from: string; to: string },
): Promise<{ day: string; kind: CalendarDayKind; name: string; mpp_specific: boolean }[]> {
  const { rows } = await q.query<{ day: string; kind: CalendarDayKind; name: string; mpp_specific: boolean }>(
    `SELECT day::text AS day, kind, name, mpp_id IS NOT NULL AS mpp_specific FROM calendar_days
      WHERE (mpp_id = $1 OR mpp_id IS NULL) AND day BETWEEN $2 AND $3 ORDER BY (mpp_id IS NULL)`,
    [input.mppId, input.from, input.to],
  );
  return rows;
}
