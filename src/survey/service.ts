import { recordAudit } from '../platform/audit.js';
import type { ServiceContext } from '../platform/context.js';
import { requireDevice, requireMppRole, requireTenantRole, type Principal } from '../platform/auth.js';
import type { Db, Queryable } from '../platform/db.js';
import { commonErrors } from '../platform/errors.js';
import { localDay } from './periods.js';
import { ensureTokenForServedTicket, findServedBooking } from './queue-link.js';
import { findServedTicket } from './queue-repository.js';
import { hashCode, issueSurveyToken, reissueSurveyCode } from './tokens.js';
import { PROFILE_LABELS, UNSUR } from './questionnaire.js';
import * as repo from './repository.js';
import { UNSUR_KEYS, type AnswerLabel, type HandoffRequest, type IssuedToken, type IssueTokenRequest, type SubmitSurveyRequest, type SurveyForm, type TabletState, type TabletSubmitRequest, type TabletView } from './schemas.js';
import { surveyErrors } from './errors.js';

export { surveyErrors };

/** How long a finished ticket waits on the counter's tablet. */
export const HANDOFF_MINUTES = 15;

/**
 * Issues a code through the API, shown once (for a booking served at a counter, or a ticket whose
 * code was not handed out: asking again for an unanswered source gives a fresh code and voids the old). The ticket, or the
 * ticket a checked-in booking became, must have been served in the queue. Staff of the service's tenant, or MPP admins.
 * @throws AppError 401/403/404 by scope, not_found for an unknown service.
 */
export async function issueTokenByStaff(ctx: ServiceContext, input: { mppId: string } & IssueTokenRequest): Promise<IssuedToken> {
  const { db, principal, now } = ctx;
  const { mppId, ...body } = input;
  requireMppRole(principal, mppId, ['mpp_admin', 'tenant_admin', 'officer']);
  const service = await repo.getService(db, mppId, body.serviceId);
  requireTenantRole(principal, mppId, service.tenant_id, ['tenant_admin', 'officer']);
  let servedAt = body.servedAt ? new Date(body.servedAt) : now;
  // The source must really have been served, for this service: a code already made for a served
  // source (by the queue or the booking check-in) is re-issued; otherwise the queue's record of the
  // ticket, or of the ticket a checked-in booking became, decides. A caller's word never does
  // (officers could otherwise mint codes for made-up bookings and inflate the IKM).
  const existing = await repo.findTokenBySource(db, mppId, body.sourceKind, body.sourceId);
  if (existing?.served_at) {
    if (existing.service_id !== body.serviceId) throw commonErrors.not_found();
    servedAt = existing.served_at;
  } else {
    const served = body.sourceKind === 'booking' ? await findServedBooking(db, mppId, body.sourceId) : await findServedTicket(db, { mppId, ticketId: body.sourceId });
    if (!served) throw surveyErrors.survey_not_served();
    if (served.serviceId !== body.serviceId) throw commonErrors.not_found();
    servedAt = served.servedAt;
  }
  return db.transaction(async (tx) => {
    const issued = await issueSurveyToken(tx, { mppId, sourceKind: body.sourceKind, sourceId: body.sourceId, serviceId: body.serviceId, servedAt });
    const fresh = issued.code ? { code: issued.code, served: issued.served } : await reissueSurveyCode(tx, { mppId, sourceKind: body.sourceKind, sourceId: body.sourceId });
    if (!fresh) throw surveyErrors.survey_already_answered();
    return { token: fresh.code, surveyPath: `/survei/${fresh.code}`, served: fresh.served };
  });
}

async function formFor(q: Queryable, token: repo.TokenContext): Promise<SurveyForm> {
  const overrides = await repo.listLabels(q, token.mpp_id, token.service_id);
  const label = (unsur: number, score: number) => overrides.find((o) => o.unsur === unsur && o.score === score);
  return {
    mppName: token.mpp_name,
    tenantName: token.tenant_name,
    serviceName: token.service_name,
    questions: UNSUR.map((u, i) => ({
      code: u.code,
      key: UNSUR_KEYS[i]!,
      name: u.name,
      question: u.question,
      answers: u.answers.map((a, s) => {
        const o = label(i + 1, s + 1);
        return { score: s + 1, label: o ? { id: o.labelId, en: o.labelEn } : a };
      }),
    })),
    profileOptions: PROFILE_LABELS,
  };
}

function explainUnusable(token: repo.TokenContext | undefined): never {
  if (!token) throw surveyErrors.survey_token_unknown();
  if (!token.served_at) throw surveyErrors.survey_not_served();
  throw surveyErrors.survey_already_answered();
}

/**
 * The questionnaire for a code from a ticket or a link.
 * @throws AppError survey_token_unknown (404), survey_not_served / survey_already_answered (409).
 */
