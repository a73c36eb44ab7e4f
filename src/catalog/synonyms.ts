import { recordAudit } from '../platform/audit.js';
import { requireNationalAdmin, type Principal } from '../platform/auth.js';
import type { ServiceContext } from '../platform/context.js';
import type { Db, Queryable } from '../platform/db.js';
import { commonErrors } from '../platform/errors.js';
import { catalogErrors } from './errors.js';
import type { SynonymInput, SynonymView } from './schemas.js';
import { clearSynonymCache, normalize } from './search.js';
import * as srepo from './service-repository.js';
import { inputOf, searchTextOf } from './standards-service.js';

/**
 * The search vocabulary citizens use (abbreviations, old names, colloquial and English words, fillers)
 * is data: a national admin reads and extends it here. An abbreviation is written into each service's
 * search text, so changing one recomputes the search text of the services holding either form.
 */

export async function listSynonyms(db: Db, principal: Principal): Promise<SynonymView[]> {
  requireNationalAdmin(principal);
  return srepo.listSynonyms(db);
}

/** Adds or changes one entry. @throws forbidden unless national admin */
export async function putSynonym(ctx: ServiceContext, args: { kind: SynonymView['kind']; term: string; synonym: SynonymInput }): Promise<SynonymView> {
  const { db, principal, actor } = ctx;
  const { kind, term, synonym: input } = args;
  requireNationalAdmin(principal);
  const entry: SynonymView = { term, kind, expansion: kind === 'filler' ? term : normalize(input.expansion) };
  if (!entry.expansion) throw catalogErrors.synonym_expansion_required({ term });
  try {
    await db.transaction(async (tx) => {
      const before = await srepo.findSynonym(tx, kind, term);
      await srepo.upsertSynonym(tx, entry);
      clearSynonymCache();
      if (kind === 'abbreviation') await reindex(tx, [term, entry.expansion, ...(before ? [before.expansion] : [])]);
      await recordAudit(tx, actor, { action: before ? 'search_synonym.update' : 'search_synonym.create', targetType: 'search_synonym', targetId: `${kind}:${term}`, before, after: entry });
    });
  } finally {
    // Read inside the transaction for the reindex; whatever happened, the next search rereads the table.
    clearSynonymCache();
  }
  return entry;
}

/** Removes one entry. @throws not_found, forbidden */
export async function removeSynonym(ctx: ServiceContext, input: { kind: SynonymView['kind']; term: string }): Promise<void> {
  const { db, principal, actor } = ctx;
  const { kind, term } = input;
  requireNationalAdmin(principal);
  try {
    await db.transaction(async (tx) => {
      const before = await srepo.findSynonym(tx, kind, term);
      if (!before) throw commonErrors.not_found();
      await srepo.deleteSynonym(tx, kind, term);
      clearSynonymCache();
      if (kind === 'abbreviation') await reindex(tx, [term, before.expansion]);
      await recordAudit(tx, actor, { action: 'search_synonym.delete', targetType: 'search_synonym', targetId: `${kind}:${term}`, before });
    });
  } finally {
    clearSynonymCache();
  }
}

async function reindex(tx: Queryable, phrases: string[]): Promise<void> {
  for (const s of await srepo.servicesWithAnyPhrase(tx, phrases)) {
    const service = await srepo.getService(tx, s.mppId, s.id);
    await srepo.setSearchText(tx, s.mppId, s.id, await searchTextOf(tx, s.mppId, inputOf(service)));
  }
}
