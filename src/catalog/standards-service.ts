import { recordAudit } from '../platform/audit.js';
import { requireMppRole, requireTenantRole, tenantScope, type Actor, type Principal } from '../platform/auth.js';
import type { ServiceContext } from '../platform/context.js';
import { isUniqueViolation, type Db, type Queryable } from '../platform/db.js';
import { commonErrors } from '../platform/errors.js';
import { catalogErrors } from './errors.js';
import { addDays, zonedInstant } from './hours.js';
import * as repo from './repository.js';
import type { PublicService, ServiceInput, ServicePatch, ServiceView } from './schemas.js';
import { buildSearchText, cachedSynonyms } from './search.js';
import * as srepo from './service-repository.js';

/**
 * The instant an "as of" parameter names: a full timestamp as given; a bare date means the end of
 * that day in the MPP's zone, i.e. the last version citizens were shown that day.
 */
export function asOfInstant(at: string, timezone: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(at)) return new Date(at);
  return new Date(zonedInstant(addDays(at, 1), 0, timezone).getTime() - 1);
}

/** The standard as an input, for patching and comparing versions. */
export function inputOf(s: ServiceView): ServiceInput {
  return {
    tenantId: s.tenantId,
    code: s.code,
    name: s.name,
    description: s.description,
    requirements: s.requirements.map((r) => ({ typeCode: r.typeCode, note: r.note })),
    procedureSteps: s.procedureSteps,
    completion: s.completion,
    feeRupiah: s.feeRupiah,
    feeLegalBasis: s.feeLegalBasis,
    product: s.product,
    complaintChannels: s.complaintChannels,
    internal: s.internal,
    channels: s.channels,
    handlingMinutes: s.handlingMinutes,
    ticketPrefix: s.ticketPrefix,
    bookingSettings: s.bookingSettings,
    active: s.active,
  };
}

/**
 * Checks what the schema cannot: requirement types exist in the national dictionary, none twice.
 * @throws AppError unknown_requirement_types, duplicate_requirement
 */
export async function checkRequirements(q: Queryable, reqs: ServiceInput['requirements']): Promise<void> {
  const codes = reqs.map((r) => r.typeCode);
  const dup = codes.find((c, i) => codes.indexOf(c) !== i);
  if (dup) throw catalogErrors.duplicate_requirement({ code: dup });
  const known = await srepo.knownRequirementTypes(q, codes);
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length) throw catalogErrors.unknown_requirement_types({ codes: unknown });
}

export async function searchTextOf(q: Queryable, mppId: string, s: ServiceInput): Promise<string> {
  const tenant = await repo.getTenant(q, mppId, s.tenantId);
  return buildSearchText([s.name, s.code, tenant.name, tenant.code, s.product], await cachedSynonyms(q));
}

/** Recomputes the search text of a tenant's services after the tenant is renamed. */
export async function reindexTenant(q: Queryable, mppId: string, tenantId: string): Promise<void> {
  for (const s of await srepo.listServices(q, mppId, { tenantIds: [tenantId] })) {
    await srepo.setSearchText(q, mppId, s.id, await searchTextOf(q, mppId, inputOf(s)));
  }
}

/**
 * Writes a new service (version 1) inside the caller's transaction; used by the API and the import.
 * @throws AppError unknown_tenant, unknown_requirement_types, duplicate_requirement
 */
export async function insertServiceTx(tx: Queryable, mppId: string, input: ServiceInput, actor: Actor, now: Date): Promise<ServiceView> {
  if (!(await repo.listTenants(tx, mppId, { ids: [input.tenantId] })).length) throw commonErrors.unknown_tenant();
  await checkRequirements(tx, input.requirements);
  const id = await srepo.insertService(tx, mppId, input, await searchTextOf(tx, mppId, input));
  const out = await srepo.getService(tx, mppId, id);
  await srepo.recordVersion(tx, mppId, out, now, actor.label);
  await recordAudit(tx, actor, { action: 'service.created', targetType: 'service', targetId: id, mppId, tenantId: input.tenantId, after: out });
  return out;
}

/** Applies a new standard inside the caller's transaction, keeping the previous version. Unchanged input writes nothing. */
export async function updateServiceTx(tx: Queryable, mppId: string, before: ServiceView, next: ServiceInput, actor: Actor, now: Date): Promise<ServiceView> {
  if (JSON.stringify(inputOf(before)) === JSON.stringify(next)) return before;
  if (next.tenantId !== before.tenantId && !(await repo.listTenants(tx, mppId, { ids: [next.tenantId] })).length) throw commonErrors.unknown_tenant();
  await checkRequirements(tx, next.requirements);
  await srepo.updateService(tx, mppId, before.id, next, await searchTextOf(tx, mppId, next));
  const after = await srepo.getService(tx, mppId, before.id);
  await srepo.recordVersion(tx, mppId, after, now, actor.label);
  await recordAudit(tx, actor, { action: 'service.updated', targetType: 'service', targetId: before.id, mppId, tenantId: next.tenantId, before, after });
  return after;
}

