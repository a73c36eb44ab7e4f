import { recordAudit } from '../platform/audit.js';
import { requireMppRole, requireNationalAdmin, requireStaff, requireTenantRole, isNationalAdmin, tenantScope, type Principal } from '../platform/auth.js';
import type { ServiceContext } from '../platform/context.js';
import { isUniqueViolation, type Db, type Queryable } from '../platform/db.js';
import { commonErrors, validationError } from '../platform/errors.js';
import { catalogErrors } from './errors.js';
import { localParts } from './hours.js';
import * as repo from './repository.js';
import type {
  AgreementInput,
  AgreementView,
  CounterInput,
  CounterPatch,
  CounterView,
  MppInput,
  MppPatch,
  MppView,
  SpecialDayInput,
  SpecialDayView,
  TenantInput,
  TenantPatch,
  TenantView,
} from './schemas.js';
import { reindexTenant } from './standards-service.js';

const STAFF_ROLES = ['mpp_admin', 'tenant_admin', 'officer'] as const;

/** @throws AppError unknown_region, region_not_regency */
async function checkRegion(q: Queryable, code: string): Promise<void> {
  const region = await repo.findRegion(q, code);
  if (!region) throw catalogErrors.unknown_region({ code });
  if (region.level !== 'regency') throw catalogErrors.region_not_regency({ code });
}

/** The MPPs a staff member may open in the admin screens. */
export async function listAdminMpps(db: Db, principal: Principal): Promise<MppView[]> {
  const staff = requireStaff(principal);
  if (isNationalAdmin(staff)) return repo.listMpps(db, {});
  const ids = [...new Set(staff.grants.map((g) => g.mppId).filter((x): x is string => !!x))];
  return repo.listMpps(db, { ids });
}

