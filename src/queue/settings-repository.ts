import type { Queryable } from '../platform/db.js';
import type { Row } from '../platform/tables.js';
import type { PriorityClass, QueueSettings } from './schemas.js';

/** SQL of the queue's per-MPP rules (recalls, waiting room, service minutes), quotas, priority classes and set-up lists. */

const DEFAULT_SETTINGS: QueueSettings = { maxRecalls: 3, waitingRoomCapacity: null, defaultServiceMinutes: 6 };

type SettingsRecord = Pick<Row<'queue_mpp_settings'>, 'max_recalls' | 'waiting_room_capacity' | 'default_service_minutes'>;
const toSettings = (r: SettingsRecord): QueueSettings => ({ maxRecalls: r.max_recalls, waitingRoomCapacity: r.waiting_room_capacity, defaultServiceMinutes: r.default_service_minutes });

/** The MPP's queue rules, or the defaults when it never set any. */
export async function getMppSettings(q: Queryable, mppId: string): Promise<QueueSettings> {
  const { rows } = await q.query<SettingsRecord>('SELECT max_recalls, waiting_room_capacity, default_service_minutes FROM queue_mpp_settings WHERE mpp_id = $1', [mppId]);
  return rows[0] ? toSettings(rows[0]) : DEFAULT_SETTINGS;
}

/** The MPP's queue rules, its row created with the defaults if missing and locked until the transaction ends. */
export async function lockMppSettings(tx: Queryable, mppId: string): Promise<QueueSettings> {
  await tx.query('INSERT INTO queue_mpp_settings (mpp_id) VALUES ($1) ON CONFLICT (mpp_id) DO NOTHING', [mppId]);
  const { rows } = await tx.query<SettingsRecord>('SELECT max_recalls, waiting_room_capacity, default_service_minutes FROM queue_mpp_settings WHERE mpp_id = $1 FOR UPDATE', [mppId]);
  return toSettings(rows[0]!);
}

export async function updateMppSettings(tx: Queryable, mppId: string, s: QueueSettings): Promise<void> {
  await tx.query('UPDATE queue_mpp_settings SET max_recalls = $2, waiting_room_capacity = $3, default_service_minutes = $4, updated_at = now() WHERE mpp_id = $1', [
    mppId,
    s.maxRecalls,
    s.waitingRoomCapacity,
    s.defaultServiceMinutes,
  ]);
}

export async function upsertServiceQuota(tx: Queryable, input: { mppId: string; serviceId: string; dailyQuota: number | null }): Promise<void> {
  await tx.query(
    `INSERT INTO queue_service_settings (mpp_id, service_id, daily_quota) VALUES ($1, $2, $3)
     ON CONFLICT (mpp_id, service_id) DO UPDATE SET daily_quota = EXCLUDED.daily_quota, updated_at = now()`,
    [input.mppId, input.serviceId, input.dailyQuota],
  );
}

export interface SetupServiceRow {
  id: string;
  code: string;
  name: string;
  prefix: string;
  tenantId: string;
  tenantName: string;
  active: boolean;
  dailyQuota: number | null;
}

/** An MPP's services with their daily quota, all of them or those of some tenants, by agency and name. */
export async function listSetupServices(q: Queryable, input: { mppId: string; tenantIds: string[] | 'all' }): Promise<SetupServiceRow[]> {
  const { rows } = await q.query<{ id: string; code: string; name: string; ticket_prefix: string; tenant_id: string; tenant_name: string; active: boolean; daily_quota: number | null }>(
    `SELECT s.id, s.code, s.name, s.ticket_prefix, s.tenant_id, tn.name AS tenant_name, s.active, qs.daily_quota
       FROM catalog_services_v s JOIN catalog_tenants_v tn ON tn.mpp_id = s.mpp_id AND tn.id = s.tenant_id
       LEFT JOIN queue_service_settings qs ON qs.mpp_id = s.mpp_id AND qs.service_id = s.id
      WHERE s.mpp_id = $1 AND ($2::boolean OR s.tenant_id = ANY($3::uuid[]))
      ORDER BY tn.name, s.name`,
    [input.mppId, input.tenantIds === 'all', input.tenantIds === 'all' ? [] : input.tenantIds],
  );
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, prefix: r.ticket_prefix, tenantId: r.tenant_id, tenantName: r.tenant_name, active: r.active, dailyQuota: r.daily_quota }));
}

export async function listPriorityClasses(q: Queryable, mppId: string, activeOnly: boolean): Promise<PriorityClass[]> {
  const { rows } = await q.query<PriorityClass>(
    'SELECT id, code, name, weight, active FROM priority_classes WHERE mpp_id = $1 AND ($2::boolean = false OR active) ORDER BY weight DESC, name',
    [mppId, activeOnly],
  );
  return rows;
}

/** @throws the database's unique violation when the code is taken in the MPP. */
export async function insertPriorityClass(tx: Queryable, input: { mppId: string; code: string; name: string; weight: number }): Promise<PriorityClass> {
  const { rows } = await tx.query<PriorityClass>('INSERT INTO priority_classes (mpp_id, code, name, weight) VALUES ($1, $2, $3, $4) RETURNING id, code, name, weight, active', [
    input.mppId,
    input.code,
    input.name,
    input.weight,
  ]);
  return rows[0]!;
}

/** Changes the given fields; nothing when the class does not exist. */
export async function updatePriorityClass(
  tx: Queryable,
  input: { mppId: string; classId: string; name?: string; weight?: number; active?: boolean },
): Promise<PriorityClass | undefined> {
  const { rows } = await tx.query<PriorityClass>(
    `UPDATE priority_classes SET name = coalesce($3, name), weight = coalesce($4, weight), active = coalesce($5, active)
      WHERE mpp_id = $1 AND id = $2 RETURNING id, code, name, weight, active`,
    [input.mppId, input.classId, input.name ?? null, input.weight ?? null, input.active ?? null],
  );
  return rows[0];
}

/** The UTC instant a local day starts in a zone. */
export async function localMidnight(q: Queryable, input: { localDay: string; timezone: string }): Promise<Date> {
  const { rows } = await q.query<{ at: Date }>('SELECT ($1::date::timestamp AT TIME ZONE $2) AS at', [input.localDay, input.timezone]);
  return rows[0]!.at;
}
