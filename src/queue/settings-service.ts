import { recordAudit } from '../platform/audit.js';
import type { ServiceContext } from '../platform/context.js';
import { requireDevice, requireMppRole, requireTenantRole, tenantScope, type Actor, type Principal } from '../platform/auth.js';
import { isUniqueViolation, type Db } from '../platform/db.js';
import { commonErrors } from '../platform/errors.js';
import type { Row } from '../platform/tables.js';
import { consoleErrors, toCounterView } from './console-service.js';
import * as counters from './counter-repository.js';
import { lastDisplaySeq, nowServing, recentCalls, waitingPerService } from './display-repository.js';
import * as repo from './repository.js';
import type { CounterView, DisplaySnapshot, PriorityClass, QueueSettings, QueueSettingsUpdate, QueueSetupView } from './schemas.js';
import { listPriorityClasses } from './service.js';
import { zoneErrors } from './errors.js';
import { boardScope } from './zone-service.js';
import { findZoneByCode } from './zone-repository.js';

/**
 * Sets the services a counter serves (with weights) and its display zone. Agency admins only;
 * a counter serves only its own agency's services.
 * @throws AppError 401/403/404, service_of_other_tenant (400).
 */
export async function setupCounter(
  db: Db,
  principal: Principal,
  mppId: string,
  counterId: string,
  input: { services: { serviceId: string; weight: number }[]; zone?: string | null },
  actor: Actor,
): Promise<CounterView> {
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
  const { rows } = await db.query<Pick<Row<'services'>, 'id' | 'code' | 'name' | 'ticket_prefix' | 'tenant_id' | 'active'> & Pick<Row<'queue_service_settings'>, 'daily_quota'> & { tenant_name: string }>(
    `SELECT s.id, s.code, s.name, s.ticket_prefix, s.tenant_id, tn.name AS tenant_name, s.active, qs.daily_quota
       FROM services s JOIN tenants tn ON tn.mpp_id = s.mpp_id AND tn.id = s.tenant_id
       LEFT JOIN queue_service_settings qs ON qs.mpp_id = s.mpp_id AND qs.service_id = s.id
      WHERE s.mpp_id = $1 AND ($2::boolean OR s.tenant_id = ANY($3::uuid[]))
      ORDER BY tn.name, s.name`,
    [mppId, tenantIds === 'all', tenantIds === 'all' ? [] : tenantIds],
  );
  return {
    services: rows.map((r) => ({ id: r.id, code: r.code, name: r.name, prefix: r.ticket_prefix, tenantId: r.tenant_id, tenantName: r.tenant_name, active: r.active, dailyQuota: r.daily_quota })),
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
    await tx.query(
      `INSERT INTO queue_service_settings (mpp_id, service_id, daily_quota) VALUES ($1, $2, $3)
       ON CONFLICT (mpp_id, service_id) DO UPDATE SET daily_quota = EXCLUDED.daily_quota, updated_at = now()`,
      [mppId, serviceId, dailyQuota],
    );
    await recordAudit(tx, actor, { action: 'queue.service_quota_set', targetType: 'service', targetId: serviceId, mppId, tenantId: service.tenantId, after: { dailyQuota } });
  });
  return { serviceId, dailyQuota };
}

