import { randomInt, timingSafeEqual } from 'node:crypto';
import { loadBookingKeys, nikHash as bookingNikHash } from '../booking/keys.js';
import { maskNik } from '../booking/nik.js';
import * as bookings from '../booking/repository.js';
import { dueAfterWorkingDays } from '../calendar/service.js';
import * as catalog from '../catalog/repository.js';
import * as catalogServices from '../catalog/service-repository.js';
import type { ServiceView } from '../catalog/schemas.js';
import { formatTrackingCode, newTrackingCode, normaliseTrackingCode } from '../complaints/tracking-code.js';
import { notify } from '../notifications/notify.js';
import { recordAudit } from '../platform/audit.js';
import { requireDevice, requireStaff, requireTenantRole, tenantScope } from '../platform/auth.js';
import type { ServiceContext } from '../platform/context.js';
import { isUniqueViolation, type Queryable } from '../platform/db.js';
import { commonErrors, invalidTransition } from '../platform/errors.js';
import * as queue from '../queue/repository.js';
import { applicationErrors } from './errors.js';
import { codeHash, nikHash, open as openSealed, seal, type ApplicationKeys } from './keys.js';
import { applicationChanged, pickupCodeMessage, statusLabel } from './messages.js';
import * as offers from './offer-repository.js';
import * as repo from './repository.js';
import type { ApplicationRow, WorkView } from './repository.js';
import type { ActionRequest, ApplicationDetail, ApplicationSummary, OnlineApplicationRequest, OpenApplicationRequest, TrackingView } from './schemas.js';
import { allowedActions, canTransition, DUE_SOON_HOURS, isClosed, isDueSoon, isRunning, TRANSITIONS, waitsForCitizen, type Action, type Party } from './state-machine.js';
import { endGrantsOfApplication } from './wallet-repository.js';
import { grantedDocumentsFor, insertGrants, sniffMediaType } from './wallet-service.js';
import { WALLET_MAX_BYTES } from './wallet-schemas.js';

export { applicationErrors };

/** What the domain needs beyond a request: its keys, the public address for links, the booking secret. */
export interface ApplicationsEnv {
  keys: ApplicationKeys;
  publicUrl: string;
  bookingSecret: string | undefined;
}

export { DUE_SOON_HOURS };
export const PICKUP_CODE_MINUTES = 10;
export const PICKUP_CODE_MAX_ATTEMPTS = 5;
export const PICKUP_CODES_PER_HOUR = 3;

const trackUrl = (env: ApplicationsEnv, code: string) => `${env.publicUrl}/permohonan/${formatTrackingCode(code)}`;

export function summaryOf(a: ApplicationRow, timezone: string, now: Date): ApplicationSummary {
  const running = isRunning(a.status);
  return {
    id: a.id,
    trackingCode: formatTrackingCode(a.tracking_code),
    serviceName: a.service_name,
    tenantName: a.tenant_name,
    status: a.status,
    applicantName: a.applicant_name,
    nikMasked: a.nik_masked,
    channel: a.channel,
    pickup: a.pickup,
    submittedAt: a.submitted_at.toISOString(),
    dueAt: a.due_at.toISOString(),
    overdue: running && a.due_at < now,
    dueSoon: isDueSoon(a.status, a.due_at, now),
    waitingForCitizen: waitsForCitizen(a.status),
    timezone,
  };
}

async function timezoneOf(q: Queryable, mppId: string): Promise<{ name: string; timezone: string }> {
  const mpp = await catalog.findMpp(q, { id: mppId });
  if (!mpp) throw commonErrors.not_found();
  return { name: mpp.name, timezone: mpp.timezone };
}

