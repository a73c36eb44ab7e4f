import type { Queryable } from '../platform/db.js';
import { commonErrors } from '../platform/errors.js';
import type { InternalStandard, ServiceInput, ServiceView } from './schemas.js';

interface ServiceRow {
  id: string;
  mpp_id: string;
  tenant_id: string;
  code: string;
  name: string;
  description: string;
  procedure_steps: string[];
  completion_value: number;
  completion_unit: 'minutes' | 'working_days';
  fee_rupiah: number;
  fee_legal_basis: string;
  product: string;
  complaint_channels: string;
  internal_standard: Partial<InternalStandard>;
  channels: ServiceView['channels'];
  handling_minutes: number;
  ticket_prefix: string;
  booking_settings: Record<string, unknown>;
  active: boolean;
  version: number;
  updated_at: Date;
  tenant_code: string;
  tenant_name: string;
  tenant_kind: ServiceView['tenant']['kind'];
}

const INTERNAL_KEYS = ['legalBasis', 'facilities', 'staffCompetence', 'internalSupervision', 'staffCount', 'serviceGuarantee', 'safetyGuarantee', 'performanceEvaluation'] as const;

function toService(r: ServiceRow, requirements: ServiceView['requirements']): ServiceView {
  const internal = Object.fromEntries(INTERNAL_KEYS.map((k) => [k, r.internal_standard[k] ?? ''])) as InternalStandard;
  return {
    id: r.id,
    mppId: r.mpp_id,
    tenantId: r.tenant_id,
    code: r.code,
    name: r.name,
    description: r.description,
    requirements,
    procedureSteps: r.procedure_steps,
    completion: { value: r.completion_value, unit: r.completion_unit },
    feeRupiah: r.fee_rupiah,
    feeLegalBasis: r.fee_legal_basis,
    product: r.product,
    complaintChannels: r.complaint_channels,
    internal,
    channels: r.channels,
    handlingMinutes: r.handling_minutes,
    ticketPrefix: r.ticket_prefix,
    bookingSettings: r.booking_settings,
    active: r.active,
    version: r.version,
    tenant: { id: r.tenant_id, code: r.tenant_code, name: r.tenant_name, kind: r.tenant_kind },
    updatedAt: r.updated_at.toISOString(),
  };
}

export async function listServices(q: Queryable, mppId: string, filter: { tenantIds?: string[]; ids?: string[]; code?: string; activeOnly?: boolean } = {}): Promise<ServiceView[]> {
  const { rows } = await q.query<ServiceRow>(
    `SELECT s.*, t.code AS tenant_code, t.name AS tenant_name, t.kind AS tenant_kind
       FROM services s JOIN tenants t ON t.mpp_id = s.mpp_id AND t.id = s.tenant_id
      WHERE s.mpp_id = $1 AND ($2::uuid[] IS NULL OR s.tenant_id = ANY($2)) AND ($3::uuid[] IS NULL OR s.id = ANY($3))
        AND ($4::text IS NULL OR s.code = $4) AND (NOT $5 OR (s.active AND t.active))
      ORDER BY t.name, s.name`,
    [mppId, filter.tenantIds ?? null, filter.ids ?? null, filter.code ?? null, filter.activeOnly ?? false],
  );
  if (!rows.length) return [];
  const { rows: reqs } = await q.query<{ service_id: string; type_code: string; name: string; note: string }>(
    `SELECT r.service_id, r.type_code, rt.name, r.note FROM service_requirements r JOIN requirement_types rt ON rt.code = r.type_code
      WHERE r.mpp_id = $1 AND r.service_id = ANY($2) ORDER BY r.service_id, r.position`,
    [mppId, rows.map((r) => r.id)],
  );
  const byService = new Map<string, ServiceView['requirements']>();
  for (const r of reqs) {
    const list = byService.get(r.service_id) ?? [];
    list.push({ typeCode: r.type_code, name: r.name, note: r.note });
    byService.set(r.service_id, list);
  }
  return rows.map((r) => toService(r, byService.get(r.id) ?? []));
}

/** @throws AppError not_found */
export async function getService(q: Queryable, mppId: string, id: string): Promise<ServiceView> {
  const s = (await listServices(q, mppId, { ids: [id] }))[0];
  if (!s) throw commonErrors.not_found();
  return s;
}

