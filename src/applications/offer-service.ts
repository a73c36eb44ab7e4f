import { randomUUID } from 'node:crypto';
import * as catalog from '../catalog/repository.js';
import { formatTrackingCode } from '../complaints/tracking-code.js';
import { notify } from '../notifications/notify.js';
import { recordAudit } from '../platform/audit.js';
import type { ServiceContext } from '../platform/context.js';
import { walletErrors } from './errors.js';
import { open, seal, type ApplicationKeys } from './keys.js';
import { documentOffered } from './messages.js';
import * as offers from './offer-repository.js';
import type { ApplicationDetail } from './schemas.js';
import { detailOf, getForStaff, type ApplicationsEnv } from './service.js';
import * as wallet from './wallet-repository.js';
import { applicationsOf, listDocuments, sniffMediaType, typeNames, type CitizenCtx } from './wallet-service.js';
import { WALLET_MAX_BYTES, type WalletDocument, type WalletOffer } from './wallet-schemas.js';

/** How long the applicant has to consent to a document the agency added; then it expires and is deleted. */
export const OFFER_DAYS = 30;

const offerAad = (offerId: string) => `offer:${offerId}`;

/**
 * The handling agency adds a document for the applicant's wallet (e.g. the issued certificate). It is
 * held encrypted as an offer and reaches the wallet only when the applicant consents; the applicant
 * is told through the outbox. Checked by content like the citizen's uploads.
 * @throws AppError not_found, forbidden, wallet_offer_refused_application, wallet_file_missing,
 *   wallet_file_too_large, wallet_file_type_refused, wallet_type_unknown.
 */
export async function offerDocument(ctx: ServiceContext, env: ApplicationsEnv, input: { mppId: string; applicationId: string; typeCode: string; fileName: string; content: Buffer }): Promise<ApplicationDetail> {
  const a = await getForStaff(ctx, input.mppId, input.applicationId);
  if (a.status === 'refused') throw walletErrors.wallet_offer_refused_application();
  if (!input.content.length) throw walletErrors.wallet_file_missing();
  if (input.content.length > WALLET_MAX_BYTES) throw walletErrors.wallet_file_too_large({ maxMb: WALLET_MAX_BYTES / 1024 / 1024 });
  const mediaType = sniffMediaType(input.content);
  if (!mediaType) throw walletErrors.wallet_file_type_refused();
  const names = await typeNames(ctx.db);
  const typeName = names.get(input.typeCode);
  if (!typeName) throw walletErrors.wallet_type_unknown({ typeCode: input.typeCode });
  const id = randomUUID();
  const fileName = input.fileName.replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 200) || 'dokumen';
  await ctx.db.transaction(async (tx) => {
    await offers.insertOffer(tx, {
      mppId: a.mpp_id, id, applicationId: a.id, tenantId: a.tenant_id, tenantName: a.tenant_name, typeCode: input.typeCode, fileName, mediaType,
      sizeBytes: input.content.length, sealed: seal(env.keys, offerAad(id), input.content), at: ctx.now,
      expiresAt: new Date(ctx.now.getTime() + OFFER_DAYS * 86_400_000), offeredBy: ctx.principal.kind === 'staff' ? ctx.principal.userId : null,
    });
    await recordAudit(tx, ctx.actor, { action: 'wallet.document_offered', targetType: 'wallet_offer', targetId: id, mppId: a.mpp_id, tenantId: a.tenant_id, after: { applicationId: a.id, typeCode: input.typeCode, mediaType, sizeBytes: input.content.length } });
    await notify(tx, a.mpp_id, { email: a.contact_email, phone: a.contact_phone }, documentOffered({
      tenantName: a.tenant_name, typeName, code: formatTrackingCode(a.tracking_code), walletUrl: `${env.publicUrl}/dokumen-saya`, days: OFFER_DAYS,
    }));
  });
  return detailOf(ctx, a);
}