/** The due instant: the service's completion time in working days on the MPP's calendar and zone. */
export async function dueDateFor(q: Queryable, mppId: string, service: Pick<ServiceView, 'completion'>, from: Date): Promise<{ days: number; dueAt: Date }> {
  if (service.completion.unit === 'working_days' && service.completion.value >= 1) {
    return { days: service.completion.value, dueAt: new Date((await dueAfterWorkingDays(q, mppId, from, service.completion.value)).dueAt) };
  }
  // Done the same visit (minutes): due that many minutes later.
  return { days: 0, dueAt: new Date(from.getTime() + service.completion.value * 60_000) };
}

async function insertWithCode(ctx: ServiceContext, env: ApplicationsEnv, input: Omit<repo.NewApplication, 'tracking_code'>, action: string, alsoInTx?: (tx: Queryable, row: ApplicationRow) => Promise<void>): Promise<ApplicationRow> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await ctx.db.transaction(async (tx) => {
        const row = await repo.insertApplication(tx, { ...input, tracking_code: newTrackingCode() });
        await repo.insertEvent(tx, { mppId: row.mpp_id, applicationId: row.id, at: ctx.now, action, from: null, to: 'submitted', actor: ctx.actor, note: null });
        await recordAudit(tx, ctx.actor, {
          action: 'application.opened', targetType: 'application', targetId: row.id, mppId: row.mpp_id, tenantId: row.tenant_id,
          after: { channel: row.channel, serviceId: row.service_id, fromTicket: !!row.source_ticket_id, fromBooking: !!row.source_booking_id },
        });
        await alsoInTx?.(tx, row);
        await notifyApplicant(tx, env, row);
        return row;
      });
    } catch (err) {
      // A tracking-code collision is astronomically rare; draw a new code rather than fail.
      if (isUniqueViolation(err) && attempt < 3) continue;
      throw err;
    }
  }
}

async function notifyApplicant(tx: Queryable, env: ApplicationsEnv, a: ApplicationRow): Promise<void> {
  const missing = a.missing.map((code) => a.requirements.find((r) => r.typeCode === code)?.name ?? code);
  const message = applicationChanged({
    code: formatTrackingCode(a.tracking_code), serviceName: a.service_name, status: a.status, missing, reason: a.status_reason, pickup: a.pickup, trackUrl: trackUrl(env, a.tracking_code),
  });
  await notify(tx, a.mpp_id, { email: a.contact_email, phone: a.contact_phone }, message);
}

/**
 * An officer opens an application at the counter: from a served ticket, a booking, or directly for a
 * service of their agency. The requirement checklist is the service's Standar Pelayanan of today.
 * @throws AppError not_found, forbidden, application_source_invalid, validation (name missing).
 */
export async function openApplication(ctx: ServiceContext, env: ApplicationsEnv, input: OpenApplicationRequest & { mppId: string }): Promise<ApplicationDetail> {
  requireStaffIn(ctx, input.mppId);
  const { mppId } = input;
  let serviceId = input.serviceId;
  let sourceTicketId: string | null = null;
  let sourceBookingId: string | null = null;
  let contact = { name: input.name, phone: input.phone ?? null, email: input.email ?? null };
  if (input.ticketId) {
    const t = await queue.findTicket(ctx.db, mppId, input.ticketId);
    if (!t || !['serving', 'served'].includes(t.status) || (serviceId && serviceId !== t.serviceId)) throw applicationErrors.application_source_invalid();
    serviceId = t.serviceId;
    sourceTicketId = t.id;
  } else if (input.bookingCode) {
    const b = await bookings.findBookingByCode(ctx.db, mppId, input.bookingCode);
    if (!b || !['booked', 'checked_in'].includes(b.status) || (serviceId && serviceId !== b.serviceId)) throw applicationErrors.application_source_invalid();
    // The NIK typed from the KTP must be the one the booking was made with.
    const keys = await loadBookingKeys(ctx.db, env.bookingSecret);
    if (bookingNikHash(keys, input.nik) !== b.nikHash) throw applicationErrors.application_source_invalid();
    serviceId = b.serviceId;
    sourceBookingId = b.id;
    contact = { name: input.name ?? b.name, phone: input.phone ?? b.phone, email: input.email ?? b.email };
  }
  if (!serviceId) throw applicationErrors.application_input_missing({ action: 'open', fields: ['serviceId'] });
  const service = (await catalogServices.listServices(ctx.db, mppId, { ids: [serviceId] }))[0];
  if (!service) throw commonErrors.not_found();
  requireTenantRole(ctx.principal, mppId, service.tenantId, ['officer', 'tenant_admin']);
  if (!contact.name) throw applicationErrors.application_input_missing({ action: 'open', fields: ['name'] });
  const due = await dueDateFor(ctx.db, mppId, service, ctx.now);
  const row = await insertWithCode(ctx, env, {
    mpp_id: mppId, service_id: service.id, tenant_id: service.tenantId, service_name: service.name, tenant_name: service.tenant.name,
    channel: 'counter', source_ticket_id: sourceTicketId, source_booking_id: sourceBookingId, citizen_id: null,
    nik_hash: nikHash(env.keys, input.nik), nik_masked: maskNik(input.nik), applicant_name: contact.name,
    contact_phone: contact.phone, contact_email: contact.email, requirements: service.requirements,
    completion_days: due.days, submitted_at: ctx.now, due_at: due.dueAt,
  }, 'open');
  return detailOf(ctx, row);
}

