import { listRegions } from '../catalog/repository.js';
import { joinedPerMpp } from '../catalog/rollout-read.js';
import { recordAudit } from '../platform/audit.js';
import { requireNationalAdmin } from '../platform/auth.js';
import type { ServiceContext } from '../platform/context.js';
import { commonErrors } from '../platform/errors.js';
import { listRolloutRows, saveRollout } from './rollout-repository.js';
import type { PutRollout, Rollout, RolloutRegion } from './rollout-schemas.js';

const day = (d: string | Date | null) => (d === null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

const emptyCounts = () => ({ none: 0, planned: 0, commitment: 0, agreements: 0, soft_launch: 0, inaugurated: 0 });

/**
 * Every kabupaten/kota with its MPP's stage and dates (recorded by national admins) and the MPPs in
 * Layan serving it with the agencies and services they have joined; totals and one row per province.
 * @throws AppError 401/403 unless national admin.
 */
export async function getRollout(ctx: ServiceContext, input: { province?: string }): Promise<Rollout> {
  requireNationalAdmin(ctx.principal);
  const [provinces, regencies, stages, joined] = await Promise.all([
    listRegions(ctx.db, { level: 'province' }),
    listRegions(ctx.db, { level: 'regency', province: input.province }),
    listRolloutRows(ctx.db),
    joinedPerMpp(ctx.db),
  ]);
  const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
  const regions: RolloutRegion[] = regencies.map((r) => {
    const s = stages.get(r.code);
    return {
      regionCode: r.code,
      name: r.name,
      provinceCode: r.provinceCode,
      provinceName: provinceName.get(r.provinceCode) ?? r.provinceCode,
      stage: s?.stage ?? null,
      dates: { planned: day(s?.planned_on ?? null), commitment: day(s?.commitment_on ?? null), agreements: day(s?.agreements_on ?? null), softLaunch: day(s?.soft_launch_on ?? null), inaugurated: day(s?.inaugurated_on ?? null) },
      note: s?.note ?? '',
      mpps: joined.filter((m) => m.regionCode === r.code).map((m) => ({ mppId: m.mppId, name: m.name, tenants: m.tenants, services: m.services })),
    };
  });
  const totals = { ...emptyCounts(), regions: regions.length, inLayan: regions.filter((r) => r.mpps.length > 0).length };
  const byProvince = new Map<string, { provinceCode: string; provinceName: string; regions: number; counts: ReturnType<typeof emptyCounts> }>();
  for (const r of regions) {
    const key = r.stage ?? 'none';
    totals[key]++;
    let p = byProvince.get(r.provinceCode);
    if (!p) byProvince.set(r.provinceCode, (p = { provinceCode: r.provinceCode, provinceName: r.provinceName, regions: 0, counts: emptyCounts() }));
    p.regions++;
    p.counts[key]++;
  }
  return { totals, provinces: [...byProvince.values()], regions };
}

/**
 * Records the stage (and the dates reached) of a kabupaten/kota.
 * @throws AppError 401/403 unless national admin; not_found for a code that is not a kabupaten/kota.
 */
export async function putRollout(ctx: ServiceContext, input: { regionCode: string } & PutRollout): Promise<RolloutRegion> {
  const staff = requireNationalAdmin(ctx.principal);
  const regencies = await listRegions(ctx.db, { level: 'regency', province: input.regionCode.slice(0, 2) });
  if (!regencies.some((r) => r.code === input.regionCode)) throw commonErrors.not_found();
  const d = input.dates;
  await ctx.db.transaction(async (tx) => {
    await saveRollout(tx, { ...input, updatedBy: staff.userId, at: ctx.now });
    await recordAudit(tx, ctx.actor, { action: 'operations.rollout_recorded', targetType: 'region', targetId: input.regionCode, after: { stage: input.stage, dates: d } });
  });
  return (await getRollout(ctx, { province: input.regionCode.slice(0, 2) })).regions.find((r) => r.regionCode === input.regionCode)!;
}
