import type { Queryable } from '../platform/db.js';
import { findCounterBasics, findMppBasics, findServiceBasics } from '../catalog/read.js';
import type { Row } from '../platform/tables.js';
import { commonErrors } from '../platform/errors.js';
import type { UnsurTally } from './ikm.js';
import type { AnswerLabel, RespondentProfile, SurveyAnswers } from './schemas.js';
import { UNSUR_KEYS } from './schemas.js';

export interface TokenRow {
  mpp_id: string;
  id: string;
  source_kind: 'ticket' | 'booking';
  source_id: string;
  service_id: string;
  tenant_id: string;
  served_at: Date | null;
  responded: boolean;
}

export interface TokenContext extends TokenRow {
  mpp_name: string;
  timezone: string;
  service_name: string;
  tenant_name: string;
}

export async function insertToken(
  q: Queryable,
  t: { mppId: string; tokenHash: string; sourceKind: string; sourceId: string; serviceId: string; tenantId: string; servedAt: Date | null },
): Promise<TokenRow | undefined> {
  const { rows } = await q.query<TokenRow>(
    `INSERT INTO survey_tokens (mpp_id, token_hash, source_kind, source_id, service_id, tenant_id, served_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (mpp_id, source_kind, source_id) DO NOTHING
     RETURNING *`,
    [t.mppId, t.tokenHash, t.sourceKind, t.sourceId, t.serviceId, t.tenantId, t.servedAt],
  );
  return rows[0];
}

export async function findTokenBySource(q: Queryable, mppId: string, sourceKind: string, sourceId: string): Promise<TokenRow | undefined> {
  const { rows } = await q.query<TokenRow>('SELECT * FROM survey_tokens WHERE mpp_id = $1 AND source_kind = $2 AND source_id = $3', [mppId, sourceKind, sourceId]);
  return rows[0];
}

/** Sets served_at once; a later call keeps the first time. */
export async function markTokenServed(q: Queryable, mppId: string, sourceKind: string, sourceId: string, servedAt: Date): Promise<TokenRow | undefined> {
  const { rows } = await q.query<TokenRow>(
    `UPDATE survey_tokens SET served_at = COALESCE(served_at, $4)
     WHERE mpp_id = $1 AND source_kind = $2 AND source_id = $3 RETURNING *`,
    [mppId, sourceKind, sourceId, servedAt],
  );
  return rows[0];
}

export async function replaceTokenHash(q: Queryable, mppId: string, sourceKind: string, sourceId: string, tokenHash: string): Promise<TokenRow | undefined> {
  const { rows } = await q.query<TokenRow>(
    'UPDATE survey_tokens SET token_hash = $4 WHERE mpp_id = $1 AND source_kind = $2 AND source_id = $3 AND NOT responded RETURNING *',
    [mppId, sourceKind, sourceId, tokenHash],
  );
  return rows[0];
}

const TOKEN_CONTEXT = `
  SELECT t.*, m.name AS mpp_name, m.timezone, s.name AS service_name, te.name AS tenant_name
  FROM survey_tokens t
  JOIN catalog_mpps_v m ON m.id = t.mpp_id
  JOIN catalog_services_v s ON s.mpp_id = t.mpp_id AND s.id = t.service_id
  JOIN catalog_tenants_v te ON te.mpp_id = t.mpp_id AND te.id = t.tenant_id`;

export async function findTokenByHash(q: Queryable, tokenHash: string): Promise<TokenContext | undefined> {
  const { rows } = await q.query<TokenContext>(`${TOKEN_CONTEXT} WHERE t.token_hash = $1`, [tokenHash]);
  return rows[0];
}

export async function findTokenById(q: Queryable, mppId: string, tokenId: string): Promise<TokenContext | undefined> {
  const { rows } = await q.query<TokenContext>(`${TOKEN_CONTEXT} WHERE t.mpp_id = $1 AND t.id = $2`, [mppId, tokenId]);
  return rows[0];
}

/**
 * Uses a token exactly once: the conditional UPDATE lets only one of two racing submissions win.
 * @returns the token with its MPP time zone, or undefined when it is unknown, unserved or used.
 */
export async function claimToken(q: Queryable, where: { tokenHash: string } | { mppId: string; tokenId: string }): Promise<(TokenRow & { timezone: string }) | undefined> {
  const [cond, params] = 'tokenHash' in where ? ['t.token_hash = $1', [where.tokenHash]] : ['t.mpp_id = $1 AND t.id = $2', [where.mppId, where.tokenId]];
  const { rows } = await q.query<TokenRow & { timezone: string }>(
    `UPDATE survey_tokens t SET responded = true
     FROM catalog_mpps_v m
     WHERE m.id = t.mpp_id AND ${cond} AND t.served_at IS NOT NULL AND NOT t.responded
     RETURNING t.*, m.timezone`,
    params,
  );
  return rows[0];
}