/**
 * A signed-in citizen applies online for a service that offers the online channel, optionally letting
 * the agency read some wallet documents for it (in the same transaction: refused, nothing is written).
 * @throws AppError not_found, service_not_online, wallet_document_not_found.
 */
export async function applyOnline(ctx: ServiceContext, env: ApplicationsEnv, input: OnlineApplicationRequest & { citizenId: string; phone: string | null; email: string | null }): Promise<TrackingView> {
  const service = (await catalogServices.listServices(ctx.db, input.mppId, { ids: [input.serviceId], activeOnly: true }))[0];
  if (!service) throw commonErrors.not_found();
  if (!service.channels.includes('online')) throw applicationErrors.service_not_online();
  const due = await dueDateFor(ctx.db, input.mppId, service, ctx.now);
  const row = await insertWithCode(ctx, env, {
    mpp_id: input.mppId, service_id: service.id, tenant_id: service.tenantId, service_name: service.name, tenant_name: service.tenant.name,
    channel: 'online', source_ticket_id: null, source_booking_id: null, citizen_id: input.citizenId,
    nik_hash: nikHash(env.keys, input.nik), nik_masked: maskNik(input.nik), applicant_name: input.name,
    contact_phone: input.phone, contact_email: input.email, requirements: service.requirements,
    completion_days: due.days, submitted_at: ctx.now, due_at: due.dueAt,
  }, 'apply_online', input.grant && ((tx, row) => insertGrants(tx, { ctx, citizenId: input.citizenId }, row, input.grant!)));
  return trackingViewOf(ctx.db, row, ctx.now);
}

/** Staff with an agency or MPP grant in this MPP; others learn nothing. @throws AppError unauthenticated, not_found */
function requireStaffIn(ctx: ServiceContext, mppId: string): 'all' | string[] {
  requireStaff(ctx.principal);
  const scope = tenantScope(ctx.principal, mppId);
  if (scope !== 'all' && scope.length === 0) throw commonErrors.not_found();
  return scope;
}

/** The application, if the caller is staff of its agency (or of the whole MPP). @throws AppError not_found, forbidden */
export async function getForStaff(ctx: ServiceContext, mppId: string, applicationId: string, opts: { forUpdate?: boolean; q?: Queryable } = {}): Promise<ApplicationRow> {
  requireStaffIn(ctx, mppId);
  const a = await repo.findApplication(opts.q ?? ctx.db, mppId, applicationId, opts);
  if (!a) throw commonErrors.not_found();
  requireTenantRole(ctx.principal, mppId, a.tenant_id, ['officer', 'tenant_admin']);
  return a;
}

