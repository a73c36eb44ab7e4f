import type { Queryable } from '../platform/db.js';
import { commonErrors } from '../platform/errors.js';
import { hhmm } from './hours.js';
import type { AgreementInput, AgreementView, CounterInput, CounterView, MppInput, MppView, Region, SpecialDayInput, SpecialDayView, TenantInput, TenantView } from './schemas.js';
import { safeContacts } from './schemas.js';

/** Agreements ending within this many days are flagged as expiring. */
export const EXPIRY_WARNING_DAYS = 90;

interface RegionRow {
  code: string;
  name: string;
  kind: Region['kind'];
  province_code: string;
  timezone: Region['timezone'];
}
const toRegion = (r: RegionRow): Region => ({ code: r.code, name: r.name, kind: r.kind, provinceCode: r.province_code, timezone: r.timezone });

export async function listRegions(q: Queryable, filter: { province?: string; level?: 'province' | 'regency' }): Promise<Region[]> {
  const { rows } = await q.query<RegionRow>(
    `SELECT code, name, kind, province_code, timezone FROM regions
      WHERE ($1::text IS NULL OR level = $1) AND ($2::text IS NULL OR province_code = $2) ORDER BY code`,
    [filter.level ?? null, filter.province ?? null],
  );
  return rows.map(toRegion);
}

export async function findRegion(q: Queryable, code: string): Promise<(Region & { level: string }) | undefined> {
  const { rows } = await q.query<RegionRow & { level: string }>('SELECT code, name, kind, province_code, timezone, level FROM regions WHERE code = $1', [code]);
  return rows[0] ? { ...toRegion(rows[0]), level: rows[0].level } : undefined;
}

export interface MppRow {
  id: string;
  slug: string;
  name: string;
  timezone: MppInput['timezone'];
  region_code: string | null;
  address: string;
  weekly_hours: MppInput['weeklyHours'];
  waiting_capacity: number | null;
  contacts: MppInput['contacts'];
  facilities: string[];
  maklumat: string;
  published: boolean;
}

const MPP_COLUMNS = 'm.id, m.slug, m.name, m.timezone, m.region_code, m.address, m.weekly_hours, m.waiting_capacity, m.contacts, m.facilities, m.maklumat, m.published';

async function toMppViews(q: Queryable, rows: MppRow[]): Promise<MppView[]> {
  const codes = [...new Set(rows.flatMap((r) => (r.region_code ? [r.region_code, r.region_code.slice(0, 2)] : [])))];
  const regions = new Map<string, Region>();
  if (codes.length) {
    const { rows: rr } = await q.query<RegionRow>('SELECT code, name, kind, province_code, timezone FROM regions WHERE code = ANY($1)', [codes]);
    for (const r of rr) regions.set(r.code, toRegion(r));
  }
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    timezone: r.timezone,
    regionCode: r.region_code,
    address: r.address,
    weeklyHours: r.weekly_hours,
    waitingCapacity: r.waiting_capacity,
    contacts: safeContacts(r.contacts),
    facilities: r.facilities,
    maklumat: r.maklumat,
    published: r.published,
    region: (r.region_code && regions.get(r.region_code)) || null,
    province: (r.region_code && regions.get(r.region_code.slice(0, 2))) || null,
  }));
}

export async function listMpps(q: Queryable, filter: { ids?: string[]; province?: string; publishedOnly?: boolean }): Promise<MppView[]> {
  const { rows } = await q.query<MppRow>(
    `SELECT ${MPP_COLUMNS} FROM mpps m
      WHERE ($1::uuid[] IS NULL OR m.id = ANY($1)) AND ($2::text IS NULL OR left(m.region_code, 2) = $2) AND (NOT $3 OR m.published)
      ORDER BY m.region_code NULLS LAST, m.name`,
    [filter.ids ?? null, filter.province ?? null, filter.publishedOnly ?? false],
  );
  return toMppViews(q, rows);
}

export async function findMpp(q: Queryable, by: { id?: string; slug?: string }): Promise<MppView | undefined> {
  const { rows } = await q.query<MppRow>(`SELECT ${MPP_COLUMNS} FROM mpps m WHERE ${by.id ? 'm.id = $1' : 'm.slug = $1'}`, [by.id ?? by.slug]);
  return (await toMppViews(q, rows))[0];
}

/** @throws AppError not_found */
/**
 * Takes the row's lock for the rest of the transaction before an edit reads it: an edit writes the whole
 * row from what it read plus the admin's changes, so two admins changing different fields at once must
 * run one after the other, or the later would write back the value the earlier one changed.
 */
