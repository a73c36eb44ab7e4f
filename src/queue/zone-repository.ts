import type { Queryable } from '../platform/db.js';
import type { Row } from '../platform/tables.js';
import { isUuid } from './repository.js';

export interface ZoneRow {
  id: string;
  code: string;
  kind: 'hall' | 'drive_thru';
  name: string;
}

type ZoneRecord = Pick<Row<'queue_zones'>, 'id' | 'code' | 'name'> & { kind: ZoneRow['kind'] };
const toZone = (r: ZoneRecord): ZoneRow => ({ id: r.id, code: r.code, kind: r.kind, name: r.name });

export async function listZones(q: Queryable, mppId: string): Promise<(ZoneRow & { deviceIds: string[] })[]> {
  const { rows } = await q.query<ZoneRecord & { device_ids: string[] }>(
    `SELECT z.id, z.code, z.kind, z.name,
            coalesce((SELECT array_agg(d.device_id ORDER BY d.device_id) FROM queue_device_zones d WHERE d.mpp_id = z.mpp_id AND d.zone_id = z.id), '{}') AS device_ids
       FROM queue_zones z WHERE z.mpp_id = $1 ORDER BY z.kind DESC, z.name`,
    [mppId],
  );
  return rows.map((r) => ({ ...toZone(r), deviceIds: r.device_ids }));
}

export async function findZone(q: Queryable, mppId: string, zoneId: string): Promise<ZoneRow | undefined> {
  if (!isUuid(zoneId)) return undefined;
  const { rows } = await q.query<ZoneRecord>('SELECT id, code, kind, name FROM queue_zones WHERE mpp_id = $1 AND id = $2', [mppId, zoneId]);
  return rows[0] ? toZone(rows[0]) : undefined;
}

export async function findZoneByCode(q: Queryable, mppId: string, code: string): Promise<ZoneRow | undefined> {
  const { rows } = await q.query<ZoneRecord>('SELECT id, code, kind, name FROM queue_zones WHERE mpp_id = $1 AND code = $2', [mppId, code]);
  return rows[0] ? toZone(rows[0]) : undefined;
}

/** @throws a unique violation when the code is taken at this MPP. */
export async function insertZone(q: Queryable, mppId: string, z: { code: string; kind: ZoneRow['kind']; name: string }): Promise<ZoneRow> {
  const { rows } = await q.query<ZoneRecord>('INSERT INTO queue_zones (mpp_id, code, kind, name) VALUES ($1, $2, $3, $4) RETURNING id, code, kind, name', [mppId, z.code, z.kind, z.name]);
  return toZone(rows[0]!);
}

export async function renameZone(q: Queryable, mppId: string, zoneId: string, name: string): Promise<ZoneRow | undefined> {
  const { rows } = await q.query<ZoneRecord>('UPDATE queue_zones SET name = $3 WHERE mpp_id = $1 AND id = $2 RETURNING id, code, kind, name', [mppId, zoneId, name]);
  return rows[0] ? toZone(rows[0]) : undefined;
}

/** The zone a kiosk or board is bound to, if any. */
export async function deviceZone(q: Queryable, mppId: string, deviceId: string): Promise<ZoneRow | undefined> {
  const { rows } = await q.query<ZoneRecord>(
    'SELECT z.id, z.code, z.kind, z.name FROM queue_device_zones d JOIN queue_zones z ON z.mpp_id = d.mpp_id AND z.id = d.zone_id WHERE d.mpp_id = $1 AND d.device_id = $2',
    [mppId, deviceId],
  );
  return rows[0] ? toZone(rows[0]) : undefined;
}

export async function setDeviceZone(q: Queryable, mppId: string, deviceId: string, zoneId: string | null): Promise<void> {
  if (zoneId === null) await q.query('DELETE FROM queue_device_zones WHERE mpp_id = $1 AND device_id = $2', [mppId, deviceId]);
  else {
    await q.query(
      'INSERT INTO queue_device_zones (mpp_id, device_id, zone_id) VALUES ($1, $2, $3) ON CONFLICT (mpp_id, device_id) DO UPDATE SET zone_id = EXCLUDED.zone_id',
      [mppId, deviceId, zoneId],
    );
  }
}

/** Waiting tickets per service in one lane today. */
export async function laneWaiting(q: Queryable, mppId: string, lane: string, localDay: string): Promise<Map<string, number>> {
  const { rows } = await q.query<{ service_id: string; n: number }>(
    `SELECT service_id, count(*) AS n FROM tickets WHERE mpp_id = $1 AND lane = $2 AND local_day = $3::date AND status = 'waiting' GROUP BY service_id`,
    [mppId, lane, localDay],
  );
  return new Map(rows.map((r) => [r.service_id, Number(r.n)]));
}
