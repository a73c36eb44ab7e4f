import { isMppInsider, type Principal } from '../platform/auth.js';
import type { Queryable } from '../platform/db.js';

/**
 * The catalog's exported read functions: the simple lookups other domains make of MPPs, tenants,
 * services and counters. Joins on a hot path use the catalog's read views instead
 * (docs/architecture.md "Read views"). `find*` may return nothing.
 */

export interface MppBasics {
  id: string;
  slug: string;
  name: string;
  timezone: string;
}

export async function mppExists(q: Queryable, mppId: string): Promise<boolean> {
  const { rows } = await q.query<{ one: number }>('SELECT 1 AS one FROM mpps WHERE id = $1', [mppId]);
  return rows.length > 0;
}

export async function tenantExists(q: Queryable, input: { mppId: string; tenantId: string }): Promise<boolean> {
  const { rows } = await q.query<{ one: number }>('SELECT 1 AS one FROM tenants WHERE mpp_id = $1 AND id = $2', [input.mppId, input.tenantId]);
  return rows.length > 0;
}

/** Every MPP by name; only the published ones for a public list. */
export async function listMppBasics(q: Queryable, filter: { publishedOnly?: boolean } = {}): Promise<MppBasics[]> {
  return (await q.query<MppBasics>('SELECT id, slug, name, timezone FROM mpps WHERE published OR NOT $1 ORDER BY name', [filter.publishedOnly ?? false])).rows;
}

/** An MPP by its id or its slug. */
export async function findMppBasics(q: Queryable, by: { id: string } | { slug: string }): Promise<MppBasics | undefined> {
  const { rows } =
    'id' in by
      ? await q.query<MppBasics>('SELECT id, slug, name, timezone FROM mpps WHERE id = $1', [by.id])
      : await q.query<MppBasics>('SELECT id, slug, name, timezone FROM mpps WHERE slug = $1', [by.slug]);
  return rows[0];
}

/**
 * An MPP the caller may act on (file a complaint, take a number, book): an unpublished MPP is nothing to
 * the public, exactly like an unknown one, while its kiosks and staff keep using it (an MPP is set up and
 * tried out before it is published).
 */
export async function findMppFor(q: Queryable, principal: Principal, by: { id: string } | { slug: string }): Promise<MppBasics | undefined> {
  const { rows } = await q.query<MppBasics & { published: boolean }>(
    `SELECT id, slug, name, timezone, published FROM mpps WHERE ${'id' in by ? 'id' : 'slug'} = $1`,
    ['id' in by ? by.id : by.slug],
  );
  const r = rows[0];
  if (!r || (!r.published && !isMppInsider(principal, r.id))) return undefined;
  return { id: r.id, slug: r.slug, name: r.name, timezone: r.timezone };
}

/** An MPP's tenants by name, for pickers. */
export async function listTenantNames(q: Queryable, mppId: string): Promise<{ id: string; name: string }[]> {
  return (await q.query<{ id: string; name: string }>('SELECT id, name FROM tenants WHERE mpp_id = $1 ORDER BY name', [mppId])).rows;
}

/** An MPP's active services by name, for pickers. */
export async function listActiveServiceNames(q: Queryable, mppId: string): Promise<{ id: string; tenant_id: string; name: string }[]> {
  return (await q.query<{ id: string; tenant_id: string; name: string }>('SELECT id, tenant_id, name FROM services WHERE mpp_id = $1 AND active ORDER BY name', [mppId])).rows;
}

/** A service's id, tenant and name, active or not. */
export async function findServiceBasics(q: Queryable, input: { mppId: string; serviceId: string }): Promise<{ id: string; tenant_id: string; name: string } | undefined> {
  const { rows } = await q.query<{ id: string; tenant_id: string; name: string }>('SELECT id, tenant_id, name FROM services WHERE mpp_id = $1 AND id = $2', [
    input.mppId,
    input.serviceId,
  ]);
  return rows[0];
}

/** A counter's id, tenant, number and name. */
export async function findCounterBasics(q: Queryable, input: { mppId: string; counterId: string }): Promise<{ id: string; tenant_id: string; number: number; name: string } | undefined> {
  const { rows } = await q.query<{ id: string; tenant_id: string; number: number; name: string }>('SELECT id, tenant_id, number, name FROM counters WHERE mpp_id = $1 AND id = $2', [
    input.mppId,
    input.counterId,
  ]);
  return rows[0];
}

export async function findTenantName(q: Queryable, input: { mppId: string; tenantId: string }): Promise<string | undefined> {
  const { rows } = await q.query<{ name: string }>('SELECT name FROM tenants WHERE mpp_id = $1 AND id = $2', [input.mppId, input.tenantId]);
  return rows[0]?.name;
}

/** A kecamatan of the shipped region data (Kemendagri code `NN.NN.NN`). */
export interface District {
  code: string;
  regencyCode: string;
  name: string;
}

/** The kecamatan of one kabupaten/kota by name; none for an unknown code. */
export async function listDistricts(q: Queryable, input: { regencyCode: string }): Promise<District[]> {
  const { rows } = await q.query<District>('SELECT code, regency_code AS "regencyCode", name FROM region_districts WHERE regency_code = $1 ORDER BY name', [input.regencyCode]);
  return rows;
}

/** Kecamatan by code (those not in the data are left out). */
export async function findDistricts(q: Queryable, input: { codes: string[] }): Promise<District[]> {
  if (!input.codes.length) return [];
  const { rows } = await q.query<District>('SELECT code, regency_code AS "regencyCode", name FROM region_districts WHERE code = ANY($1) ORDER BY name', [input.codes]);
  return rows;
}

/** Desa/kelurahan of the shipped region data, read lazily from its data file (src/catalog/villages.ts). */
export { findVillage, listVillages, type Village } from './villages.js';
