import { randomUUID } from 'node:crypto';
import * as citizens from '../citizen/repository.js';
import * as catalog from '../catalog/repository.js';
import * as catalogServices from '../catalog/service-repository.js';
import { formatTrackingCode, normaliseTrackingCode } from '../complaints/tracking-code.js';
import { recordAudit } from '../platform/audit.js';
import { requireStaff, requireTenantRole } from '../platform/auth.js';
import type { ServiceContext } from '../platform/context.js';
import type { Queryable } from '../platform/db.js';
import { commonErrors } from '../platform/errors.js';
import { applicationErrors, walletErrors } from './errors.js';
import { open, seal, type ApplicationKeys } from './keys.js';
import { statusLabel } from './messages.js';
import * as repo from './repository.js';
import type { ApplicationRow } from './repository.js';
import { isClosed, isDueSoon, isRunning } from './state-machine.js';
import * as wallet from './wallet-repository.js';
import { WALLET_MAX_BYTES, type WalletDocument } from './wallet-schemas.js';

export { walletErrors };

/** The signed-in citizen, as the wallet's functions are given it. */
export interface CitizenCtx {
  ctx: ServiceContext;
  citizenId: string;
}

const MEDIA: { type: 'application/pdf' | 'image/jpeg' | 'image/png'; magic: number[] }[] = [
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The media type by the file's first bytes, whatever its name or declared type says. */
export function sniffMediaType(content: Buffer): (typeof MEDIA)[number]['type'] | undefined {
  return MEDIA.find((m) => content.length >= m.magic.length && m.magic.every((b, i) => content[i] === b))?.type;
}

export async function typeNames(q: Queryable): Promise<Map<string, string>> {
  return new Map((await catalogServices.listRequirementTypes(q)).map((t) => [t.code, t.name]));
}

async function contactsOf(q: Queryable, citizenId: string): Promise<{ phones: string[]; emails: string[] }> {
  const c = await citizens.findCitizen(q, citizenId);
  return {
    phones: c?.contacts.filter((k) => k.kind === 'phone').map((k) => k.value) ?? [],
    emails: c?.contacts.filter((k) => k.kind === 'email').map((k) => k.value) ?? [],
  };
}

export async function requirementTypes(q: Queryable): Promise<{ code: string; name: string }[]> {
  return (await catalogServices.listRequirementTypes(q)).map((t) => ({ code: t.code, name: t.name }));
}

/**
 * Keeps a document in the citizen's wallet, encrypted. The type comes from the national requirement
 * dictionary; the content must be a PDF, JPEG or PNG by its first bytes, at most WALLET_MAX_BYTES.
 * @throws AppError wallet_file_missing, wallet_file_too_large, wallet_file_type_refused, wallet_type_unknown.
 */
export async function uploadDocument(c: CitizenCtx, keys: ApplicationKeys, input: { typeCode: string; fileName: string; content: Buffer }): Promise<WalletDocument> {
  if (!input.content.length) throw walletErrors.wallet_file_missing();
  if (input.content.length > WALLET_MAX_BYTES) throw walletErrors.wallet_file_too_large({ maxMb: WALLET_MAX_BYTES / 1024 / 1024 });
  const mediaType = sniffMediaType(input.content);
  if (!mediaType) throw walletErrors.wallet_file_type_refused();
  const names = await typeNames(c.ctx.db);
  if (!names.has(input.typeCode)) throw walletErrors.wallet_type_unknown({ typeCode: input.typeCode });
  const id = randomUUID();
  const fileName = input.fileName.replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 200) || 'dokumen';
  const row = await c.ctx.db.transaction(async (tx) => {
    const doc = await wallet.insertDocument(tx, { id, citizenId: c.citizenId, typeCode: input.typeCode, fileName, mediaType, sizeBytes: input.content.length, sealed: seal(keys, id, input.content), at: c.ctx.now });
    // The audit entry names the type and size only, never the file's content or name.
    await recordAudit(tx, { ...c.ctx.actor, type: 'citizen', id: c.citizenId }, { action: 'wallet.document_added', targetType: 'wallet_document', targetId: id, after: { typeCode: input.typeCode, mediaType, sizeBytes: input.content.length } });
    return doc;
  });
  return { id: row.id, typeCode: row.type_code, typeName: names.get(row.type_code) ?? row.type_code, fileName: row.file_name, mediaType: row.media_type, sizeBytes: row.size_bytes, createdAt: row.created_at.toISOString(), fromAgency: row.source_tenant_name, grants: [] };
}