export async function getFormByCode(ctx: ServiceContext, input: { code: string }): Promise<SurveyForm> {
  const { db } = ctx;
  const { code } = input;
  const token = await repo.findTokenByHash(db, hashCode(code));
  if (!token || !token.served_at || token.responded) explainUnusable(token);
  return formFor(db, token);
}

async function storeResponse(tx: Queryable, token: repo.TokenRow & { timezone: string }, channel: 'tablet' | 'kiosk' | 'link', body: SubmitSurveyRequest): Promise<void> {
  await repo.insertResponse(tx, {
    mppId: token.mpp_id,
    tenantId: token.tenant_id,
    serviceId: token.service_id,
    servedOn: localDay(token.served_at!, token.timezone),
    channel,
    answers: body.answers,
    profile: body.profile,
    suggestion: body.suggestion?.trim() || null,
  });
}

/**
 * Records one anonymous response for a code; a kiosk device submits as channel 'kiosk'.
 * No audit entry and no instant are written: they would tie the answer to the ticket.
 * @throws AppError survey_token_unknown (404), survey_not_served / survey_already_answered (409).
 */
export async function submitByCode(ctx: ServiceContext, input: { code: string } & SubmitSurveyRequest): Promise<void> {
  const { db, principal } = ctx;
  const { code, ...body } = input;
  const hash = hashCode(code);
  const claimed = await db.transaction(async (tx) => {
    const token = await repo.claimToken(tx, { tokenHash: hash });
    if (!token) return false;
    if (principal.kind === 'device' && principal.mppId !== token.mpp_id) throw surveyErrors.survey_token_unknown();
    await storeResponse(tx, token, principal.kind === 'device' && principal.deviceKind === 'kiosk' ? 'kiosk' : 'link', body);
    return true;
  });
  if (!claimed) explainUnusable(await repo.findTokenByHash(db, hash));
}

// ---- the counter tablet ----

/**
 * The officer console hands the ticket it just finished to its counter's tablet.
 * @throws AppError 401/403/404 by scope, survey_not_served, survey_already_answered, survey_counter_mismatch.
 */
export async function handOffToTablet(ctx: ServiceContext, input: { mppId: string; counterId: string } & HandoffRequest): Promise<{ counterId: string; expiresAt: string }> {
  const { db, principal, now } = ctx;
  const { mppId, counterId, ...body } = input;
  requireMppRole(principal, mppId, ['mpp_admin', 'tenant_admin', 'officer']);
  const counter = await repo.findCounter(db, mppId, counterId);
  if (!counter) throw commonErrors.not_found();
  requireTenantRole(principal, mppId, counter.tenant_id, ['tenant_admin', 'officer']);
  let token = await repo.findTokenBySource(db, mppId, body.sourceKind, body.sourceId);
  if ((!token || !token.served_at) && body.sourceKind === 'ticket' && (await ensureTokenForServedTicket(db, mppId, body.sourceId))) {
    token = await repo.findTokenBySource(db, mppId, body.sourceKind, body.sourceId);
  }
  if (!token || !token.served_at) throw surveyErrors.survey_not_served();
  if (token.responded) throw surveyErrors.survey_already_answered();
  if (token.tenant_id !== counter.tenant_id) throw surveyErrors.survey_counter_mismatch();
  const expiresAt = new Date(now.getTime() + HANDOFF_MINUTES * 60_000);
  await repo.upsertHandoff(db, mppId, counterId, token.id, expiresAt);
  return { counterId, expiresAt: expiresAt.toISOString() };
}

async function tabletOf(db: Db, principal: Principal, mppId: string) {
  const device = requireDevice(principal, mppId, ['kiosk']);
  const tablet = await repo.findTablet(db, mppId, device.deviceId);
  if (!tablet) throw surveyErrors.survey_tablet_unpaired();
  return tablet;
}

/**
 * What the tablet shows: its counter and the survey of the ticket just finished there, if any.
 * @throws AppError 401/403/404 unless a kiosk device of the MPP; survey_tablet_unpaired (409).
 */
export async function getTabletState(ctx: ServiceContext, input: { mppId: string }): Promise<TabletState> {
  const { db, principal, now } = ctx;
  const { mppId } = input;
  const tablet = await tabletOf(db, principal, mppId);
  const counter = { id: tablet.counter_id, number: tablet.counter_number, name: tablet.counter_name };
  const handoff = await repo.findHandoff(db, mppId, tablet.counter_id, now);
  const token = handoff ? await repo.findTokenById(db, mppId, handoff.token_id) : undefined;
  if (!handoff || !token || token.responded) return { counter, pending: null };
  return { counter, pending: { handoffId: handoff.id, form: await formFor(db, token) } };
}

/**
 * Records the response typed on the tablet for the handed-off ticket.
 * @throws AppError survey_handoff_gone (409) when it was answered, replaced or expired.
 */