export async function getSettings(ctx: ServiceContext, input: { mppId: string }): Promise<QueueSettings> {
  const { db, principal } = ctx;
  const { mppId } = input;
  requireMppRole(principal, mppId, ['mpp_admin', 'tenant_admin', 'officer']);
  const { rows } = await db.query<{ max_recalls: number; waiting_room_capacity: number | null; default_service_minutes: number }>(
    'SELECT max_recalls, waiting_room_capacity, default_service_minutes FROM queue_mpp_settings WHERE mpp_id = $1',
    [mppId],
  );
  const r = rows[0];
  return { maxRecalls: r?.max_recalls ?? 3, waitingRoomCapacity: r?.waiting_room_capacity ?? null, defaultServiceMinutes: r?.default_service_minutes ?? 6 };
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
    await tx.query('INSERT INTO queue_mpp_settings (mpp_id) VALUES ($1) ON CONFLICT (mpp_id) DO NOTHING', [mppId]);
    const { rows } = await tx.query<{ max_recalls: number; waiting_room_capacity: number | null; default_service_minutes: number }>(
      'SELECT max_recalls, waiting_room_capacity, default_service_minutes FROM queue_mpp_settings WHERE mpp_id = $1 FOR UPDATE',
      [mppId],
    );
    const r = rows[0]!;
    const before: QueueSettings = { maxRecalls: r.max_recalls, waitingRoomCapacity: r.waiting_room_capacity, defaultServiceMinutes: r.default_service_minutes };
    const after: QueueSettings = {
      maxRecalls: change.maxRecalls ?? before.maxRecalls,
      waitingRoomCapacity: change.waitingRoomCapacity !== undefined ? change.waitingRoomCapacity : before.waitingRoomCapacity,
      defaultServiceMinutes: change.defaultServiceMinutes ?? before.defaultServiceMinutes,
    };
    await tx.query(
      'UPDATE queue_mpp_settings SET max_recalls = $2, waiting_room_capacity = $3, default_service_minutes = $4, updated_at = now() WHERE mpp_id = $1',
      [mppId, after.maxRecalls, after.waitingRoomCapacity, after.defaultServiceMinutes],
    );
    await recordAudit(tx, actor, { action: 'queue.settings_updated', targetType: 'mpp', targetId: mppId, mppId, before, after });
    return after;
  });
}

export async function priorityClasses(ctx: ServiceContext, input: { mppId: string }): Promise<PriorityClass[]> {
  const { db, principal } = ctx;
  const { mppId } = input;
  requireMppRole(principal, mppId, ['mpp_admin', 'tenant_admin', 'officer']);
  return listPriorityClasses(db, mppId, false);
}

/** @throws AppError 401/403/404, conflict (code taken) */
export async function createPriorityClass(ctx: ServiceContext, args: { mppId: string } & { code: string; name: string; weight: number }): Promise<PriorityClass> {
  const { db, principal, actor } = ctx;
  const { mppId, ...input } = args;
  requireMppRole(principal, mppId, ['mpp_admin']);
  try {
    return await db.transaction(async (tx) => {
      const { rows } = await tx.query<PriorityClass>(
        'INSERT INTO priority_classes (mpp_id, code, name, weight) VALUES ($1, $2, $3, $4) RETURNING id, code, name, weight, active',
        [mppId, input.code, input.name, input.weight],
      );
      await recordAudit(tx, actor, { action: 'queue.priority_class_created', targetType: 'priority_class', targetId: rows[0]!.id, mppId, after: input });
      return rows[0]!;
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
    const { rows } = await tx.query<PriorityClass>(
      `UPDATE priority_classes SET name = coalesce($3, name), weight = coalesce($4, weight), active = coalesce($5, active)
        WHERE mpp_id = $1 AND id = $2 RETURNING id, code, name, weight, active`,
      [mppId, classId, patch.name ?? null, patch.weight ?? null, patch.active ?? null],
    );
    if (!rows[0]) throw commonErrors.not_found();
    await recordAudit(tx, actor, { action: 'queue.priority_class_updated', targetType: 'priority_class', targetId: classId, mppId, after: patch });
    return rows[0];
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
  const { rows } = await db.query<{ at: Date }>('SELECT ($1::date::timestamp AT TIME ZONE $2) AS at', [day.localDay, day.timezone]);
  return {
    mpp: { id: mppId, name: day.name, timezone: day.timezone },
    zone: scope.zone,
    zoneInfo: info,
    lastSeq,
    recentCalls: await recentCalls(db, mppId, rows[0]!.at, scope),
    nowServing: await nowServing(db, mppId, scope),
    waiting: await waitingPerService(db, mppId, day.localDay, scope.lane ? scope.zone : null),
  };
}
