import { findTenantName } from '../catalog/read.js';
import { recordAudit } from '../platform/audit.js';
import type { ServiceContext } from '../platform/context.js';
import { requireMppRole, requireNationalAdmin, requireTenantRole, tenantScope, type Principal } from '../platform/auth.js';
import type { Db } from '../platform/db.js';
import { commonErrors } from '../platform/errors.js';
import { computeIkm, krejcieMorgan, UNSUR_COUNT, type UnsurTally } from './ikm.js';
import { localDay, parsePeriod, periodsBack, type Period } from './periods.js';
import { AGE_GROUPS, EDUCATIONS, GENDERS, OCCUPATIONS, PROFILE_LABELS, UNSUR } from './questionnaire.js';
import * as repo from './repository.js';
import type { IkmSummary, PublicIkm, ReportQuery, SurveyReport, TrendQuery } from './schemas.js';
import { reportErrors } from './errors.js';

const EMPTY: UnsurTally[] = Array.from({ length: UNSUR_COUNT }, () => ({ sum: 0, answers: 0 }));

export function summaryOf(respondents: number, tallies: UnsurTally[]): IkmSummary {
  const r = computeIkm(tallies);
  return { respondents, index: r.index, ikm: r.ikm, grade: r.grade, complete: r.complete };
}

function periodOrThrow(code: string): Period {
  const p = parsePeriod(code);
  if (!p) throw reportErrors.survey_bad_period({ period: code });
  return p;
}

interface ResolvedScope {
  mppId: string;
  tenantId?: string;
  serviceId?: string;
  serviceTenantName?: string;
  serviceName?: string;
}

/**
 * Reports are for MPP admins (whole MPP) and tenant admins (their tenant only); officers do not
 * read them. A tenant admin of one tenant gets it chosen for them.
 * @throws AppError 401/403/404 by scope; survey_pick_tenant (400).
 */
async function resolveScope(db: Db, principal: Principal, mppId: string, q: { tenantId?: string; serviceId?: string }): Promise<ResolvedScope> {
  requireMppRole(principal, mppId, ['mpp_admin', 'tenant_admin']);
  // A national admin passes the role check for any id; an MPP that does not exist is a 404, not a crash.
  if (!(await repo.findMpp(db, mppId))) throw commonErrors.not_found();
  let tenantId = q.tenantId;
  let serviceName: string | undefined;
  if (q.serviceId) {
    const service = await repo.getService(db, mppId, q.serviceId);
    if (tenantId && tenantId !== service.tenant_id) throw commonErrors.not_found();
    tenantId = service.tenant_id;
    serviceName = service.name;
  }
  const scope = tenantScope(principal, mppId);
  if (!tenantId && scope !== 'all') {
    if (scope.length !== 1) throw reportErrors.survey_pick_tenant();
    tenantId = scope[0];
  }
  if (tenantId) requireTenantRole(principal, mppId, tenantId, ['tenant_admin']);
  return { mppId, tenantId, serviceId: q.serviceId, serviceName };
}

function profileRows(counts: Map<string | null, number>, values: readonly string[], labels: Record<string, { id: string; en: string }>) {
  const rows = values.map((v) => ({ value: v, label: labels[v]!, count: counts.get(v) ?? 0 }));
  const missing = counts.get(null) ?? 0;
  if (missing) rows.push({ value: '-', label: { id: 'Tidak diisi', en: 'Not given' }, count: missing });
  return rows;
}

/**
 * The SKM recapitulation for a period: per-unsur totals and NRR, IKM, mutu, kinerja, sample size,
 * respondent profile, and comparisons of tenants and services within the scope.
 * @throws AppError 401/403/404 by scope; survey_bad_period, survey_pick_tenant (400).
 */
