import * as catalogRepo from '../catalog/repository.js';
import { listDistricts, listVillages } from '../catalog/read.js';
import { listServices } from '../catalog/service-repository.js';
import { listMppStaff } from '../identity/repository.js';
import { recordAudit } from '../platform/audit.js';
import type { ServiceContext } from '../platform/context.js';
import { isUniqueViolation, type Queryable } from '../platform/db.js';
import { mobileErrors } from './errors.js';
import * as repo from './repository.js';
import type { MobileOptions, UnitInput, UnitView } from './schemas.js';

/** What the unit and stop editors offer: the MPP's staff, active services, region and its kecamatan. */
export async function options(ctx: ServiceContext, input: { mppId: string }): Promise<MobileOptions> {
  const mpp = await catalogRepo.getMpp(ctx.db, input.mppId);
  const services = await listServices(ctx.db, input.mppId, { activeOnly: true });
  return {
    timezone: mpp.timezone,
    region: mpp.region ? { code: mpp.region.code, name: mpp.region.name } : null,
    kecamatan: mpp.regionCode
      ? await Promise.all(
          (await listDistricts(ctx.db, { regencyCode: mpp.regionCode })).map(async (d) => ({
            code: d.code,
            name: d.name,
            villages: (await listVillages({ districtCode: d.code })).map((v) => ({ code: v.code, name: v.name })),
          })),
        )
      : [],
    staff: await listMppStaff(ctx.db, input.mppId),
    services: services.map((s) => ({ id: s.id, name: s.name, tenantName: s.tenant.name })),
  };
}

async function unitViews(q: Queryable, mppId: string, units: repo.UnitRow[]): Promise<UnitView[]> {
  const serviceIds = [...new Set(units.flatMap((u) => u.serviceIds))];
  const services = new Map((serviceIds.length ? await listServices(q, mppId, { ids: serviceIds }) : []).map((s) => [s.id, s.name]));
  const staff = new Map((await listMppStaff(q, mppId)).map((s) => [s.id, s.name]));
  return units.map((u) => ({
    id: u.id,
    name: u.name,
    vehicle: u.vehicle,
    plate: u.plate,
    active: u.active,
    services: u.serviceIds.map((id) => ({ id, name: services.get(id) ?? '' })).sort((a, b) => a.name.localeCompare(b.name)),
    // Someone who lost every grant in the MPP still shows, so the admin sees who to replace.
    crew: u.crewUserIds.map((id) => ({ id, name: staff.get(id) ?? '(bukan petugas MPP lagi)' })).sort((a, b) => a.name.localeCompare(b.name)),
  }));
}

/** @throws AppError not_found (unknown MPP) */
export async function listUnits(ctx: ServiceContext, input: { mppId: string }): Promise<UnitView[]> {
  await catalogRepo.getMpp(ctx.db, input.mppId);
  return unitViews(ctx.db, input.mppId, await repo.listUnits(ctx.db, input.mppId));
}

/** @throws AppError mobile_unknown_services, mobile_unknown_crew */
async function checkUnitInput(q: Queryable, mppId: string, u: UnitInput): Promise<void> {
  const serviceIds = [...new Set(u.serviceIds)];
  if (serviceIds.length) {
    const known = new Set((await listServices(q, mppId, { ids: serviceIds, activeOnly: true })).map((s) => s.id));
    const unknown = serviceIds.filter((id) => !known.has(id));
    if (unknown.length) throw mobileErrors.mobile_unknown_services({ ids: unknown });
  }
  if (u.crewUserIds.length) {
    const staff = new Set((await listMppStaff(q, mppId)).map((s) => s.id));
    const unknown = [...new Set(u.crewUserIds)].filter((id) => !staff.has(id));
    if (unknown.length) throw mobileErrors.mobile_unknown_crew({ ids: unknown });
  }
}

async function writeUnit(ctx: ServiceContext, mppId: string, unitId: string | null, u: UnitInput): Promise<UnitView> {
  await catalogRepo.getMpp(ctx.db, mppId);
  await checkUnitInput(ctx.db, mppId, u);
  try {
    const id = await ctx.db.transaction(async (tx) => {
      const before = unitId ? await repo.getUnit(tx, mppId, unitId, true) : null;
      const id = unitId ?? (await repo.insertUnit(tx, mppId, u));
      if (unitId) await repo.updateUnit(tx, mppId, unitId, u);
      await repo.setUnitServices(tx, mppId, id, [...new Set(u.serviceIds)]);
      await repo.setUnitCrew(tx, mppId, id, [...new Set(u.crewUserIds)]);
      await recordAudit(tx, ctx.actor, { action: unitId ? 'mobile_unit.updated' : 'mobile_unit.created', targetType: 'mobile_unit', targetId: id, mppId, before, after: u });
      return id;
    });
    return (await unitViews(ctx.db, mppId, [await repo.getUnit(ctx.db, mppId, id)]))[0]!;
  } catch (err) {
    if (isUniqueViolation(err)) throw mobileErrors.mobile_plate_taken({ plate: u.plate });
    throw err;
  }
}

/** @throws AppError not_found, mobile_unknown_services, mobile_unknown_crew, mobile_plate_taken */
export async function createUnit(ctx: ServiceContext, input: { mppId: string; unit: UnitInput }): Promise<UnitView> {
  return writeUnit(ctx, input.mppId, null, input.unit);
}

/**
 * Replaces a unit's details, services and crew. Stops already scheduled keep their services; a
 * service taken off the unit can no longer be added to a stop of it.
 * @throws AppError not_found, mobile_unknown_services, mobile_unknown_crew, mobile_plate_taken
 */
export async function updateUnit(ctx: ServiceContext, input: { mppId: string; unitId: string; unit: UnitInput }): Promise<UnitView> {
  return writeUnit(ctx, input.mppId, input.unitId, input.unit);
}
