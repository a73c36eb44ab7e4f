import type { Queryable } from '../platform/db.js';
import type { SearchHit } from './schemas.js';
import { countDocumentsWithWords, findSearchRows, inSearchTransaction, type SearchFilter } from './search-repository.js';
import { listSynonyms, type Synonym } from './service-repository.js';

/**
 * Service search in Bahasa Indonesia. Each service keeps a normalised `search_text` (name, agency,
 * product) to which the abbreviation table adds the other form ("sim" <-> "surat izin mengemudi").
 * A query matches when every meaningful word is similar (pg_trgm) to one of the service's words, so
 * word order does not matter and typos ("kendaran") still match; colloquial, old and English words
 * also try their alternatives ("bikin" -> "pembuatan"/"penerbitan", "imb" -> "pbg", "renew" ->
 * "perpanjangan"). Filler words ("mau", "tolong") are dropped. All of this is data in
 * `search_synonyms` (kinds abbreviation, word, filler), which a national admin extends through the API.
 * When no service matches every word, one word may miss, so a word the catalog does not know does not
 * empty the result. Ranked first by the citizen's preferred MPP or province, then by words matched and
 * summed similarity.
 */

/** Lower case, accents and punctuation removed, single spaces. */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const containsPhrase = (doc: string, phrase: string) => ` ${doc} `.includes(` ${phrase} `);

/** The text a service is searched by, with each abbreviation's other form added. */
export function buildSearchText(fields: string[], synonyms: Synonym[]): string {
  const doc = normalize(fields.join(' '));
  const extra: string[] = [];
  for (const s of synonyms) {
    if (s.kind !== 'abbreviation') continue;
    if (containsPhrase(doc, s.term)) extra.push(s.expansion);
    else if (containsPhrase(doc, s.expansion)) extra.push(s.term);
  }
  return [doc, ...extra].join(' ').slice(0, 2000);
}

/** Each meaningful query word with the alternatives it may also stand for. */
export function queryTerms(query: string, synonyms: Synonym[]): string[][] {
  const fillers = new Set(synonyms.filter((s) => s.kind === 'filler').map((s) => s.term));
  const words = [...new Set(normalize(query).split(' '))].filter((w) => w.length >= 2 && !fillers.has(w)).slice(0, 8);
  return words.map((w) => {
    const alts = new Set([w]);
    for (const s of synonyms) if (s.kind === 'word' && s.term === w) for (const e of s.expansion.split(' ')) alts.add(e);
    return [...alts];
  });
}

/**
 * The words the service's own name is compared with to break ties: every meaningful query word,
 * single letters too ("sim c" tells SIM C from SIM A), with the alternatives of each ("family card"
 * -> "keluarga kartu"), so the service named by the query wins over one that only mentions it.
 */
export function nameQuery(query: string, synonyms: Synonym[]): string {
  const fillers = new Set(synonyms.filter((s) => s.kind === 'filler').map((s) => s.term));
  const words = [...new Set(normalize(query).split(' '))].filter((w) => w && !fillers.has(w)).slice(0, 10);
  const out = new Set<string>();
  for (const w of words) {
    out.add(w);
    for (const s of synonyms) if (s.kind === 'word' && s.term === w) for (const e of s.expansion.split(' ')) out.add(e);
  }
  return [...out].join(' ');
}

let synonymCache: { at: number; list: Synonym[] } | undefined;
const SYNONYM_TTL_MS = 60_000;

/** Forget the cached synonyms (after an admin changed them) so the next search reads the table. */
export function clearSynonymCache(): void {
  synonymCache = undefined;
}

export async function cachedSynonyms(q: Queryable): Promise<Synonym[]> {
  if (!synonymCache || Date.now() - synonymCache.at > SYNONYM_TTL_MS) synonymCache = { at: Date.now(), list: await listSynonyms(q) };
  return synonymCache.list;
}

export async function searchServices(q: Queryable, query: string, filter: SearchFilter): Promise<SearchHit[]> {
  const synonyms = await cachedSynonyms(q);
  const terms = queryTerms(query, synonyms);
  if (!terms.length) return [];
  filter = { ...filter, nameQuery: nameQuery(query, synonyms) };
  const rows = await inSearchTransaction(q, async (tx) => {
    const all = await findSearchRows(tx, terms, filter);
    if (all.length || terms.length < 2) return all;
    // Nothing has every word: let one word miss (an unknown or extra word must not empty the result).
    // First the cheap way: drop the word no service knows, else the most common one, and require the
    // rest (a few GIN probes). Only if that finds nothing, rank every service holding all but one word.
    const counts = await countDocumentsWithWords(tx, terms);
    const unknown = counts.indexOf(0);
    const drop = unknown >= 0 ? unknown : counts.indexOf(Math.max(...counts));
    const rest = await findSearchRows(tx, terms.filter((_a, i) => i !== drop), filter);
    return rest.length ? rest : findSearchRows(tx, terms, { ...filter, minMatch: terms.length - 1 });
  });
  return rows.map((r) => ({
    serviceCode: r.service_code,
    serviceName: r.service_name,
    tenantName: r.tenant_name,
    mppSlug: r.mpp_slug,
    mppName: r.mpp_name,
    regionName: r.region_name,
    feeRupiah: r.fee_rupiah,
    score: Math.round(r.score * 1000) / 1000,
  }));
}
