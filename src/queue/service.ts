import { createHash, randomBytes } from 'node:crypto';
import type { ServiceContext } from '../platform/context.js';
import { openingStatus, type OpeningStatus } from '../catalog/hours.js';
import { cachedOpeningStatus } from '../catalog/hours-cache.js';
import { isMppInsider, requireDevice, requireMppRole, type Actor, type Principal } from '../platform/auth.js';
import { isUniqueViolation, type Db, type Queryable } from '../platform/db.js';
import { commonErrors } from '../platform/errors.js';
import { publish } from '../platform/outbox.js';
import { zoneAbbr } from '../platform/zones.js';
import { toMinutes } from './estimate.js';
import { computePositions, type Position } from './positions.js';
import { CHANGED_CHANNEL } from './display-repository.js';
import { listOfferServices } from './offer-repository.js';
import * as repo from './repository.js';
import * as settingsRepo from './settings-repository.js';
import { printedSurveyCode } from './survey-code.js';
import { announceQueueChange } from './change-notifier.js';
import { sharedQueuePositions } from './shared-positions.js';
import type { IssueTicketRequest, QueueOffer, TicketView } from './schemas.js';
import { nextStatus } from './state.js';
import { emitTicketDisplay } from './transitions.js';
import { publishBoardEvents } from './board-publisher.js';
import { queueErrors } from './errors.js';

const REASON_TEXT: Record<string, { id: string; en: string }> = {
  before_opening: { id: 'belum buka', en: 'not open yet' },
  on_break: { id: 'sedang istirahat', en: 'on a break' },
  after_closing: { id: 'sudah tutup', en: 'closed for the day' },
  closed_today: { id: 'libur hari ini', en: 'closed today' },
};