/** Documents agencies added for the citizen's applications: pending ones first, then the decided. */
export async function myOffers(c: CitizenCtx): Promise<WalletOffer[]> {
  const apps = await applicationsOf(c.ctx.db, c.citizenId);
  const byId = new Map(apps.map((a) => [a.id, a]));
  const names = await typeNames(c.ctx.db);
  const zones = new Map<string, string>();
  const rows = await offers.offersOfApplications(c.ctx.db, apps.map((a) => ({ mppId: a.mpp_id, id: a.id })));
  for (const r of rows) if (!zones.has(r.mpp_id)) zones.set(r.mpp_id, (await catalog.findMpp(c.ctx.db, { id: r.mpp_id }))?.timezone ?? 'Asia/Jakarta');
  const pendingNow = (r: offers.OfferRow) => r.status === 'pending' && r.expires_at > c.ctx.now;
  return rows
    .map((r) => ({
      id: r.id, applicationCode: formatTrackingCode(byId.get(r.application_id)!.tracking_code), serviceName: byId.get(r.application_id)!.service_name,
      tenantName: r.tenant_name, typeCode: r.type_code, typeName: names.get(r.type_code) ?? r.type_code, fileName: r.file_name, mediaType: r.media_type,
      sizeBytes: r.size_bytes, status: pendingNow(r) ? r.status : r.status === 'pending' ? ('expired' as const) : r.status,
      offeredAt: r.offered_at.toISOString(), expiresAt: r.expires_at.toISOString(), decidedAt: r.decided_at?.toISOString() ?? null, timezone: zones.get(r.mpp_id)!,
    }))
    .sort((x, y) => Number(y.status === 'pending') - Number(x.status === 'pending'));
}

async function offerOf(c: CitizenCtx, offerId: string): Promise<offers.OfferRow> {
  const apps = await applicationsOf(c.ctx.db, c.citizenId);
  const o = (await offers.offersOfApplications(c.ctx.db, apps.map((a) => ({ mppId: a.mpp_id, id: a.id })))).find((x) => x.id === offerId);
  if (!o) throw walletErrors.wallet_offer_not_found();
  return o;
}

/**
 * The citizen consents: the document is copied into their wallet (sealed under its new id) and the
 * offer's own copy is deleted, in one transaction. One decision wins when two arrive together.
 * @throws AppError wallet_offer_not_found, wallet_offer_decided.
 */
export async function acceptOffer(c: CitizenCtx, keys: ApplicationKeys, input: { offerId: string }): Promise<WalletDocument[]> {
  const o = await offerOf(c, input.offerId);
  await c.ctx.db.transaction(async (tx) => {
    const taken = await offers.decideOffer(tx, { mppId: o.mpp_id, id: o.id, status: 'accepted', citizenId: c.citizenId, at: c.ctx.now });
    if (!taken) throw walletErrors.wallet_offer_decided();
    const content = open(keys, offerAad(o.id), taken.sealed);
    const documentId = randomUUID();
    await wallet.insertDocument(tx, {
      id: documentId, citizenId: c.citizenId, typeCode: o.type_code, fileName: o.file_name, mediaType: o.media_type, sizeBytes: content.length,
      sealed: seal(keys, documentId, content), at: c.ctx.now, sourceTenantName: o.tenant_name,
    });
    await offers.linkDocument(tx, o.mpp_id, o.id, documentId);
    await recordAudit(tx, { ...c.ctx.actor, type: 'citizen', id: c.citizenId }, { action: 'wallet.offer_accepted', targetType: 'wallet_offer', targetId: o.id, mppId: o.mpp_id, tenantId: o.tenant_id, after: { documentId, typeCode: o.type_code } });
  });
  return listDocuments(c);
}

/** The citizen declines: the offer's copy is deleted. @throws AppError wallet_offer_not_found, wallet_offer_decided. */
export async function declineOffer(c: CitizenCtx, input: { offerId: string }): Promise<void> {
  const o = await offerOf(c, input.offerId);
  await c.ctx.db.transaction(async (tx) => {
    if (!(await offers.decideOffer(tx, { mppId: o.mpp_id, id: o.id, status: 'declined', citizenId: c.citizenId, at: c.ctx.now }))) throw walletErrors.wallet_offer_decided();
    await recordAudit(tx, { ...c.ctx.actor, type: 'citizen', id: c.citizenId }, { action: 'wallet.offer_declined', targetType: 'wallet_offer', targetId: o.id, mppId: o.mpp_id, tenantId: o.tenant_id, after: { typeCode: o.type_code } });
  });
}