/** The citizen's documents, each with the grants made on it. */
export async function listDocuments(c: CitizenCtx): Promise<WalletDocument[]> {
  const names = await typeNames(c.ctx.db);
  const grants = await wallet.grantsOfCitizen(c.ctx.db, c.citizenId);
  const apps = new Map<string, ApplicationRow | undefined>();
  for (const g of grants) if (!apps.has(g.application_id)) apps.set(g.application_id, await repo.findApplication(c.ctx.db, g.mpp_id, g.application_id));
  return (await wallet.listDocuments(c.ctx.db, c.citizenId)).map((d) => ({
    id: d.id, typeCode: d.type_code, typeName: names.get(d.type_code) ?? d.type_code, fileName: d.file_name, mediaType: d.media_type,
    sizeBytes: d.size_bytes, createdAt: d.created_at.toISOString(), fromAgency: d.source_tenant_name,
    grants: grants.filter((g) => g.document_id === d.id).map((g) => {
      const a = apps.get(g.application_id);
      return {
        id: g.id, applicationCode: a ? formatTrackingCode(a.tracking_code) : '', tenantName: a?.tenant_name ?? '',
        grantedAt: g.granted_at.toISOString(), expiresAt: g.expires_at.toISOString(), revokedAt: g.revoked_at?.toISOString() ?? null,
        live: !g.revoked_at && g.expires_at > c.ctx.now,
      };
    }),
  }));
}

/** The citizen's own copy. @throws AppError wallet_document_not_found */
export async function readOwnDocument(c: CitizenCtx, keys: ApplicationKeys, input: { documentId: string }) {
  const d = await wallet.findDocument(c.ctx.db, input.documentId);
  if (!d || d.citizen_id !== c.citizenId) throw walletErrors.wallet_document_not_found();
  const sealed = (await wallet.readSealed(c.ctx.db, d.id))!;
  return { fileName: d.file_name, mediaType: d.media_type, content: open(keys, d.id, sealed) };
}

/** Deletes a document and with it every grant on it; the access log stays. @throws AppError wallet_document_not_found */
export async function deleteDocument(c: CitizenCtx, input: { documentId: string }): Promise<void> {
  await c.ctx.db.transaction(async (tx) => {
    if (!(await wallet.deleteDocument(tx, c.citizenId, input.documentId))) throw walletErrors.wallet_document_not_found();
    await recordAudit(tx, { ...c.ctx.actor, type: 'citizen', id: c.citizenId }, { action: 'wallet.document_deleted', targetType: 'wallet_document', targetId: input.documentId });
  });
}

/** Applications of the citizen: theirs online, or matched by a verified contact. */
export async function applicationsOf(q: Queryable, citizenId: string): Promise<ApplicationRow[]> {
  return repo.listForCitizen(q, citizenId, await contactsOf(q, citizenId));
}

/**
 * Grants the agency handling one of the citizen's applications access to some of their documents
 * for `days` days. @throws AppError application_not_yours, application_closed_for_sharing, wallet_document_not_found.
 */
export async function grantAccess(c: CitizenCtx, input: { applicationCode: string; documentIds: string[]; days: number }): Promise<WalletDocument[]> {
  const code = normaliseTrackingCode(input.applicationCode);
  const a = (await applicationsOf(c.ctx.db, c.citizenId)).find((x) => x.tracking_code === code);
  if (!a) throw walletErrors.application_not_yours();
  if (isClosed(a.status)) throw walletErrors.application_closed_for_sharing();
  await c.ctx.db.transaction((tx) => insertGrants(tx, c, a, input));
  return listDocuments(c);
}

/**
 * Inside `tx`: the application's agency may read these documents of the citizen for `days` days, each
 * grant audited. @throws AppError wallet_document_not_found (a document that is not the citizen's).
 */
