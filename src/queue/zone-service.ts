import { openingStatus } from '../catalog/hours.js';
import { findDevice } from '../identity/repository.js';
import { recordAudit } from '../platform/audit.js';
import { requireMppRole, type Principal } from '../platform/auth.js';
import type { ServiceContext } from '../platform/context.js';
import { isUniqueViolation, type Queryable } from '../platform/db.js';
import { commonErrors } from '../platform/errors.js';
import * as counters from './counter-repository.js';
import type { BoardScope } from './display-repository.js';
import { zoneErrors } from './errors.js';
import { normalisePlate } from './plate.js';
import * as repo from './repository.js';
import type { DisplaySnapshot, TicketView } from './schemas.js';
import { channelOf, issueTicket } from './service.js';
import * as zones from './zone-repository.js';
import type { CreateZone, LaneOffer, LaneTicketRequest, Zone } from './zone-schemas.js';

/** The MPP's zones with their counters and bound devices (the set-up page's "Zona & lajur" tab). @throws 401/403/404 */
export async function listZones(ctx: ServiceContext, input: { mppId: string }): Promise<Zone[]> {
  const { db, principal } = ctx;
  requireMppRole(principal, input.mppId, ['mpp_admin', 'tenant_admin']);
  const all = await counters.listCounters(db, input.mppId, 'all');
  return (await zones.listZones(db, input.mppId)).map((z) => ({
    ...z,
    counters: all.filter((c) => c.zone === z.code).map((c) => ({ id: c.id, number: c.number, name: c.name, tenantName: c.tenantName })),
  }));
}

/** @throws 401/403/404, zone_code_taken (409) */
export async function createZone(ctx: ServiceContext, input: { mppId: string } & CreateZone): Promise<Zone> {
  const { db, principal, actor } = ctx;
  const { mppId, ...zone } = input;
  requireMppRole(principal, mppId, ['mpp_admin']);
  try {
    const created = await db.transaction(async (tx) => {
      const z = await zones.insertZone(tx, mppId, zone);
      await recordAudit(tx, actor, { action: 'queue.zone_created', targetType: 'queue_zone', targetId: z.id, mppId, after: zone });
      return z;
    });
    return { ...created, counters: [], deviceIds: [] };
  } catch (err) {
    if (isUniqueViolation(err)) throw zoneErrors.zone_code_taken({ code: zone.code });
    throw err;
  }
}

/** @throws 401/403/404 */
export async function renameZone(ctx: ServiceContext, input: { mppId: string; zoneId: string; name: string }): Promise<Zone> {
  const { db, principal, actor } = ctx;
  requireMppRole(principal, input.mppId, ['mpp_admin']);
  await db.transaction(async (tx) => {
    const z = await zones.renameZone(tx, input.mppId, input.zoneId, input.name);
    if (!z) throw commonErrors.not_found();
    await recordAudit(tx, actor, { action: 'queue.zone_renamed', targetType: 'queue_zone', targetId: z.id, mppId: input.mppId, after: { name: input.name } });
  });
  return (await listZones(ctx, { mppId: input.mppId })).find((z) => z.id === input.zoneId)!;
}

/** Puts a counter in a zone (or back in the hall with null). @throws 401/403/404 */
export async function assignCounterZone(ctx: ServiceContext, input: { mppId: string; counterId: string; zoneId: string | null }): Promise<Zone[]> {
  const { db, principal, actor } = ctx;
  const { mppId, counterId, zoneId } = input;
  requireMppRole(principal, mppId, ['mpp_admin']);
  const counter = await counters.getCounter(db, mppId, counterId);
  const zone = zoneId === null ? null : await zones.findZone(db, mppId, zoneId);
  if (zone === undefined) throw commonErrors.not_found();
  await db.transaction(async (tx) => {
    await counters.lockCounterState(tx, mppId, counterId);
    await counters.setCounterZone(tx, mppId, counterId, zone?.code ?? null);
    await recordAudit(tx, actor, { action: 'queue.counter_zone_set', targetType: 'counter', targetId: counterId, mppId, tenantId: counter.tenantId, before: { zone: counter.zone }, after: { zone: zone?.code ?? null } });
  });
  return listZones(ctx, { mppId });
}

/** Binds a kiosk or board to a zone (null: unbound, the whole MPP). @throws 401/403/404 */
export async function assignDeviceZone(ctx: ServiceContext, input: { mppId: string; deviceId: string; zoneId: string | null }): Promise<Zone[]> {
  const { db, principal, actor } = ctx;
  const { mppId, deviceId, zoneId } = input;
  requireMppRole(principal, mppId, ['mpp_admin']);
  const device = await findDevice(db, mppId, deviceId);
  if (!device) throw commonErrors.not_found();
  if (zoneId !== null && !(await zones.findZone(db, mppId, zoneId))) throw commonErrors.not_found();
  await db.transaction(async (tx) => {
    await zones.setDeviceZone(tx, mppId, deviceId, zoneId);
    await recordAudit(tx, actor, { action: 'queue.device_zone_set', targetType: 'device', targetId: deviceId, mppId, after: { zoneId } });
  });
  return listZones(ctx, { mppId });
}

/** @throws not_found, not_a_lane (409) */
async function getLane(q: Queryable, mppId: string, zoneId: string) {
  const zone = await zones.findZone(q, mppId, zoneId);
  if (!zone) throw commonErrors.not_found();
  if (zone.kind !== 'drive_thru') throw zoneErrors.not_a_lane({ zone: zone.name });
  return zone;
}

