// temporary: prints the inlined search SQL for a query (profiling aid, not committed)
import pg from 'pg';
import { queryTerms, searchSql } from '../src/catalog/search.js';
import { listSynonyms } from '../src/catalog/service-repository.js';
import { postgresDb } from '../src/platform/db.js';
const db = postgresDb(process.env.URL!, 1);
const synonyms = await listSynonyms(db);
const q = process.argv[2]!;
const minMatch = process.argv[3] ? Number(process.argv[3]) : undefined;
const terms = queryTerms(q, synonyms);
const { sql, params } = searchSql(terms, { limit: 20, minMatch });
console.log(sql.replace(/\$(\d+)/g, (_m, n: string) => { const v = params[Number(n) - 1]; return typeof v === 'number' ? String(v) : pg.escapeLiteral(String(v)); }) + ';');
await db.close();
