import { createHash, randomBytes } from 'node:crypto';
import { findMppBasics } from '../catalog/read.js';
import { XMLBuilder } from 'fast-xml-parser';
import { z } from 'zod';
import { recordAudit } from '../platform/audit.js';
import { requireMppRole, type Actor } from '../platform/auth.js';
import type { Clock, ServiceContext } from '../platform/context.js';
import type { Db } from '../platform/db.js';
import { AppError, commonErrors } from '../platform/errors.js';
import { ZONE_OFFSET_MINUTES, type Timezone } from '../calendar/working-days.js';
import * as repo from './repository.js';
import type { ApiKeyView } from './schemas.js';
import { fileComplaint } from './service.js';
import { open311Status, type Status } from './state-machine.js';
import { runningDue } from './views.js';

/** A GeoReport v2 error: rendered as [{code, description}] with the same HTTP status. */
export class Open311Error extends Error {
  constructor(readonly code: number, readonly description: string) {
    super(description);
  }
}

/** GeoReport "services" are our three complaint classes. */
export const OPEN311_SERVICES = [
  { service_code: 'pengaduan', service_name: 'Pengaduan', description: 'Complaint about a service, a tenant, a facility or an officer of the MPP', group: 'pengaduan' },
  { service_code: 'aspirasi', service_name: 'Aspirasi', description: 'Suggestion or wish for the MPP', group: 'pengaduan' },
  { service_code: 'permintaan_informasi', service_name: 'Permintaan informasi', description: 'Request for information', group: 'pengaduan' },
] as const;

/** W3C datetime in the MPP's own offset, as the GeoReport examples write it. */
export function w3c(d: Date | null, zone: Timezone): string | null {
  if (!d) return null;
  const off = ZONE_OFFSET_MINUTES[zone];
  const local = new Date(d.getTime() + off * 60_000).toISOString().slice(0, 19);
  return `${local}+${String(Math.floor(off / 60)).padStart(2, '0')}:${String(off % 60).padStart(2, '0')}`;
}

async function jurisdiction(db: Db, jurisdictionId: string | undefined) {
  if (!jurisdictionId) throw new Open311Error(400, 'jurisdiction_id is required (the MPP slug)');
  const mpp = await findMppBasics(db, { slug: jurisdictionId });
  if (!mpp) throw new Open311Error(404, `jurisdiction_id ${jurisdictionId} not found`);
  return { ...mpp, timezone: mpp.timezone as Timezone };
}

export async function listServices(db: Db, jurisdictionId: string | undefined) {
  await jurisdiction(db, jurisdictionId);
  return OPEN311_SERVICES.map((s) => ({ ...s, metadata: false, type: 'realtime', keywords: s.service_code }));
}

export const RequestsQuery = z.object({
  jurisdiction_id: z.string().optional(),
  api_key: z.string().max(200).optional(),
  service_request_id: z.string().optional(),
  service_code: z.string().optional(),
  start_date: z.iso.datetime({ offset: true }).optional(),
  end_date: z.iso.datetime({ offset: true }).optional(),
  status: z.string().regex(/^(open|closed)(,(open|closed))?$/).optional(),
});

