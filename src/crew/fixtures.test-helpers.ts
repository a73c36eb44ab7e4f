import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { staffCaller, type Caller, type TestApp } from '../../test/support/app.js';
import { seedQueueWorld, type QueueWorld } from '../queue/fixtures.test-helpers.js';

export interface StopWorld extends QueueWorld {
  unitId: string;
  stopId: string;
  crew: Caller & { userId: string };
  crew2: Caller & { userId: string };
  /** An officer of the MPP who is not in the unit's crew. */
  notCrew: Caller & { userId: string };
  bookings: { id: string; code: string }[];
}

/**
 * An MPP (the queue world) with one mobile unit, two crew members and a stop on 2026-12-01 (WIB)
 * offering KTP and KK, with three bookings and one cancelled. The mobile domain's tables are seeded
 * directly: its own code is not what these tests are about.
 */
export async function seedStopWorld(t: TestApp): Promise<StopWorld> {
  const w = await seedQueueWorld(t);
  const q = t.db;
  const unitId = (await q.query<{ id: string }>("INSERT INTO mobile_units (mpp_id, name, vehicle, plate) VALUES ($1, 'Mobil Keliling 1', 'Minibus', 'B 1234 KL') RETURNING id", [w.mppId])).rows[0]!.id;
  const crew = await staffCaller(t, 'officer', { mppId: w.mppId, tenantId: w.tenantId });
  const crew2 = await staffCaller(t, 'officer', { mppId: w.mppId, tenantId: w.tenantId });
  for (const u of [crew, crew2]) await q.query('INSERT INTO mobile_unit_crew (mpp_id, unit_id, user_id) VALUES ($1, $2, $3)', [w.mppId, unitId, u.userId]);
  const { stopId, bookings } = await addStop(t, { mppId: w.mppId, unitId, serviceIds: [w.services.ktp, w.services.kk] });
  return { ...w, unitId, stopId, crew, crew2, notCrew: w.officer, bookings };
}

export const packUrl = (w: StopWorld) => `/api/mpps/${w.mppId}/crew/stops/${w.stopId}/pack`;
export const syncUrl = (w: StopWorld) => `/api/mpps/${w.mppId}/crew/stops/${w.stopId}/sync`;

export async function downloadPack(t: TestApp, caller: Caller, w: StopWorld, deviceId: string, extra: Record<string, unknown> = {}): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'POST', url: packUrl(w), headers: caller.headers, payload: { deviceId, label: `Tablet ${deviceId.slice(0, 4)}`, ...extra } });
}

export async function sync(t: TestApp, caller: Caller, w: StopWorld, deviceId: string, events: unknown[]): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'POST', url: syncUrl(w), headers: caller.headers, payload: { deviceId, events } });
}

export const newDevice = () => randomUUID();

/** Another stop of the unit (same day, same services) with three bookings and one cancelled. */
export async function addStop(t: TestApp, w: { mppId: string; unitId: string; serviceIds: string[] }): Promise<{ stopId: string; bookings: { id: string; code: string }[] }> {
  const q = t.db;
  const stopId = (
    await q.query<{ id: string }>(
      `INSERT INTO mobile_stops (mpp_id, unit_id, region_code, kecamatan_code, kecamatan_name, village_name, address, starts_at, ends_at, local_day, capacity, booked)
       VALUES ($1, $2, '32.73.01.1001', '32.73.01', 'Sukasari', 'Gegerkalong', 'Balai Desa Gegerkalong, Jl. Gegerkalong Hilir 1', '2026-12-01T02:00:00Z', '2026-12-01T07:00:00Z', '2026-12-01', 40, 3)
       RETURNING id`,
      [w.mppId, w.unitId],
    )
  ).rows[0]!.id;
  for (const s of w.serviceIds) await q.query('INSERT INTO mobile_stop_services (mpp_id, stop_id, service_id) VALUES ($1, $2, $3)', [w.mppId, stopId, s]);
  const bookings: { id: string; code: string }[] = [];
  for (const [i, status] of ['booked', 'booked', 'booked', 'cancelled'].entries()) {
    const code = randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase();
    const id = (
      await q.query<{ id: string }>(
        `INSERT INTO mobile_stop_bookings (mpp_id, stop_id, code, service_id, nik_hash, nik_masked, name, phone, status)
         VALUES ($1, $2, $3, $4, $5, '3273********0001', $6, '+6281234567890', $7) RETURNING id`,
        [w.mppId, stopId, code, w.serviceIds[i % w.serviceIds.length], `hash-${stopId}-${i}`, `Warga ${i + 1}`, status],
      )
    ).rows[0]!.id;
    bookings.push({ id, code });
  }
  return { stopId, bookings };
}
