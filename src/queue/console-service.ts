import { recordAudit } from '../platform/audit.js';
import { requireStaff, requireTenantRole, tenantScope, type Principal } from '../platform/auth.js';
import type { ServiceContext } from '../platform/context.js';
import type { Queryable } from '../platform/db.js';
import { commonErrors, invalidTransition } from '../platform/errors.js';
import { enqueue, publish } from '../platform/outbox.js';
import { announceTicketProgress } from './events.js';
import * as counters from './counter-repository.js';
import * as floor from './floor-repository.js';
import * as repo from './repository.js';
import { getMppSettings, localMidnight } from './settings-repository.js';
import type { ConsoleView, CounterView, StaffTicketView, TransferRequest } from './schemas.js';
import { nextStatus, type TicketAction } from './state.js';
import type { DisplayEventType } from './display-repository.js';
import { emitTicketDisplay, staffTicketView } from './transitions.js';
import { publishBoardEvents } from './board-publisher.js';
import { consoleErrors } from './errors.js';
import { assertTransferInLane } from './zone-service.js';

export { consoleErrors };

/** The counter actions allowed from a counter status, for the 409 of a refused one. */
const COUNTER_ACTIONS: Record<string, string[]> = { open: ['pause', 'close', 'call'], paused: ['open', 'close'], closed: ['open'] };

export const OFFICER_ROLES = ['officer', 'tenant_admin'] as const;

/** Only officers (and admins) of the counter's agency may staff it. @throws 401/403/404 */
export async function staffedCounter(q: Queryable, principal: Principal, mppId: string, counterId: string): Promise<counters.CounterRow> {
  requireStaff(principal);
  const counter = await counters.getCounter(q, mppId, counterId).catch((err) => {
    // Learn nothing about an MPP you have no grant in.
    requireTenantRole(principal, mppId, '00000000-0000-0000-0000-000000000000', OFFICER_ROLES);
    throw err;
  });
  requireTenantRole(principal, mppId, counter.tenantId, OFFICER_ROLES);
  return counter;
}

export function toCounterView(c: counters.CounterRow): CounterView {
  return {
    id: c.id,
    number: c.number,
    name: c.name,
    tenantId: c.tenantId,
    tenantName: c.tenantName,
    status: c.status,
    pauseReason: c.pauseReason,
    officerName: c.officerName,
    zone: c.zone,
    services: c.services,
  };
}

/** Counters the caller may staff (all of the MPP for its admins). */
export async function listCounters(ctx: ServiceContext, input: { mppId: string }): Promise<CounterView[]> {
  const { db, principal } = ctx;
  const { mppId } = input;
  requireStaff(principal);
  const scope = tenantScope(principal, mppId);
  if (scope !== 'all' && scope.length === 0) throw commonErrors.not_found();
  return (await counters.listCounters(db, mppId, scope)).map(toCounterView);
}

/**
 * Opens, pauses (with a reason) or closes a counter.
 * @throws AppError invalid_transition (409), counter_busy (closing with a ticket at the counter).
 */
export async function setCounterStatus(
  ctx: ServiceContext,
  input: { mppId: string; counterId: string; action: 'open' | 'pause' | 'close'; reason: string | null },
): Promise<CounterView> {
  const { db, principal, now: at, actor } = ctx;
  const { mppId, counterId, action, reason } = input;
  const counter = await staffedCounter(db, principal, mppId, counterId);
  await db.transaction(async (tx) => {
    const state = await counters.lockCounterState(tx, mppId, counterId);
    const to = action === 'open' ? 'open' : action === 'pause' ? 'paused' : 'closed';
    if (!COUNTER_ACTIONS[state.status]!.includes(action)) throw invalidTransition(action, state.status, COUNTER_ACTIONS[state.status]!);
    if (action === 'close') {
      const current = await counters.currentTicketId(tx, mppId, counterId);
      if (current) throw consoleErrors.counter_busy({ number: (await repo.getTicket(tx, mppId, current)).number });
    }
    await counters.setCounterState(tx, mppId, counterId, { status: to, pauseReason: action === 'pause' ? reason : null, officerId: action === 'close' ? null : actor.id, at });
    await recordAudit(tx, actor, {
      action: `queue.counter_${to}`,
      targetType: 'counter',
      targetId: counterId,
      mppId,
      tenantId: counter.tenantId,
      before: { status: state.status },
      after: { status: to, reason },
    });
    await publish(tx, 'queue_changed', { mppId, serviceId: null });
  });
  return toCounterView(await counters.getCounter(db, mppId, counterId));
}

