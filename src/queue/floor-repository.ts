import type { Queryable } from '../platform/db.js';
import type { PauseReason } from './schemas.js';

/** How long a no-show can be undone. */
export const NO_SHOW_UNDO_SECONDS = 60;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

// --- Pause reasons --------------------------------------------------------------------------------

export async function listPauseReasons(q: Queryable, mppId: string, activeOnly: boolean): Promise<PauseReason[]> {
  const { rows } = await q.query<PauseReason>(
    'SELECT id, label, active, sort FROM pause_reasons WHERE mpp_id = $1 AND ($2::boolean = false OR active) ORDER BY sort, label',
    [mppId, activeOnly],
  );
  return rows;
}

export async function findPauseReason(q: Queryable, mppId: string, id: string): Promise<PauseReason | undefined> {
  const { rows } = await q.query<PauseReason>('SELECT id, label, active, sort FROM pause_reasons WHERE mpp_id = $1 AND id = $2', [mppId, id]);
  return rows[0];
}

export async function insertPauseReason(q: Queryable, mppId: string, r: { label: string; sort?: number }): Promise<PauseReason> {
  const { rows } = await q.query<PauseReason>(
    `INSERT INTO pause_reasons (mpp_id, label, sort)
     VALUES ($1, $2, coalesce($3, (SELECT coalesce(max(sort), 0) + 1 FROM pause_reasons WHERE mpp_id = $1)))
     RETURNING id, label, active, sort`,
    [mppId, r.label, r.sort ?? null],
  );
  return rows[0]!;
}

export async function updatePauseReason(q: Queryable, mppId: string, id: string, p: { label?: string; active?: boolean; sort?: number }): Promise<PauseReason | undefined> {
  const { rows } = await q.query<PauseReason>(
    `UPDATE pause_reasons SET label = coalesce($3, label), active = coalesce($4, active), sort = coalesce($5, sort)
      WHERE mpp_id = $1 AND id = $2 RETURNING id, label, active, sort`,
    [mppId, id, p.label ?? null, p.active ?? null, p.sort ?? null],
  );
  return rows[0];
}

// --- Parking ----------------------------------------------------------------------------------------

/** Moves a ticket from its counter to the pool; false when it is no longer at that counter. */
export async function parkTicket(q: Queryable, t: { mppId: string; ticketId: string; from: string; at: Date }): Promise<boolean> {
  const { rowCount } = await q.query(
    `UPDATE tickets SET status = 'parked', counter_id = NULL, target_counter_id = NULL, parked_at = $4, updated_at = $4
      WHERE mpp_id = $1 AND id = $2 AND status = $3`,
    [t.mppId, t.ticketId, t.from, t.at],
  );
  return (rowCount ?? 0) === 1;
}

/**
 * Calls a parked ticket back to a counter of its agency. The WHERE re-checks `status = 'parked'`
 * under the row lock, so of two counters calling the same ticket exactly one gets it.
 */
export async function unparkTicket(q: Queryable, t: { mppId: string; ticketId: string; counterId: string; tenantId: string; at: Date }): Promise<boolean> {
  const { rowCount } = await q.query(
    `UPDATE tickets SET status = 'called', counter_id = $3, called_at = $5, recall_count = 0, parked_at = NULL, updated_at = $5
      WHERE mpp_id = $1 AND id = $2 AND status = 'parked' AND tenant_id = $4`,
    [t.mppId, t.ticketId, t.counterId, t.tenantId, t.at],
  );
  return (rowCount ?? 0) === 1;
}

export async function parkedPool(q: Queryable, mppId: string, tenantId: string, localDay: string) {
  const { rows } = await q.query<{ id: string; number: string; service_name: string; parked_at: Date; counter_name: string | null }>(
    `SELECT t.id, t.number, s.name AS service_name, t.parked_at,
            (SELECT c.name FROM ticket_events e JOIN catalog_counters_v c ON c.mpp_id = e.mpp_id AND c.id = e.counter_id
              WHERE e.mpp_id = t.mpp_id AND e.ticket_id = t.id AND e.type = 'parked' ORDER BY e.id DESC LIMIT 1) AS counter_name
       FROM tickets t JOIN catalog_services_v s ON s.mpp_id = t.mpp_id AND s.id = t.service_id
      WHERE t.mpp_id = $1 AND t.tenant_id = $2 AND t.status = 'parked' AND t.local_day = $3::date
      ORDER BY t.parked_at, t.seq`,
    [mppId, tenantId, localDay],
  );
  return rows.map((r) => ({ id: r.id, number: r.number, serviceName: r.service_name, parkedAt: iso(r.parked_at)!, parkedByCounter: r.counter_name }));
}

// --- No-show undo -------------------------------------------------------------------------------------