export async function findServiceByCode(q: Queryable, mppId: string, code: string): Promise<ServiceView | undefined> {
  return (await listServices(q, mppId, { code }))[0];
}

const serviceParams = (s: ServiceInput) => [
  s.tenantId,
  s.code,
  s.name,
  s.description,
  s.procedureSteps,
  s.completion.value,
  s.completion.unit,
  s.feeRupiah,
  s.feeLegalBasis,
  s.product,
  s.complaintChannels,
  JSON.stringify(s.internal),
  s.channels,
  s.handlingMinutes,
  s.ticketPrefix,
  JSON.stringify(s.bookingSettings),
  s.active,
];

export async function insertService(q: Queryable, mppId: string, s: ServiceInput, searchText: string): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO services (mpp_id, tenant_id, code, name, description, procedure_steps, completion_value, completion_unit, fee_rupiah, fee_legal_basis,
                           product, complaint_channels, internal_standard, channels, handling_minutes, ticket_prefix, booking_settings, active, search_text)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) RETURNING id`,
    [mppId, ...serviceParams(s), searchText],
  );
  const id = rows[0]!.id;
  await replaceRequirements(q, mppId, id, s.requirements);
  return id;
}

/** Writes the new standard and bumps the version number; returns the new version. */
export async function updateService(q: Queryable, mppId: string, id: string, s: ServiceInput, searchText: string): Promise<number> {
  const { rows } = await q.query<{ version: number }>(
    `UPDATE services SET tenant_id = $3, code = $4, name = $5, description = $6, procedure_steps = $7, completion_value = $8, completion_unit = $9,
            fee_rupiah = $10, fee_legal_basis = $11, product = $12, complaint_channels = $13, internal_standard = $14, channels = $15,
            handling_minutes = $16, ticket_prefix = $17, booking_settings = $18, active = $19, search_text = $20,
            version = version + 1, updated_at = now()
      WHERE mpp_id = $1 AND id = $2 RETURNING version`,
    [mppId, id, ...serviceParams(s), searchText],
  );
  await replaceRequirements(q, mppId, id, s.requirements);
  return rows[0]!.version;
}

async function replaceRequirements(q: Queryable, mppId: string, serviceId: string, reqs: ServiceInput['requirements']): Promise<void> {
  await q.query('DELETE FROM service_requirements WHERE mpp_id = $1 AND service_id = $2', [mppId, serviceId]);
  if (!reqs.length) return;
  await q.query(
    `INSERT INTO service_requirements (mpp_id, service_id, position, type_code, note)
     SELECT $1, $2, r.ord - 1, r.code, r.note FROM unnest($3::text[], $4::text[]) WITH ORDINALITY AS r(code, note, ord)`,
    [mppId, serviceId, reqs.map((r) => r.typeCode), reqs.map((r) => r.note)],
  );
}

export async function setSearchText(q: Queryable, mppId: string, id: string, searchText: string): Promise<void> {
  await q.query('UPDATE services SET search_text = $3 WHERE mpp_id = $1 AND id = $2', [mppId, id, searchText]);
}

/** Closes the open version and opens the new one at `at`, in the caller's transaction. */
export async function recordVersion(q: Queryable, mppId: string, service: ServiceView, at: Date, changedBy: string | null): Promise<void> {
  await q.query('UPDATE service_versions SET valid_to = $3 WHERE mpp_id = $1 AND service_id = $2 AND valid_to IS NULL', [mppId, service.id, at]);
  await q.query('INSERT INTO service_versions (mpp_id, service_id, version, valid_from, snapshot, changed_by) VALUES ($1, $2, $3, $4, $5, $6)', [
    mppId,
    service.id,
    service.version,
    at,
    JSON.stringify(service),
    changedBy,
  ]);
}

/** The version in force at `at`, or the latest when `at` is null. */
export async function findVersionAt(q: Queryable, mppId: string, serviceId: string, at: Date | null): Promise<{ snapshot: ServiceView; validFrom: string } | undefined> {
  const { rows } = await q.query<{ snapshot: ServiceView; valid_from: Date }>(
    `SELECT snapshot, valid_from FROM service_versions WHERE mpp_id = $1 AND service_id = $2 AND ($3::timestamptz IS NULL OR valid_from <= $3) ORDER BY valid_from DESC LIMIT 1`,
    [mppId, serviceId, at],
  );
  return rows[0] ? { snapshot: rows[0].snapshot, validFrom: rows[0].valid_from.toISOString() } : undefined;
}

export async function listVersions(q: Queryable, mppId: string, serviceId: string): Promise<{ version: number; validFrom: string; validTo: string | null; changedBy: string | null }[]> {
  const { rows } = await q.query<{ version: number; valid_from: Date; valid_to: Date | null; changed_by: string | null }>(
    'SELECT version, valid_from, valid_to, changed_by FROM service_versions WHERE mpp_id = $1 AND service_id = $2 ORDER BY version DESC',
    [mppId, serviceId],
  );
  return rows.map((r) => ({ version: r.version, validFrom: r.valid_from.toISOString(), validTo: r.valid_to?.toISOString() ?? null, changedBy: r.changed_by }));
}

export async function knownRequirementTypes(q: Queryable, codes: string[]): Promise<Set<string>> {
  const { rows } = await q.query<{ code: string }>('SELECT code FROM requirement_types WHERE code = ANY($1)', [codes]);
  return new Set(rows.map((r) => r.code));
}

export async function listRequirementTypes(q: Queryable): Promise<{ code: string; name: string; description: string }[]> {
  return (await q.query<{ code: string; name: string; description: string }>('SELECT code, name, description FROM requirement_types ORDER BY name')).rows;
}

export interface Synonym {
  term: string;
  kind: 'abbreviation' | 'word' | 'filler';
  expansion: string;
}

export async function listSynonyms(q: Queryable): Promise<Synonym[]> {
  return (await q.query<Synonym>('SELECT term, kind, expansion FROM search_synonyms ORDER BY term')).rows;
}

export async function findSynonym(q: Queryable, kind: Synonym['kind'], term: string): Promise<Synonym | undefined> {
  return (await q.query<Synonym>('SELECT term, kind, expansion FROM search_synonyms WHERE kind = $1 AND term = $2', [kind, term])).rows[0];
}

export async function upsertSynonym(q: Queryable, s: Synonym): Promise<void> {
  await q.query('INSERT INTO search_synonyms (term, kind, expansion) VALUES ($1, $2, $3) ON CONFLICT (term, kind) DO UPDATE SET expansion = EXCLUDED.expansion', [s.term, s.kind, s.expansion]);
}

export async function deleteSynonym(q: Queryable, kind: Synonym['kind'], term: string): Promise<void> {
  await q.query('DELETE FROM search_synonyms WHERE kind = $1 AND term = $2', [kind, term]);
}

/** Services whose search words hold every word of one of the phrases: those an abbreviation change may touch. */
export async function servicesWithAnyPhrase(q: Queryable, phrases: string[]): Promise<{ mppId: string; tenantId: string; id: string }[]> {
  const words = phrases.map((p) => p.split(' '));
  return (
    await q.query<{ mppId: string; tenantId: string; id: string }>(
      `SELECT mpp_id AS "mppId", tenant_id AS "tenantId", id FROM services WHERE ${words.map((_w, i) => `search_words @> $${i + 1}::text[]`).join(' OR ')}`,
      words,
    )
  ).rows;
}

/**
 * A service's booking settings as stored (the booking domain defines and validates their shape),
 * its row locked until the transaction ends; nothing when the service does not exist.
 */
export async function lockServiceBookingSettings(q: Queryable, input: { mppId: string; serviceId: string }): Promise<{ booking_settings: unknown } | undefined> {
  const { rows } = await q.query<{ booking_settings: unknown }>('SELECT booking_settings FROM services WHERE mpp_id = $1 AND id = $2 FOR UPDATE', [
    input.mppId,
    input.serviceId,
  ]);
  return rows[0];
}

/** Stores a service's booking settings, written by the booking domain's settings screen. */
export async function saveServiceBookingSettings(q: Queryable, input: { mppId: string; serviceId: string; settings: unknown }): Promise<void> {
  await q.query('UPDATE services SET booking_settings = $3, updated_at = now() WHERE mpp_id = $1 AND id = $2', [input.mppId, input.serviceId, JSON.stringify(input.settings)]);
}
