import { requireMppRole, requireTenantRole, tenantScope, type Principal } from '../platform/auth.js';
import type { ServiceContext } from '../platform/context.js';
import { operationsErrors } from './errors.js';
import { durationStats, histBelow, LONG_EDGES, share, WALK_EDGES } from './kpis.js';
import * as repo from './repository.js';
import type { Grouping, Kpis, Stats, StatsQuery } from './schemas.js';

const DAY_MS = 86_400_000;

/**
 * Statistics are for MPP admins (whole MPP) and agency admins (their agency only, chosen for them).
 * @throws AppError 401/403/404 by scope; ops_pick_tenant (400).
 */
export function resolveTenant(principal: Principal, mppId: string, tenantId: string | undefined): string | undefined {
  requireMppRole(principal, mppId, ['mpp_admin', 'tenant_admin']);
  const scope = tenantScope(principal, mppId);
  let chosen = tenantId;
  if (!chosen && scope !== 'all') {
    if (scope.length !== 1) throw operationsErrors.ops_pick_tenant();
    chosen = scope[0];
  }
  if (chosen) requireTenantRole(principal, mppId, chosen, ['tenant_admin']);
  return chosen;
}

function emptyAgg(key: string): repo.AggRow {
  const hist = (n: number) => new Array<number>(n).fill(0);
  return {
    key,
    issued: 0, issuedBooked: 0, called: 0, recalled: 0, served: 0, noShow: 0, cancelled: 0, transferred: 0,
    wait: { n: 0, sum: 0, max: 0, hist: hist(LONG_EDGES.length) },
    walk: { n: 0, sum: 0, hist: hist(WALK_EDGES.length) },
    service: { n: 0, sum: 0, max: 0, hist: hist(LONG_EDGES.length) },
    total: { n: 0, sum: 0, hist: hist(LONG_EDGES.length) },
  };
}

const addHist = (a: number[], b: number[]) => a.map((v, i) => v + (b[i] ?? 0));

/** The sum of aggregate rows (totals over the groups). */
export function sumAgg(rows: repo.AggRow[]): repo.AggRow {
  const acc = emptyAgg('total');
  for (const r of rows) {
    acc.issued += r.issued;
    acc.issuedBooked += r.issuedBooked;
    acc.called += r.called;
    acc.recalled += r.recalled;
    acc.served += r.served;
    acc.noShow += r.noShow;
    acc.cancelled += r.cancelled;
    acc.transferred += r.transferred;
    acc.wait = { n: acc.wait.n + r.wait.n, sum: acc.wait.sum + r.wait.sum, max: Math.max(acc.wait.max, r.wait.max), hist: addHist(acc.wait.hist, r.wait.hist) };
    acc.walk = { n: acc.walk.n + r.walk.n, sum: acc.walk.sum + r.walk.sum, hist: addHist(acc.walk.hist, r.walk.hist) };
    acc.service = { n: acc.service.n + r.service.n, sum: acc.service.sum + r.service.sum, max: Math.max(acc.service.max, r.service.max), hist: addHist(acc.service.hist, r.service.hist) };
    acc.total = { n: acc.total.n + r.total.n, sum: acc.total.sum + r.total.sum, hist: addHist(acc.total.hist, r.total.hist) };
  }
  return acc;
}

export function kpisOf(a: repo.AggRow, targetWaitMinutes: number): Kpis {
  return {
    issued: a.issued,
    booked: a.issuedBooked,
    walkIn: a.issued - a.issuedBooked,
    called: a.called,
    recalled: a.recalled,
    served: a.served,
    noShow: a.noShow,
    cancelled: a.cancelled,
    transferred: a.transferred,
    noShowRate: share(a.noShow, a.served + a.noShow),
    withinTargetShare: a.wait.hist.length ? share(histBelow(a.wait.hist, targetWaitMinutes), a.wait.n) : null,
    wait: durationStats(a.wait),
    walk: durationStats(a.walk, WALK_EDGES),
    service: durationStats(a.service),
    total: durationStats(a.total),
  };
}

const NO_COUNTER = { id: 'Tanpa loket (ambil tiket)', en: 'No counter (ticket issued)' };

function fallbackLabel(by: Grouping, key: string, lang: 'id' | 'en'): string {
  if (by === 'weekday') return (lang === 'id' ? ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'] : ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'])[Number(key)] ?? key;
  if (by === 'hour') return `${key.padStart(2, '0')}:00`;
  if ((by === 'counter' && key === repo.NIL_UUID) || (by === 'officer' && key === '')) return by === 'counter' ? NO_COUNTER[lang] : lang === 'id' ? 'Tanpa petugas (kios/sistem)' : 'No officer (kiosk/system)';
  return key;
}

/**
 * Queue statistics of a period of local days from the hourly aggregates: totals, one row per group,
 * and the arrivals heatmap.
 * @throws AppError 401/403/404 by scope; ops_bad_period, ops_pick_tenant (400).
 */
export async function getStats(ctx: ServiceContext, input: { mppId: string } & StatsQuery): Promise<Stats> {
  const { db, principal, lang } = ctx;
  const { mppId, ...query } = input;
  const tenantId = resolveTenant(principal, mppId, query.tenantId);
  const span = (Date.parse(`${query.to}T00:00:00Z`) - Date.parse(`${query.from}T00:00:00Z`)) / DAY_MS;
  if (span < 0 || span > 365) throw operationsErrors.ops_bad_period();
  // Events committed before this read reach the aggregates first (0730), so the figures count them.
  await repo.foldPending(db, mppId);
  const slice: repo.Slice = { mppId, from: query.from, to: query.to, tenantId, serviceId: query.serviceId };
  const daily = repo.DAILY_GROUPINGS.includes(query.by);
  // One round of statements, not three in a row (the MPP, then the figures, then their names): only
  // officers' names need the keys first (profiled in bench/ops-stats.ts).
  const [mpp, rows, totals, heat, allNames] = await Promise.all([
    repo.getMppInfo(db, mppId),
    repo.aggregate(db, slice, query.by),
    daily ? Promise.resolve(null) : repo.aggregate(db, slice, 'total'),
    repo.arrivals(db, slice),
    query.by === 'officer' ? Promise.resolve(null) : repo.labels(db, mppId, query.by, []),
  ]);
  const names = allNames ?? (await repo.labels(db, mppId, query.by, rows.map((r) => r.key)));
  const heatmap = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const h of heat) heatmap[h.weekday]![h.hour] = h.issued;
  return {
    mppId,
    mppName: mpp.name,
    timezone: mpp.timezone,
    from: query.from,
    to: query.to,
    tenantId: tenantId ?? null,
    serviceId: query.serviceId ?? null,
    targetWaitMinutes: mpp.targetWaitMinutes,
    by: query.by,
    totals: kpisOf(totals ? (totals[0] ?? sumAgg([])) : sumAgg(rows), mpp.targetWaitMinutes),
    groups: rows.map((r) => ({ key: r.key, label: names.get(r.key) ?? fallbackLabel(query.by, r.key, lang), kpis: kpisOf(r, mpp.targetWaitMinutes) })),
    heatmap,
  };
}