export async function getReport(ctx: ServiceContext, input: { mppId: string } & ReportQuery): Promise<SurveyReport> {
  const { db, principal } = ctx;
  const { mppId, ...query } = input;
  const period = periodOrThrow(query.period);
  const s = await resolveScope(db, principal, mppId, query);
  const mpp = (await repo.findMpp(db, mppId))!;
  const scope: repo.Scope = { mppId, tenantId: s.tenantId, serviceId: s.serviceId, from: period.from, to: period.to };

  const [overall] = await repo.tallies(db, scope);
  const result = computeIkm(overall?.tallies ?? EMPTY);
  const respondents = overall?.respondents ?? 0;
  const population = await repo.servedCount(db, scope);
  const required = krejcieMorgan(population);

  const byTenant = s.tenantId ? [] : await repo.tallies(db, scope, 'tenant_id');
  const byService = s.serviceId ? [] : await repo.tallies(db, scope, 'service_id');
  const tenantNames = await repo.namesOf(db, 'tenants', byTenant.map((r) => r.key!));
  const serviceNames = await repo.namesOf(db, 'services', byService.map((r) => r.key!));

  const [gender, age, education, occupation] = await Promise.all([
    repo.profileCounts(db, scope, 'gender'),
    repo.profileCounts(db, scope, 'age_group'),
    repo.profileCounts(db, scope, 'education'),
    repo.profileCounts(db, scope, 'occupation'),
  ]);

  return {
    period: { code: period.code, from: period.from, to: period.to, label: period.label },
    scope: {
      mppId,
      mppName: mpp.name,
      tenantId: s.tenantId ?? null,
      tenantName: s.tenantId ? ((await findTenantName(db, { mppId, tenantId: s.tenantId })) ?? null) : null,
      serviceId: s.serviceId ?? null,
      serviceName: s.serviceName ?? null,
    },
    summary: { respondents, index: result.index, ikm: result.ikm, grade: result.grade, complete: result.complete },
    unsur: result.unsur.map((u, i) => ({ code: UNSUR[i]!.code, name: UNSUR[i]!.name, ...u })),
    sample: { population, required, respondents, progress: required ? Math.round((respondents / required) * 1000) / 1000 : null },
    profile: {
      gender: profileRows(gender, GENDERS, PROFILE_LABELS.gender.options),
      ageGroup: profileRows(age, AGE_GROUPS, PROFILE_LABELS.ageGroup.options),
      education: profileRows(education, EDUCATIONS, PROFILE_LABELS.education.options),
      occupation: profileRows(occupation, OCCUPATIONS, PROFILE_LABELS.occupation.options),
    },
    tenants: byTenant
      .map((r) => ({ tenantId: r.key!, name: tenantNames.get(r.key!)?.name ?? '?', ...summaryOf(r.respondents, r.tallies) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    services: byService
      .map((r) => ({ serviceId: r.key!, name: serviceNames.get(r.key!)?.name ?? '?', tenantName: serviceNames.get(r.key!)?.tenantName ?? '?', ...summaryOf(r.respondents, r.tallies) }))
      .sort((a, b) => a.tenantName.localeCompare(b.tenantName) || a.name.localeCompare(b.name)),
  };
}

/** IKM over the last `count` periods of a kind, ending with the current one in the MPP's zone. */
export async function getTrend(ctx: ServiceContext, input: { mppId: string } & TrendQuery) {
  const { db, principal, now } = ctx;
  const { mppId, ...query } = input;
  const s = await resolveScope(db, principal, mppId, query);
  const mpp = (await repo.findMpp(db, mppId))!;
  const periods = periodsBack(query.kind, localDay(now, mpp.timezone), query.count);
  const out = [];
  for (const p of periods) {
    const [row] = await repo.tallies(db, { mppId, tenantId: s.tenantId, serviceId: s.serviceId, from: p.from, to: p.to });
    out.push({ period: p.code, label: p.label, ...summaryOf(row?.respondents ?? 0, row?.tallies ?? EMPTY) });
  }
  return out;
}

/** Free-text suggestions of the period, without dates or order that could point at a person. */
export async function getSuggestions(ctx: ServiceContext, input: { mppId: string } & ReportQuery) {
  const { db, principal } = ctx;
  const { mppId, ...query } = input;
  const period = periodOrThrow(query.period);
  const s = await resolveScope(db, principal, mppId, query);
  const rows = await repo.suggestions(db, { mppId, tenantId: s.tenantId, serviceId: s.serviceId, from: period.from, to: period.to }, 500);
  return rows.map((r) => ({ serviceName: r.service_name, tenantName: r.tenant_name, text: r.text }));
}

/**
 * Every MPP's IKM for a period and the national IKM from all responses together (NRR over all
 * answers nationally, not an average of MPP averages). Periods are cut on each MPP's local days.
 * @throws AppError 401/403 unless national admin; survey_bad_period (400).
 */
export async function getNational(ctx: ServiceContext, input: { periodCode: string }) {
  const { db, principal } = ctx;
  const { periodCode } = input;
  requireNationalAdmin(principal);
  const period = periodOrThrow(periodCode);
  const scope = { from: period.from, to: period.to };
  const [all] = await repo.tallies(db, scope);
  const byMpp = await repo.tallies(db, scope, 'mpp_id');
  const names = await repo.namesOf(db, 'mpps', byMpp.map((r) => r.key!));
  return {
    period: period.code,
    national: summaryOf(all?.respondents ?? 0, all?.tallies ?? EMPTY),
    mpps: byMpp.map((r) => ({ mppId: r.key!, name: names.get(r.key!)?.name ?? '?', ...summaryOf(r.respondents, r.tallies) })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/**
 * Publishes a period's MPP-wide result to the public page (a snapshot; publishing again replaces it).
 * @throws AppError 401/403/404 unless MPP admin; survey_bad_period (400).
 */
export async function publish(ctx: ServiceContext, input: { mppId: string; periodCode: string }): Promise<PublicIkm> {
  const { db, principal, actor, now } = ctx;
  const { mppId, periodCode } = input;
  const staff = requireMppRole(principal, mppId, ['mpp_admin']);
  const report = await getReport(ctx, { mppId, period: periodCode });
  const snapshot = {
    mppName: report.scope.mppName,
    period: report.period.code,
    periodLabel: report.period.label,
    respondents: report.summary.respondents,
    ikm: report.summary.ikm,
    grade: report.summary.grade,
    tenants: report.tenants.map((t) => ({ name: t.name, respondents: t.respondents, ikm: t.ikm, grade: t.grade })),
  };
  await db.transaction(async (tx) => {
    await repo.upsertPublication(tx, { mppId, period: report.period.code, periodEnd: report.period.to, snapshot, publishedBy: staff.userId, at: now });
    await recordAudit(tx, actor, { action: 'survey.published', targetType: 'survey_period', targetId: report.period.code, mppId, after: snapshot });
  });
  return { ...snapshot, publishedAt: now.toISOString() };
}

/**
 * The latest published result of an MPP, by id or slug, for its public page.
 * @throws AppError not_found (unknown MPP), survey_nothing_published (404).
 */
export async function getPublicIkm(ctx: ServiceContext, input: { mppRef: string }): Promise<PublicIkm> {
  const { db } = ctx;
  const { mppRef } = input;
  const mpp = await repo.findMpp(db, mppRef);
  if (!mpp) throw commonErrors.not_found();
  const pub = await repo.findLatestPublication(db, mpp.id);
  if (!pub) throw reportErrors.survey_nothing_published();
  return { ...(pub.snapshot as Omit<PublicIkm, 'publishedAt'>), publishedAt: pub.published_at.toISOString() };
}