export async function insertGrants(tx: Queryable, c: CitizenCtx, a: Pick<ApplicationRow, 'id' | 'mpp_id' | 'tenant_id'>, input: { documentIds: string[]; days: number }): Promise<void> {
  const expiresAt = new Date(c.ctx.now.getTime() + input.days * 86_400_000);
  for (const documentId of new Set(input.documentIds)) {
    const d = await wallet.findDocument(tx, documentId);
    if (!d || d.citizen_id !== c.citizenId) throw walletErrors.wallet_document_not_found();
    const g = await wallet.insertGrant(tx, { mppId: a.mpp_id, citizenId: c.citizenId, documentId, applicationId: a.id, tenantId: a.tenant_id, at: c.ctx.now, expiresAt });
    await recordAudit(tx, { ...c.ctx.actor, type: 'citizen', id: c.citizenId }, { action: 'wallet.granted', targetType: 'wallet_grant', targetId: g.id, mppId: a.mpp_id, tenantId: a.tenant_id, after: { typeCode: d.type_code, applicationId: a.id, expiresAt: expiresAt.toISOString() } });
  }
}

/** @throws AppError wallet_grant_not_found */
export async function revokeAccess(c: CitizenCtx, input: { grantId: string }): Promise<WalletDocument[]> {
  await c.ctx.db.transaction(async (tx) => {
    const g = await wallet.revokeGrant(tx, c.citizenId, input.grantId, c.ctx.now);
    if (!g) throw walletErrors.wallet_grant_not_found();
    await recordAudit(tx, { ...c.ctx.actor, type: 'citizen', id: c.citizenId }, { action: 'wallet.revoked', targetType: 'wallet_grant', targetId: g.id, mppId: g.mpp_id, tenantId: g.tenant_id });
  });
  return listDocuments(c);
}

/** Who read the citizen's documents, and who tried without a grant. */
export async function accessLog(c: CitizenCtx) {
  const names = await typeNames(c.ctx.db);
  const zones = new Map<string, string>();
  const rows = await wallet.accessLogOf(c.ctx.db, c.citizenId);
  for (const r of rows) if (!zones.has(r.mpp_id)) zones.set(r.mpp_id, (await catalog.findMpp(c.ctx.db, { id: r.mpp_id }))?.timezone ?? 'Asia/Jakarta');
  return rows.map((r) => ({ at: r.at.toISOString(), typeCode: r.type_code, typeName: names.get(r.type_code) ?? r.type_code, tenantName: r.tenant_name, outcome: r.outcome, timezone: zones.get(r.mpp_id)! }));
}

/** The citizen's applications with, per requirement, whether it is in the wallet and shared. */
export async function myApplications(c: CitizenCtx) {
  const docs = await wallet.listDocuments(c.ctx.db, c.citizenId);
  const grants = (await wallet.grantsOfCitizen(c.ctx.db, c.citizenId)).filter((g) => !g.revoked_at && g.expires_at > c.ctx.now);
  const out = [];
  for (const a of await applicationsOf(c.ctx.db, c.citizenId)) {
    const mpp = await catalog.findMpp(c.ctx.db, { id: a.mpp_id });
    out.push({
      id: a.id, trackingCode: formatTrackingCode(a.tracking_code), serviceName: a.service_name, tenantName: a.tenant_name, status: a.status,
      statusLabel: statusLabel(a.status, c.ctx.lang), nikMasked: a.nik_masked, channel: a.channel, pickup: a.pickup,
      submittedAt: a.submitted_at.toISOString(), dueAt: a.due_at.toISOString(), overdue: isRunning(a.status) && a.due_at < c.ctx.now, dueSoon: isDueSoon(a.status, a.due_at, c.ctx.now),
      waitingForCitizen: a.status === 'returned' || a.status === 'ready', timezone: mpp?.timezone ?? 'Asia/Jakarta', mppName: mpp?.name ?? '',
      requirements: a.requirements.map((r) => ({
        typeCode: r.typeCode, name: r.name,
        inWallet: docs.some((d) => d.type_code === r.typeCode),
        granted: grants.some((g) => g.application_id === a.id && docs.some((d) => d.id === g.document_id && d.type_code === r.typeCode)),
      })),
    });
  }
  return out;
}

