import { randomUUID } from 'node:crypto';
import type { CaseFile } from './world.js';

/** A mobile unit of MPP A crewed by officerA1 only, with one stop: only the crew runs its queue. */
export default {
  async setup(w) {
    const q = w.t.db;
    const unitId = (await q.query<{ id: string }>("INSERT INTO mobile_units (mpp_id, name, vehicle, plate) VALUES ($1, 'Unit Matriks', 'Minibus', 'B 9 MX') RETURNING id", [w.mppA])).rows[0]!.id;
    await q.query('INSERT INTO mobile_unit_crew (mpp_id, unit_id, user_id) VALUES ($1, $2, $3)', [w.mppA, unitId, w.userIds.officerA1]);
    const stopId = (
      await q.query<{ id: string }>(
        `INSERT INTO mobile_stops (mpp_id, unit_id, region_code, kecamatan_code, kecamatan_name, address, starts_at, ends_at, local_day, capacity)
         VALUES ($1, $2, '32.73.01', '32.73.01', 'Sukasari', 'Balai Desa Matriks', '2030-01-02T02:00:00Z', '2030-01-02T06:00:00Z', '2030-01-02', 10) RETURNING id`,
        [w.mppA, unitId],
      )
    ).rows[0]!.id;
    return { stopId };
  },
  cases: [
    {
      method: 'GET',
      route: '/api/crew/stops',
      // Every staff member may ask; the answer lists only the stops of units they crew.
      allow: ['national', 'mppAdminA', 'mppAdminB', 'tenantAdminA1', 'officerA1', 'officerA2'],
      request: () => ({ url: '/api/crew/stops' }),
    },
    {
      method: 'POST',
      route: '/api/mpps/:mppId/crew/stops/:stopId/pack',
      allow: ['officerA1'],
      request: (w, f) => ({ url: `/api/mpps/${w.mppA}/crew/stops/${f.stopId}/pack`, payload: { deviceId: randomUUID(), label: 'Matriks' } }),
    },
    {
      method: 'POST',
      route: '/api/mpps/:mppId/crew/stops/:stopId/sync',
      // An unregistered device: the crew reaches the rule (409 device_unknown), nothing changes.
      allow: ['officerA1'],
      request: (w, f) => ({ url: `/api/mpps/${w.mppA}/crew/stops/${f.stopId}/sync`, payload: { deviceId: randomUUID(), events: [] } }),
    },
  ],
} satisfies CaseFile;