export async function detailOf(ctx: ServiceContext, a: ApplicationRow): Promise<ApplicationDetail> {
  const { timezone } = await timezoneOf(ctx.db, a.mpp_id);
  const events = await repo.listEvents(ctx.db, a.mpp_id, a.id);
  return {
    ...summaryOf(a, timezone, ctx.now),
    contactPhone: a.contact_phone,
    contactEmail: a.contact_email,
    requirements: a.requirements.map((r) => ({ ...r, missing: a.missing.includes(r.typeCode) })),
    reason: a.status_reason,
    allowedActions: allowedActions(a.status, 'staff'),
    steps: events.map((e) => ({ at: e.at.toISOString(), action: e.action, status: e.to_status, note: e.note, actor: e.actor_label })),
    documents: await grantedDocumentsFor(ctx.db, a, ctx.now),
    product: (await repo.findProductInfo(ctx.db, a.mpp_id, a.id)) ?? null,
    offers: (await offers.offersOfApplications(ctx.db, [{ mppId: a.mpp_id, id: a.id }])).map((o) => ({
      id: o.id, typeCode: o.type_code, fileName: o.file_name, status: o.status, offeredAt: o.offered_at.toISOString(), decidedAt: o.decided_at?.toISOString() ?? null,
    })),
  };
}

/** @throws AppError not_found (another agency's application, learns nothing), forbidden. */
export async function getApplication(ctx: ServiceContext, input: { mppId: string; applicationId: string }): Promise<ApplicationDetail> {
  return detailOf(ctx, await getForStaff(ctx, input.mppId, input.applicationId));
}

/**
 * The agency's work list: open, due soon (within DUE_SOON_HOURS), overdue, waiting for the citizen,
 * or closed. Staff of an agency see their agency's applications; MPP admins see all.
 * @throws AppError unauthenticated, not_found (no grant in this MPP).
 */
export async function workList(ctx: ServiceContext, input: { mppId: string; view: WorkView }): Promise<ApplicationSummary[]> {
  const scope = requireStaffIn(ctx, input.mppId);
  const { timezone } = await timezoneOf(ctx.db, input.mppId);
  const rows = await repo.listApplications(ctx.db, input.mppId, {
    tenantIds: scope === 'all' ? null : scope, view: input.view, now: ctx.now, soonUntil: new Date(ctx.now.getTime() + DUE_SOON_HOURS * 3_600_000), limit: 200,
  });
  return rows.map((a) => summaryOf(a, timezone, ctx.now));
}

function requireFields(action: Action, input: ActionRequest, fields: (keyof ActionRequest)[]): void {
  const missing = fields.filter((f) => input[f] === undefined || (Array.isArray(input[f]) && (input[f] as unknown[]).length === 0));
  if (missing.length) throw applicationErrors.application_input_missing({ action, fields: missing });
}

function patchFor(a: ApplicationRow, action: Action, input: ActionRequest, now: Date): repo.ApplicationPatch {
  switch (action) {
    case 'return_incomplete': {
      requireFields(action, input, ['missing']);
      const unknown = input.missing!.filter((c) => !a.requirements.some((r) => r.typeCode === c));
      if (unknown.length) throw applicationErrors.application_missing_unknown({ typeCodes: unknown });
      return { missing: [...new Set(input.missing!)] };
    }
    case 'check':
    case 'resubmit':
      return { missing: [] };
    case 'refuse':
      requireFields(action, input, ['reason']);
      return { status_reason: input.reason!, closed_at: now };
    case 'mark_ready':
      requireFields(action, input, ['pickup']);
      return { pickup: input.pickup!, ready_at: now };
    case 'collect':
      return { closed_at: now };
    case 'process':
      return {};
  }
}

