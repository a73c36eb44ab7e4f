import type { z } from 'zod';
import zodEn from 'zod/v4/locales/en.js';
import zodId from 'zod/v4/locales/id.js';
import type { $ZodIssue } from 'zod/v4/core';
import { recordAudit } from '../platform/audit.js';
import { requireMppRole, tenantScope, type Actor } from '../platform/auth.js';
import type { ServiceContext } from '../platform/context.js';
import type { Queryable } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { localize, parseBilingual, type Lang } from '../platform/i18n.js';
import * as repo from './repository.js';
import { CounterInput, ServiceInput, TenantInput, type ImportEntity, type ImportReport, type ImportRequest, type ImportRowError } from './schemas.js';
import * as srepo from './service-repository.js';
import { readCsv, readXlsx, SheetFormatError, writeCsv, writeXlsx, type Sheet } from './spreadsheet.js';
import { inputOf, insertServiceTx, updateServiceTx } from './standards-service.js';

export const COLUMNS: Record<ImportEntity, string[]> = {
  tenants: ['code', 'name', 'kind', 'description', 'logo', 'active'],
  counters: ['number', 'name', 'tenant_code', 'active'],
  services: [
    'code', 'name', 'tenant_code', 'ticket_prefix', 'description', 'requirements', 'procedure', 'completion_value', 'completion_unit', 'fee_rupiah',
    'fee_legal_basis', 'product', 'complaint_channels', 'channels', 'handling_minutes', 'active', 'legal_basis', 'facilities', 'staff_competence',
    'internal_supervision', 'staff_count', 'service_guarantee', 'safety_guarantee', 'performance_evaluation',
  ],
};
const REQUIRED: Record<ImportEntity, string[]> = { tenants: ['code', 'name', 'kind'], counters: ['number', 'name', 'tenant_code'], services: ['code', 'name', 'tenant_code', 'ticket_prefix', 'fee_rupiah'] };

/** Multi-valued cells: requirements and channels split on ";" or ","; procedure steps on " | " or new lines. */
const list = (v: string, sep = /[;,]/) => v.split(sep).map((x) => x.trim()).filter(Boolean);
const steps = (v: string) => list(v, /\s\|\s|\r?\n/);
const bool = (v: string) => (v === '' ? true : ['1', 'true', 'ya', 'yes', 'aktif', 'y'].includes(v.toLowerCase()) ? true : ['0', 'false', 'tidak', 'no', 'nonaktif', 'n'].includes(v.toLowerCase()) ? false : v);
const num = (v: string) => (v === '' ? undefined : /^-?\d+$/.test(v.replace(/[.\s]/g, '')) ? Number(v.replace(/[.\s]/g, '')) : v);

const zodLocales = { id: zodId().localeError, en: zodEn().localeError };
function issueText(issue: $ZodIssue, lang: Lang): string {
  const custom = parseBilingual(issue.message);
  if (custom) return localize(custom, lang);
  const out = zodLocales[lang](issue as never);
  return (typeof out === 'string' ? out : out?.message) ?? issue.message;
}

const T = (lang: Lang, id: string, en: string) => (lang === 'en' ? en : id);

interface Ctx {
  q: Queryable;
  mppId: string;
  lang: Lang;
  scope: 'all' | string[];
  tenantIdsByCode: Map<string, string>;
}

type Parsed = { line: number; key: string; apply: (tx: Queryable) => Promise<'created' | 'updated'> };

/** Field names in the zod contracts mapped back to the spreadsheet column they came from. */
const FIELD_COLUMN: Record<string, string> = {
  tenantId: 'tenant_code', ticketPrefix: 'ticket_prefix', procedureSteps: 'procedure', feeRupiah: 'fee_rupiah', feeLegalBasis: 'fee_legal_basis',
  complaintChannels: 'complaint_channels', handlingMinutes: 'handling_minutes', completion: 'completion_value', requirements: 'requirements',
  legalBasis: 'legal_basis', staffCompetence: 'staff_competence', internalSupervision: 'internal_supervision', staffCount: 'staff_count',
  serviceGuarantee: 'service_guarantee', safetyGuarantee: 'safety_guarantee', performanceEvaluation: 'performance_evaluation',
};
function columnOf(path: PropertyKey[]): string {
  const key = [...path].reverse().find((p) => typeof p === 'string' && p !== 'internal') as string | undefined;
  if (path[0] === 'completion' && path[1] === 'unit') return 'completion_unit';
  return key ? (FIELD_COLUMN[key] ?? key) : String(path[0] ?? '');
}