export async function lockForEdit(q: Queryable, table: 'mpps' | 'tenants' | 'counters' | 'services', mppId: string, id: string): Promise<void> {
  if (table === 'mpps') await q.query('SELECT 1 FROM mpps WHERE id = $1 FOR UPDATE', [id]);
  else await q.query(`SELECT 1 FROM ${table} WHERE mpp_id = $1 AND id = $2 FOR UPDATE`, [mppId, id]);
}

export async function getMpp(q: Queryable, id: string): Promise<MppView> {
  const mpp = await findMpp(q, { id });
  if (!mpp) throw commonErrors.not_found();
  return mpp;
}

const mppParams = (m: MppInput) => [m.slug, m.name, m.timezone, m.regionCode, m.address, JSON.stringify(m.weeklyHours), m.waitingCapacity, JSON.stringify(m.contacts), m.facilities, m.maklumat, m.published];

export async function insertMpp(q: Queryable, m: MppInput): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO mpps (slug, name, timezone, region_code, address, weekly_hours, waiting_capacity, contacts, facilities, maklumat, published)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    mppParams(m),
  );
  return rows[0]!.id;
}

export async function updateMpp(q: Queryable, id: string, m: MppInput): Promise<void> {
  await q.query(
    `UPDATE mpps SET slug = $2, name = $3, timezone = $4, region_code = $5, address = $6, weekly_hours = $7, waiting_capacity = $8,
            contacts = $9, facilities = $10, maklumat = $11, published = $12, updated_at = now() WHERE id = $1`,
    [id, ...mppParams(m)],
  );
}

interface SpecialDayRow {
  id: string;
  day: string;
  opens: string;
  closes: string;
  breaks: SpecialDayView['breaks'];
  note: string;
}
const toSpecialDay = (r: SpecialDayRow): SpecialDayView => ({ id: r.id, day: r.day, opens: hhmm(r.opens), closes: hhmm(r.closes), breaks: r.breaks, note: r.note });
const SPECIAL_COLUMNS = 'id, day::text AS day, opens::text AS opens, closes::text AS closes, breaks, note';

export async function listSpecialDays(q: Queryable, mppId: string, from: string): Promise<SpecialDayView[]> {
  const { rows } = await q.query<SpecialDayRow>(`SELECT ${SPECIAL_COLUMNS} FROM mpp_special_days WHERE mpp_id = $1 AND day >= $2 ORDER BY day`, [mppId, from]);
  return rows.map(toSpecialDay);
}

/** Sets the special hours of a date, replacing any set before for that date. */
export async function upsertSpecialDay(q: Queryable, mppId: string, d: SpecialDayInput): Promise<SpecialDayView> {
  const { rows } = await q.query<SpecialDayRow>(
    `INSERT INTO mpp_special_days (mpp_id, day, opens, closes, breaks, note) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (mpp_id, day) DO UPDATE SET opens = EXCLUDED.opens, closes = EXCLUDED.closes, breaks = EXCLUDED.breaks, note = EXCLUDED.note, updated_at = now()
     RETURNING ${SPECIAL_COLUMNS}`,
    [mppId, d.day, d.opens, d.closes, JSON.stringify(d.breaks), d.note],
  );
  return toSpecialDay(rows[0]!);
}

export async function deleteSpecialDay(q: Queryable, mppId: string, id: string): Promise<boolean> {
  return (await q.query('DELETE FROM mpp_special_days WHERE mpp_id = $1 AND id = $2', [mppId, id])).rowCount > 0;
}

interface TenantRow {
  id: string;
  mpp_id: string;
  kind: TenantInput['kind'];
  name: string;
  code: string;
  description: string;
  logo: string | null;
  active: boolean;
  service_count: number;
  counter_count: number;
}
const toTenant = (r: TenantRow): TenantView => ({
  id: r.id,
  mppId: r.mpp_id,
  kind: r.kind,
  name: r.name,
  code: r.code,
  description: r.description,
  logo: r.logo,
  active: r.active,
  serviceCount: r.service_count,
  counterCount: r.counter_count,
});

export async function listTenants(q: Queryable, mppId: string, filter: { ids?: string[]; activeOnly?: boolean } = {}): Promise<TenantView[]> {
  const { rows } = await q.query<TenantRow>(
    `SELECT t.id, t.mpp_id, t.kind, t.name, t.code, t.description, t.logo, t.active,
            (SELECT count(*)::int FROM services s WHERE s.mpp_id = t.mpp_id AND s.tenant_id = t.id) AS service_count,
            (SELECT count(*)::int FROM counters c WHERE c.mpp_id = t.mpp_id AND c.tenant_id = t.id) AS counter_count
       FROM tenants t WHERE t.mpp_id = $1 AND ($2::uuid[] IS NULL OR t.id = ANY($2)) AND (NOT $3 OR t.active) ORDER BY t.name`,
    [mppId, filter.ids ?? null, filter.activeOnly ?? false],
  );
  return rows.map(toTenant);
}

