import { listMpps } from '../catalog/repository.js';
import { requireNationalAdmin } from '../platform/auth.js';
import type { ServiceContext } from '../platform/context.js';
import * as cards from './scorecard-repository.js';
import type { NationalQuery, NationalView } from './scorecard-schemas.js';
import { monthIn } from './scorecard-service.js';

/** No ticket activity for this long: the MPP has stopped sending data (or the queue is not in use). */
export const STALE_ACTIVITY_DAYS = 3;
/** The refresher runs hourly; a card older than this means it has not. */
export const STALE_REFRESH_HOURS = 26;

const mean = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null);

interface NationalRow {
  mppId: string;
  mppName: string;
  slug: string;
  provinceCode: string | null;
  provinceName: string | null;
  card: cards.StoredCard['card'] | null;
  score: number | null;
  lastActivityAt: Date | null;
  computedAt: Date | null;
}
type Row = NationalRow & { stale: 'no_data' | 'no_recent_activity' | 'not_refreshed' | null };

const SORTS: Record<NationalQuery['sort'], (r: Row) => number | string | null> = {
  score: (r) => r.score,
  ikm: (r) => r.card?.survey.ikm ?? null,
  withinTarget: (r) => r.card?.queue.withinTargetShare ?? null,
  complaints: (r) => r.card?.complaints.resolvedOnTimeShare ?? null,
  bookingNoShow: (r) => (r.card?.booking.noShowRate === null || r.card?.booking.noShowRate === undefined ? null : -r.card.booking.noShowRate),
  conformity: (r) => r.card?.conformity.share ?? null,
  name: (r) => r.mppName,
};

/**
 * Every MPP's stored scorecard of a month, by province, ranked by score and filterable, with totals
 * over what is shown and a flag on MPPs whose data is stale.
 * @throws AppError 401/403 unless national admin.
 */
export async function getNationalView(ctx: ServiceContext, input: NationalQuery): Promise<NationalView> {
  requireNationalAdmin(ctx.principal);
  const month = input.month ?? monthIn(ctx.now, 'Asia/Jakarta');
  const [mpps, stored] = await Promise.all([listMpps(ctx.db, {}), cards.cardsOfMonth(ctx.db, month)]);
  const byMpp = new Map(stored.map((c) => [c.mppId, c]));
  const all: Row[] = mpps.map((m) => {
    const c = byMpp.get(m.id);
    const r: NationalRow = {
      mppId: m.id,
      mppName: m.name,
      slug: m.slug,
      provinceCode: m.province?.code ?? null,
      provinceName: m.province?.name ?? null,
      card: c?.card ?? null,
      score: c?.score ?? null,
      lastActivityAt: c?.lastActivityAt ?? null,
      computedAt: c?.computedAt ?? null,
    };
    return { ...r, stale: staleness(r, ctx.now) };
  });
  const ranked = all.filter((r) => r.score !== null).sort((a, b) => b.score! - a.score! || a.mppName.localeCompare(b.mppName));
  const rank = new Map(ranked.map((r, i) => [r.mppId, i + 1]));
  const shown = all.filter(
    (r) =>
      (!input.province || r.provinceCode === input.province) &&
      (!input.grade || r.card?.survey.grade === input.grade) &&
      (input.stale === undefined || (input.stale === 'true') === (r.stale !== null)),
  );
  const key = SORTS[input.sort];
  shown.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === null || y === null) return x === y ? a.mppName.localeCompare(b.mppName) : x === null ? 1 : -1;
    if (typeof x === 'string' || typeof y === 'string') return String(x).localeCompare(String(y));
    return y - x || a.mppName.localeCompare(b.mppName);
  });
  const provinces = new Map<string, Row[]>();
  for (const r of shown) provinces.set(r.provinceCode ?? '', [...(provinces.get(r.provinceCode ?? '') ?? []), r]);
  return {
    month,
    totals: {
      mpps: shown.length,
      withScore: shown.filter((r) => r.score !== null).length,
      stale: shown.filter((r) => r.stale !== null).length,
      meanScore: mean(shown.flatMap((r) => (r.score === null ? [] : [r.score]))),
      meanIkm: mean(shown.flatMap((r) => (r.card?.survey.ikm == null ? [] : [r.card.survey.ikm]))),
      issued: shown.reduce((a, r) => a + (r.card?.queue.issued ?? 0), 0),
      served: shown.reduce((a, r) => a + (r.card?.queue.served ?? 0), 0),
      complaintsReceived: shown.reduce((a, r) => a + (r.card?.complaints.received ?? 0), 0),
    },
    provinces: [...provinces.values()]
      .map((rs) => ({
        provinceCode: rs[0]!.provinceCode,
        provinceName: rs[0]!.provinceName,
        mpps: rs.length,
        meanScore: mean(rs.flatMap((r) => (r.score === null ? [] : [r.score]))),
        stale: rs.filter((r) => r.stale !== null).length,
      }))
      .sort((a, b) => (a.provinceName ?? '~').localeCompare(b.provinceName ?? '~')),
    mpps: shown.map((r) => ({
      rank: rank.get(r.mppId) ?? null,
      mppId: r.mppId,
      mppName: r.mppName,
      slug: r.slug,
      provinceCode: r.provinceCode,
      provinceName: r.provinceName,
      card: r.card,
      stale: r.stale,
      lastActivityAt: r.lastActivityAt ? new Date(r.lastActivityAt).toISOString() : null,
      computedAt: r.computedAt ? new Date(r.computedAt).toISOString() : null,
    })),
  };
}

function staleness(r: NationalRow, now: Date): Row['stale'] {
  if (!r.card || !r.computedAt) return 'no_data';
  if (!r.lastActivityAt || now.getTime() - new Date(r.lastActivityAt).getTime() > STALE_ACTIVITY_DAYS * 86_400_000) return 'no_recent_activity';
  if (now.getTime() - new Date(r.computedAt).getTime() > STALE_REFRESH_HOURS * 3_600_000) return 'not_refreshed';
  return null;
}