export async function submitFromTablet(ctx: ServiceContext, input: { mppId: string } & TabletSubmitRequest): Promise<void> {
  const { db, principal, now } = ctx;
  const { mppId, ...body } = input;
  const tablet = await tabletOf(db, principal, mppId);
  await db.transaction(async (tx) => {
    const handoff = await repo.takeHandoff(tx, mppId, tablet.counter_id, body.handoffId, now);
    if (!handoff) throw surveyErrors.survey_handoff_gone();
    const token = await repo.claimToken(tx, { mppId, tokenId: handoff.token_id });
    if (!token) throw surveyErrors.survey_already_answered();
    await storeResponse(tx, token, 'tablet', body);
  });
}

export async function listTablets(ctx: ServiceContext, input: { mppId: string }): Promise<TabletView[]> {
  const { db, principal } = ctx;
  const { mppId } = input;
  requireMppRole(principal, mppId, ['mpp_admin']);
  return (await repo.listTablets(db, mppId)).map(toTabletView);
}

const toTabletView = (r: Awaited<ReturnType<typeof repo.listTablets>>[number]): TabletView => ({
  deviceId: r.device_id,
  deviceName: r.device_name,
  counterId: r.counter_id,
  counterNumber: r.counter_number,
  counterName: r.counter_name,
});

/**
 * Pairs a kiosk device with a counter as its survey tablet (re-pairing moves it).
 * @throws AppError 401/403/404 unless MPP admin; survey_device_not_kiosk, survey_unknown_counter (400).
 */
export async function pairTablet(ctx: ServiceContext, input: { mppId: string; deviceId: string; counterId: string }): Promise<TabletView> {
  const { db, principal, actor } = ctx;
  const { mppId, deviceId, counterId } = input;
  requireMppRole(principal, mppId, ['mpp_admin']);
  const kind = await repo.findDeviceKind(db, mppId, deviceId);
  if (!kind) throw commonErrors.not_found();
  if (kind !== 'kiosk') throw surveyErrors.survey_device_not_kiosk();
  if (!(await repo.findCounter(db, mppId, counterId))) throw surveyErrors.survey_unknown_counter();
  return db.transaction(async (tx) => {
    const before = await repo.findTablet(tx, mppId, deviceId);
    await repo.bindTablet(tx, mppId, deviceId, counterId);
    const after = (await repo.findTablet(tx, mppId, deviceId))!;
    await recordAudit(tx, actor, { action: 'survey.tablet_paired', targetType: 'device', targetId: deviceId, mppId, before: before ?? null, after });
    return toTabletView(after);
  });
}

export async function unpairTablet(ctx: ServiceContext, input: { mppId: string; deviceId: string }): Promise<void> {
  const { db, principal, actor } = ctx;
  const { mppId, deviceId } = input;
  requireMppRole(principal, mppId, ['mpp_admin']);
  await db.transaction(async (tx) => {
    if (!(await repo.unbindTablet(tx, mppId, deviceId))) throw commonErrors.not_found();
    await recordAudit(tx, actor, { action: 'survey.tablet_unpaired', targetType: 'device', targetId: deviceId, mppId });
  });
}

// ---- answer wording per service ----

export async function getLabels(ctx: ServiceContext, input: { mppId: string; serviceId: string }): Promise<AnswerLabel[]> {
  const { db, principal } = ctx;
  const { mppId, serviceId } = input;
  requireMppRole(principal, mppId, ['mpp_admin', 'tenant_admin']);
  const service = await repo.getService(db, mppId, serviceId);
  requireTenantRole(principal, mppId, service.tenant_id, ['tenant_admin']);
  return repo.listLabels(db, mppId, serviceId);
}

/**
 * Replaces a service's reworded answer labels (an empty list restores the regulation's wording).
 * @throws AppError 401/403/404 by scope; survey_duplicate_label (400).
 */
export async function setLabels(ctx: ServiceContext, input: { mppId: string; serviceId: string; labels: AnswerLabel[] }): Promise<AnswerLabel[]> {
  const { db, principal, actor } = ctx;
  const { mppId, serviceId, labels } = input;
  requireMppRole(principal, mppId, ['mpp_admin', 'tenant_admin']);
  const service = await repo.getService(db, mppId, serviceId);
  requireTenantRole(principal, mppId, service.tenant_id, ['tenant_admin']);
  const seen = new Set<string>();
  for (const l of labels) {
    const k = `${l.unsur}:${l.score}`;
    if (seen.has(k)) throw surveyErrors.survey_duplicate_label({ unsur: `U${l.unsur}`, score: l.score });
    seen.add(k);
  }
  return db.transaction(async (tx) => {
    const before = await repo.listLabels(tx, mppId, serviceId);
    await repo.replaceLabels(tx, mppId, serviceId, labels);
    const after = await repo.listLabels(tx, mppId, serviceId);
    await recordAudit(tx, actor, { action: 'survey.labels_updated', targetType: 'service', targetId: serviceId, mppId, tenantId: service.tenant_id, before, after });
    return after;
  });
}