export async function insertResponse(
  q: Queryable,
  r: { mppId: string; tenantId: string; serviceId: string; servedOn: string; channel: 'tablet' | 'kiosk' | 'link'; answers: SurveyAnswers; profile: RespondentProfile; suggestion: string | null },
): Promise<void> {
  await q.query(
    `INSERT INTO survey_responses (mpp_id, tenant_id, service_id, served_on, channel, u1, u2, u3, u4, u5, u6, u7, u8, u9, gender, age_group, education, occupation, suggestion)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
    [
      r.mppId,
      r.tenantId,
      r.serviceId,
      r.servedOn,
      r.channel,
      ...UNSUR_KEYS.map((k) => r.answers[k] ?? null),
      r.profile.gender ?? null,
      r.profile.ageGroup ?? null,
      r.profile.education ?? null,
      r.profile.occupation ?? null,
      r.suggestion,
    ],
  );
}

// ---- catalog lookups, through the catalog's exported read functions ----

/** @throws AppError not_found */
export async function getService(q: Queryable, mppId: string, serviceId: string): Promise<{ id: string; tenant_id: string; name: string }> {
  const service = await findServiceBasics(q, { mppId, serviceId });
  if (!service) throw commonErrors.not_found();
  return service;
}

export async function findCounter(q: Queryable, mppId: string, counterId: string): Promise<{ id: string; tenant_id: string; number: number; name: string } | undefined> {
  return findCounterBasics(q, { mppId, counterId });
}

/** An MPP by its id or its slug. */
export async function findMpp(q: Queryable, ref: string): Promise<{ id: string; name: string; timezone: string } | undefined> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref);
  return findMppBasics(q, isUuid ? { id: ref } : { slug: ref });
}

// ---- answer labels ----

export async function listLabels(q: Queryable, mppId: string, serviceId: string): Promise<AnswerLabel[]> {
  const { rows } = await q.query<{ unsur: number; score: number; label_id: string; label_en: string }>(
    'SELECT unsur, score, label_id, label_en FROM survey_answer_labels WHERE mpp_id = $1 AND service_id = $2 ORDER BY unsur, score',
    [mppId, serviceId],
  );
  return rows.map((r) => ({ unsur: r.unsur, score: r.score, labelId: r.label_id, labelEn: r.label_en }));
}

export async function replaceLabels(q: Queryable, mppId: string, serviceId: string, labels: AnswerLabel[]): Promise<void> {
  await q.query('DELETE FROM survey_answer_labels WHERE mpp_id = $1 AND service_id = $2', [mppId, serviceId]);
  for (const l of labels) {
    await q.query('INSERT INTO survey_answer_labels (mpp_id, service_id, unsur, score, label_id, label_en) VALUES ($1, $2, $3, $4, $5, $6)', [mppId, serviceId, l.unsur, l.score, l.labelId, l.labelEn]);
  }
}

// ---- tablets and handoffs ----

interface TabletRow {
  device_id: string;
  device_name: string;
  counter_id: string;
  counter_number: number;
  counter_name: string;
}

const TABLETS = `
  SELECT st.device_id, d.name AS device_name, st.counter_id, c.number AS counter_number, c.name AS counter_name
  FROM survey_tablets st
  JOIN identity_device_tokens_v d ON d.mpp_id = st.mpp_id AND d.id = st.device_id
  JOIN catalog_counters_v c ON c.mpp_id = st.mpp_id AND c.id = st.counter_id`;

export async function listTablets(q: Queryable, mppId: string): Promise<TabletRow[]> {
  return (await q.query<TabletRow>(`${TABLETS} WHERE st.mpp_id = $1 AND d.revoked_at IS NULL ORDER BY c.number`, [mppId])).rows;
}

export async function findTablet(q: Queryable, mppId: string, deviceId: string): Promise<TabletRow | undefined> {
  return (await q.query<TabletRow>(`${TABLETS} WHERE st.mpp_id = $1 AND st.device_id = $2`, [mppId, deviceId])).rows[0];
}

export async function findDeviceKind(q: Queryable, mppId: string, deviceId: string): Promise<string | undefined> {
  const { rows } = await q.query<{ kind: string }>('SELECT kind FROM identity_device_tokens_v WHERE mpp_id = $1 AND id = $2 AND revoked_at IS NULL', [mppId, deviceId]);
  return rows[0]?.kind;
}

export async function bindTablet(q: Queryable, mppId: string, deviceId: string, counterId: string): Promise<void> {
  await q.query(
    `INSERT INTO survey_tablets (mpp_id, device_id, counter_id) VALUES ($1, $2, $3)
     ON CONFLICT (mpp_id, device_id) DO UPDATE SET counter_id = EXCLUDED.counter_id`,
    [mppId, deviceId, counterId],
  );
}

export async function unbindTablet(q: Queryable, mppId: string, deviceId: string): Promise<boolean> {
  return (await q.query('DELETE FROM survey_tablets WHERE mpp_id = $1 AND device_id = $2', [mppId, deviceId])).rowCount > 0;
}

/** The counter's one pending handoff; a newer finished ticket replaces an unanswered older one. */
export async function upsertHandoff(q: Queryable, mppId: string, counterId: string, tokenId: string, expiresAt: Date): Promise<void> {
  await q.query(
    `INSERT INTO survey_handoffs (mpp_id, counter_id, token_id, expires_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (mpp_id, counter_id) DO UPDATE SET id = gen_random_uuid(), token_id = EXCLUDED.token_id, expires_at = EXCLUDED.expires_at`,
    [mppId, counterId, tokenId, expiresAt],
  );
}

export async function findHandoff(q: Queryable, mppId: string, counterId: string, now: Date): Promise<{ id: string; token_id: string } | undefined> {
  const { rows } = await q.query<{ id: string; token_id: string }>(
    'SELECT id, token_id FROM survey_handoffs WHERE mpp_id = $1 AND counter_id = $2 AND expires_at > $3',
    [mppId, counterId, now],
  );
  return rows[0];
}

/** Removes and returns the handoff the tablet answers, so it cannot be answered twice. */
export async function takeHandoff(q: Queryable, mppId: string, counterId: string, handoffId: string, now: Date): Promise<{ token_id: string } | undefined> {
  const { rows } = await q.query<{ token_id: string }>(
    'DELETE FROM survey_handoffs WHERE mpp_id = $1 AND counter_id = $2 AND id = $3 AND expires_at > $4 RETURNING token_id',
    [mppId, counterId, handoffId, now],
  );
  return rows[0];
}

// ---- aggregates ----

export interface Scope {
  mppId?: string;
  tenantId?: string;
  serviceId?: string;
  from: string;
  to: string;
}

export interface TallyRow {
  key: string | null;
  respondents: number;
  tallies: UnsurTally[];
}

function whereOf(scope: Scope, alias = 'r', dayExpr = `${alias}.served_on`): { sql: string; params: unknown[] } {
  const params: unknown[] = [scope.from, scope.to];
  const parts = [`${dayExpr} >= $1::date`, `${dayExpr} < $2::date`];
  if (scope.mppId) parts.push(`${alias}.mpp_id = $${params.push(scope.mppId)}`);
  if (scope.tenantId) parts.push(`${alias}.tenant_id = $${params.push(scope.tenantId)}`);
  if (scope.serviceId) parts.push(`${alias}.service_id = $${params.push(scope.serviceId)}`);
  return { sql: parts.join(' AND '), params };
}

/** Per-unsur sums and answer counts, optionally per mpp, tenant or service. */
export async function tallies(q: Queryable, scope: Scope, groupBy: 'mpp_id' | 'tenant_id' | 'service_id' | null = null): Promise<TallyRow[]> {
  const w = whereOf(scope);
  const cols = UNSUR_KEYS.map((k) => `COALESCE(sum(r.${k}), 0) AS s_${k}, count(r.${k}) AS n_${k}`).join(', ');
  const key = groupBy ? `r.${groupBy}::text` : 'NULL::text';
  const { rows } = await q.query<Record<string, number | string | null>>(
    `SELECT ${key} AS key, count(*) AS respondents, ${cols} FROM survey_responses r WHERE ${w.sql} ${groupBy ? `GROUP BY r.${groupBy}` : ''}`,
    w.params,
  );
  return rows.map((row) => ({
    key: row.key as string | null,
    respondents: Number(row.respondents),
    tallies: UNSUR_KEYS.map((k) => ({ sum: Number(row[`s_${k}`]), answers: Number(row[`n_${k}`]) })),
  }));
}

/** How many respondents chose each value of one profile question. */
export async function profileCounts(q: Queryable, scope: Scope, column: 'gender' | 'age_group' | 'education' | 'occupation'): Promise<Map<string | null, number>> {
  const w = whereOf(scope);
  const { rows } = await q.query<{ value: string | null; n: number }>(`SELECT r.${column} AS value, count(*) AS n FROM survey_responses r WHERE ${w.sql} GROUP BY r.${column}`, w.params);
  return new Map(rows.map((r) => [r.value, Number(r.n)]));
}

/**
 * People served in the period, on the MPP-local day of service: the queue's served tickets (the
 * authority on who was served, even when a survey code is missing) plus bookings' codes.
 */
export async function servedCount(q: Queryable, scope: Scope): Promise<number> {
  const w = whereOf(scope, 't', '(t.served_at AT TIME ZONE m.timezone)::date');
  const { rows } = await q.query<{ n: number }>(
    `SELECT count(*) AS n FROM survey_tokens t JOIN catalog_mpps_v m ON m.id = t.mpp_id WHERE t.served_at IS NOT NULL AND t.source_kind = 'booking' AND ${w.sql}`,
    w.params,
  );
  const tw = whereOf(scope, 'k', 'k.local_day');
  const { rows: served } = await q.query<{ n: number }>(`SELECT count(*) AS n FROM queue_tickets_v k WHERE k.status = 'served' AND ${tw.sql}`, tw.params);
  return Number(rows[0]?.n ?? 0) + Number(served[0]?.n ?? 0);
}

export async function suggestions(q: Queryable, scope: Scope, limit: number): Promise<{ service_name: string; tenant_name: string; text: string }[]> {
  const w = whereOf(scope);
  // Ordered by service and text, not by time: the order must not hint at who wrote what.
  const { rows } = await q.query<{ service_name: string; tenant_name: string; text: string }>(
    `SELECT s.name AS service_name, te.name AS tenant_name, r.suggestion AS text
     FROM survey_responses r
     JOIN catalog_services_v s ON s.mpp_id = r.mpp_id AND s.id = r.service_id
     JOIN catalog_tenants_v te ON te.mpp_id = r.mpp_id AND te.id = r.tenant_id
     WHERE ${w.sql} AND r.suggestion IS NOT NULL AND r.suggestion <> ''
     ORDER BY te.name, s.name, r.suggestion LIMIT ${Math.trunc(limit)}`,
    w.params,
  );
  return rows;
}

export async function namesOf(q: Queryable, table: 'tenants' | 'services' | 'mpps', ids: string[]): Promise<Map<string, { name: string; tenantName?: string }>> {
  if (!ids.length) return new Map();
  if (table === 'services') {
    const { rows } = await q.query<{ id: string; name: string; tenant_name: string }>(
      'SELECT s.id, s.name, te.name AS tenant_name FROM catalog_services_v s JOIN catalog_tenants_v te ON te.mpp_id = s.mpp_id AND te.id = s.tenant_id WHERE s.id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((r) => [r.id, { name: r.name, tenantName: r.tenant_name }]));
  }
  const { rows } = await q.query<{ id: string; name: string }>(`SELECT id, name FROM catalog_${table}_v WHERE id = ANY($1::uuid[])`, [ids]);
  return new Map(rows.map((r) => [r.id, { name: r.name }]));
}

// ---- publications ----

export async function upsertPublication(q: Queryable, p: { mppId: string; period: string; periodEnd: string; snapshot: unknown; publishedBy: string | null; at: Date }): Promise<void> {
  await q.query(
    `INSERT INTO survey_publications (mpp_id, period, period_end, snapshot, published_by, published_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (mpp_id, period) DO UPDATE SET snapshot = EXCLUDED.snapshot, published_by = EXCLUDED.published_by, published_at = EXCLUDED.published_at`,
    [p.mppId, p.period, p.periodEnd, JSON.stringify(p.snapshot), p.publishedBy, p.at],
  );
}

/** The latest published snapshot; `snapshot` is what `upsertPublication` stored (the caller knows its shape). */
export async function findLatestPublication(q: Queryable, mppId: string): Promise<Pick<Row<'survey_publications'>, 'period' | 'snapshot' | 'published_at'> | undefined> {
  const { rows } = await q.query<Pick<Row<'survey_publications'>, 'period' | 'snapshot' | 'published_at'>>(
    'SELECT period, snapshot, published_at FROM survey_publications WHERE mpp_id = $1 ORDER BY period_end DESC, published_at DESC LIMIT 1',
    [mppId],
  );
  return rows[0];
}
