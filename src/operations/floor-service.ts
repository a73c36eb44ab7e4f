import type { ServiceContext } from '../platform/context.js';
import { countersNeeded, erlangC, meanWait } from './erlang.js';
import * as floorRepo from './floor-repository.js';
import * as repo from './repository.js';
import type { Floor, Staffing, StaffingQuery } from './schemas.js';
import { operationsErrors } from './errors.js';
import { resolveTenant } from './stats-service.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const secondsSince = (d: Date, now: Date) => Math.max(0, Math.round((now.getTime() - d.getTime()) / 1000));
/** A line is at risk once its longest wait passes this share of the target. */
const AT_RISK_SHARE = 0.8;
/** Devices quiet this long are shown as offline. */
const DEVICE_QUIET_MINUTES = 10;

/**
 * The live floor of an MPP (an agency admin sees its own agency): lines, counters, tickets near the
 * target wait, parked tickets, devices not heard from.
 * @throws AppError 401/403/404 by scope; ops_pick_tenant (400).
 */
export async function getFloor(ctx: ServiceContext, input: { mppId: string } & { tenantId?: string }): Promise<Floor> {
  const { db, principal, now } = ctx;
  const { mppId, ...query } = input;
  const tenantId = resolveTenant(principal, mppId, query.tenantId);
  const mpp = await repo.getMppInfo(db, mppId);
  const localDay = await floorRepo.localDay(db, mppId, now);
  await repo.foldPending(db, mppId);
  const riskMinutes = Math.floor(mpp.targetWaitMinutes * AT_RISK_SHARE);
  const [lines, counters, risky, parked, quiet] = await Promise.all([
    floorRepo.lines(db, mppId, localDay, now, tenantId),
    floorRepo.counters(db, mppId, tenantId),
    floorRepo.longWaiting(db, mppId, localDay, now, riskMinutes, tenantId),
    floorRepo.parkedTickets(db, mppId, localDay, tenantId),
    tenantId ? Promise.resolve([]) : floorRepo.quietDevices(db, mppId, new Date(now.getTime() - DEVICE_QUIET_MINUTES * 60_000)),
  ]);
  const lineViews = lines.map((l) => {
    const longest = l.oldestQueuedAt ? secondsSince(l.oldestQueuedAt, now) : null;
    const expected = l.waiting === 0 ? 0 : l.openCounters === 0 || l.meanServiceSeconds === null ? null : Math.ceil((l.waiting * l.meanServiceSeconds) / 60 / l.openCounters);
    return {
      serviceId: l.serviceId,
      serviceName: l.serviceName,
      tenantId: l.tenantId,
      tenantName: l.tenantName,
      waiting: l.waiting,
      longestWaitSeconds: longest,
      expectedWaitMinutes: expected,
      servedToday: l.servedToday,
      openCounters: l.openCounters,
      atRisk: longest !== null && longest >= riskMinutes * 60,
    };
  });
  const longest = lineViews.reduce<number | null>((m, l) => (l.longestWaitSeconds === null ? m : Math.max(m ?? 0, l.longestWaitSeconds)), null);
  return {
    at: now.toISOString(),
    localDay,
    timezone: mpp.timezone,
    targetWaitMinutes: mpp.targetWaitMinutes,
    totals: {
      waiting: lineViews.reduce((a, l) => a + l.waiting, 0),
      servedToday: lineViews.reduce((a, l) => a + l.servedToday, 0),
      longestWaitSeconds: longest,
      countersOpen: counters.filter((c) => c.status === 'open').length,
      countersPaused: counters.filter((c) => c.status === 'paused').length,
      countersClosed: counters.filter((c) => c.status === 'closed').length,
    },
    lines: lineViews,
    counters: counters.map((c) => ({
      id: c.id,
      number: c.number,
      name: c.name,
      tenantName: c.tenantName,
      status: c.status,
      pauseReason: c.pauseReason,
      officerName: c.officerName,
      since: iso(c.since),
      current: c.current ? { ...c.current, calledAt: iso(c.current.calledAt) } : null,
    })),
    atRisk: risky.map((r) => ({ id: r.id, number: r.number, serviceName: r.serviceName, tenantName: r.tenantName, waitingSeconds: secondsSince(r.queuedAt, now) })),
    parked: parked.map((p) => ({ id: p.id, number: p.number, serviceName: p.serviceName, tenantName: p.tenantName, parkedSeconds: secondsSince(p.parkedAt, now) })),
    devicesOffline: quiet.map((d) => ({ ...d, lastUsedAt: iso(d.lastUsedAt) })),
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Staffing advice: for each agency and local hour, the mean arrivals per day with arrivals and the
 * mean service time of the history, and the fewest counters whose Erlang C mean wait meets the target.
 * @throws AppError 401/403/404 by scope; ops_bad_period, ops_pick_tenant (400).
 */
export async function getStaffing(ctx: ServiceContext, input: { mppId: string } & StaffingQuery & { tenantId?: string }): Promise<Staffing> {
  const { db, principal } = ctx;
  const { mppId, ...query } = input;
  const tenantId = resolveTenant(principal, mppId, query.tenantId);
  if (query.to < query.from) throw operationsErrors.ops_bad_period();
  const mpp = await repo.getMppInfo(db, mppId);
  const target = query.targetWaitMinutes ?? mpp.targetWaitMinutes;
  await repo.foldPending(db, mppId);
  const { days, rows } = await repo.tenantHours(db, { mppId, from: query.from, to: query.to, tenantId });
  const tenants = (await repo.tenantCounters(db, mppId)).filter((t) => !tenantId || t.tenantId === tenantId);
  return {
    from: query.from,
    to: query.to,
    days,
    targetWaitMinutes: target,
    tenants: tenants
      .map((t) => {
        const mine = rows.filter((r) => r.tenantId === t.tenantId);
        const n = mine.reduce((a, r) => a + r.serviceN, 0);
        const overallMinutes = n > 0 ? mine.reduce((a, r) => a + r.serviceSum, 0) / n / 60 : t.defaultMinutes;
        const hours = mine
          .filter((r) => r.issued > 0)
          .sort((a, b) => a.hour - b.hour)
          .map((r) => {
            const lambda = days > 0 ? r.issued / days : 0;
            const s = r.serviceN > 0 ? r.serviceSum / r.serviceN / 60 : overallMinutes;
            const needed = countersNeeded(lambda, s, target);
            const load = (lambda * s) / 60;
            return {
              hour: r.hour,
              arrivalsPerHour: round2(lambda),
              meanServiceMinutes: round2(s),
              countersNeeded: needed,
              expectedWaitMinutes: needed > 0 ? round2(meanWait(needed, lambda, s)) : null,
              probabilityOfWaiting: needed > 0 ? round2(erlangC(needed, load)) : null,
            };
          });
        return {
          tenantId: t.tenantId,
          tenantName: t.tenantName,
          countersTotal: t.total,
          countersOpenNow: t.open,
          peakCountersNeeded: hours.reduce((m, h) => Math.max(m, h.countersNeeded), 0),
          hours,
        };
      })
      .filter((t) => t.hours.length > 0 || t.countersTotal > 0),
  };
}