const OPEN: Status[] = ['received', 'verified', 'assigned', 'in_progress'];
const CLOSED: Status[] = ['not_ours', 'duplicate', 'archived', 'answered', 'closed'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Service requests of an MPP. Descriptions and contacts are not published: a complaint often names
 * people, and the complainant did not ask for it to be public. The answer (status_notes) may name them
 * too, so it goes only to a partner system holding an API key of the jurisdiction; anyone else sees the
 * status and dates. The complainant reads the answer by their tracking code.
 */
export async function listRequests(db: Db, raw: Record<string, unknown>, onlyId?: string, now: Date = new Date()) {
  const parsed = RequestsQuery.safeParse(raw);
  if (!parsed.success) throw new Open311Error(400, `invalid parameter ${String(parsed.error.issues[0]?.path[0] ?? '')}`);
  const q = parsed.data;
  const mpp = await jurisdiction(db, q.jurisdiction_id);
  const ids = onlyId !== undefined ? [onlyId] : q.service_request_id?.split(',').map((s) => s.trim());
  if (ids?.some((id) => !UUID.test(id))) {
    if (onlyId !== undefined) throw new Open311Error(404, `service_request_id ${onlyId} not found`);
    throw new Open311Error(400, 'service_request_id must be ids given by this server');
  }
  const statuses = q.status ? q.status.split(',').flatMap((s) => (s === 'open' ? OPEN : CLOSED)) : undefined;
  // GeoReport default: the last 90 days when no date range is given.
  const from = q.start_date ? new Date(q.start_date) : ids ? undefined : new Date(Date.now() - 90 * 86_400_000);
  const partner = q.api_key ? Boolean(await repo.useApiKey(db, mpp.id, hashKey(q.api_key), now)) : false;
  if (q.api_key && !partner) throw new Open311Error(403, 'api_key is not valid for this jurisdiction');
  const rows = await repo.findForOpen311(db, mpp.id, {
    ids, classes: q.service_code?.split(','), statuses, from, to: q.end_date ? new Date(q.end_date) : undefined, limit: 1000,
  });
  if (onlyId !== undefined && rows.length === 0) throw new Open311Error(404, `service_request_id ${onlyId} not found`);
  return rows.map((r) => ({
    service_request_id: r.id,
    status: open311Status(r.status),
    status_notes: partner ? r.last_note : null,
    service_name: OPEN311_SERVICES.find((s) => s.service_code === r.class)!.service_name,
    service_code: r.class,
    description: null,
    agency_responsible: r.tenant_name ?? mpp.name,
    service_notice: null,
    requested_datetime: w3c(r.received_at, mpp.timezone),
    updated_datetime: w3c(r.updated_at, mpp.timezone),
    expected_datetime: w3c(runningDue(r) ?? r.resolution_due_at ?? r.verification_due_at, mpp.timezone),
    address: r.address,
    address_id: null,
    zipcode: null,
    lat: r.lat,
    long: r.long,
    media_url: null,
  }));
}

export const PostRequest = z.object({
  jurisdiction_id: z.string().optional(),
  api_key: z.string().optional(),
  service_code: z.string().optional(),
  description: z.string().optional(),
  lat: z.coerce.number().min(-90).max(90).optional(),
  long: z.coerce.number().min(-180).max(180).optional(),
  address_string: z.string().max(300).optional(),
  email: z.email().max(200).optional(),
  first_name: z.string().max(100).optional(),
  last_name: z.string().max(100).optional(),
  phone: z.string().regex(/^\+?[0-9 ]{6,20}$/).optional(),
});

export const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

/** Files a complaint sent by a third party holding the MPP's API key. */
export async function postRequest(db: Db, clock: Clock, raw: Record<string, unknown>, actor: Actor) {
  const parsed = PostRequest.safeParse(Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== '')));
  if (!parsed.success) throw new Open311Error(400, `invalid parameter ${String(parsed.error.issues[0]?.path[0] ?? '')}`);
  const p = parsed.data;
  const mpp = await jurisdiction(db, p.jurisdiction_id);
  if (!p.api_key) throw new Open311Error(403, 'api_key is required to post a service request');
  const keyId = await repo.useApiKey(db, mpp.id, hashKey(p.api_key), clock.now());
  if (!keyId) throw new Open311Error(403, 'api_key is not valid for this jurisdiction');
  const service = OPEN311_SERVICES.find((s) => s.service_code === p.service_code);
  if (!service) throw new Open311Error(404, `service_code ${p.service_code ?? ''} not found`);
  const description = p.description?.trim() ?? '';
  if (description.length < 10 || description.length > 5000) throw new Open311Error(400, 'description must be 10 to 5000 characters');
  const name = [p.first_name, p.last_name].filter(Boolean).join(' ').trim();
  const filed = await fileComplaint(
    { db, principal: { kind: 'anonymous' }, actor: { ...actor, type: 'citizen', label: `open311:${keyId}` }, now: clock.now() },
    {
      mppId: mpp.id,
      complaint: {
        class: service.service_code,
        subjectType: 'mpp',
        description,
        contactName: name || undefined,
        contactEmail: p.email,
        contactPhone: p.phone,
        consentShareIdentity: false,
      },
      uploads: [],
      source: { channel: 'open311', open311KeyId: keyId, address: p.address_string, lat: p.lat, long: p.long },
    },
  );
  return [{ service_request_id: filed.id, service_notice: `Kode lacak / tracking code: ${filed.trackingCode}`, account_id: null }];
}