/** "2026-11-23 08:00 WIB": a local time both languages can read. */
export function localStamp(at: string | Date, timezone: string): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(at))
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute} ${zoneAbbr(timezone)}`;
}

function closedError(s: OpeningStatus) {
  const reason = REASON_TEXT[s.reason] ?? { id: s.reason, en: s.reason };
  const err = queueErrors.mpp_closed({ reason, nextOpening: s.nextOpening ? localStamp(s.nextOpening, s.timezone) : '-' });
  Object.assign(err.details, { reasonCode: s.reason, nextOpeningAt: s.nextOpening });
  return err;
}

const newToken = () => randomBytes(18).toString('base64url');

export type Channel = 'kiosk' | 'reception' | 'online';

/** Who may issue through the kiosk/reception route: a kiosk of the MPP, or its staff. */
export function channelOf(principal: Principal, mppId: string): Channel {
  if (principal.kind === 'device') {
    requireDevice(principal, mppId, ['kiosk']);
    return 'kiosk';
  }
  requireMppRole(principal, mppId, ['mpp_admin', 'tenant_admin', 'officer']);
  return 'reception';
}

/**
 * Issues a ticket. A retry with the same Idempotency-Key returns the first ticket.
 * `opts.bookedFor` (booking precedence: the ticket ranks as if it arrived at that slot start) is for
 * the booking check-in only; the HTTP routes never pass it, so no kiosk or public caller can claim it.
 * @throws AppError not_found (unknown service), service_unavailable, mpp_closed, waiting_room_full,
 *   quota_exhausted, visit_unknown, idempotency_mismatch (422: same key, different request).
 */
export async function issueTicket(
  db: Db,
  mppId: string,
  channel: Channel,
  input: IssueTicketRequest,
  opts: { idempotencyKey?: string; at: Date; actor: Actor; bookedFor?: Date; lane?: repo.NewTicket['lane']; insider?: boolean },
): Promise<TicketView> {
  const bookedFor = opts.bookedFor ?? null;
  // A key sent in the Idempotency-Key header is the caller's own: the same key from another kiosk,
  // officer or citizen is a new request, never a replay of someone else's ticket (anonymous callers share
  // one scope; their keys are random). Keys Layan makes itself hold a '/', which the header may not carry,
  // and stay system-wide: a booking checked in at a kiosk and again at reception gets one ticket.
  if (opts.idempotencyKey && !opts.idempotencyKey.includes('/')) opts = { ...opts, idempotencyKey: `${opts.actor.type}:${opts.actor.id ?? '-'}:${opts.idempotencyKey}` };
  const requestHash = opts.idempotencyKey
    ? createHash('sha256')
        .update(JSON.stringify([channel, input.serviceId, input.priorityClassId ?? null, input.visitToken ?? null, ...(bookedFor ? [bookedFor.toISOString()] : []), ...(opts.lane ? [opts.lane] : [])]))
        .digest('hex')
    : null;
  const replay = async () => {
    const prior = await repo.findTicketIdByIdempotencyKey(db, mppId, opts.idempotencyKey!);
    if (!prior) return undefined;
    if (prior.requestHash !== requestHash) throw commonErrors.idempotency_mismatch();
    return ticketView(db, await repo.getTicket(db, mppId, prior.id), opts.at);
  };
  if (opts.idempotencyKey) {
    const prior = await replay();
    if (prior) return prior;
  }

  const ctx = await repo.findIssueContext(db, mppId, input.serviceId, input.priorityClassId ?? null, opts.at);
  // An online ticket for an unpublished MPP is as unknown as one for an MPP that does not exist,
  // unless the caller works there (`opts.insider`, set by the route for its staff or devices).
  if (!ctx || (channel === 'online' && !ctx.mppPublished && !opts.insider)) throw commonErrors.not_found();
  if (!ctx.active) throw queueErrors.service_unavailable();
  if (channel !== 'reception') {
    const status = await cachedOpeningStatus(db, mppId, opts.at);
    if (!status.open) throw closedError(status);
  }
  // A car in a drive-thru lane does not take a seat in the waiting room.
  if (channel === 'kiosk' && !opts.lane && ctx.waitingRoomCapacity !== null && ctx.inRoom >= ctx.waitingRoomCapacity) {
    throw queueErrors.waiting_room_full({ capacity: ctx.waitingRoomCapacity });
  }
  let visitId: string | null = null;
  let visitToken = newToken();
  if (input.visitToken) {
    const visit = await repo.findVisitByToken(db, mppId, input.visitToken);
    const { localDay } = await repo.localDayOf(db, mppId, opts.at);
    const visitDay = visit ? (await repo.localDayOf(db, mppId, visit.createdAt)).localDay : null;
    if (!visit || visitDay !== localDay) throw queueErrors.visit_unknown();
    visitId = visit.id;
    visitToken = visit.token;
  }
  let inserted: repo.InsertedTicket | undefined;
  const statusToken = newToken();
  try {
    inserted = await repo.insertTicket(db, {
      mppId,
      ctx,
      visitId,
      visitToken,
      channel,
      statusToken,
      idempotencyKey: opts.idempotencyKey ?? null,
      requestHash,
      at: opts.at,
      actorType: opts.actor.type,
      actorId: opts.actor.id,
      bookedFor,
      lane: opts.lane,
    });
  } catch (err) {
    if (opts.idempotencyKey && isUniqueViolation(err)) {
      const prior = await replay();
      if (prior) return prior;
    }
    throw err;
  }
  if (!inserted) throw queueErrors.quota_exhausted({ service: ctx.serviceName, quota: ctx.dailyQuota });
  // Committed: tell the listeners, and read the position from a computation shared with the other
  // issuers of the moment (both after commit, holding no lock).
  const ticket: repo.TicketRow = {
    ...inserted,
    mppId,
    mppName: ctx.mppName,
    timezone: ctx.timezone,
    visitToken,
    serviceId: ctx.serviceId,
    serviceName: ctx.serviceName,
    tenantId: ctx.tenantId,
    tenantName: ctx.tenantName,
    prefix: ctx.prefix,
    localDay: ctx.localDay,
    channel,
    status: 'waiting',
    priorityClassId: ctx.priorityClassId,
    priorityName: ctx.priorityName,
    priorityWeight: ctx.priorityWeight,
    calledAt: null,
    recallCount: 0,
    counterId: null,
    counterNumber: null,
    counterName: null,
    counterTenantId: null,
    targetCounterId: null,
    statusToken,
    lane: opts.lane?.zone ?? null,
    plate: opts.lane?.plate ?? null,
    holderName: opts.lane?.holderName ?? null,
  };
  const [positions] = await Promise.all([
    sharedQueuePositions(db, { mppId, localDay: ctx.localDay, at: opts.at }),
    announceQueueChange(db, { mppId, serviceId: ctx.serviceId }),
  ]);
  return ticketView(db, ticket, opts.at, { newVisit: visitId === null, positions });
}

/** The holder's view: position, people ahead and estimated wait while waiting. */
/** `opts.positions`: the MPP's positions when the caller has them already (shared computations). */
export async function ticketView(q: Queryable, t: repo.TicketRow, at: Date, opts: { newVisit?: boolean; positions?: Map<string, Position> } = {}): Promise<TicketView> {
  const positions = t.status === 'waiting' ? (opts.positions ?? (await queuePositions(q, { mppId: t.mppId, localDay: t.localDay, at }))) : undefined;
  // A ticket that just opened its visit is alone in it: skip the query.
  const visit = opts.newVisit ? [] : await repo.listVisitTickets(q, t.mppId, t.visitId);
  return toTicketView(t, positions?.get(t.id), visit);
}

/** The holder's view from what was read: the ticket, its position if waiting, its visit's tickets. */
export function toTicketView(t: repo.TicketRow, pos: Position | undefined, visit: repo.TicketRow[]): TicketView {
  let peopleAhead: number | null = null;
  let estimatedWaitMinutes: number | null = null;
  let estimatedWaitRange: TicketView['estimatedWaitRange'] = null;
  let noCounter: TicketView['noCounter'] = null;
  if (t.status === 'waiting' && pos) {
    peopleAhead = pos.ahead;
    noCounter = pos.noCounter;
    if (pos.waitSeconds !== null) {
      estimatedWaitMinutes = toMinutes(pos.waitSeconds);
      estimatedWaitRange = { lowMinutes: Math.floor(pos.waitLowSeconds! / 60), highMinutes: Math.ceil(pos.waitHighSeconds! / 60) };
    }
  }
  return {
    id: t.id,
    number: t.number,
    status: t.status,
    mpp: { id: t.mppId, name: t.mppName, timezone: t.timezone },
    service: { id: t.serviceId, name: t.serviceName },
    tenantName: t.tenantName,
    priorityClass: t.priorityName,
    channel: t.channel,
    issuedAt: t.issuedAt,
    calledAt: t.calledAt,
    counter: t.counterId ? { id: t.counterId, number: t.counterNumber!, name: t.counterName! } : null,
    peopleAhead,
    estimatedWaitMinutes,
    estimatedWaitRange,
    noCounter,
    statusToken: t.statusToken,
    plate: t.plate,
    holderName: t.holderName,
    surveyCode: printedSurveyCode(t.statusToken),
    visitToken: t.visitToken,
    visitTickets: visit.filter((v) => v.id !== t.id).map((v) => ({ number: v.number, serviceName: v.serviceName, status: v.status })),
  };
}

/**
 * The views of many tickets of one MPP at once, by status token, for the live status streams: one
 * ticket query, one position computation per local day (shared, see shared-positions.ts) and one
 * visit query, however many tokens. Unknown tokens are left out.
 */
export async function statusViews(db: Db, input: { mppId: string; tokens: string[]; at: Date }): Promise<Map<string, TicketView>> {
  const tickets = await repo.findTicketsByStatusTokens(db, input.mppId, input.tokens);
  const days = [...new Set(tickets.filter((t) => t.status === 'waiting').map((t) => t.localDay))];
  const positions = new Map<string, Position>();
  for (const localDay of days) for (const [id, p] of await sharedQueuePositions(db, { mppId: input.mppId, localDay, at: input.at })) positions.set(id, p);
  const visits = await repo.listTicketsOfVisits(db, input.mppId, [...new Set(tickets.map((t) => t.visitId))]);
  return new Map(tickets.map((t) => [t.statusToken, toTicketView(t, positions.get(t.id), visits.get(t.visitId) ?? [])]));
}

/**
 * Positions and waits of every waiting ticket of an MPP's day, from one query and one replay of
 * call-next (positions.ts). Callers that need one ticket pick it from the map.
 */
export async function queuePositions(q: Queryable, input: { mppId: string; localDay: string; at: Date }): Promise<Map<string, Position>> {
  return computePositions(await repo.positionInputs(q, input));
}

/** The holder's view of one ticket by id (the booking check-in prints it again on a second scan). */
export async function ticketViewById(db: Db, input: { mppId: string; ticketId: string; at: Date }): Promise<TicketView> {
  return ticketView(db, await repo.getTicket(db, input.mppId, input.ticketId), input.at);
}

/** @throws AppError not_found for an unknown token. */
export async function statusByToken(ctx: ServiceContext, input: { token: string }): Promise<TicketView> {
  const { db, now: at } = ctx;
  const { token } = input;
  const t = await repo.findTicketByStatusToken(db, token);
  if (!t) throw commonErrors.not_found();
  return ticketView(db, t, at);
}

/**
 * The holder cancels their own ticket from the status page.
 * @throws AppError not_found, invalid_transition (409) once called to serving or finished.
 */
export async function cancelByToken(ctx: ServiceContext, input: { token: string }): Promise<TicketView> {
  const { db, now: at, actor } = ctx;
  const { token } = input;
  const found = await repo.findTicketByStatusToken(db, token);
  if (!found) throw commonErrors.not_found();
  await db.transaction(async (tx) => {
    const t = await repo.getTicket(tx, found.mppId, found.id, { forUpdate: true });
    const to = nextStatus(t.status, 'cancel');
    await repo.applyTransition(tx, { mppId: t.mppId, ticketId: t.id, from: t.status, to, event: 'cancelled', at, actorType: actor.type, actorId: actor.id, note: 'dibatalkan oleh pemegang tiket' }, {
      counterId: null,
    });
    if (t.counterId) await emitTicketDisplay(tx, t, 'done', at);
    else await publish(tx, CHANGED_CHANNEL, { mppId: t.mppId, serviceId: t.serviceId });
  });
  await publishBoardEvents(db, found.mppId);
  return statusByToken(ctx, { token });
}

/** Services, their waiting lines and quotas, and the priority classes: what a kiosk shows (the hall's line). */
export async function queueOffer(ctx: ServiceContext, input: { mppId: string }): Promise<QueueOffer> {
  const { db, now: at } = ctx;
  const { mppId } = input;
  // The kiosk of an MPP not yet published shares this endpoint with the public online-ticket page.
  const { localDay, timezone, name, slug, published } = await repo.localDayOf(db, mppId, at);
  if (!published && !isMppInsider(ctx.principal, mppId)) throw commonErrors.not_found();
  const status = await openingStatus(db, mppId, at);
  const services = await listOfferServices(db, { mppId, localDay });
  const classes = await settingsRepo.listPriorityClasses(db, mppId, true);
  return {
    mpp: { id: mppId, name, timezone, slug },
    open: status.open,
    closedReason: status.open ? null : status.reason,
    nextOpening: status.nextOpening,
    services,
    priorityClasses: classes,
  };
}