/** One step in one transaction: status, event row, audit entry and the applicant's messages. */
async function applyAction(ctx: ServiceContext, env: ApplicationsEnv, party: Party, a: { mpp_id: string; id: string }, action: Action, input: ActionRequest, check?: (row: ApplicationRow) => void): Promise<ApplicationRow> {
  if (!TRANSITIONS[action].by.includes(party)) throw commonErrors.forbidden();
  return ctx.db.transaction(async (tx) => {
    const row = await repo.findApplication(tx, a.mpp_id, a.id, { forUpdate: true });
    if (!row) throw commonErrors.not_found();
    check?.(row);
    if (!canTransition(action, row.status)) throw invalidTransition(action, row.status, allowedActions(row.status, party));
    const patch = patchFor(row, action, input, ctx.now);
    const updated = await repo.updateStatusIf(tx, row.mpp_id, row.id, TRANSITIONS[action].from, TRANSITIONS[action].to, patch, ctx.now);
    if (!updated) throw invalidTransition(action, row.status, allowedActions(row.status, party));
    const publicNote = action === 'refuse' ? input.reason! : action === 'return_incomplete' ? updated.missing.join(', ') : null;
    await repo.insertEvent(tx, { mppId: row.mpp_id, applicationId: row.id, at: ctx.now, action, from: row.status, to: updated.status, actor: ctx.actor, note: publicNote });
    await recordAudit(tx, ctx.actor, {
      action: `application.${action}`, targetType: 'application', targetId: row.id, mppId: row.mpp_id, tenantId: row.tenant_id,
      before: { status: row.status }, after: { status: updated.status, ...(patch.pickup ? { pickup: patch.pickup } : {}), ...(patch.missing?.length ? { missing: patch.missing } : {}) },
    });
    // Data minimisation (UU PDP): once collected or refused, the agency's access to shared documents ends.
    if (isClosed(updated.status)) await endGrantsOfApplication(tx, updated.mpp_id, updated.id, ctx.now);
    await notifyApplicant(tx, env, updated);
    return updated;
  });
}

/**
 * A step taken by the agency's staff. 409 names the allowed steps when it is not allowed now.
 * @throws AppError not_found, forbidden, invalid_transition, application_input_missing, application_missing_unknown.
 */
export async function staffAction(ctx: ServiceContext, env: ApplicationsEnv, input: { mppId: string; applicationId: string; action: Action; body: ActionRequest }): Promise<ApplicationDetail> {
  const a = await getForStaff(ctx, input.mppId, input.applicationId);
  return detailOf(ctx, await applyAction(ctx, env, 'staff', a, input.action, input.body));
}

export async function trackingViewOf(q: Queryable, a: ApplicationRow, now: Date): Promise<TrackingView> {
  const mpp = await timezoneOf(q, a.mpp_id);
  const events = await repo.listEvents(q, a.mpp_id, a.id);
  return {
    trackingCode: formatTrackingCode(a.tracking_code),
    serviceName: a.service_name,
    tenantName: a.tenant_name,
    mppName: mpp.name,
    timezone: mpp.timezone,
    status: a.status,
    statusLabel: statusLabel(a.status, 'id'),
    missing: a.missing.map((code) => ({ typeCode: code, name: a.requirements.find((r) => r.typeCode === code)?.name ?? code })),
    pickup: a.pickup,
    reason: a.status_reason,
    submittedAt: a.submitted_at.toISOString(),
    dueAt: a.due_at.toISOString(),
    overdue: isRunning(a.status) && a.due_at < now,
    steps: events.map((e) => ({ at: e.at.toISOString(), action: e.action, status: e.to_status, note: e.action === 'refuse' || e.action === 'return_incomplete' ? e.note : null })),
  };
}

/** Public tracking by code. @throws AppError application_code_unknown */
export async function track(ctx: Pick<ServiceContext, 'db' | 'now'>, input: { code: string }): Promise<TrackingView> {
  const code = normaliseTrackingCode(input.code);
  if (!code) throw applicationErrors.application_code_unknown();
  return trackingViewOf(ctx.db, await repo.getByTrackingCode(ctx.db, code), ctx.now);
}