export async function requireOpenAndFree(tx: Queryable, mppId: string, counterId: string): Promise<void> {
  const state = await counters.lockCounterState(tx, mppId, counterId);
  if (state.status !== 'open') throw invalidTransition('call', state.status, COUNTER_ACTIONS[state.status]!);
  const current = await counters.currentTicketId(tx, mppId, counterId);
  if (current) throw consoleErrors.counter_busy({ number: (await repo.getTicket(tx, mppId, current)).number });
}

/**
 * Calls the best waiting ticket (priority, weight, waiting time) to the counter; null when none waits.
 * The hottest staff request: the counter's checks are one statement, and the claim writes its event
 * and returns the ticket in another (issue 17).
 * @throws AppError 401/403/404 (as staffedCounter), invalid_transition (counter not open), counter_busy.
 */
export async function callNext(ctx: ServiceContext, input: { mppId: string; counterId: string }): Promise<StaffTicketView | null> {
  const { db, principal, now: at, actor } = ctx;
  const { mppId, counterId } = input;
  requireStaff(principal);
  const view = await db.transaction(async (tx) => {
    const counter = await counters.lockCounterForCall(tx, mppId, counterId, at);
    // Learn nothing about an MPP you have no grant in.
    requireTenantRole(principal, mppId, counter?.tenantId ?? '00000000-0000-0000-0000-000000000000', OFFICER_ROLES);
    if (!counter) throw commonErrors.not_found();
    if (counter.status !== 'open') throw invalidTransition('call', counter.status, COUNTER_ACTIONS[counter.status]!);
    const current = await counters.currentTicketId(tx, mppId, counterId);
    if (current) throw consoleErrors.counter_busy({ number: (await repo.getTicket(tx, mppId, current)).number });
    const t = await counters.claimNext(tx, { mppId, counterId, localDay: counter.localDay, at, actorType: actor.type, actorId: actor.id });
    if (!t) return null;
    await announceTicketProgress(tx, { type: 'called', mppId, ticketId: t.id, serviceId: t.serviceId, localDay: t.localDay });
    await emitTicketDisplay(tx, t, 'call', at);
    return staffTicketView(tx, t);
  });
  if (view) await publishBoardEvents(db, mppId);
  return view;
}

/**
 * Calls a given waiting ticket out of order; the reason is kept on the event and in the audit log.
 * @throws AppError not_found, not_in_line, invalid_transition, counter_busy.
 */
