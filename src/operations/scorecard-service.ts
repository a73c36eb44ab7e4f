import { bookingAttendance } from '../booking/scorecard-read.js';
import { zonedInstant } from '../catalog/hours.js';
import { listMpps } from '../catalog/repository.js';
import { listServices } from '../catalog/service-repository.js';
import { complaintSla } from '../complaints/scorecard-read.js';
import { requireMppRole } from '../platform/auth.js';
import type { ServiceContext } from '../platform/context.js';
import type { Db } from '../platform/db.js';
import { computeIkm } from '../survey/ikm.js';
import { tallies } from '../survey/repository.js';
import { histBelow, histPercentile, share } from './kpis.js';
import * as repo from './repository.js';
import * as cards from './scorecard-repository.js';
import type { Scorecard, ScorecardMonth, ScorecardQuery } from './scorecard-schemas.js';
import { kpisOf } from './stats-service.js';

/** 'YYYY-MM' shifted by whole months. */
export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const k = y * 12 + (m - 1) + delta;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
}

/** First day, last day and the first day of the next month, as local dates. */
export function monthDays(month: string): { first: string; last: string; next: string } {
  const next = `${addMonths(month, 1)}-01`;
  const last = new Date(Date.parse(`${next}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return { first: `${month}-01`, last, next };
}

/** The month (YYYY-MM) an instant falls in, in a zone. */
export function monthIn(now: Date, timezone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit' }).format(now).slice(0, 7);
}

const pct = (x: number | null) => (x === null ? null : x * 100);

/** Layan's composite 0-100: the mean of the figures the month has (not an official index; docs/operations.md). */
export function compositeScore(c: Omit<ScorecardMonth, 'score'>): number | null {
  const parts = [
    c.survey.ikm,
    pct(c.queue.withinTargetShare),
    pct(c.complaints.verifiedOnTimeShare),
    pct(c.complaints.resolvedOnTimeShare),
    c.booking.noShowRate === null ? null : 100 - c.booking.noShowRate * 100,
    pct(c.conformity.share),
  ].filter((x): x is number => x !== null);
  return parts.length ? Math.round((parts.reduce((a, b) => a + b, 0) / parts.length) * 10) / 10 : null;
}

/** One month of an MPP's scorecard, judged at `now` (deadlines not yet passed do not count against it). */
export async function computeMonth(db: Db, input: { mppId: string; timezone: string; targetWaitMinutes: number; month: string; now: Date }) {
  const { first, last, next } = monthDays(input.month);
  await repo.foldPending(db, input.mppId);
  const [totals, survey, sla, attendance, times] = await Promise.all([
    repo.aggregate(db, { mppId: input.mppId, from: first, to: last }, 'total'),
    tallies(db, { mppId: input.mppId, from: first, to: next }),
    complaintSla(db, { mppId: input.mppId, from: zonedInstant(first, 0, input.timezone), to: zonedInstant(next, 0, input.timezone), now: input.now }),
    bookingAttendance(db, { mppId: input.mppId, from: first, to: next, now: input.now }),
    cards.serviceTimes(db, { mppId: input.mppId, from: first, to: last }),
  ]);
  // Only services whose Standar Pelayanan promises a time in minutes can be judged at the counter.
  const promised = new Map(
    (times.length ? await listServices(db, input.mppId, { ids: times.map((x) => x.serviceId) }) : [])
      .filter((s) => s.completion.unit === 'minutes' && s.completion.value > 0)
      .map((s) => [s.id, s]),
  );
  const q = totals[0];
  const k = q ? kpisOf(q, input.targetWaitMinutes) : null;
  const ikm = survey[0] && survey[0].respondents > 0 ? computeIkm(survey[0].tallies) : null;
  const services = times
    .flatMap((x) => {
      const s = promised.get(x.serviceId);
      if (!s) return [];
      const within = histBelow(x.hist, s.completion.value);
      return [{ serviceId: x.serviceId, serviceName: s.name, tenantName: s.tenant.name, promisedMinutes: s.completion.value, served: x.served, within, share: share(within, x.served) }];
    })
    .sort((a, b) => a.tenantName.localeCompare(b.tenantName) || a.serviceName.localeCompare(b.serviceName));
  const cServed = services.reduce((a, s) => a + s.served, 0);
  const cWithin = services.reduce((a, s) => a + s.within, 0);
  const card: Omit<ScorecardMonth, 'score'> = {
    month: input.month,
    survey: { respondents: survey[0]?.respondents ?? 0, ikm: ikm?.ikm ?? null, grade: (ikm?.grade?.mutu as 'A' | 'B' | 'C' | 'D' | undefined) ?? null },
    queue: {
      issued: k?.issued ?? 0,
      served: k?.served ?? 0,
      waitMedianMinutes: q ? histPercentile(q.wait.hist, 0.5) : null,
      withinTargetShare: k?.withinTargetShare ?? null,
      noShowRate: k?.noShowRate ?? null,
    },
    complaints: {
      ...sla,
      verifiedOnTimeShare: share(sla.verifiedOnTime, sla.verificationDue),
      resolvedOnTimeShare: share(sla.resolvedOnTime, sla.resolutionDue),
    },
    booking: { ...attendance, noShowRate: share(attendance.noShow, attendance.checkedIn + attendance.noShow) },
    conformity: { served: cServed, within: cWithin, share: share(cWithin, cServed) },
  };
  return { card: { ...card, score: compositeScore(card) } satisfies ScorecardMonth, services };
}

/**
 * An MPP's scorecard for `months` months ending with `month` (default: the current one in its zone),
 * computed now; each month is also kept for the national view.
 * @throws AppError 401/403/404 unless the MPP's admin (or a national admin).
 */
export async function getScorecard(ctx: ServiceContext, input: { mppId: string } & ScorecardQuery): Promise<Scorecard> {
  requireMppRole(ctx.principal, input.mppId, ['mpp_admin']);
  const mpp = await repo.getMppInfo(ctx.db, input.mppId);
  const lastMonth = input.month ?? monthIn(ctx.now, mpp.timezone);
  const list = Array.from({ length: input.months }, (_, i) => addMonths(lastMonth, i - input.months + 1));
  const computed = [];
  for (const month of list) computed.push(await computeMonth(ctx.db, { mppId: mpp.id, timezone: mpp.timezone, targetWaitMinutes: mpp.targetWaitMinutes, month, now: ctx.now }));
  const lastActivityAt = await cards.lastActivity(ctx.db, mpp.id);
  for (const c of computed) await cards.upsertScorecard(ctx.db, { mppId: mpp.id, month: c.card.month, card: c.card, lastActivityAt, computedAt: ctx.now });
  return {
    mppId: mpp.id,
    mppName: mpp.name,
    timezone: mpp.timezone,
    targetWaitMinutes: mpp.targetWaitMinutes,
    months: computed.map((c) => c.card),
    conformityServices: computed.at(-1)!.services,
    computedAt: ctx.now.toISOString(),
  };
}

/** Recomputes the current and previous month of every MPP (the refresher's work); returns the MPPs done. */
export async function refreshScorecards(db: Db, now: Date): Promise<number> {
  let n = 0;
  for (const { id: mppId } of await listMpps(db, {})) {
    const mpp = await repo.getMppInfo(db, mppId);
    const current = monthIn(now, mpp.timezone);
    const lastActivityAt = await cards.lastActivity(db, mppId);
    for (const month of [addMonths(current, -1), current]) {
      const { card } = await computeMonth(db, { mppId, timezone: mpp.timezone, targetWaitMinutes: mpp.targetWaitMinutes, month, now });
      await cards.upsertScorecard(db, { mppId, month, card, lastActivityAt, computedAt: now });
    }
    n++;
  }
  return n;
}
