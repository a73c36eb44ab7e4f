import { recordAudit } from '../platform/audit.js';
import type { ServiceContext } from '../platform/context.js';
import { requireDevice, requireMppRole, requireTenantRole, tenantScope, type Principal } from '../platform/auth.js';
import { isUniqueViolation } from '../platform/db.js';
import { commonErrors } from '../platform/errors.js';
import { consoleErrors, toCounterView } from './console-service.js';
import * as counters from './counter-repository.js';
import { lastDisplaySeq, nowServing, recentCalls, waitingPerService } from './display-repository.js';
import * as repo from './repository.js';
import type { CounterView, DisplaySnapshot, PriorityClass, QueueSettings, QueueSettingsUpdate, QueueSetupView } from './schemas.js';
import { zoneErrors } from './errors.js';
import * as settingsRepo from './settings-repository.js';
import { boardScope } from './zone-service.js';
import { findZoneByCode } from './zone-repository.js';

/**
 * Sets the services a counter serves (with weights) and its display zone. Agency admins only;
 * a counter serves only its own agency's services.
 * @throws AppError 401/403/404, service_of_other_tenant (400).
 */
export async function setupCounter(
  ctx: ServiceContext,
  args: { mppId: string; counterId: string; services: { serviceId: string; weight: number }[]; zone?: string | null },
): Promise<CounterView> {
  const { db, principal, actor } = ctx;
  const { mppId, counterId, ...input } = args;
  requireMppRole(principal, mppId, ['mpp_admin', 'tenant_admin']);
  const counter = await counters.getCounter(db, mppId, counterId);
  requireTenantRole(principal, mppId, counter.tenantId, ['tenant_admin']);
  for (const s of input.services) {
    const service = await counters.findService(db, mppId, s.serviceId);
    if (!service) throw consoleErrors.unknown_target();
    if (service.tenantId !== counter.tenantId) throw consoleErrors.service_of_other_tenant({ service: service.name });
  }
  if (input.zone && !(await findZoneByCode(db, mppId, input.zone))) throw zoneErrors.zone_unknown({ zone: input.zone });
  await db.transaction(async (tx) => {
    await counters.lockCounterState(tx, mppId, counterId);
    await counters.replaceCounterServices(tx, mppId, counterId, input.services);
    if (input.zone !== undefined) await counters.setCounterZone(tx, mppId, counterId, input.zone);
    await recordAudit(tx, actor, { action: 'queue.counter_setup', targetType: 'counter', targetId: counterId, mppId, tenantId: counter.tenantId, before: { services: counter.services, zone: counter.zone }, after: input });
  });
  return toCounterView(await counters.getCounter(db, mppId, counterId));
}

/**
 * What the set-up page shows: services and counters the caller administers (all of the MPP for its
 * admins; an agency admin's own agencies otherwise), with quotas and weights.
 * @throws AppError 401/403/404
 */
export async function getSetup(ctx: ServiceContext, input: { mppId: string }): Promise<QueueSetupView> {
  const { db, principal } = ctx;
  const { mppId } = input;
  const staff = requireMppRole(principal, mppId, ['mpp_admin', 'tenant_admin']);
  const scope = tenantScope(principal, mppId);
  const tenantIds = scope === 'all' ? 'all' : staff.grants.filter((g) => g.mppId === mppId && g.role === 'tenant_admin' && g.tenantId).map((g) => g.tenantId!);
  return {
    services: await settingsRepo.listSetupServices(db, { mppId, tenantIds }),
    counters: (await counters.listCounters(db, mppId, tenantIds)).map(toCounterView),
    mppWide: scope === 'all',
  };
}

/** @throws AppError 401/403/404 */
export async function setServiceQuota(ctx: ServiceContext, input: { mppId: string; serviceId: string; dailyQuota: number | null }) {
  const { db, principal, actor } = ctx;
  const { mppId, serviceId, dailyQuota } = input;
  requireMppRole(principal, mppId, ['mpp_admin', 'tenant_admin']);
  const service = await counters.findService(db, mppId, serviceId);
  if (!service) throw commonErrors.not_found();
  requireTenantRole(principal, mppId, service.tenantId, ['tenant_admin']);
  await db.transaction(async (tx) => {
    await settingsRepo.upsertServiceQuota(tx, { mppId, serviceId, dailyQuota });
    await recordAudit(tx, actor, { action: 'queue.service_quota_set', targetType: 'service', targetId: serviceId, mppId, tenantId: service.tenantId, after: { dailyQuota } });
  });
  return { serviceId, dailyQuota };
}