export async function callSpecific(ctx: ServiceContext, input: { mppId: string; counterId: string; ticketId: string; reason: string }): Promise<StaffTicketView> {
  const { db, principal, now: at, actor } = ctx;
  const { mppId, counterId, ticketId, reason } = input;
  const counter = await staffedCounter(db, principal, mppId, counterId);
  const view = await db.transaction(async (tx) => {
    await requireOpenAndFree(tx, mppId, counterId);
    const before = await repo.getTicket(tx, mppId, ticketId, { forUpdate: true });
    nextStatus(before.status, 'call');
    const { localDay } = await repo.localDayOf(tx, mppId, at);
    const served = counter.services.some((s) => s.serviceId === before.serviceId);
    if (before.localDay !== localDay || !(served || before.targetCounterId === counterId)) throw consoleErrors.not_in_line({ number: before.number });
    await repo.applyTransition(tx, { mppId, ticketId, from: 'waiting', to: 'called', event: 'called', at, actorType: actor.type, actorId: actor.id, note: `di luar urutan: ${reason}` }, {
      counterId,
      targetCounterId: null,
      called: true,
    });
    await recordAudit(tx, actor, { action: 'queue.ticket_called_out_of_order', targetType: 'ticket', targetId: ticketId, mppId, tenantId: counter.tenantId, after: { counterId, reason, number: before.number } });
    const t = await repo.getTicket(tx, mppId, ticketId);
    await emitTicketDisplay(tx, t, 'call', at);
    await announceTicketProgress(tx, { type: 'called', mppId, ticketId, serviceId: t.serviceId, localDay: t.localDay });
    return staffTicketView(tx, t);
  });
  await publishBoardEvents(db, mppId);
  return view;
}

/** Park, call back and undo have their own functions (floor-service.ts). */
export type StaffAction = Exclude<TicketAction, 'call' | 'park' | 'unpark' | 'undo_no_show'>;

/**
 * Recall, start, finish, no-show, transfer or cancel a ticket, by an officer of the agency handling it.
 * @throws AppError not_found, invalid_transition (409 naming the allowed actions), recall_limit,
 *   unknown_target, forbidden.
 */
export async function ticketAction(
  ctx: ServiceContext,
  input: { mppId: string; ticketId: string; action: StaffAction; transfer?: TransferRequest; note?: string },
): Promise<StaffTicketView> {
  const { db, principal, now: at, actor } = ctx;
  const { mppId, ticketId, action } = input;
  const body = input;
  requireStaff(principal);
  const view = await db.transaction(async (tx) => {
    const t = await repo.findTicket(tx, mppId, ticketId, { forUpdate: true });
    // Learn nothing about an MPP you have no grant in (a refusal rolls back, releasing the row).
    requireTenantRole(principal, mppId, t ? (t.counterTenantId ?? t.tenantId) : '00000000-0000-0000-0000-000000000000', OFFICER_ROLES);
    if (!t) throw commonErrors.not_found();
    const to = nextStatus(t.status, action);
    const base = { mppId, ticketId, from: t.status, to, at, actorType: actor.type, actorId: actor.id };
    let display: DisplayEventType | null = null;
    switch (action) {
      case 'recall': {
        const max = (await getMppSettings(tx, mppId)).maxRecalls;
        if (t.recallCount >= max) throw consoleErrors.recall_limit({ max });
        await repo.applyTransition(tx, { ...base, event: 'recalled' }, { recall: true });
        await emitTicketDisplay(tx, t, 'recall', at);
        break;
      }
      case 'start':
        await repo.applyTransition(tx, { ...base, event: 'serving' });
        display = 'serving';
        break;
      case 'finish':
        await servedSideEffects(tx, t);
        await repo.applyTransition(tx, { ...base, event: 'served', note: body.note ?? null });
        display = 'done';
        break;
      case 'no_show':
        await repo.applyTransition(tx, { ...base, event: 'no_show' });
        display = 'done';
        break;
      case 'cancel':
        await repo.applyTransition(tx, { ...base, event: 'cancelled', note: body.note ?? null }, { counterId: null });
        if (t.counterId) await emitTicketDisplay(tx, t, 'done', at);
        break;
      case 'transfer': {
        const target = body.transfer!;
        const service = target.serviceId ? await counters.findService(tx, mppId, target.serviceId) : undefined;
        if (target.serviceId && !service) throw consoleErrors.unknown_target();
        const counter = target.counterId ? await counters.getCounter(tx, mppId, target.counterId).catch(() => Promise.reject(consoleErrors.unknown_target())) : undefined;
        // Across agencies a ticket goes to the other agency's line, never pinned to the head of one of
        // its counters, and only once it was called here (an officer could otherwise issue a ticket
        // for their own service and jump it to the front of another agency's line).
        const handling = t.counterTenantId ?? t.tenantId;
        if (counter && counter.tenantId !== handling) throw consoleErrors.transfer_foreign_counter();
        if (service && service.tenantId !== handling && t.status === 'waiting') throw consoleErrors.transfer_not_seen();
        if (t.lane) await assertTransferInLane(tx, mppId, t.lane, { service, counter });
        await repo.applyTransition(tx, { ...base, event: 'transferred', note: target.note ?? null }, {
          counterId: null,
          targetCounterId: target.counterId ?? null,
          serviceId: service?.id,
          tenantId: service?.tenantId,
        });
        if (t.counterId) await emitTicketDisplay(tx, t, 'done', at);
        await publish(tx, 'queue_changed', { mppId, serviceId: service?.id ?? t.serviceId });
        break;
      }
    }
    if (display) await emitTicketDisplay(tx, t, display, at);
    return staffTicketView(tx, await repo.getTicket(tx, mppId, ticketId));
  });
  await publishBoardEvents(db, mppId);
  return view;
}

