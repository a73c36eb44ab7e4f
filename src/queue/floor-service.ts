import type { ServiceContext } from '../platform/context.js';
/**
 * The floor at work (issue 12): pause reasons the MPP keeps, the pool of parked tickets, no-show
 * undo, reprinting a ticket, and the heartbeats of kiosks and boards.
 */
import { listDevices } from '../identity/repository.js';
import { recordAudit } from '../platform/audit.js';
import { requireDevice, requireMppRole, requireStaff, requireTenantRole, type Principal } from '../platform/auth.js';
import { isUniqueViolation, type Db } from '../platform/db.js';
import { commonErrors, invalidTransition } from '../platform/errors.js';
import { publish } from '../platform/outbox.js';
import { OFFICER_ROLES, requireOpenAndFree, setCounterStatus, staffedCounter } from './console-service.js';
import * as counters from './counter-repository.js';
import { announceTicketProgress } from './events.js';
import * as floor from './floor-repository.js';
import { NO_SHOW_UNDO_SECONDS } from './floor-repository.js';
import * as repo from './repository.js';
import type { CounterView, DeviceHealth, PauseReason, PauseRequest, StaffTicketView, TicketView } from './schemas.js';
import { ticketView } from './service.js';
import { allowedActions, nextStatus } from './state.js';
import { emitTicketDisplay, staffTicketView } from './transitions.js';
import { publishBoardEvents } from './board-publisher.js';
import { floorErrors } from './errors.js';
import * as zones from './zone-repository.js';

/** A device is online when its last heartbeat is this recent (devices beat every 30 s). */
export const ONLINE_SECONDS = 90;

const MPP_STAFF = ['mpp_admin', 'tenant_admin', 'officer'] as const;

// --- Pause reasons --------------------------------------------------------------------------------

/** The MPP's pause reasons (staff read them; the console shows the active ones). @throws 401/403/404 */
export async function pauseReasons(ctx: ServiceContext, input: { mppId: string }): Promise<PauseReason[]> {
  const { db, principal } = ctx;
  const { mppId } = input;
  requireMppRole(principal, mppId, MPP_STAFF);
  return floor.listPauseReasons(db, mppId, false);
}