function validate<S extends z.ZodType>(schema: S, raw: unknown, line: number, lang: Lang, errors: ImportRowError[]): z.infer<S> | undefined {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  for (const issue of r.error.issues) errors.push({ row: line, column: columnOf(issue.path), reason: issueText(issue, lang) });
  return undefined;
}

async function parseRows(entity: ImportEntity, sheet: Sheet, c: Ctx, errors: ImportRowError[], actor: Actor, now: Date): Promise<Parsed[]> {
  const out: Parsed[] = [];
  const seen = new Map<string, number>();
  const outOfScope = (tenantId: string) => c.scope !== 'all' && !c.scope.includes(tenantId);
  const requirementCodes = new Set((await srepo.listRequirementTypes(c.q)).map((r) => r.code));
  const existingServices = entity === 'services' ? new Map((await srepo.listServices(c.q, c.mppId)).map((s) => [s.code, s])) : new Map();
  for (const { line, cells } of sheet.rows) {
    const before = errors.length;
    for (const col of REQUIRED[entity]) if (!cells[col]) errors.push({ row: line, column: col, reason: T(c.lang, 'Wajib diisi.', 'Required.') });
    if (errors.length > before) continue;
    const key = (entity === 'counters' ? cells.number : cells.code)!.toUpperCase();
    if (seen.has(key)) {
      errors.push({ row: line, column: entity === 'counters' ? 'number' : 'code', reason: T(c.lang, `Duplikat dengan baris ${seen.get(key)}.`, `Duplicate of row ${seen.get(key)}.`) });
      continue;
    }
    seen.set(key, line);
    const tenantId = entity === 'tenants' ? undefined : c.tenantIdsByCode.get(cells.tenant_code!.toUpperCase());
    if (entity !== 'tenants') {
      if (!tenantId) {
        errors.push({ row: line, column: 'tenant_code', reason: T(c.lang, `Instansi "${cells.tenant_code}" tidak ada di MPP ini.`, `No tenant "${cells.tenant_code}" in this MPP.`) });
        continue;
      }
      if (outOfScope(tenantId)) {
        errors.push({ row: line, column: 'tenant_code', reason: T(c.lang, `Anda tidak berwenang atas instansi "${cells.tenant_code}".`, `You may not edit tenant "${cells.tenant_code}".`) });
        continue;
      }
    }
    if (entity === 'tenants') {
      const input = validate(TenantInput, { code: cells.code, name: cells.name, kind: cells.kind, description: cells.description ?? '', logo: cells.logo || null, active: bool(cells.active ?? '') }, line, c.lang, errors);
      if (!input) continue;
      out.push({
        line,
        key,
        apply: async (tx) => {
          const existing = await repo.findTenantByCode(tx, c.mppId, input.code);
          if (existing) await repo.updateTenant(tx, c.mppId, existing.id, input);
          else c.tenantIdsByCode.set(input.code, await repo.insertTenant(tx, c.mppId, input));
          return existing ? 'updated' : 'created';
        },
      });
    } else if (entity === 'counters') {
      const input = validate(CounterInput, { tenantId, number: num(cells.number!), name: cells.name, active: bool(cells.active ?? '') }, line, c.lang, errors);
      if (!input) continue;
      out.push({
        line,
        key,
        apply: async (tx) => {
          const existing = await repo.findCounterByNumber(tx, c.mppId, input.number);
          if (existing && outOfScope(existing.tenantId)) throw rowError(line, 'number', T(c.lang, `Loket ${input.number} milik instansi lain.`, `Counter ${input.number} belongs to another tenant.`));
          if (existing) await repo.updateCounter(tx, c.mppId, existing.id, input);
          else await repo.insertCounter(tx, c.mppId, input);
          return existing ? 'updated' : 'created';
        },
      });
    } else {
      const unknownReqs = list(cells.requirements ?? '').map((x) => x.toUpperCase()).filter((x) => !requirementCodes.has(x));
      if (unknownReqs.length) {
        errors.push({ row: line, column: 'requirements', reason: T(c.lang, `Jenis persyaratan tidak dikenal: ${unknownReqs.join(', ')}.`, `Unknown requirement types: ${unknownReqs.join(', ')}.`) });
        continue;
      }
      const raw = {
        tenantId,
        code: cells.code,
        name: cells.name,
        ticketPrefix: cells.ticket_prefix,
        description: cells.description ?? '',
        requirements: [...new Set(list(cells.requirements ?? '').map((x) => x.toUpperCase()))].map((typeCode) => ({ typeCode, note: '' })),
        procedureSteps: steps(cells.procedure ?? ''),
        completion: { value: num(cells.completion_value ?? '') ?? 0, unit: cells.completion_unit || 'minutes' },
        feeRupiah: num(cells.fee_rupiah!),
        feeLegalBasis: cells.fee_legal_basis ?? '',
        product: cells.product ?? '',
        complaintChannels: cells.complaint_channels ?? '',
        channels: cells.channels ? list(cells.channels).map((x) => x.toLowerCase().replace('-', '_')) : ['direct'],
        handlingMinutes: num(cells.handling_minutes ?? '') ?? 15,
        active: bool(cells.active ?? ''),
        internal: {
          legalBasis: cells.legal_basis ?? '', facilities: cells.facilities ?? '', staffCompetence: cells.staff_competence ?? '', internalSupervision: cells.internal_supervision ?? '',
          staffCount: cells.staff_count ?? '', serviceGuarantee: cells.service_guarantee ?? '', safetyGuarantee: cells.safety_guarantee ?? '', performanceEvaluation: cells.performance_evaluation ?? '',
        },
      };
      const input = validate(ServiceInput, raw, line, c.lang, errors);
      if (!input) continue;
      const existing = existingServices.get(input.code);
      if (existing && outOfScope(existing.tenantId)) {
        errors.push({ row: line, column: 'code', reason: T(c.lang, `Layanan ${input.code} milik instansi lain.`, `Service ${input.code} belongs to another tenant.`) });
        continue;
      }
      out.push({
        line,
        key,
        apply: async (tx) => {
          if (!existing) {
            await insertServiceTx(tx, c.mppId, input, actor, now);
            return 'created';
          }
          await updateServiceTx(tx, c.mppId, existing, { ...input, bookingSettings: inputOf(existing).bookingSettings }, actor, now);
          return 'updated';
        },
      });
    }
  }
  return out;
}