/** 'ticket.served' leaves through the outbox (durable) and NOTIFY (live, e.g. the survey tablet). */
async function servedSideEffects(tx: Queryable, t: repo.TicketRow): Promise<void> {
  const payload = { mppId: t.mppId, ticketId: t.id, serviceId: t.serviceId, tenantId: t.tenantId, counterId: t.counterId, visitId: t.visitId };
  await enqueue(tx, 'ticket.served', payload, t.mppId);
  await publish(tx, 'ticket_served', payload);
  await announceTicketProgress(tx, { type: 'served', mppId: t.mppId, ticketId: t.id, serviceId: t.serviceId, localDay: t.localDay });
}

/** The officer's screen: the counter, its current ticket and times, its waiting line, my counts today. */
export async function consoleView(ctx: ServiceContext, input: { mppId: string; counterId: string }): Promise<ConsoleView> {
  const { db, principal, now: at } = ctx;
  const { mppId, counterId } = input;
  const counter = await staffedCounter(db, principal, mppId, counterId);
  const staff = requireStaff(principal);
  const { localDay, timezone } = await repo.localDayOf(db, mppId, at);
  const currentId = await counters.currentTicketId(db, mppId, counterId);
  const current = currentId ? await staffTicketView(db, await repo.getTicket(db, mppId, currentId)) : null;
  const midnight = await localMidnight(db, { localDay, timezone });
  return {
    timezone,
    counter: toCounterView(counter),
    current,
    waiting: await counters.waitingLine(db, mppId, counterId, localDay, at),
    myCounts: await counters.officerCounts(db, mppId, staff.userId, midnight),
    transferTargets: await counters.listTransferTargets(db, { mppId, counterId }),
    maxRecalls: (await getMppSettings(db, mppId)).maxRecalls,
    parked: await floor.parkedPool(db, mppId, counter.tenantId, localDay),
    pauseReasons: (await floor.listPauseReasons(db, mppId, true)).map((r) => ({ id: r.id, label: r.label })),
    undoableNoShow: await floor.undoableNoShow(db, mppId, counterId, at),
  };
}

/** A ticket with its history, for staff of the MPP. */
export async function staffTicket(ctx: ServiceContext, input: { mppId: string; ticketId: string }): Promise<StaffTicketView> {
  const { db, principal } = ctx;
  const { mppId, ticketId } = input;
  const t = await repo.findTicket(db, mppId, ticketId);
  if (!t) {
    requireTenantRole(principal, mppId, '00000000-0000-0000-0000-000000000000', OFFICER_ROLES);
    throw commonErrors.not_found();
  }
  requireTenantRole(principal, mppId, t.counterTenantId ?? t.tenantId, OFFICER_ROLES);
  return staffTicketView(db, t);
}
