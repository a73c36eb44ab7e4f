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
 * (or start with it), each with its similarity. Matching and scoring run on the search documents
 * (the distinct (name, words) pairs the services share, migration 0120; GIN array index): a document
 * matches when its words meet every query word's set, and scores the summed best similarity plus the
 * closeness of its name to the query. Only then are services read: per ranked document, its first
 * services in MPP order (services_search_doc_idx), stopping once the page is full; the citizen's MPP
 * and province, when preferred, are read first the same way.
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
  const wordsOf = (i: number) => `(SELECT coalesce(array_agg(word), '{}') FROM t${i})`;
  terms.forEach((alts, i) => {
    const refs = alts.map((a) => p(a));
    const prefix = alts[0]!.length >= 4 ? ` OR word LIKE ${p(`${alts[0]}%`)}` : '';
    // The word as typed counts fully; an alternative it stands for slightly less, so "bpjs" finds the
    // BPJS service before another that only shares the alternative "jkn".
    const sim = `greatest(${refs.map((r, k) => (k === 0 ? `similarity(word, ${r})` : `0.9 * similarity(word, ${r})`)).join(', ')}${prefix ? `, CASE WHEN word LIKE $${params.length} THEN 0.6 ELSE 0 END` : ''})`;
    ctes.push(`t${i} AS MATERIALIZED (SELECT word, ${sim} AS sim FROM search_vocabulary WHERE ${refs.map((r) => `word % ${r}`).join(' OR ')}${prefix})`);
    conditions.push(`(d.search_words && ${wordsOf(i)})`);
    // When a word may miss, a rare word (imb -> pbg) outweighs a common one (urus -> penerbitan):
    // each word's score is weighted by 1 / (1 + ln(1 + search documents holding it)); a document is a
    // distinct service, however many MPPs offer it, so the weight does not grow with the MPP count.
    if (partial) ctes.push(`w${i} AS MATERIALIZED (SELECT 1.0 / (1 + ln(1 + count(*))) AS w FROM search_documents WHERE search_words && ${wordsOf(i)})`);
    const best = `coalesce((SELECT max(sim) FROM t${i} WHERE t${i}.word = ANY (d.search_words)), 0)`;
    scores.push(partial ? `${best} * (SELECT w FROM w${i})` : best);
  });
  scores.push(`${partial ? '0.25' : '0.5'} * word_similarity(${p(filter.nameQuery ?? terms.map((a) => a[0]).join(' '))}, lower(d.name))`);
  // Every word required: one GIN probe per word. Fewer required: one GIN probe over all the words, then count.
  const match = minMatch >= terms.length
    ? conditions.join(' AND ')
    : `d.search_words && (SELECT coalesce(array_agg(word), '{}') FROM (${terms.map((_a, i) => `SELECT word FROM t${i}`).join(' UNION ALL ')}) w)
     AND (${conditions.map((c) => `${c}::int`).join(' + ')}) >= ${p(minMatch)}`;
  const matched = minMatch >= terms.length ? String(terms.length) : `(${conditions.map((c) => `${c}::int`).join(' + ')})`;
  const limit = p(filter.limit);
  // Limits first (they narrow the index probe), then the preference classes, each read on its own.
  const base: string[] = [];
  if (filter.mppSlug) base.push(`s.mpp_id = (SELECT id FROM mpps WHERE slug = ${p(filter.mppSlug)})`);
  if (filter.province) base.push(`s.mpp_id = ANY (${inProvince(p(filter.province))})`);
  const classes: { preference: number; where: string[] }[] = [];
  const notYet: string[] = [];
  if (filter.preferMpp) {
    const mine = `(SELECT id FROM mpps WHERE slug = ${p(filter.preferMpp)})`;
    classes.push({ preference: 2, where: [`s.mpp_id = ${mine}`] });
    notYet.push(`s.mpp_id IS DISTINCT FROM ${mine}`);
  }
  if (filter.preferProvince) {
    const mine = inProvince(p(filter.preferProvince));
    classes.push({ preference: 1, where: [`s.mpp_id = ANY (${mine})`, ...notYet] });
    notYet.push(`NOT (s.mpp_id = ANY (${mine}))`);
  }
  classes.push({ preference: 0, where: notYet });
  // One class: the ranked documents in order, each with its first services in MPP order; the outer
  // order (documents, then MPP) is the inner one, so the page fills from the first documents.
  const part = (c: { preference: number; where: string[] }) => `(SELECT s.mpp_id, s.tenant_id, s.code, d.name, s.fee_rupiah, d.score, ${c.preference} AS preference, d.matched
    FROM (SELECT * FROM docs ORDER BY matched DESC, score DESC, name) d
   CROSS JOIN LATERAL (
     SELECT s.mpp_id, s.tenant_id, s.code, s.fee_rupiah FROM services s
      WHERE s.search_doc_id = d.id AND s.active${[...base, ...c.where].map((w) => ` AND ${w}`).join('')}
        AND s.mpp_id NOT IN (SELECT id FROM mpps WHERE NOT published)
        AND (s.mpp_id, s.tenant_id) NOT IN (SELECT mpp_id, id FROM tenants WHERE NOT active)
      ORDER BY s.mpp_id LIMIT ${limit}) s
   ORDER BY d.matched DESC, d.score DESC, d.name, s.mpp_id LIMIT ${limit})`;
  const sql = `WITH ${ctes.join(',\n')},
docs AS MATERIALIZED (
  SELECT d.id, d.name, ${matched} AS matched, (${scores.join(' + ')})::float8 AS score
    FROM search_documents d
   WHERE ${match}),
hits AS (
  SELECT * FROM (${classes.map(part).join('\n  UNION ALL ')}) h
   ORDER BY h.preference DESC, h.matched DESC, h.score DESC, h.name, h.mpp_id
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

/** The MPPs of a province (2-digit code) as an array: an index condition, not a join per document. */
const inProvince = (ref: string) => `coalesce((SELECT array_agg(id) FROM mpps WHERE left(region_code, 2) = ${ref}), '{}')`;

/**
 * For each query word (with its alternatives), the search documents holding it, counted up to a cap:
 * one statement of bounded GIN probes. Run inside inSearchTransaction.
 */
const FREQUENCY_CAP = 2000;
export async function countDocumentsWithWords(tx: Queryable, terms: string[][]): Promise<number[]> {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const cap = p(FREQUENCY_CAP);
  const counts = terms.map((alts) => {
    const refs = alts.map((a) => p(a));
    const prefix = alts[0]!.length >= 4 ? ` OR word LIKE ${p(`${alts[0]}%`)}` : '';
    return `(SELECT count(*) FROM (SELECT 1 FROM search_documents
       WHERE search_words && (SELECT coalesce(array_agg(word), '{}') FROM search_vocabulary WHERE ${refs.map((r) => `word % ${r}`).join(' OR ')}${prefix})
       LIMIT ${cap}) x)`;
  });
  const { rows } = await tx.query<{ n: number[] }>(`SELECT ARRAY[${counts.join(', ')}]::int[] AS n`, params);
  return (rows[0]?.n ?? []).map(Number);
}

/**
 * pg_trgm's default similarity threshold (0.3) lets unrelated words in; 0.5 misses one-letter slips in
 * short words ("hilng" for "hilang"). 0.4, with every query word required, keeps the noise low.
 */
export const SIMILARITY_THRESHOLD = 0.4;
export const THRESHOLD_SQL = `SET LOCAL pg_trgm.similarity_threshold = ${SIMILARITY_THRESHOLD}`;

export type SearchRow = { service_code: string; service_name: string; tenant_name: string; mpp_slug: string; mpp_name: string; region_name: string | null; fee_rupiah: number; score: number };

/** The services matching the query words, best first (see searchSql). Run inside inSearchTransaction. */
export async function findSearchRows(tx: Queryable, terms: string[][], filter: SearchFilter): Promise<SearchRow[]> {
  const { sql, params } = searchSql(terms, filter);
  return (await tx.query<SearchRow>(sql, params)).rows;
}

/**
 * Runs a search's statements in one transaction with the search's similarity threshold (SET LOCAL):
 * one BEGIN/SET/COMMIT for the whole search, however many statements it takes.
 */
export async function inSearchTransaction<T>(q: Queryable, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  const db = q as Partial<Db>;
  if (!db.transaction) {
    await q.query(THRESHOLD_SQL);
    return fn(q);
  }
  return db.transaction(async (tx) => {
    await tx.query(THRESHOLD_SQL);
    return fn(tx);
  });
}