export async function getSettings(ctx: ServiceContext, input: { mppId: string }): Promise<QueueSettings> {
  const { db, principal } = ctx;
  const { mppId } = input;
  requireMppRole(principal, mppId, ['mpp_admin', 'tenant_admin', 'officer']);
  return settingsRepo.getMppSettings(db, mppId);
}

/**
 * Changes the rules named in `change` and keeps the others as stored, so two admins editing different
 * rules at once both keep their change (the row is locked while it is merged).
 * @throws AppError 401/403/404
 */
export async function putSettings(ctx: ServiceContext, input: { mppId: string; change: QueueSettingsUpdate }): Promise<QueueSettings> {
  const { db, principal, actor } = ctx;
  const { mppId, change } = input;
  requireMppRole(principal, mppId, ['mpp_admin']);
  return db.transaction(async (tx) => {
    const before = await settingsRepo.lockMppSettings(tx, mppId);
    const after: QueueSettings = {
      maxRecalls: change.maxRecalls ?? before.maxRecalls,
      waitingRoomCapacity: change.waitingRoomCapacity !== undefined ? change.waitingRoomCapacity : before.waitingRoomCapacity,
      defaultServiceMinutes: change.defaultServiceMinutes ?? before.defaultServiceMinutes,
    };
    await settingsRepo.updateMppSettings(tx, mppId, after);
    await recordAudit(tx, actor, { action: 'queue.settings_updated', targetType: 'mpp', targetId: mppId, mppId, before, after });
    return after;
  });
}

export async function priorityClasses(ctx: ServiceContext, input: { mppId: string }): Promise<PriorityClass[]> {
  const { db, principal } = ctx;
  const { mppId } = input;
  requireMppRole(principal, mppId, ['mpp_admin', 'tenant_admin', 'officer']);
  return settingsRepo.listPriorityClasses(db, mppId, false);
}

/** @throws AppError 401/403/404, conflict (code taken) */
export async function createPriorityClass(ctx: ServiceContext, args: { mppId: string } & { code: string; name: string; weight: number }): Promise<PriorityClass> {
  const { db, principal, actor } = ctx;
  const { mppId, ...input } = args;
  requireMppRole(principal, mppId, ['mpp_admin']);
  try {
    return await db.transaction(async (tx) => {
      const created = await settingsRepo.insertPriorityClass(tx, { mppId, ...input });
      await recordAudit(tx, actor, { action: 'queue.priority_class_created', targetType: 'priority_class', targetId: created.id, mppId, after: input });
      return created;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw commonErrors.conflict();
    throw err;
  }
}

/** @throws AppError 401/403/404 */
export async function updatePriorityClass(ctx: ServiceContext, input: { mppId: string; classId: string } & { name?: string; weight?: number; active?: boolean }): Promise<PriorityClass> {
  const { db, principal, actor } = ctx;
  const { mppId, classId, ...patch } = input;
  requireMppRole(principal, mppId, ['mpp_admin']);
  return db.transaction(async (tx) => {
    const updated = await settingsRepo.updatePriorityClass(tx, { mppId, classId, ...patch });
    if (!updated) throw commonErrors.not_found();
    await recordAudit(tx, actor, { action: 'queue.priority_class_updated', targetType: 'priority_class', targetId: classId, mppId, after: patch });
    return updated;
  });
}

/** Display boards of the MPP and its staff may read the board feed; nobody else. @throws 401/403/404 */
export function requireBoardReader(principal: Principal, mppId: string): void {
  if (principal.kind === 'device') requireDevice(principal, mppId, ['display']);
  else requireMppRole(principal, mppId, ['mpp_admin', 'tenant_admin', 'officer']);
}

/** What a board shows when it (re)starts; events after lastSeq then come over SSE. */
export async function displaySnapshot(ctx: ServiceContext, input: { mppId: string; zone: string | null }): Promise<DisplaySnapshot> {
  const { db, principal, now: at } = ctx;
  const { mppId } = input;
  requireBoardReader(principal, mppId);
  const { scope, info } = await boardScope(db, principal, mppId, input.zone);
  const day = await repo.localDayOf(db, mppId, at);
  const lastSeq = await lastDisplaySeq(db, mppId);
  const midnight = await settingsRepo.localMidnight(db, { localDay: day.localDay, timezone: day.timezone });
  return {
    mpp: { id: mppId, name: day.name, timezone: day.timezone },
    zone: scope.zone,
    zoneInfo: info,
    lastSeq,
    recentCalls: await recentCalls(db, mppId, midnight, scope),
    nowServing: await nowServing(db, mppId, scope),
    waiting: await waitingPerService(db, mppId, day.localDay, scope.lane ? scope.zone : null),
  };
}