class RowError extends Error {
  constructor(readonly error: ImportRowError) {
    super(error.reason);
  }
}
const rowError = (row: number, column: string, reason: string) => new RowError({ row, column, reason });

/**
 * Imports a sheet of tenants, counters or services. Every row is checked first; if any row is bad
 * nothing is written and the report names each bad row, column and reason. Otherwise all rows are
 * applied in one transaction (rows are matched by code, or by number for counters: existing ones are updated).
 */
export async function importEntity(context: ServiceContext, input: { mppId: string; file: ImportRequest }): Promise<ImportReport> {
  const { db, principal, actor, now, lang } = context;
  const { mppId, file: req } = input;
  requireMppRole(principal, mppId, req.entity === 'tenants' ? ['mpp_admin'] : ['mpp_admin', 'tenant_admin']);
  await repo.getMpp(db, mppId);
  const report: ImportReport = { entity: req.entity, rows: 0, created: 0, updated: 0, applied: false, errors: [] };
  let sheet: Sheet;
  try {
    sheet = req.format === 'csv' ? readCsv(req.content) : await readXlsx(Buffer.from(req.content, 'base64'));
  } catch (err) {
    if (!(err instanceof SheetFormatError)) throw err;
    report.errors.push({ row: 0, column: '', reason: T(lang, `Berkas tidak dapat dibaca sebagai ${req.format.toUpperCase()}.`, `The file cannot be read as ${req.format.toUpperCase()}.`) });
    return report;
  }
  report.rows = sheet.rows.length;
  const missing = REQUIRED[req.entity].filter((h) => !sheet.headers.includes(h));
  if (missing.length) {
    report.errors.push({ row: 1, column: missing.join(', '), reason: T(lang, `Kolom wajib tidak ada. Kolom yang dikenal: ${COLUMNS[req.entity].join(', ')}.`, `Required columns are missing. Known columns: ${COLUMNS[req.entity].join(', ')}.`) });
    return report;
  }
  const tenants = await repo.listTenants(db, mppId);
  const ctx: Ctx = { q: db, mppId, lang, scope: tenantScope(principal, mppId, ['tenant_admin']), tenantIdsByCode: new Map(tenants.map((t) => [t.code, t.id])) };
  const parsed = await parseRows(req.entity, sheet, ctx, report.errors, actor, now);
  if (report.errors.length || req.dryRun) return report;
  try {
    await db.transaction(async (tx) => {
      for (const row of parsed) {
        try {
          report[await row.apply(tx)]++;
        } catch (err) {
          if (err instanceof RowError) throw err;
          if (err instanceof AppError) throw rowError(row.line, '', localize(err.messages, lang));
          if ((err as { code?: string }).code === '23505') throw rowError(row.line, req.entity === 'counters' ? 'number' : 'code', T(lang, 'Bentrok dengan data yang sudah ada.', 'Conflicts with existing data.'));
          throw err;
        }
      }
      await recordAudit(tx, actor, { action: `catalog.imported`, targetType: req.entity, targetId: null, mppId, after: { rows: report.rows, created: report.created, updated: report.updated } });
    });
    report.applied = true;
  } catch (err) {
    if (!(err instanceof RowError)) throw err;
    report.created = 0;
    report.updated = 0;
    report.errors.push(err.error);
  }
  return report;
}