/** @throws AppError 401/403/404, conflict (the label exists) */
export async function createPauseReason(ctx: ServiceContext, args: { mppId: string } & { label: string; sort?: number }): Promise<PauseReason> {
  const { db, principal, actor } = ctx;
  const { mppId, ...input } = args;
  requireMppRole(principal, mppId, ['mpp_admin']);
  try {
    return await db.transaction(async (tx) => {
      const r = await floor.insertPauseReason(tx, mppId, input);
      await recordAudit(tx, actor, { action: 'queue.pause_reason_created', targetType: 'pause_reason', targetId: r.id, mppId, after: input });
      return r;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw commonErrors.conflict();
    throw err;
  }
}

/** @throws AppError 401/403/404, conflict (the label exists) */
export async function updatePauseReason(ctx: ServiceContext, input: { mppId: string; reasonId: string } & { label?: string; active?: boolean; sort?: number }): Promise<PauseReason> {
  const { db, principal, actor } = ctx;
  const { mppId, reasonId, ...patch } = input;
  requireMppRole(principal, mppId, ['mpp_admin']);
  try {
    return await db.transaction(async (tx) => {
      const r = await floor.updatePauseReason(tx, mppId, reasonId, patch);
      if (!r) throw commonErrors.not_found();
      await recordAudit(tx, actor, { action: 'queue.pause_reason_updated', targetType: 'pause_reason', targetId: reasonId, mppId, after: patch });
      return r;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw commonErrors.conflict();
    throw err;
  }
}

/**
 * Pauses a counter with one of the MPP's reasons (or, from API clients, a written one).
 * @throws AppError pause_reason_unknown (400), invalid_transition (409), 401/403/404.
 */
export async function pauseCounter(ctx: ServiceContext, input: { mppId: string; counterId: string } & PauseRequest): Promise<CounterView> {
  const { db, principal } = ctx;
  const { mppId, counterId, ...body } = input;
  await staffedCounter(db, principal, mppId, counterId);
  let reason = body.reason ?? null;
  if (body.reasonId) {
    const r = await floor.findPauseReason(db, mppId, body.reasonId);
    if (!r || !r.active) throw floorErrors.pause_reason_unknown();
    reason = r.label;
  }
  return setCounterStatus(ctx, { mppId, counterId, action: 'pause', reason });
}

// --- Parking ----------------------------------------------------------------------------------------

async function officerOfTicket(db: Db, principal: Principal, mppId: string, ticketId: string): Promise<repo.TicketRow> {
  requireStaff(principal);
  const t = await repo.findTicket(db, mppId, ticketId);
  if (!t) {
    requireTenantRole(principal, mppId, '00000000-0000-0000-0000-000000000000', OFFICER_ROLES);
    throw commonErrors.not_found();
  }
  requireTenantRole(principal, mppId, t.counterTenantId ?? t.tenantId, OFFICER_ROLES);
  return t;
}

/**
 * Parks the ticket at a counter (the citizen steps aside): the counter is free for the next person
 * and the ticket waits in its agency's pool with its number.
 * @throws AppError invalid_transition (409 unless called or serving), 401/403/404.
 */
export async function parkTicket(ctx: ServiceContext, input: { mppId: string; ticketId: string; note: string | null }): Promise<StaffTicketView> {
  const { db, principal, now: at, actor } = ctx;
  const { mppId, ticketId, note } = input;
  await officerOfTicket(db, principal, mppId, ticketId);
  const view = await db.transaction(async (tx) => {
    const t = await repo.getTicket(tx, mppId, ticketId, { forUpdate: true });
    nextStatus(t.status, 'park');
    if (!(await floor.parkTicket(tx, { mppId, ticketId, from: t.status, at }))) throw invalidTransition('park', t.status, allowedActions(t.status));
    await repo.insertEvent(tx, { mppId, ticketId, event: 'parked', at, actorType: actor.type, actorId: actor.id, counterId: t.counterId, serviceId: t.serviceId, note });
    await emitTicketDisplay(tx, t, 'done', at);
    await publish(tx, 'queue_changed', { mppId, serviceId: t.serviceId });
    return staffTicketView(tx, await repo.getTicket(tx, mppId, ticketId));
  });
  await publishBoardEvents(db, mppId);
  return view;
}

/**
 * Calls a parked ticket back to this counter (open and free), without a new number. Of two counters
 * calling the same ticket exactly one gets it; the other is told it was taken.
 * @throws AppError parked_taken, parked_other_tenant, invalid_transition, counter_busy, 401/403/404.
 */
export async function unparkTicket(ctx: ServiceContext, input: { mppId: string; counterId: string; ticketId: string }): Promise<StaffTicketView> {
  const { db, principal, now: at, actor } = ctx;
  const { mppId, counterId, ticketId } = input;
  const counter = await staffedCounter(db, principal, mppId, counterId);
  const view = await db.transaction(async (tx) => {
    await requireOpenAndFree(tx, mppId, counterId);
    const before = await repo.findTicket(tx, mppId, ticketId);
    if (!before) throw commonErrors.not_found();
    if (before.tenantId !== counter.tenantId) throw floorErrors.parked_other_tenant({ number: before.number });
    if (!(await floor.unparkTicket(tx, { mppId, ticketId, counterId, tenantId: counter.tenantId, at }))) {
      const now = await repo.getTicket(tx, mppId, ticketId);
      if (now.status !== 'parked' && (now.status === 'called' || now.status === 'serving')) throw floorErrors.parked_taken({ number: now.number });
      throw invalidTransition('unpark', now.status, allowedActions(now.status));
    }
    await repo.insertEvent(tx, { mppId, ticketId, event: 'unparked', at, actorType: actor.type, actorId: actor.id, counterId, serviceId: before.serviceId });
    const t = await repo.getTicket(tx, mppId, ticketId);
    await emitTicketDisplay(tx, t, 'call', at);
    await announceTicketProgress(tx, { type: 'called', mppId, ticketId, serviceId: t.serviceId, localDay: t.localDay });
    return staffTicketView(tx, t);
  });
  await publishBoardEvents(db, mppId);
  return view;
}

// --- No-show undo -------------------------------------------------------------------------------------

/**
 * Undoes a no-show within NO_SHOW_UNDO_SECONDS: the ticket goes back to its counter as called, or,
 * if that counter has meanwhile called someone, first in that counter's line.
 * @throws AppError undo_expired, invalid_transition (not a no-show), 401/403/404.
 */
export async function undoNoShow(ctx: ServiceContext, input: { mppId: string; ticketId: string }): Promise<StaffTicketView> {
  const { db, principal, now: at, actor } = ctx;
  const { mppId, ticketId } = input;
  await officerOfTicket(db, principal, mppId, ticketId);
  return db.transaction(async (tx) => {
    const t = await repo.getTicket(tx, mppId, ticketId, { forUpdate: true });
    nextStatus(t.status, 'undo_no_show');
    const last = await floor.lastNoShow(tx, mppId, ticketId);
    if (!last || !last.counterId || at.getTime() - last.at.getTime() > NO_SHOW_UNDO_SECONDS * 1000) throw floorErrors.undo_expired({ seconds: NO_SHOW_UNDO_SECONDS });
    const state = await counters.lockCounterState(tx, mppId, last.counterId);
    const free = state.status !== 'closed' && !(await counters.currentTicketId(tx, mppId, last.counterId));
    await floor.restoreNoShow(tx, { mppId, ticketId, counterId: last.counterId, toCounter: free, at });
    await repo.insertEvent(tx, {
      mppId,
      ticketId,
      event: 'no_show_undone',
      at,
      actorType: actor.type,
      actorId: actor.id,
      counterId: last.counterId,
      serviceId: t.serviceId,
      note: free ? null : 'loket sibuk: tiket menjadi yang pertama di antrean loket ini',
    });
    await publish(tx, 'queue_changed', { mppId, serviceId: t.serviceId });
    return staffTicketView(tx, await repo.getTicket(tx, mppId, ticketId));
  });
}

// --- Reprint ---------------------------------------------------------------------------------------------

/**
 * The ticket as printed, for the console to print again (the kiosk's printer failed or the paper was
 * lost). The reprint is an event on the ticket.
 * @throws AppError reprint_final (served, no-show or cancelled), 401/403/404.
 */
export async function reprintTicket(ctx: ServiceContext, input: { mppId: string; ticketId: string }): Promise<TicketView> {
  const { db, principal, now: at, actor } = ctx;
  const { mppId, ticketId } = input;
  const t = await officerOfTicket(db, principal, mppId, ticketId);
  if (t.status === 'served' || t.status === 'no_show' || t.status === 'cancelled') throw floorErrors.reprint_final();
  await repo.insertEvent(db, { mppId, ticketId, event: 'reprinted', at, actorType: actor.type, actorId: actor.id, counterId: t.counterId, serviceId: t.serviceId });
  return ticketView(db, await repo.getTicket(db, mppId, ticketId), at);
}

// --- Device health ------------------------------------------------------------------------------------------

/** A kiosk or board reports that it is alive, its app version and its printer's state. @throws 401/403/404 */
export async function heartbeat(ctx: ServiceContext, input: { mppId: string; body: { appVersion: string; page?: string; printerError?: string | null } }): Promise<{ serverTime: string; lane: string | null }> {
  const { db, principal, now: at } = ctx;
  const { mppId, body } = input;
  const device = requireDevice(principal, mppId, ['kiosk', 'display']);
  await floor.upsertHeartbeat(db, { mppId, deviceId: device.deviceId, at, appVersion: body.appVersion, page: body.page ?? null, printerError: body.printerError });
  const zone = device.deviceKind === 'kiosk' ? await zones.deviceZone(db, mppId, device.deviceId) : undefined;
  return { serverTime: at.toISOString(), lane: zone?.kind === 'drive_thru' ? zone.id : null };
}

/** Every kiosk and board of the MPP: last seen, online, app version, printer error. MPP admins. @throws 401/403/404 */
export async function deviceHealth(ctx: ServiceContext, input: { mppId: string }): Promise<DeviceHealth[]> {
  const { db, principal, now: at } = ctx;
  const { mppId } = input;
  requireMppRole(principal, mppId, ['mpp_admin']);
  const beats = await floor.heartbeats(db, mppId);
  return (await listDevices(db, mppId)).map((d) => {
    const h = beats.get(d.id);
    const revoked = d.revoked_at !== null;
    return {
      deviceId: d.id,
      name: d.name,
      kind: d.kind,
      revoked,
      lastSeenAt: h ? h.lastSeenAt.toISOString() : null,
      online: !revoked && !!h && at.getTime() - h.lastSeenAt.getTime() <= ONLINE_SECONDS * 1000,
      appVersion: h?.appVersion ?? null,
      page: h?.page ?? null,
      printerError: h?.printerError ?? null,
      printerErrorAt: h?.printerErrorAt ? h.printerErrorAt.toISOString() : null,
    };
  });
}