/** Maps our own errors (validation, 404) raised under an Open311 route to the GeoReport shape. */
export function toOpen311Error(err: unknown): Open311Error | undefined {
  if (err instanceof Open311Error) return err;
  if (err instanceof AppError) return new Open311Error(err.status, err.messages.en);
  const e = err as { statusCode?: number; message?: string };
  if (e.statusCode && e.statusCode < 500) return new Open311Error(e.statusCode, e.message ?? 'bad request');
  return undefined;
}

const xml = new XMLBuilder({ suppressEmptyNode: true, processEntities: true });

/**
 * GeoReport XML: a root element holding one element per item, one child per field (fast-xml-parser
 * escapes the text; a missing value is an empty element).
 */
export function toXml(root: string, item: string, rows: Record<string, unknown>[]): string {
  const items = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)])));
  return `<?xml version="1.0" encoding="utf-8"?>${xml.build({ [root]: items.length ? { [item]: items } : '' })}`;
}

function toKeyView(r: repo.ApiKeyRow): ApiKeyView {
  return { id: r.id, name: r.name, keyPrefix: r.key_prefix, createdAt: r.created_at.toISOString(), lastUsedAt: r.last_used_at?.toISOString() ?? null, revokedAt: r.revoked_at?.toISOString() ?? null };
}

/** Issues an Open311 API key for the MPP; the key is shown once, only its hash is kept. @throws AppError unauthenticated, not_found, forbidden */
export async function createApiKey(ctx: Pick<ServiceContext, 'db' | 'principal' | 'actor'>, input: { mppId: string; name: string }): Promise<ApiKeyView & { key: string }> {
  const { db, principal, actor } = ctx;
  const { mppId, name } = input;
  const staff = requireMppRole(principal, mppId, ['mpp_admin']);
  if (!(await findMppBasics(db, { id: mppId }))) throw commonErrors.not_found();
  const key = `l311_${randomBytes(24).toString('base64url')}`;
  return db.transaction(async (tx) => {
    const row = await repo.insertApiKey(tx, { mppId, name, keyHash: hashKey(key), keyPrefix: key.slice(0, 9), createdBy: staff.userId });
    await recordAudit(tx, actor, { action: 'open311_key.created', targetType: 'open311_api_key', targetId: row.id, mppId, after: { name, keyPrefix: row.key_prefix } });
    return { ...toKeyView(row), key };
  });
}

export async function listApiKeys(ctx: Pick<ServiceContext, 'db' | 'principal'>, input: { mppId: string }): Promise<ApiKeyView[]> {
  requireMppRole(ctx.principal, input.mppId, ['mpp_admin']);
  return (await repo.findApiKeys(ctx.db, input.mppId)).map(toKeyView);
}

export async function revokeApiKey(ctx: Pick<ServiceContext, 'db' | 'principal' | 'actor' | 'now'>, input: { mppId: string; keyId: string }): Promise<ApiKeyView> {
  const { db, principal, actor, now } = ctx;
  const { mppId, keyId } = input;
  requireMppRole(principal, mppId, ['mpp_admin']);
  return db.transaction(async (tx) => {
    const row = await repo.revokeApiKey(tx, mppId, keyId, now);
    await recordAudit(tx, actor, { action: 'open311_key.revoked', targetType: 'open311_api_key', targetId: keyId, mppId });
    return toKeyView(row);
  });
}
