import { hashPassword } from '../src/identity/service.js';
import type { Queryable } from '../src/platform/db.js';

export const ALWAYS_OPEN = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, { opens: '00:00', closes: '23:59', breaks: [] }]));
export const OFFICER_PASSWORD = 'petugas-loket-123';

export interface QueueDemo {
  mppId: string;
  tenantId: string;
  services: { ktp: string; kk: string; evil: string; stnk: string };
  counters: string[];
  officerEmail: string;
  officerUserId: string;
}

/**
 * Seeds a queue-ready MPP straight into a migrated database: open around the clock, Dukcapil with
 * KTP-el (A), KK (B) and a service whose name is markup (X, to prove it renders as text), Samsat
 * with STNK (S), `counters` counters of Dukcapil serving A, B and X, and an officer of Dukcapil.
 * Used by the end-to-end test, the benchmarks and the crash test (no catalog API is needed).
 */
export async function seedQueueDemo(db: Queryable, opts: { slug?: string; counters?: number; nationalAdmin?: { email: string; password: string } } = {}): Promise<QueueDemo> {
  const slug = opts.slug ?? `kota-contoh-${Date.now().toString(36)}`;
  const one = async (sql: string, params: unknown[]) => (await db.query<{ id: string }>(sql, params)).rows[0]!.id;
  const mppId = await one("INSERT INTO mpps (slug, name, timezone, weekly_hours) VALUES ($1, 'MPP Kota Contoh', 'Asia/Jakarta', $2) RETURNING id", [slug, JSON.stringify(ALWAYS_OPEN)]);
  const tenant = (code: string, name: string) => one("INSERT INTO tenants (mpp_id, code, name, kind) VALUES ($1, $2, $3, 'regional_office') RETURNING id", [mppId, code, name]);
  const dukcapil = await tenant('DUKCAPIL', 'Disdukcapil');
  const samsat = await tenant('SAMSAT', 'Samsat');
  const service = (t: string, code: string, name: string, prefix: string) =>
    one('INSERT INTO services (mpp_id, tenant_id, code, name, ticket_prefix) VALUES ($1, $2, $3, $4, $5) RETURNING id', [mppId, t, code, name, prefix]);
  const ktp = await service(dukcapil, 'KTP', 'Perekaman KTP-el', 'A');
  const kk = await service(dukcapil, 'KK', 'Kartu Keluarga', 'B');
  const evil = await service(dukcapil, 'UJI-XSS', '<script>alert(1)</script>', 'X');
  const stnk = await service(samsat, 'STNK', 'Pengesahan STNK', 'S');
  const counters: string[] = [];
  for (let i = 1; i <= (opts.counters ?? 3); i++) {
    const c = await one('INSERT INTO counters (mpp_id, tenant_id, number, name) VALUES ($1, $2, $3, $4) RETURNING id', [mppId, dukcapil, i, `Loket ${i}`]);
    for (const s of [ktp, kk, evil]) await db.query('INSERT INTO counter_services (mpp_id, counter_id, service_id) VALUES ($1, $2, $3)', [mppId, c, s]);
    counters.push(c);
  }
  const samsatCounter = await one('INSERT INTO counters (mpp_id, tenant_id, number, name) VALUES ($1, $2, 900, $3) RETURNING id', [mppId, samsat, 'Loket Samsat']);
  await db.query('INSERT INTO counter_services (mpp_id, counter_id, service_id) VALUES ($1, $2, $3)', [mppId, samsatCounter, stnk]);
  const officerEmail = `petugas.${slug}@contoh.layan`;
  const officerUserId = await one("INSERT INTO users (email, name, password_hash) VALUES ($1, 'Siti Petugas', $2) RETURNING id", [officerEmail, await hashPassword(OFFICER_PASSWORD)]);
  await db.query("INSERT INTO role_grants (user_id, role, mpp_id, tenant_id) VALUES ($1, 'officer', $2, $3)", [officerUserId, mppId, dukcapil]);
  if (opts.nationalAdmin) {
    // The server creates its first admin only on an empty users table, which this seed is not.
    const adminId = await one("INSERT INTO users (email, name, password_hash) VALUES ($1, 'Admin Nasional', $2) RETURNING id", [opts.nationalAdmin.email, await hashPassword(opts.nationalAdmin.password)]);
    await db.query("INSERT INTO role_grants (user_id, role) VALUES ($1, 'national_admin')", [adminId]);
  }
  return { mppId, tenantId: dukcapil, services: { ktp, kk, evil, stnk }, counters, officerEmail, officerUserId };
}
