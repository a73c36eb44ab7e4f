import type { Queryable } from '../platform/db.js';
import type { ScorecardMonth } from './scorecard-schemas.js';

/** SQL of the scorecard (ops_scorecards, ops_daily, ops_hourly: ours). MPPs and services come from the catalog's read functions. */

const S_BUCKETS = Array.from({ length: 40 }, (_, i) => `s${i}`);

export interface ServiceTimes {
  serviceId: string;
  served: number;
  hist: number[];
}

/** Service-time histograms per service over local days [from, to]. */
export async function serviceTimes(q: Queryable, input: { mppId: string; from: string; to: string }): Promise<ServiceTimes[]> {
  const { rows } = await q.query<Record<string, string | number>>(
    `SELECT d.service_id::text AS service_id, sum(d.service_n)::int AS served, ${S_BUCKETS.map((c) => `sum(d.${c})::int AS ${c}`).join(', ')}
       FROM ops_daily d WHERE d.mpp_id = $1 AND d.local_day BETWEEN $2::date AND $3::date AND d.service_n > 0
      GROUP BY d.service_id`,
    [input.mppId, input.from, input.to],
  );
  return rows.map((r) => ({ serviceId: String(r.service_id), served: Number(r.served), hist: S_BUCKETS.map((c) => Number(r[c])) }));
}

/** The start of the MPP's latest aggregated hour of ticket activity, if any. */
export async function lastActivity(q: Queryable, mppId: string): Promise<Date | null> {
  const { rows } = await q.query<{ at: Date | null }>('SELECT max(hour) AS at FROM ops_hourly WHERE mpp_id = $1', [mppId]);
  return rows[0]?.at ? new Date(rows[0].at) : null;
}

export async function upsertScorecard(q: Queryable, input: { mppId: string; month: string; card: ScorecardMonth; lastActivityAt: Date | null; computedAt: Date }): Promise<void> {
  await q.query(
    `INSERT INTO ops_scorecards (mpp_id, month, card, score, last_activity_at, computed_at) VALUES ($1, $2::date, $3, $4, $5, $6)
     ON CONFLICT (mpp_id, month) DO UPDATE SET card = EXCLUDED.card, score = EXCLUDED.score, last_activity_at = EXCLUDED.last_activity_at, computed_at = EXCLUDED.computed_at`,
    [input.mppId, `${input.month}-01`, JSON.stringify(input.card), input.card.score, input.lastActivityAt, input.computedAt],
  );
}

export interface StoredCard {
  mppId: string;
  card: ScorecardMonth;
  score: number | null;
  lastActivityAt: Date | null;
  computedAt: Date;
}

/** The stored scorecards of a month, one per MPP that has one. */
export async function cardsOfMonth(q: Queryable, month: string): Promise<StoredCard[]> {
  const { rows } = await q.query<{ mpp_id: string; card: ScorecardMonth; score: number | null; last_activity_at: Date | null; computed_at: Date }>(
    'SELECT mpp_id, card, score, last_activity_at, computed_at FROM ops_scorecards WHERE month = $1::date',
    [`${month}-01`],
  );
  return rows.map((r) => ({ mppId: r.mpp_id, card: r.card, score: r.score === null ? null : Number(r.score), lastActivityAt: r.last_activity_at, computedAt: r.computed_at }));
}

/** Local months (YYYY-MM) in [from, to] with at least one ticket issued, from the per-agency daily rows. */
export async function activeMonths(q: Queryable, input: { mppId: string; from: string; to: string }): Promise<string[]> {
  const { rows } = await q.query<{ month: string }>(
    `SELECT DISTINCT to_char(local_day, 'YYYY-MM') AS month FROM ops_daily_tenant
      WHERE mpp_id = $1 AND local_day BETWEEN $2::date AND $3::date AND issued > 0 ORDER BY 1`,
    [input.mppId, input.from, input.to],
  );
  return rows.map((r) => r.month);
}

/** The rollout stage recorded for a kabupaten/kota, if any. */
export async function rolloutStage(q: Queryable, regionCode: string): Promise<string | null> {
  const { rows } = await q.query<{ stage: string }>('SELECT stage FROM ops_rollout WHERE region_code = $1', [regionCode]);
  return rows[0]?.stage ?? null;
}

/** When the MPP's card of a month was last computed, if ever. */
export async function cardComputedAt(q: Queryable, mppId: string, month: string): Promise<Date | null> {
  const { rows } = await q.query<{ computed_at: Date }>('SELECT computed_at FROM ops_scorecards WHERE mpp_id = $1 AND month = $2::date', [mppId, `${month}-01`]);
  return rows[0]?.computed_at ?? null;
}