/** @throws AppError not_found */
export async function getTenant(q: Queryable, mppId: string, tenantId: string): Promise<TenantView> {
  const t = (await listTenants(q, mppId, { ids: [tenantId] }))[0];
  if (!t) throw commonErrors.not_found();
  return t;
}

export async function findTenantByCode(q: Queryable, mppId: string, code: string): Promise<TenantView | undefined> {
  const { rows } = await q.query<{ id: string }>('SELECT id FROM tenants WHERE mpp_id = $1 AND code = $2', [mppId, code]);
  return rows[0] ? getTenant(q, mppId, rows[0].id) : undefined;
}

export async function insertTenant(q: Queryable, mppId: string, t: TenantInput): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    'INSERT INTO tenants (mpp_id, kind, name, code, description, logo, active) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id',
    [mppId, t.kind, t.name, t.code, t.description, t.logo, t.active],
  );
  return rows[0]!.id;
}

export async function updateTenant(q: Queryable, mppId: string, id: string, t: TenantInput): Promise<void> {
  await q.query('UPDATE tenants SET kind = $3, name = $4, code = $5, description = $6, logo = $7, active = $8, updated_at = now() WHERE mpp_id = $1 AND id = $2', [
    mppId,
    id,
    t.kind,
    t.name,
    t.code,
    t.description,
    t.logo,
    t.active,
  ]);
}

interface CounterRow {
  id: string;
  mpp_id: string;
  tenant_id: string;
  tenant_code: string;
  number: number;
  name: string;
  active: boolean;
}
const toCounter = (r: CounterRow): CounterView => ({ id: r.id, mppId: r.mpp_id, tenantId: r.tenant_id, tenantCode: r.tenant_code, number: r.number, name: r.name, active: r.active });

export async function listCounters(q: Queryable, mppId: string, filter: { tenantIds?: string[]; ids?: string[] } = {}): Promise<CounterView[]> {
  const { rows } = await q.query<CounterRow>(
    `SELECT c.id, c.mpp_id, c.tenant_id, t.code AS tenant_code, c.number, c.name, c.active
       FROM counters c JOIN tenants t ON t.mpp_id = c.mpp_id AND t.id = c.tenant_id
      WHERE c.mpp_id = $1 AND ($2::uuid[] IS NULL OR c.tenant_id = ANY($2)) AND ($3::uuid[] IS NULL OR c.id = ANY($3)) ORDER BY c.number`,
    [mppId, filter.tenantIds ?? null, filter.ids ?? null],
  );
  return rows.map(toCounter);
}

export async function findCounterByNumber(q: Queryable, mppId: string, number: number): Promise<CounterView | undefined> {
  const { rows } = await q.query<{ id: string }>('SELECT id FROM counters WHERE mpp_id = $1 AND number = $2', [mppId, number]);
  return rows[0] ? (await listCounters(q, mppId, { ids: [rows[0].id] }))[0] : undefined;
}

export async function insertCounter(q: Queryable, mppId: string, c: CounterInput): Promise<string> {
  const { rows } = await q.query<{ id: string }>('INSERT INTO counters (mpp_id, tenant_id, number, name, active) VALUES ($1, $2, $3, $4, $5) RETURNING id', [
    mppId,
    c.tenantId,
    c.number,
    c.name,
    c.active,
  ]);
  return rows[0]!.id;
}

export async function updateCounter(q: Queryable, mppId: string, id: string, c: CounterInput): Promise<void> {
  await q.query('UPDATE counters SET tenant_id = $3, number = $4, name = $5, active = $6, updated_at = now() WHERE mpp_id = $1 AND id = $2', [mppId, id, c.tenantId, c.number, c.name, c.active]);
}

interface AgreementRow {
  id: string;
  tenant_id: string;
  kind: 'mou' | 'pks';
  number: string;
  signed_on: string;
  valid_until: string | null;
  status: 'draft' | 'active' | 'terminated';
  note: string;
}

/** Flags an active agreement by how close its end is to `today` (the MPP's local date). */
export function expiryOf(a: { status: string; validUntil: string | null }, today: string): AgreementView['expiry'] {
  if (a.status !== 'active' || !a.validUntil) return 'none';
  if (a.validUntil < today) return 'expired';
  const warn = new Date(`${today}T00:00:00Z`);
  warn.setUTCDate(warn.getUTCDate() + EXPIRY_WARNING_DAYS);
  return a.validUntil <= warn.toISOString().slice(0, 10) ? 'expiring' : 'ok';
}