export async function listServices(db: Db, principal: Principal, mppId: string, tenantId?: string): Promise<ServiceView[]> {
  requireMppRole(principal, mppId, ['mpp_admin', 'tenant_admin', 'officer']);
  const scope = tenantScope(principal, mppId);
  if (tenantId && scope !== 'all' && !scope.includes(tenantId)) throw commonErrors.not_found();
  return srepo.listServices(db, mppId, { tenantIds: tenantId ? [tenantId] : scope === 'all' ? undefined : scope });
}

/** A service as staff see it (all 14 components), now or as it stood at `at`. */
export async function getService(ctx: Pick<ServiceContext, 'db' | 'principal'>, input: { mppId: string; serviceId: string; at?: string }): Promise<ServiceView> {
  const { db, principal } = ctx;
  const { mppId, serviceId, at } = input;
  requireMppRole(principal, mppId, ['mpp_admin', 'tenant_admin', 'officer']);
  const current = await srepo.getService(db, mppId, serviceId);
  requireTenantRole(principal, mppId, current.tenantId, ['tenant_admin', 'officer']);
  if (!at) return current;
  const v = await srepo.findVersionAt(db, mppId, serviceId, asOfInstant(at, (await repo.getMpp(db, mppId)).timezone));
  if (!v) throw commonErrors.not_found();
  return v.snapshot;
}

export async function listVersions(db: Db, principal: Principal, mppId: string, serviceId: string) {
  await getService({ db, principal }, { mppId, serviceId });
  return srepo.listVersions(db, mppId, serviceId);
}

/** @throws AppError unknown_tenant, unknown_requirement_types, duplicate_requirement, service_code_taken */
export async function createService(ctx: ServiceContext, args: { mppId: string; service: ServiceInput }): Promise<ServiceView> {
  const { db, principal, actor, now } = ctx;
  const { mppId, service: input } = args;
  requireTenantRole(principal, mppId, input.tenantId, ['tenant_admin']);
  try {
    return await db.transaction((tx) => insertServiceTx(tx, mppId, input, actor, now));
  } catch (err) {
    if (isUniqueViolation(err)) throw catalogErrors.service_code_taken({ code: input.code });
    throw err;
  }
}

/** @throws AppError unknown_tenant, unknown_requirement_types, duplicate_requirement, service_code_taken */
export async function updateService(ctx: ServiceContext, target: { mppId: string; serviceId: string }, patch: ServicePatch): Promise<ServiceView> {
  const { db, principal, actor, now } = ctx;
  const { mppId, serviceId } = target;
  requireMppRole(principal, mppId, ['mpp_admin', 'tenant_admin']);
  try {
    return await db.transaction(async (tx) => {
      await repo.lockForEdit(tx, 'services', mppId, serviceId);
      const before = await srepo.getService(tx, mppId, serviceId);
      requireTenantRole(principal, mppId, before.tenantId, ['tenant_admin']);
      const next: ServiceInput = { ...inputOf(before), ...patch };
      if (next.tenantId !== before.tenantId) requireTenantRole(principal, mppId, next.tenantId, ['tenant_admin']);
      return updateServiceTx(tx, mppId, before, next, actor, now);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw catalogErrors.service_code_taken({ code: patch.code ?? '' });
    throw err;
  }
}

/** The public page of a service: the six published components, where it is served; as of `at` if given. */
export async function publicService(db: Db, mppSlug: string, code: string, at?: string): Promise<PublicService> {
  const mpp = await repo.findMpp(db, { slug: mppSlug });
  if (!mpp || !mpp.published) throw commonErrors.not_found();
  const current = (await srepo.listServices(db, mpp.id, { code: code.toUpperCase(), activeOnly: true }))[0];
  if (!current) throw commonErrors.not_found();
  let shown = current;
  let validFrom: string | null = null;
  const v = await srepo.findVersionAt(db, mpp.id, current.id, at ? asOfInstant(at, mpp.timezone) : null);
  if (v) {
    shown = v.snapshot;
    validFrom = v.validFrom;
  } else if (at) throw commonErrors.not_found();
  const counters = (await repo.listCounters(db, mpp.id, { tenantIds: [shown.tenantId] })).filter((c) => c.active).map((c) => ({ number: c.number, name: c.name }));
  const { internal: _i, bookingSettings: _b, handlingMinutes: _h, tenantId: _t, ...pub } = shown;
  return { ...pub, mpp: { slug: mpp.slug, name: mpp.name, timezone: mpp.timezone }, counters, validFrom };
}
