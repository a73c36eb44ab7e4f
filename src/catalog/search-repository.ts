import type { Db, Queryable } from '../platform/db.js';

/**
 * The SQL of the service search (search.ts holds the words, synonyms and ranking rules). Runs with the
 * search's pg_trgm similarity threshold, set per transaction.
 */

export interface SearchFilter {
  mppSlug?: string;
  province?: string;
  /** Ranked first, without excluding others: the citizen's chosen MPP (slug) or province (2 digits). */
  preferMpp?: string;
  preferProvince?: string;
  /** How many query words a service must match; all of them when omitted. */
  minMatch?: number;
  /** The words a service's name is compared with (see nameQuery); the first alternatives when omitted. */
  nameQuery?: string;
  limit: number;
}

/**
 * Builds the one SQL statement of a search; exported so the benchmark runs the very same SQL through pgbench.
 * Per query word: the vocabulary words that are trigram-similar to it or to one of its alternatives
 * (or start with it), each with its similarity; a service matches when its words meet every query
 * word's set (GIN array index), and ranks by the summed best similarity, ties going to the service
 * whose own name is closest to the query.
 */
export function searchSql(terms: string[][], filter: SearchFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const ctes: string[] = [];
  const conditions: string[] = [];
  const scores: string[] = [];
  const minMatch = Math.min(terms.length, filter.minMatch ?? terms.length);
  const partial = minMatch < terms.length;
  terms.forEach((alts, i) => {
    const refs = alts.map((a) => p(a));
    const prefix = alts[0]!.length >= 4 ? ` OR word LIKE ${p(`${alts[0]}%`)}` : '';
    // The word as typed counts fully; an alternative it stands for slightly less, so "bpjs" finds the
    // BPJS service before another that only shares the alternative "jkn".
    const sim = `greatest(${refs.map((r, k) => (k === 0 ? `similarity(word, ${r})` : `0.9 * similarity(word, ${r})`)).join(', ')}${prefix ? `, CASE WHEN word LIKE $${params.length} THEN 0.6 ELSE 0 END` : ''})`;
    ctes.push(`t${i} AS MATERIALIZED (SELECT word, ${sim} AS sim FROM search_vocabulary WHERE ${refs.map((r) => `word % ${r}`).join(' OR ')}${prefix})`);
    conditions.push(`(s.search_words && (SELECT coalesce(array_agg(word), '{}') FROM t${i}))`);
    // When a word may miss, a rare word (imb -> pbg) outweighs a common one (urus -> penerbitan):
    // each word's score is weighted by 1 / (1 + ln(1 + services holding it)).
    if (partial) ctes.push(`w${i} AS MATERIALIZED (SELECT 1.0 / (1 + ln(1 + count(*))) AS w FROM services s2 WHERE s2.active AND s2.search_words && (SELECT coalesce(array_agg(word), '{}') FROM t${i}))`);
    const best = `coalesce((SELECT max(sim) FROM t${i} WHERE t${i}.word = ANY (s.search_words)), 0)`;
    scores.push(partial ? `${best} * (SELECT w FROM w${i})` : best);
  });
  scores.push(`${partial ? '0.25' : '0.5'} * word_similarity(${p(filter.nameQuery ?? terms.map((a) => a[0]).join(' '))}, lower(s.name))`);
  // Rank inside services alone and join the names for the few rows kept: joining first cost a probe per hit.
  const mppFilter = filter.mppSlug ? ` AND slug = ${p(filter.mppSlug)}` : '';
  const provinceFilter = filter.province ? ` AND left(region_code, 2) = ${p(filter.province)}` : '';
  const pref: string[] = [];
  if (filter.preferMpp) pref.push(`WHEN s.mpp_id IN (SELECT id FROM mpps WHERE slug = ${p(filter.preferMpp)}) THEN 2`);
  if (filter.preferProvince) pref.push(`WHEN s.mpp_id IN (SELECT id FROM mpps WHERE left(region_code, 2) = ${p(filter.preferProvince)}) THEN 1`);
  const preference = pref.length ? `CASE ${pref.join(' ')} ELSE 0 END` : '0';
  // Every word required: one GIN probe per word. Fewer required: one GIN probe over all the words, then count.
  const match = minMatch >= terms.length
    ? conditions.join(' AND ')
    : `s.search_words && (SELECT coalesce(array_agg(word), '{}') FROM (${terms.map((_a, i) => `SELECT word FROM t${i}`).join(' UNION ALL ')}) w)
     AND (${conditions.map((c) => `${c}::int`).join(' + ')}) >= ${p(minMatch)}`;
  const matched = minMatch >= terms.length ? String(terms.length) : `(${conditions.map((c) => `${c}::int`).join(' + ')})`;
  const limit = p(filter.limit);
  // Score each distinct (name, words) once, not each matching row: the MPPs share their catalog, so a
  // broad query ("bpjs kesehatan": 5,000 rows at 500 MPPs) has a few dozen distinct services to score,
  // and the similarity functions were most of its time (docs/benchmarks.md).
  const sql = `WITH ${ctes.join(',\n')},
found AS MATERIALIZED (
  SELECT s.mpp_id, s.tenant_id, s.code, s.name, s.fee_rupiah, s.search_words, ${preference} AS preference
    FROM services s
   WHERE s.active AND ${match}
     AND s.mpp_id IN (SELECT id FROM mpps WHERE published${mppFilter}${provinceFilter})
     AND (s.mpp_id, s.tenant_id) NOT IN (SELECT mpp_id, id FROM tenants WHERE NOT active)),
scored AS MATERIALIZED (
  SELECT s.name, s.search_words, ${matched} AS matched, (${scores.join(' + ')})::float8 AS score
    FROM (SELECT DISTINCT name, search_words FROM found) s),
hits AS (
  SELECT f.mpp_id, f.tenant_id, f.code, f.name, f.fee_rupiah, sc.score, f.preference, sc.matched
    FROM found f
    JOIN scored sc ON sc.name = f.name AND sc.search_words = f.search_words
   ORDER BY f.preference DESC, sc.matched DESC, sc.score DESC, f.name, f.mpp_id
   LIMIT ${limit})
SELECT h.code AS service_code, h.name AS service_name, t.name AS tenant_name, m.slug AS mpp_slug, m.name AS mpp_name,
       r.name AS region_name, h.fee_rupiah, h.score
  FROM hits h
  JOIN tenants t ON t.mpp_id = h.mpp_id AND t.id = h.tenant_id
  JOIN mpps m ON m.id = h.mpp_id
  LEFT JOIN regions r ON r.code = m.region_code
 ORDER BY h.preference DESC, h.matched DESC, h.score DESC, h.name, m.name`;
  return { sql, params };
}