// --- kiosk pickup -----------------------------------------------------------------------------

function maskPhone(phone: string): string {
  return `${phone.slice(0, 5)}${'*'.repeat(Math.max(0, phone.length - 8))}${phone.slice(-3)}`;
}

/** The application a kiosk caller names with code + NIK, ready for kiosk pickup in this MPP; one answer for every mismatch. */
async function pickupTarget(ctx: ServiceContext, env: ApplicationsEnv, q: Queryable, input: { mppId: string; code: string; nik: string }): Promise<ApplicationRow> {
  requireDevice(ctx.principal, input.mppId, ['kiosk']);
  const code = normaliseTrackingCode(input.code);
  const a = code ? await repo.getByTrackingCode(q, code).catch(() => undefined) : undefined;
  const given = Buffer.from(nikHash(env.keys, input.nik));
  const matches = !!a && a.mpp_id === input.mppId && given.length === Buffer.from(a.nik_hash).length && timingSafeEqual(given, Buffer.from(a.nik_hash));
  if (!a || !matches || a.status !== 'ready' || a.pickup !== 'kiosk') {
    // Each refused attempt is kept (which application, why; never the NIK typed) for the MPP to review.
    const why = !a || a.mpp_id !== input.mppId ? 'unknown_code' : !matches ? 'nik_mismatch' : 'not_ready_for_kiosk';
    await recordAudit(q, ctx.actor, { action: 'application.pickup_refused', targetType: 'application', targetId: a && a.mpp_id === input.mppId ? a.id : null, mppId: input.mppId, after: { reason: why } });
    throw applicationErrors.pickup_refused();
  }
  return a;
}

/**
 * Kiosk pickup, step 1: code + NIK; sends a one-time code to the phone on record.
 * @throws AppError pickup_refused, pickup_no_phone, code_rate_limited-like pickup_refused after too many codes.
 */
export async function startPickup(ctx: ServiceContext, env: ApplicationsEnv, input: { mppId: string; code: string; nik: string }) {
  const a = await pickupTarget(ctx, env, ctx.db, input);
  if (!a.contact_phone) throw applicationErrors.pickup_no_phone();
  if ((await repo.countPickupCodesSince(ctx.db, a.mpp_id, a.id, new Date(ctx.now.getTime() - 3_600_000))) >= PICKUP_CODES_PER_HOUR) throw applicationErrors.pickup_refused();
  const otp = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAt = new Date(ctx.now.getTime() + PICKUP_CODE_MINUTES * 60_000);
  await ctx.db.transaction(async (tx) => {
    await repo.insertPickupCode(tx, { mppId: a.mpp_id, applicationId: a.id, codeHash: codeHash(env.keys, a.id, otp), at: ctx.now, expiresAt });
    await notify(tx, a.mpp_id, { phone: a.contact_phone }, pickupCodeMessage({ code: formatTrackingCode(a.tracking_code), otp }));
  });
  return { trackingCode: formatTrackingCode(a.tracking_code), serviceName: a.service_name, phoneMasked: maskPhone(a.contact_phone), expiresAt: expiresAt.toISOString() };
}

/**
 * Kiosk pickup, step 2: code + NIK + one-time code; marks the application collected.
 * @throws AppError pickup_refused, pickup_code_invalid, invalid_transition.
 */
