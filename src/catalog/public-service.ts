import type { Db } from '../platform/db.js';
import { commonErrors } from '../platform/errors.js';
import { openingStatus } from './hours.js';
import * as repo from './repository.js';
import type { PublicMppPage, Region } from './schemas.js';
import * as srepo from './service-repository.js';

export interface DirectoryEntry {
  id: string;
  slug: string;
  name: string;
  address: string;
  timezone: string;
  region: Region | null;
  province: Region | null;
}

/** Published MPPs, optionally of one province, for the public directory. */
export async function directory(db: Db, province?: string): Promise<DirectoryEntry[]> {
  const mpps = await repo.listMpps(db, { province, publishedOnly: true });
  return mpps.map((m) => ({ id: m.id, slug: m.slug, name: m.name, address: m.address, timezone: m.timezone, region: m.region, province: m.province }));
}


/** Everything the public page of an MPP shows: profile, open now, agencies and their services. */
export async function mppPage(db: Db, slug: string, now: Date): Promise<PublicMppPage> {
  const mpp = await repo.findMpp(db, { slug });
  if (!mpp || !mpp.published) throw commonErrors.not_found();
  const [status, tenants, services] = await Promise.all([
    openingStatus(db, mpp.id, now),
    repo.listTenants(db, mpp.id, { activeOnly: true }),
    srepo.listServices(db, mpp.id, { activeOnly: true }),
  ]);
  const { published: _p, ...profile } = mpp;
  return {
    mpp: profile,
    status,
    tenants: tenants.map((t) => ({
      code: t.code,
      name: t.name,
      kind: t.kind,
      description: t.description,
      logo: t.logo,
      services: services.filter((s) => s.tenantId === t.id).map((s) => ({ code: s.code, name: s.name, feeRupiah: s.feeRupiah })),
    })),
  };
}