/** Services holding a query word or one of its alternatives, counted up to a cap (cheap: a bounded GIN probe). */
const FREQUENCY_CAP = 2000;
export async function countServicesWithWord(q: Queryable, alts: string[]): Promise<number> {
  const params: unknown[] = [...alts];
  const refs = alts.map((_a, i) => `$${i + 1}`);
  const prefix = alts[0]!.length >= 4 ? (params.push(`${alts[0]}%`), ` OR word LIKE $${params.length}`) : '';
  params.push(FREQUENCY_CAP);
  const sql = `SELECT count(*)::int AS n FROM (
    SELECT 1 FROM services s
     WHERE s.active AND s.search_words && (SELECT coalesce(array_agg(word), '{}') FROM search_vocabulary WHERE ${refs.map((r) => `word % ${r}`).join(' OR ')}${prefix})
     LIMIT $${params.length}) x`;
  const { rows } = await runQuery<{ n: number }>(q, sql, params);
  return Number(rows[0]?.n ?? 0);
}

/**
 * pg_trgm's default similarity threshold (0.3) lets unrelated words in; 0.5 misses one-letter slips in
 * short words ("hilng" for "hilang"). 0.4, with every query word required, keeps the noise low.
 */
export const SIMILARITY_THRESHOLD = 0.4;
export const THRESHOLD_SQL = `SET LOCAL pg_trgm.similarity_threshold = ${SIMILARITY_THRESHOLD}`;

export type SearchRow = { service_code: string; service_name: string; tenant_name: string; mpp_slug: string; mpp_name: string; region_name: string | null; fee_rupiah: number; score: number };

/** The services matching the query words, best first (see searchSql). */
export async function findSearchRows(q: Queryable, terms: string[][], filter: SearchFilter): Promise<SearchRow[]> {
  const { sql, params } = searchSql(terms, filter);
  return (await runQuery<SearchRow>(q, sql, params)).rows;
}

/** Runs one statement with the search's similarity threshold (SET LOCAL, so inside a transaction). */
async function runQuery<R>(q: Queryable, sql: string, params: unknown[]): Promise<{ rows: R[] }> {
  const db = q as Partial<Db>;
  if (!db.transaction) {
    await q.query(THRESHOLD_SQL);
    return q.query<R>(sql, params);
  }
  return db.transaction(async (tx) => {
    await tx.query(THRESHOLD_SQL);
    return tx.query<R>(sql, params);
  });
}