/** Exports what the caller may see, in the same columns the import reads. */
export async function exportEntity(
  ctx: Pick<ServiceContext, 'db' | 'principal'>,
  input: { mppId: string; entity: ImportEntity; format: 'csv' | 'xlsx' },
): Promise<{ filename: string; contentType: string; body: Buffer }> {
  const { db, principal } = ctx;
  const { mppId, entity, format } = input;
  requireMppRole(principal, mppId, ['mpp_admin', 'tenant_admin']);
  const mpp = await repo.getMpp(db, mppId);
  const scope = tenantScope(principal, mppId, ['tenant_admin']);
  const tenantIds = scope === 'all' ? undefined : scope;
  let rows: Record<string, string | number | boolean>[];
  if (entity === 'tenants') {
    rows = (await repo.listTenants(db, mppId, { ids: tenantIds })).map((t) => ({ code: t.code, name: t.name, kind: t.kind, description: t.description, logo: t.logo ?? '', active: t.active }));
  } else if (entity === 'counters') {
    rows = (await repo.listCounters(db, mppId, { tenantIds })).map((c) => ({ number: c.number, name: c.name, tenant_code: c.tenantCode, active: c.active }));
  } else {
    rows = (await srepo.listServices(db, mppId, { tenantIds })).map((s) => ({
      code: s.code, name: s.name, tenant_code: s.tenant.code, ticket_prefix: s.ticketPrefix, description: s.description,
      requirements: s.requirements.map((r) => r.typeCode).join(';'), procedure: s.procedureSteps.join(' | '), completion_value: s.completion.value,
      completion_unit: s.completion.unit, fee_rupiah: s.feeRupiah, fee_legal_basis: s.feeLegalBasis, product: s.product, complaint_channels: s.complaintChannels,
      channels: s.channels.join(';'), handling_minutes: s.handlingMinutes, active: s.active, legal_basis: s.internal.legalBasis, facilities: s.internal.facilities,
      staff_competence: s.internal.staffCompetence, internal_supervision: s.internal.internalSupervision, staff_count: s.internal.staffCount,
      service_guarantee: s.internal.serviceGuarantee, safety_guarantee: s.internal.safetyGuarantee, performance_evaluation: s.internal.performanceEvaluation,
    }));
  }
  const base = `${mpp.slug}-${entity}`;
  if (format === 'csv') return { filename: `${base}.csv`, contentType: 'text/csv; charset=utf-8', body: writeCsv(COLUMNS[entity], rows) };
  return { filename: `${base}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: await writeXlsx(entity, COLUMNS[entity], rows) };
}