/** The last no-show event of a ticket: when and at which counter. */
export async function lastNoShow(q: Queryable, mppId: string, ticketId: string): Promise<{ at: Date; counterId: string | null } | undefined> {
  const { rows } = await q.query<{ at: Date; counter_id: string | null }>(
    "SELECT at, counter_id FROM ticket_events WHERE mpp_id = $1 AND ticket_id = $2 AND type = 'no_show' ORDER BY id DESC LIMIT 1",
    [mppId, ticketId],
  );
  return rows[0] ? { at: new Date(rows[0].at), counterId: rows[0].counter_id } : undefined;
}

/** The newest no-show a counter marked within the undo time whose ticket is still a no-show. */
export async function undoableNoShow(q: Queryable, mppId: string, counterId: string, at: Date): Promise<{ ticketId: string; number: string; until: string } | null> {
  const since = new Date(at.getTime() - NO_SHOW_UNDO_SECONDS * 1000);
  const { rows } = await q.query<{ ticket_id: string; number: string; at: Date }>(
    `SELECT e.ticket_id, t.number, e.at FROM ticket_events e JOIN tickets t ON t.mpp_id = e.mpp_id AND t.id = e.ticket_id
      WHERE e.mpp_id = $1 AND e.counter_id = $2 AND e.type = 'no_show' AND e.at >= $3 AND t.status = 'no_show'
      ORDER BY e.id DESC LIMIT 1`,
    [mppId, counterId, since],
  );
  const r = rows[0];
  return r ? { ticketId: r.ticket_id, number: r.number, until: new Date(new Date(r.at).getTime() + NO_SHOW_UNDO_SECONDS * 1000).toISOString() } : null;
}

/** Puts a no-show back: to the counter (called) or, when the counter is busy, first in its line. */
export async function restoreNoShow(q: Queryable, t: { mppId: string; ticketId: string; counterId: string; toCounter: boolean; at: Date }): Promise<boolean> {
  const { rowCount } = await q.query(
    `UPDATE tickets SET status = CASE WHEN $4::boolean THEN 'called' ELSE 'waiting' END,
            counter_id = CASE WHEN $4::boolean THEN $3::uuid ELSE NULL END,
            target_counter_id = CASE WHEN $4::boolean THEN NULL ELSE $3::uuid END,
            called_at = CASE WHEN $4::boolean THEN $5 ELSE called_at END, updated_at = $5
      WHERE mpp_id = $1 AND id = $2 AND status = 'no_show'`,
    [t.mppId, t.ticketId, t.counterId, t.toCounter, t.at],
  );
  return (rowCount ?? 0) === 1;
}

// --- Device heartbeats ------------------------------------------------------------------------------

export async function upsertHeartbeat(q: Queryable, h: { mppId: string; deviceId: string; at: Date; appVersion: string; page: string | null; printerError: string | null | undefined }): Promise<void> {
  // printerError undefined: not reported, keep the last one; null: printing works again.
  await q.query(
    `INSERT INTO device_heartbeats (mpp_id, device_id, last_seen_at, app_version, page, printer_error, printer_error_at)
     VALUES ($1, $2, $3::timestamptz, $4, $5, $6::text, CASE WHEN $6::text IS NULL THEN NULL ELSE $3::timestamptz END)
     ON CONFLICT (mpp_id, device_id) DO UPDATE SET last_seen_at = excluded.last_seen_at, app_version = excluded.app_version,
       page = excluded.page,
       printer_error = CASE WHEN $7::boolean THEN device_heartbeats.printer_error ELSE excluded.printer_error END,
       printer_error_at = CASE WHEN $7::boolean THEN device_heartbeats.printer_error_at
                               WHEN excluded.printer_error IS NULL THEN NULL
                               WHEN device_heartbeats.printer_error IS NOT DISTINCT FROM excluded.printer_error THEN device_heartbeats.printer_error_at
                               ELSE excluded.printer_error_at END`,
    [h.mppId, h.deviceId, h.at, h.appVersion, h.page, h.printerError ?? null, h.printerError === undefined],
  );
}

export interface HeartbeatRow {
  deviceId: string;
  lastSeenAt: Date;
  appVersion: string;
  page: string | null;
  printerError: string | null;
  printerErrorAt: Date | null;
}

/** The last heartbeat of every device of the MPP that sent one. */
export async function heartbeats(q: Queryable, mppId: string): Promise<Map<string, HeartbeatRow>> {
  const { rows } = await q.query<{ device_id: string; last_seen_at: Date; app_version: string; page: string | null; printer_error: string | null; printer_error_at: Date | null }>(
    'SELECT device_id, last_seen_at, app_version, page, printer_error, printer_error_at FROM device_heartbeats WHERE mpp_id = $1',
    [mppId],
  );
  return new Map(
    rows.map((r) => [
      r.device_id,
      { deviceId: r.device_id, lastSeenAt: new Date(r.last_seen_at), appVersion: r.app_version, page: r.page, printerError: r.printer_error, printerErrorAt: r.printer_error_at ? new Date(r.printer_error_at) : null },
    ]),
  );
}