/** The lane's services: those its active counters serve, with the lane's own line and open counters. */
async function laneServices(q: Queryable, mppId: string, code: string, localDay: string): Promise<LaneOffer['services']> {
  const mine = (await counters.listCounters(q, mppId, 'all')).filter((c) => c.zone === code);
  const waiting = await zones.laneWaiting(q, mppId, code, localDay);
  const services = new Map<string, LaneOffer['services'][number]>();
  for (const c of mine) {
    for (const s of c.services) {
      const entry = services.get(s.serviceId) ?? { id: s.serviceId, name: s.name, prefix: s.prefix, tenantName: c.tenantName, waiting: waiting.get(s.serviceId) ?? 0, countersOpen: 0 };
      if (c.status === 'open') entry.countersOpen++;
      services.set(s.serviceId, entry);
    }
  }
  return [...services.values()].sort((a, b) => a.name.localeCompare(b.name, 'id'));
}

/**
 * A car waits in its lane: a transfer may send it to a service the lane's windows serve, or to one of
 * those windows, never to the hall, where no counter calls cars.
 * @throws service_not_in_lane, counter_not_in_lane (409)
 */
export async function assertTransferInLane(q: Queryable, mppId: string, lane: string, target: { service?: { id: string; name: string }; counter?: { id: string; name: string } }): Promise<void> {
  const windows = (await counters.listCounters(q, mppId, 'all')).filter((c) => c.zone === lane);
  const zone = (await zones.findZoneByCode(q, mppId, lane))?.name ?? lane;
  if (target.service && !windows.some((c) => c.services.some((s) => s.serviceId === target.service!.id))) throw zoneErrors.service_not_in_lane({ service: target.service.name, zone });
  if (target.counter && !windows.some((c) => c.id === target.counter!.id)) throw zoneErrors.counter_not_in_lane({ counter: target.counter.name, zone });
}

/** What a drive-thru kiosk shows (public, like the hall kiosk's offer). @throws not_found, not_a_lane */
export async function laneOffer(ctx: ServiceContext, input: { mppId: string; zoneId: string }): Promise<LaneOffer> {
  const { db, now } = ctx;
  const zone = await getLane(db, input.mppId, input.zoneId);
  const status = await openingStatus(db, input.mppId, now);
  const day = await repo.localDayOf(db, input.mppId, now);
  return {
    mpp: { id: input.mppId, name: day.name, timezone: day.timezone },
    zone: { id: zone.id, code: zone.code, name: zone.name },
    open: status.open,
    closedReason: status.open ? null : status.reason,
    nextOpening: status.nextOpening,
    services: await laneServices(db, input.mppId, zone.code, day.localDay),
  };
}

/**
 * Issues a drive-thru ticket in a lane, by plate (normalised, "R 1234 AB") or by name. A kiosk bound to
 * another zone may not issue here; the service must be one the lane's counters serve.
 * @throws 401/403/404, not_a_lane, kiosk_of_other_zone (403), service_not_in_lane (409), and what issueTicket throws.
 */
export async function issueLaneTicket(ctx: ServiceContext, input: { mppId: string; zoneId: string; request: LaneTicketRequest; idempotencyKey?: string }): Promise<TicketView> {
  const { db, principal, now, actor } = ctx;
  const { mppId, request } = input;
  const channel = channelOf(principal, mppId);
  const zone = await getLane(db, mppId, input.zoneId);
  if (principal.kind === 'device') {
    const bound = await zones.deviceZone(db, mppId, principal.deviceId);
    if (bound && bound.id !== zone.id) throw zoneErrors.kiosk_of_other_zone();
  }
  const day = await repo.localDayOf(db, mppId, now);
  const service = (await laneServices(db, mppId, zone.code, day.localDay)).find((s) => s.id === request.serviceId);
  if (!service) {
    const other = await counters.findService(db, mppId, request.serviceId);
    if (!other) throw commonErrors.not_found();
    throw zoneErrors.service_not_in_lane({ service: other.name, zone: zone.name });
  }
  const plate = request.plate ? normalisePlate(request.plate) : null;
  return issueTicket(db, mppId, channel, { serviceId: request.serviceId }, {
    idempotencyKey: input.idempotencyKey,
    at: now,
    actor,
    lane: { zone: zone.code, plate, holderName: plate ? null : (request.name?.trim() ?? null) },
  });
}

/**
 * Which calls a board shows: a board bound to a zone shows that zone whatever its address says; others
 * the zone they ask for (a drive-thru zone is a lane board), or the whole hall.
 */
export async function boardScope(q: Queryable, principal: Principal, mppId: string, requested: string | null): Promise<{ scope: BoardScope; info: DisplaySnapshot['zoneInfo'] }> {
  const bound = principal.kind === 'device' ? await zones.deviceZone(q, mppId, principal.deviceId) : undefined;
  const zone = bound ?? (requested ? await zones.findZoneByCode(q, mppId, requested) : undefined);
  if (!zone) return { scope: { zone: requested, lane: false }, info: null };
  return { scope: { zone: zone.code, lane: zone.kind === 'drive_thru' }, info: { code: zone.code, name: zone.name, kind: zone.kind } };
}
