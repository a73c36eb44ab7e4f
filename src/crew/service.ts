import { getMpp } from '../catalog/repository.js';
import { listServices } from '../catalog/service-repository.js';
import { findCrewStop, listStopBookings, listStopsOfCrewMember, setStopBookingStatus, type CrewStop } from '../mobile/crew-repository.js';
import { requireMppRole, requireStaff } from '../platform/auth.js';
import type { ServiceContext } from '../platform/context.js';
import type { Queryable } from '../platform/db.js';
import { commonErrors } from '../platform/errors.js';
import { enqueue } from '../platform/outbox.js';
import * as queue from '../queue/repository.js';
import { codeForStatusToken } from '../survey/tokens.js';
import { crewErrors } from './errors.js';
import * as repo from './repository.js';
import type { CrewStopSummary, PackRequest, StopPack, SyncRequest, SyncResult } from './schemas.js';
import { applyBatch, emptyState, pendingProjection, type Outcome, type Ticket } from './sync-engine.js';

/** Numbers per block: a stop's day rarely sees more than a hundred people per device. */
export const BLOCK_SIZE = 100;
/**
 * The prefix of the queue tickets that stand for stop tickets in the statistics. Services' prefixes
 * are one to three capital letters, so this one never shares their daily numbering.
 */
export const STOP_TICKET_PREFIX = 'K1';

const summary = (s: CrewStop): CrewStopSummary => ({
  id: s.id,
  mppId: s.mppId,
  unitName: s.unitName,
  kecamatanName: s.kecamatanName,
  villageName: s.villageName,
  address: s.address,
  startsAt: s.startsAt.toISOString(),
  endsAt: s.endsAt.toISOString(),
  localDay: s.localDay,
  status: s.status,
});

/**
 * The stop, when the signed-in staff member crews its unit.
 * @throws AppError unauthenticated, not_found (no such stop in the MPP, or no grant there), not_crew (403).
 */
async function crewStop(ctx: ServiceContext, q: Queryable, input: { mppId: string; stopId: string }): Promise<{ userId: string; stop: CrewStop }> {
  const staff = requireMppRole(ctx.principal, input.mppId, ['mpp_admin', 'tenant_admin', 'officer']);
  const stop = await findCrewStop(q, { ...input, userId: staff.userId });
  if (!stop) throw commonErrors.not_found();
  if (!stop.isCrew) throw crewErrors.not_crew();
  return { userId: staff.userId, stop };
}

/** The stops of the units the signed-in staff member crews, from today (UTC day, less one) on. */
export async function myStops(ctx: ServiceContext): Promise<CrewStopSummary[]> {
  const staff = requireStaff(ctx.principal);
  const fromDay = new Date(ctx.now.getTime() - 86_400_000).toISOString().slice(0, 10);
  return (await listStopsOfCrewMember(ctx.db, { userId: staff.userId, fromDay, limit: 20 })).map(summary);
}

/**
 * Everything a crew device needs to run the stop offline: the stop, its services and bookings, the
 * tickets so far, and this device's blocks of numbers (a first block on the first download, one
 * more when asked).
 * @throws AppError not_found, not_crew, stop_cancelled.
 */
export async function downloadPack(ctx: ServiceContext, input: { mppId: string; stopId: string } & PackRequest): Promise<StopPack> {
  return ctx.db.transaction(async (tx) => {
    const { userId, stop } = await crewStop(ctx, tx, input);
    if (stop.status === 'cancelled') throw crewErrors.stop_cancelled();
    await repo.lockStop(tx, input.mppId, input.stopId);
    await repo.upsertDevice(tx, { mppId: input.mppId, stopId: input.stopId, deviceId: input.deviceId, userId, label: input.label, at: ctx.now });
    const blocks = await repo.listBlocks(tx, input.mppId, input.stopId);
    if (input.reserveBlock || !blocks.some((b) => b.deviceId === input.deviceId)) {
      blocks.push(await repo.reserveBlock(tx, { mppId: input.mppId, stopId: input.stopId, deviceId: input.deviceId, size: BLOCK_SIZE, at: ctx.now }));
    }
    return packOf(tx, { stop, deviceId: input.deviceId, blocks });
  });
}