export async function listAgreements(q: Queryable, mppId: string, today: string, filter: { tenantIds?: string[]; ids?: string[] } = {}): Promise<AgreementView[]> {
  const { rows } = await q.query<AgreementRow>(
    `SELECT id, tenant_id, kind, number, signed_on::text AS signed_on, valid_until::text AS valid_until, status, note FROM tenant_agreements
      WHERE mpp_id = $1 AND ($2::uuid[] IS NULL OR tenant_id = ANY($2)) AND ($3::uuid[] IS NULL OR id = ANY($3)) ORDER BY signed_on DESC`,
    [mppId, filter.tenantIds ?? null, filter.ids ?? null],
  );
  return rows.map((r) => {
    const base = { id: r.id, tenantId: r.tenant_id, kind: r.kind, number: r.number, signedOn: r.signed_on, validUntil: r.valid_until, status: r.status, note: r.note };
    return { ...base, expiry: expiryOf(base, today) };
  });
}

export async function insertAgreement(q: Queryable, mppId: string, tenantId: string, a: AgreementInput): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    'INSERT INTO tenant_agreements (mpp_id, tenant_id, kind, number, signed_on, valid_until, status, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id',
    [mppId, tenantId, a.kind, a.number, a.signedOn, a.validUntil, a.status, a.note],
  );
  return rows[0]!.id;
}

export async function updateAgreement(q: Queryable, mppId: string, id: string, a: AgreementInput): Promise<void> {
  await q.query('UPDATE tenant_agreements SET kind = $3, number = $4, signed_on = $5, valid_until = $6, status = $7, note = $8, updated_at = now() WHERE mpp_id = $1 AND id = $2', [
    mppId,
    id,
    a.kind,
    a.number,
    a.signedOn,
    a.validUntil,
    a.status,
    a.note,
  ]);
}

/** The province codes already known (level 'province'). */
export async function listProvinceCodes(q: Queryable): Promise<string[]> {
  const { rows } = await q.query<{ code: string }>("SELECT code FROM regions WHERE level = 'province'");
  return rows.map((r) => r.code);
}

export interface RegionUpsert {
  code: string;
  level: 'province' | 'regency';
  kind: Region['kind'];
  provinceCode: string;
  name: string;
  officialName: string;
  timezone: string;
}

/** Inserts a region or renames an existing one (its level, province and zone never change). */
export async function upsertRegion(q: Queryable, r: RegionUpsert): Promise<void> {
  await q.query(
    `INSERT INTO regions (code, level, kind, province_code, name, official_name, timezone) VALUES ($1, $2, $3, $4, $5, $6, $7)
      ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, official_name = EXCLUDED.official_name, kind = EXCLUDED.kind`,
    [r.code, r.level, r.kind, r.provinceCode, r.name, r.officialName, r.timezone],
  );
}

/** Counts for the national admin: MPPs, tenants and services by province and tenant kind. */
export interface SummaryRow {
  level: 'national' | 'province' | 'kind';
  provinceCode: string | null;
  provinceName: string | null;
  tenantKind: string | null;
  mpps: number;
  tenants: number;
  services: number;
}

/** One row per province and tenant kind, one per province, and the national total (GROUPING SETS). */
export async function summarizeNational(q: Queryable): Promise<SummaryRow[]> {
  const { rows } = await q.query<{ g: number; province_code: string | null; province_name: string | null; tenant_kind: string | null; mpps: number; tenants: number; services: number }>(
    `SELECT grouping(p.code, t.kind)::int AS g, p.code AS province_code, p.name AS province_name, t.kind AS tenant_kind,
            count(DISTINCT m.id)::int AS mpps, count(DISTINCT t.id)::int AS tenants, count(s.id)::int AS services
       FROM mpps m
       LEFT JOIN regions p ON p.code = left(m.region_code, 2)
       LEFT JOIN tenants t ON t.mpp_id = m.id
       LEFT JOIN services s ON s.mpp_id = t.mpp_id AND s.tenant_id = t.id
      GROUP BY GROUPING SETS ((p.code, p.name, t.kind), (p.code, p.name), ())
     HAVING grouping(p.code, t.kind) <> 0 OR t.kind IS NOT NULL
      ORDER BY p.code NULLS LAST, t.kind NULLS FIRST`,
  );
  return rows.map((r) => ({ level: r.g === 0 ? 'kind' : r.g === 3 ? 'national' : 'province', provinceCode: r.province_code, provinceName: r.province_name, tenantKind: r.tenant_kind, mpps: r.mpps, tenants: r.tenants, services: r.services }));
}