/** @throws AppError forbidden, unknown_region, region_not_regency, slug_taken */
export async function createMpp(ctx: ServiceContext, input: MppInput): Promise<MppView> {
  const { db, principal, actor } = ctx;
  requireNationalAdmin(principal);
  try {
    return await db.transaction(async (tx) => {
      await checkRegion(tx, input.regionCode);
      const id = await repo.insertMpp(tx, input);
      const out = await repo.getMpp(tx, id);
      await recordAudit(tx, actor, { action: 'mpp.created', targetType: 'mpp', targetId: id, mppId: id, after: out });
      return out;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw catalogErrors.slug_taken({ slug: input.slug });
    throw err;
  }
}

export async function getAdminMpp(db: Db, principal: Principal, mppId: string): Promise<MppView> {
  requireMppRole(principal, mppId, STAFF_ROLES);
  return repo.getMpp(db, mppId);
}

/** Changes an MPP's profile and hours; the whole patch is checked before anything is written. */
export async function updateMpp(ctx: ServiceContext, input: { mppId: string; patch: MppPatch }): Promise<MppView> {
  const { db, principal, actor } = ctx;
  const { mppId, patch } = input;
  requireMppRole(principal, mppId, ['mpp_admin']);
  try {
    return await db.transaction(async (tx) => {
      await repo.lockForEdit(tx, 'mpps', mppId, mppId);
      const before = await repo.getMpp(tx, mppId);
      const { id: _id, region: _r, province: _p, ...current } = before;
      const regionCode = patch.regionCode ?? current.regionCode;
      if (!regionCode) {
        throw validationError([{ path: 'body.regionCode', messages: { id: 'Kode wilayah wajib diisi untuk MPP ini.', en: 'This MPP needs a region code.' } }]);
      }
      const next: MppInput = { ...current, ...patch, regionCode };
      if (patch.regionCode !== undefined) await checkRegion(tx, next.regionCode);
      await repo.updateMpp(tx, mppId, next);
      const after = await repo.getMpp(tx, mppId);
      await recordAudit(tx, actor, { action: 'mpp.updated', targetType: 'mpp', targetId: mppId, mppId, before, after });
      return after;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw catalogErrors.slug_taken({ slug: patch.slug ?? '' });
    throw err;
  }
}

export async function listSpecialDays(db: Db, principal: Principal, mppId: string, now: Date): Promise<SpecialDayView[]> {
  requireMppRole(principal, mppId, STAFF_ROLES);
  const mpp = await repo.getMpp(db, mppId);
  return repo.listSpecialDays(db, mppId, localParts(now, mpp.timezone).date);
}

export async function setSpecialDay(ctx: ServiceContext, args: { mppId: string; day: SpecialDayInput }): Promise<SpecialDayView> {
  const { db, principal, actor } = ctx;
  const { mppId, day: input } = args;
  requireMppRole(principal, mppId, ['mpp_admin']);
  return db.transaction(async (tx) => {
    await repo.getMpp(tx, mppId);
    const out = await repo.upsertSpecialDay(tx, mppId, input);
    await recordAudit(tx, actor, { action: 'mpp.special_day_set', targetType: 'mpp_special_day', targetId: out.id, mppId, after: out });
    return out;
  });
}

export async function deleteSpecialDay(ctx: ServiceContext, input: { mppId: string; specialDayId: string }): Promise<void> {
  const { db, principal, actor } = ctx;
  const { mppId, specialDayId: id } = input;
  requireMppRole(principal, mppId, ['mpp_admin']);
  await db.transaction(async (tx) => {
    if (!(await repo.deleteSpecialDay(tx, mppId, id))) throw commonErrors.not_found();
    await recordAudit(tx, actor, { action: 'mpp.special_day_deleted', targetType: 'mpp_special_day', targetId: id, mppId });
  });
}

/** Tenants visible to the caller: all for MPP admins, their own for tenant staff. */
export async function listTenants(db: Db, principal: Principal, mppId: string): Promise<TenantView[]> {
  requireMppRole(principal, mppId, STAFF_ROLES);
  const scope = tenantScope(principal, mppId);
  return repo.listTenants(db, mppId, scope === 'all' ? {} : { ids: scope });
}

export async function getTenant(db: Db, principal: Principal, mppId: string, tenantId: string): Promise<TenantView> {
  requireTenantRole(principal, mppId, tenantId, ['tenant_admin', 'officer']);
  return repo.getTenant(db, mppId, tenantId);
}

/** @throws AppError tenant_code_taken */
export async function createTenant(ctx: ServiceContext, args: { mppId: string; tenant: TenantInput }): Promise<TenantView> {
  const { db, principal, actor } = ctx;
  const { mppId, tenant: input } = args;
  requireMppRole(principal, mppId, ['mpp_admin']);
  try {
    return await db.transaction(async (tx) => {
      await repo.getMpp(tx, mppId);
      const id = await repo.insertTenant(tx, mppId, input);
      const out = await repo.getTenant(tx, mppId, id);
      await recordAudit(tx, actor, { action: 'tenant.created', targetType: 'tenant', targetId: id, mppId, tenantId: id, after: out });
      return out;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw catalogErrors.tenant_code_taken({ code: input.code });
    throw err;
  }
}

/**
 * A tenant admin edits its own tenant's name, description and logo; code, kind and whether the
 * tenant is active are the MPP's decision (they follow the MoU/PKS).
 * @throws AppError tenant_field_locked, tenant_code_taken
 */
export async function updateTenant(ctx: ServiceContext, input: { mppId: string; tenantId: string; patch: TenantPatch }): Promise<TenantView> {
  const { db, principal, actor } = ctx;
  const { mppId, tenantId, patch } = input;
  requireTenantRole(principal, mppId, tenantId, ['tenant_admin']);
  const mppWide = tenantScope(principal, mppId) === 'all';
  try {
    return await db.transaction(async (tx) => {
      await repo.lockForEdit(tx, 'tenants', mppId, tenantId);
      const before = await repo.getTenant(tx, mppId, tenantId);
      if (!mppWide) {
        for (const field of ['code', 'kind', 'active'] as const) {
          if (patch[field] !== undefined && patch[field] !== before[field]) throw catalogErrors.tenant_field_locked({ field });
        }
      }
      const next: TenantInput = { kind: before.kind, name: before.name, code: before.code, description: before.description, logo: before.logo, active: before.active, ...patch };
      await repo.updateTenant(tx, mppId, tenantId, next);
      if (next.name !== before.name || next.code !== before.code) await reindexTenant(tx, mppId, tenantId);
      const after = await repo.getTenant(tx, mppId, tenantId);
      await recordAudit(tx, actor, { action: 'tenant.updated', targetType: 'tenant', targetId: tenantId, mppId, tenantId, before, after });
      return after;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw catalogErrors.tenant_code_taken({ code: patch.code ?? '' });
    throw err;
  }
}

export async function listCounters(db: Db, principal: Principal, mppId: string): Promise<CounterView[]> {
  requireMppRole(principal, mppId, STAFF_ROLES);
  const scope = tenantScope(principal, mppId);
  return repo.listCounters(db, mppId, scope === 'all' ? {} : { tenantIds: scope });
}

async function checkTenant(q: Queryable, mppId: string, tenantId: string): Promise<void> {
  if (!(await repo.listTenants(q, mppId, { ids: [tenantId] })).length) throw commonErrors.unknown_tenant();
}

/** @throws AppError unknown_tenant, counter_number_taken */
export async function createCounter(ctx: ServiceContext, args: { mppId: string; counter: CounterInput }): Promise<CounterView> {
  const { db, principal, actor } = ctx;
  const { mppId, counter: input } = args;
  requireTenantRole(principal, mppId, input.tenantId, ['tenant_admin']);
  try {
    return await db.transaction(async (tx) => {
      await checkTenant(tx, mppId, input.tenantId);
      const id = await repo.insertCounter(tx, mppId, input);
      const out = (await repo.listCounters(tx, mppId, { ids: [id] }))[0]!;
      await recordAudit(tx, actor, { action: 'counter.created', targetType: 'counter', targetId: id, mppId, tenantId: input.tenantId, after: out });
      return out;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw catalogErrors.counter_number_taken({ number: input.number });
    throw err;
  }
}

export async function updateCounter(ctx: ServiceContext, input: { mppId: string; counterId: string; patch: CounterPatch }): Promise<CounterView> {
  const { db, principal, actor } = ctx;
  const { mppId, counterId, patch } = input;
  requireMppRole(principal, mppId, STAFF_ROLES);
  try {
    return await db.transaction(async (tx) => {
      await repo.lockForEdit(tx, 'counters', mppId, counterId);
      const before = (await repo.listCounters(tx, mppId, { ids: [counterId] }))[0];
      if (!before) throw commonErrors.not_found();
      requireTenantRole(principal, mppId, before.tenantId, ['tenant_admin']);
      const next: CounterInput = { tenantId: before.tenantId, number: before.number, name: before.name, active: before.active, ...patch };
      if (next.tenantId !== before.tenantId) {
        requireTenantRole(principal, mppId, next.tenantId, ['tenant_admin']);
        await checkTenant(tx, mppId, next.tenantId);
      }
      await repo.updateCounter(tx, mppId, counterId, next);
      const after = (await repo.listCounters(tx, mppId, { ids: [counterId] }))[0]!;
      await recordAudit(tx, actor, { action: 'counter.updated', targetType: 'counter', targetId: counterId, mppId, tenantId: next.tenantId, before, after });
      return after;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw catalogErrors.counter_number_taken({ number: patch.number ?? '' });
    throw err;
  }
}

async function localToday(q: Queryable, mppId: string, now: Date): Promise<string> {
  return localParts(now, (await repo.getMpp(q, mppId)).timezone).date;
}

export async function listAgreements(ctx: ServiceContext, input: { mppId: string; tenantId?: string }): Promise<AgreementView[]> {
  const { db, principal, now } = ctx;
  const { mppId, tenantId } = input;
  if (tenantId) requireTenantRole(principal, mppId, tenantId, ['tenant_admin']);
  else requireMppRole(principal, mppId, ['mpp_admin']);
  return repo.listAgreements(db, mppId, await localToday(db, mppId, now), tenantId ? { tenantIds: [tenantId] } : {});
}

/** MoU and PKS records are kept by the MPP admin (the MPP is the other party). @throws AppError agreement_number_taken */
export async function createAgreement(ctx: ServiceContext, target: { mppId: string; tenantId: string }, input: AgreementInput): Promise<AgreementView> {
  const { db, principal, actor, now } = ctx;
  const { mppId, tenantId } = target;
  requireMppRole(principal, mppId, ['mpp_admin']);
  try {
    return await db.transaction(async (tx) => {
      await checkTenant(tx, mppId, tenantId);
      const id = await repo.insertAgreement(tx, mppId, tenantId, input);
      const out = (await repo.listAgreements(tx, mppId, await localToday(tx, mppId, now), { ids: [id] }))[0]!;
      await recordAudit(tx, actor, { action: 'agreement.created', targetType: 'tenant_agreement', targetId: id, mppId, tenantId, after: out });
      return out;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw catalogErrors.agreement_number_taken({ kind: input.kind.toUpperCase(), number: input.number });
    throw err;
  }
}

export async function updateAgreement(ctx: ServiceContext, target: { mppId: string; agreementId: string }, input: AgreementInput): Promise<AgreementView> {
  const { db, principal, actor, now } = ctx;
  const { mppId, agreementId } = target;
  requireMppRole(principal, mppId, ['mpp_admin']);
  try {
    return await db.transaction(async (tx) => {
      const today = await localToday(tx, mppId, now);
      const before = (await repo.listAgreements(tx, mppId, today, { ids: [agreementId] }))[0];
      if (!before) throw commonErrors.not_found();
      await repo.updateAgreement(tx, mppId, agreementId, input);
      const after = (await repo.listAgreements(tx, mppId, today, { ids: [agreementId] }))[0]!;
      await recordAudit(tx, actor, { action: 'agreement.updated', targetType: 'tenant_agreement', targetId: agreementId, mppId, tenantId: before.tenantId, before, after });
      return after;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw catalogErrors.agreement_number_taken({ kind: input.kind.toUpperCase(), number: input.number });
    throw err;
  }
}

/** Counts for the national admin: MPPs, tenants and services by province and tenant kind. @throws AppError (403) */
export async function nationalSummary(db: Db, principal: Principal): Promise<repo.SummaryRow[]> {
  requireNationalAdmin(principal);
  return repo.summarizeNational(db);
}