async function packOf(q: Queryable, input: { stop: CrewStop; deviceId: string; blocks: { deviceId: string; first: number; last: number }[] }): Promise<StopPack> {
  const { stop, deviceId } = input;
  const [mpp, services, bookings, tickets, device] = await Promise.all([
    getMpp(q, stop.mppId),
    stop.serviceIds.length ? listServices(q, stop.mppId, { ids: stop.serviceIds }) : Promise.resolve([]),
    listStopBookings(q, { mppId: stop.mppId, stopId: stop.id }),
    repo.listTickets(q, stop.mppId, stop.id),
    repo.findDevice(q, stop.mppId, stop.id, deviceId),
  ]);
  // A served stop ticket is a queue ticket: its survey code comes from that ticket, as on a printed one.
  const surveyCodes = new Map<number, string>();
  for (const t of tickets) {
    if (t.status !== 'served' || !t.queueTicketId) continue;
    const found = await queue.findTicket(q, stop.mppId, t.queueTicketId);
    if (found) surveyCodes.set(t.number, codeForStatusToken(found.statusToken));
  }
  return {
    stop: summary(stop),
    mpp: { id: mpp.id, name: mpp.name, timezone: mpp.timezone },
    services: services.map((s) => ({ id: s.id, name: s.name, tenantName: s.tenant.name })),
    device: { id: deviceId, lastSeq: device?.lastSeq ?? 0 },
    blocks: input.blocks.filter((b) => b.deviceId === deviceId).map((b) => ({ first: b.first, last: b.last })),
    bookings,
    tickets: tickets.map((t) => ({
      number: t.number,
      serviceId: t.serviceId,
      bookingId: t.bookingId,
      status: t.status,
      mergedInto: t.mergedInto,
      mine: t.deviceId === deviceId,
      issuedAt: t.issuedAt,
      surveyCode: surveyCodes.get(t.number) ?? null,
    })),
  };
}

/**
 * Applies a batch of events a crew device recorded (offline or not). Replays, batches out of order
 * and the same booking handled on two devices are reconciled by the sync engine; each event gets
 * its outcome. Tickets that reach served or no-show are written to the queue's tickets as well, so
 * the MPP's statistics and the survey see them like counter tickets.
 * @throws AppError not_found, not_crew, device_unknown (no pack downloaded by this device).
 */
export async function syncEvents(ctx: ServiceContext, input: { mppId: string; stopId: string } & SyncRequest): Promise<SyncResult> {
  return ctx.db.transaction(async (tx) => {
    const { mppId, stopId, deviceId } = input;
    const { stop } = await crewStop(ctx, tx, input);
    await repo.lockStop(tx, mppId, stopId);
    if (!(await repo.findDevice(tx, mppId, stopId, deviceId))) throw crewErrors.device_unknown();

    const [devices, blocks, tickets, bookings, events] = await Promise.all([
      repo.listDevices(tx, mppId, stopId),
      repo.listBlocks(tx, mppId, stopId),
      repo.listTickets(tx, mppId, stopId),
      listStopBookings(tx, { mppId, stopId }),
      repo.listEvents(tx, mppId, stopId),
    ]);
    const state = emptyState(stop.serviceIds);
    state.blocks.push(...blocks);
    for (const d of devices) state.lastSeq.set(d.id, d.lastSeq);
    for (const t of tickets) state.tickets.set(t.number, t);
    for (const b of bookings) state.bookings.set(b.id, { id: b.id, serviceId: b.serviceId, status: b.status });
    for (const e of events) state.seen.set(e.event.id, e);
    const before = new Map(bookings.map((b) => [b.id, b.status]));
    const queueTicketOf = new Map(tickets.map((t) => [t.number, t.queueTicketId]));

    const result = applyBatch(state, deviceId, input.events, ctx.now.toISOString());

    for (const id of result.touchedEvents) {
      const seen = state.seen.get(id)!;
      await repo.saveEvent(tx, { mppId, stopId, deviceId: seen.deviceId, event: seen.event, outcome: seen.outcome, receivedAt: ctx.now });
    }
    // Merged tickets point at their first ticket: write the first ones first.
    const touched = [...result.touchedTickets].map((n) => state.tickets.get(n)!).sort((a, b) => Number(a.mergedInto !== null) - Number(b.mergedInto !== null));
    for (const t of touched) await repo.saveTicket(tx, mppId, stopId, t);
    const userOf = new Map(devices.map((d) => [d.id, d.userId]));
    for (const id of result.touchedBookings) {
      const b = state.bookings.get(id)!;
      if (b.status !== before.get(id) && (b.status === 'checked_in' || b.status === 'served' || b.status === 'no_show')) {
        await setStopBookingStatus(tx, { mppId, bookingId: id, to: b.status, at: ctx.now, actorId: userOf.get(deviceId)! });
      }
    }
    for (const t of touched) {
      const to = pendingProjection(t);
      if (to) await project(tx, { mppId, stop, ticket: t, to, queueTicketId: queueTicketOf.get(t.number) ?? null, actorId: userOf.get(t.finishedBy ?? t.deviceId) ?? null });
    }
    await repo.setLastSeq(tx, { mppId, stopId, deviceId, lastSeq: state.lastSeq.get(deviceId) ?? 0, at: ctx.now });

    const labels = new Map(devices.map((d) => [d.id, d.label]));
    const named = (o: Outcome) => ({ ...o, otherDevice: o.otherDevice ? (labels.get(o.otherDevice) ?? o.otherDevice) : null });
    return { outcomes: result.outcomes.map(named), settled: result.settled.map(named), lastSeq: state.lastSeq.get(deviceId) ?? 0 };
  });
}