export async function collectAtKiosk(ctx: ServiceContext, env: ApplicationsEnv, input: { mppId: string; code: string; nik: string; otp: string }) {
  const a = await pickupTarget(ctx, env, ctx.db, input);
  const ok = await ctx.db.transaction(async (tx) => {
    const live = await repo.findLivePickupCode(tx, a.mpp_id, a.id, ctx.now);
    if (!live) return false;
    const given = Buffer.from(codeHash(env.keys, a.id, input.otp));
    if (given.length !== Buffer.from(live.code_hash).length || !timingSafeEqual(given, Buffer.from(live.code_hash))) {
      await repo.failPickupCode(tx, a.mpp_id, live.id, PICKUP_CODE_MAX_ATTEMPTS, ctx.now);
      return false;
    }
    await repo.usePickupCode(tx, a.mpp_id, live.id, ctx.now);
    return true;
  });
  if (!ok) {
    await recordAudit(ctx.db, ctx.actor, { action: 'application.pickup_refused', targetType: 'application', targetId: a.id, mppId: a.mpp_id, tenantId: a.tenant_id, after: { reason: 'one_time_code_invalid' } });
    throw applicationErrors.pickup_code_invalid();
  }
  const done = await applyAction(ctx, env, 'kiosk', a, 'collect', {});
  const hasProduct = !!(await repo.findProductInfo(ctx.db, done.mpp_id, done.id));
  return { trackingCode: formatTrackingCode(done.tracking_code), serviceName: done.service_name, status: done.status, collectedAt: ctx.now.toISOString(), hasProduct };
}

/** How long after collecting at the kiosk its product can still be printed there. */
export const PRINT_MINUTES = 30;

/**
 * The agency attaches the printable product (PDF) of an application, for the kiosk to print at pickup.
 * @throws AppError not_found, forbidden, application_closed, product_not_pdf.
 */
export async function attachProduct(ctx: ServiceContext, env: ApplicationsEnv, input: { mppId: string; applicationId: string; fileName: string; content: Buffer }): Promise<ApplicationDetail> {
  const a = await getForStaff(ctx, input.mppId, input.applicationId);
  if (isClosed(a.status)) throw applicationErrors.application_closed();
  if (input.content.length === 0 || input.content.length > WALLET_MAX_BYTES || sniffMediaType(input.content) !== 'application/pdf') throw applicationErrors.product_not_pdf();
  await ctx.db.transaction(async (tx) => {
    await repo.upsertProduct(tx, { mppId: a.mpp_id, applicationId: a.id, fileName: input.fileName, sizeBytes: input.content.length, sealed: seal(env.keys, `product:${a.id}`, input.content), at: ctx.now });
    await recordAudit(tx, ctx.actor, { action: 'application.product_attached', targetType: 'application', targetId: a.id, mppId: a.mpp_id, tenantId: a.tenant_id, after: { sizeBytes: input.content.length } });
  });
  return detailOf(ctx, a);
}

/**
 * The kiosk prints the product right after the applicant collected the application there (code + NIK
 * again, within PRINT_MINUTES). @throws AppError pickup_refused
 */
export async function productForKiosk(ctx: ServiceContext, env: ApplicationsEnv, input: { mppId: string; code: string; nik: string }): Promise<{ fileName: string; mediaType: string; content: Buffer }> {
  requireDevice(ctx.principal, input.mppId, ['kiosk']);
  const code = normaliseTrackingCode(input.code);
  const a = code ? await repo.getByTrackingCode(ctx.db, code).catch(() => undefined) : undefined;
  const given = Buffer.from(nikHash(env.keys, input.nik));
  const matches = !!a && a.mpp_id === input.mppId && given.length === Buffer.from(a.nik_hash).length && timingSafeEqual(given, Buffer.from(a.nik_hash));
  const recent = !!a?.closed_at && ctx.now.getTime() - a.closed_at.getTime() <= PRINT_MINUTES * 60_000;
  const product = a && matches && a.status === 'collected' && a.pickup === 'kiosk' && recent ? await repo.readProduct(ctx.db, a.mpp_id, a.id) : undefined;
  if (!a || !product) throw applicationErrors.pickup_refused();
  await recordAudit(ctx.db, ctx.actor, { action: 'application.product_printed', targetType: 'application', targetId: a.id, mppId: a.mpp_id, tenantId: a.tenant_id });
  return { fileName: product.fileName, mediaType: 'application/pdf', content: openSealed(env.keys, `product:${a.id}`, product.sealed) };
}