/** Which of a service's requirements are already in the wallet. @throws AppError not_found */
export async function precheck(c: CitizenCtx, input: { mppId: string; serviceId: string }) {
  const service = (await catalogServices.listServices(c.ctx.db, input.mppId, { ids: [input.serviceId], activeOnly: true }))[0];
  if (!service) throw commonErrors.not_found();
  const have = new Set((await wallet.listDocuments(c.ctx.db, c.citizenId)).map((d) => d.type_code));
  const requirements = service.requirements.map((r) => ({ ...r, inWallet: have.has(r.typeCode) }));
  return { serviceName: service.name, requirements, missing: requirements.filter((r) => !r.inWallet).length, online: service.channels.includes('online') };
}

/** The citizen an application belongs to (online applicant, or the holder of its contact), if any. */
export async function applicantOf(q: Queryable, a: ApplicationRow): Promise<string | undefined> {
  if (a.citizen_id) return a.citizen_id;
  const contacts = [...(a.contact_phone ? [{ kind: 'phone' as const, value: a.contact_phone }] : []), ...(a.contact_email ? [{ kind: 'email' as const, value: a.contact_email.toLowerCase() }] : [])];
  return contacts.length ? (await citizens.citizensOfContacts(q, contacts))[0]?.id : undefined;
}

// --- the agency's side --------------------------------------------------------------------------

/** Documents the applicant granted to this application that are live now (for the staff page). */
export async function grantedDocumentsFor(q: Queryable, a: ApplicationRow, now: Date) {
  const names = await typeNames(q);
  return (await wallet.liveGrantsOfApplication(q, a.mpp_id, a.id, now))
    .filter((g) => g.tenant_id === a.tenant_id)
    .map((g) => ({ id: g.document_id, typeCode: g.type_code, typeName: names.get(g.type_code) ?? g.type_code, fileName: g.file_name, mediaType: g.media_type, sizeBytes: g.size_bytes, grantedUntil: g.expires_at.toISOString() }));
}

/**
 * An officer of the handling agency reads a document the applicant granted to this application.
 * Every attempt on a real document, allowed or refused, is logged for the citizen to see. MPP and
 * national admins are not the handling agency: they are refused too.
 * @throws AppError not_found, forbidden, wallet_no_grant.
 */
export async function readGrantedDocument(ctx: ServiceContext, keys: ApplicationKeys, input: { mppId: string; applicationId: string; documentId: string }) {
  const staff = requireStaff(ctx.principal);
  const a = await repo.findApplication(ctx.db, input.mppId, input.applicationId);
  let refusal: unknown;
  try {
    requireTenantRole(ctx.principal, input.mppId, a?.tenant_id ?? '-', ['officer', 'tenant_admin']);
  } catch (err) {
    refusal = err;
  }
  if (!a) throw refusal ?? commonErrors.not_found();
  const ownAgency = !refusal && staff.grants.some((g) => g.mppId === input.mppId && g.tenantId === a.tenant_id && (g.role === 'officer' || g.role === 'tenant_admin'));
  const d = await wallet.findDocument(ctx.db, input.documentId);
  const grant = d && ownAgency ? (await wallet.liveGrantsOfApplication(ctx.db, a.mpp_id, a.id, ctx.now)).find((g) => g.document_id === d.id && g.tenant_id === a.tenant_id) : undefined;
  // Only attempts on a document the applicant holds are the applicant's business; the log names the agency of the application.
  if (d && (grant || d.citizen_id === (await applicantOf(ctx.db, a)))) {
    await wallet.insertAccess(ctx.db, {
      mppId: a.mpp_id, citizenId: d.citizen_id, documentId: d.id, typeCode: d.type_code, applicationId: a.id, tenantId: a.tenant_id, tenantName: a.tenant_name,
      userId: staff.userId, userLabel: staff.email, at: ctx.now, outcome: grant ? 'allowed' : 'refused', reason: grant ? null : ownAgency ? 'no_grant' : 'not_handling_agency',
    });
  }
  if (refusal) throw refusal;
  if (!d || !grant) throw ownAgency ? walletErrors.wallet_no_grant() : commonErrors.forbidden();
  const sealed = (await wallet.readSealed(ctx.db, d.id))!;
  return { fileName: d.file_name, mediaType: d.media_type, content: open(keys, d.id, sealed) };
}

export { applicationErrors };