/**
 * Writes a stop ticket's final state to the queue's tickets through the queue's own functions: the
 * ticket (channel 'online' with the stop's start for a booking, else 'reception') and its events at
 * the times the device recorded, so the operations aggregates (a trigger on ticket_events) count its
 * waiting and service times and the survey gives it a code like any counter ticket.
 */
async function project(tx: Queryable, p: { mppId: string; stop: CrewStop; ticket: Ticket; to: 'served' | 'no_show'; queueTicketId: string | null; actorId: string | null }): Promise<void> {
  const { mppId, ticket: t } = p;
  const issuedAt = new Date(t.issuedAt);
  const calledAt = t.calledAt ? new Date(t.calledAt) : null;
  const finishedAt = new Date(t.finishedAt ?? t.issuedAt);
  const actor = { actorType: 'user', actorId: p.actorId };
  let ticketId = p.queueTicketId;
  let from: 'waiting' | 'no_show' = 'no_show';
  if (!ticketId) {
    const found = await queue.findIssueContext(tx, mppId, t.serviceId, null, issuedAt);
    if (!found) return;
    // The stop's own day and numbering; the building's quota neither applies nor counts it (the stop
    // has its own capacity).
    const issue = { ...found, prefix: STOP_TICKET_PREFIX, dailyQuota: null, localDay: p.stop.localDay };
    const inserted = await queue.insertTicket(tx, {
      mppId,
      ctx: issue,
      visitId: null,
      visitToken: `crew-${p.stop.id}-${t.number}`,
      channel: t.bookingId ? 'online' : 'reception',
      statusToken: `crew-${crypto.randomUUID()}`,
      idempotencyKey: `crew/${p.stop.id}/${t.number}`,
      requestHash: null,
      at: issuedAt,
      ...actor,
      bookedFor: t.bookingId ? p.stop.startsAt : null,
      countsTowardQuota: false,
    });
    if (!inserted) return;
    ticketId = inserted.id;
    from = 'waiting';
  }
  const step = async (fromStatus: Parameters<typeof queue.applyTransition>[1]['from'], to: Parameters<typeof queue.applyTransition>[1]['to'], at: Date, set = {}) =>
    queue.applyTransition(tx, { mppId, ticketId: ticketId!, from: fromStatus, to, event: to, at, ...actor }, set);
  if (p.to === 'no_show') {
    if (calledAt) await step('waiting', 'called', calledAt, { called: true });
    await step(calledAt ? 'called' : 'waiting', 'no_show', finishedAt);
  } else {
    const callAt = from === 'no_show' ? finishedAt : (calledAt ?? finishedAt);
    await step(from, 'called', callAt, { called: true });
    await step('called', 'serving', callAt);
    await step('serving', 'served', finishedAt);
    const served = await queue.getTicket(tx, mppId, ticketId);
    await enqueue(tx, 'ticket.served', { mppId, ticketId, serviceId: served.serviceId, tenantId: served.tenantId, counterId: null, visitId: served.visitId }, mppId);
  }
  await repo.setProjected(tx, { mppId, stopId: p.stop.id, number: t.number, projected: p.to, queueTicketId: ticketId });
}

