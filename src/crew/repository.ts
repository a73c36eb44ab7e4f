import type { Queryable } from '../platform/db.js';
import type { Row } from '../platform/tables.js';
import type { Block, CrewEvent, Outcome, Ticket } from './sync-engine.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Opens the stop's state row if needed and locks it until commit: every sync and block reservation of
 * the stop goes through here first, so they run one after another.
 */
export async function lockStop(q: Queryable, mppId: string, stopId: string): Promise<void> {
  await q.query('INSERT INTO crew_stop_state (mpp_id, stop_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [mppId, stopId]);
  await q.query('SELECT 1 FROM crew_stop_state WHERE mpp_id = $1 AND stop_id = $2 FOR UPDATE', [mppId, stopId]);
}

export interface DeviceRow {
  id: string;
  userId: string;
  label: string;
  lastSeq: number;
}

export async function findDevice(q: Queryable, mppId: string, stopId: string, deviceId: string): Promise<DeviceRow | undefined> {
  const { rows } = await q.query<Pick<Row<'crew_devices'>, 'id' | 'user_id' | 'label' | 'last_seq'>>(
    'SELECT id, user_id, label, last_seq FROM crew_devices WHERE mpp_id = $1 AND stop_id = $2 AND id = $3',
    [mppId, stopId, deviceId],
  );
  const r = rows[0];
  return r ? { id: r.id, userId: r.user_id, label: r.label, lastSeq: r.last_seq } : undefined;
}

/** Registers the device at the stop, or renames it (the label is what other devices' reports show). */
export async function upsertDevice(q: Queryable, d: { mppId: string; stopId: string; deviceId: string; userId: string; label: string; at: Date }): Promise<void> {
  await q.query(
    `INSERT INTO crew_devices (mpp_id, stop_id, id, user_id, label, created_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (mpp_id, stop_id, id) DO UPDATE SET label = EXCLUDED.label`,
    [d.mppId, d.stopId, d.deviceId, d.userId, d.label, d.at],
  );
}

export async function listDevices(q: Queryable, mppId: string, stopId: string): Promise<DeviceRow[]> {
  const { rows } = await q.query<Pick<Row<'crew_devices'>, 'id' | 'user_id' | 'label' | 'last_seq'>>(
    'SELECT id, user_id, label, last_seq FROM crew_devices WHERE mpp_id = $1 AND stop_id = $2',
    [mppId, stopId],
  );
  return rows.map((r) => ({ id: r.id, userId: r.user_id, label: r.label, lastSeq: r.last_seq }));
}

export async function listBlocks(q: Queryable, mppId: string, stopId: string): Promise<Block[]> {
  const { rows } = await q.query<Pick<Row<'crew_number_blocks'>, 'device_id' | 'first_number' | 'last_number'>>(
    'SELECT device_id, first_number, last_number FROM crew_number_blocks WHERE mpp_id = $1 AND stop_id = $2 ORDER BY first_number',
    [mppId, stopId],
  );
  return rows.map((r) => ({ deviceId: r.device_id, first: r.first_number, last: r.last_number }));
}

/** Cuts the next block of `size` numbers for a device: one statement on the locked stop row. */
export async function reserveBlock(q: Queryable, b: { mppId: string; stopId: string; deviceId: string; size: number; at: Date }): Promise<Block> {
  const { rows } = await q.query<{ first_number: number; last_number: number }>(
    `WITH bumped AS (
       UPDATE crew_stop_state SET last_number = last_number + $4, updated_at = $5 WHERE mpp_id = $1 AND stop_id = $2
       RETURNING last_number
     )
     INSERT INTO crew_number_blocks (mpp_id, stop_id, first_number, last_number, device_id, reserved_at)
     SELECT $1, $2, last_number - $4 + 1, last_number, $3, $5 FROM bumped
     RETURNING first_number, last_number`,
    [b.mppId, b.stopId, b.deviceId, b.size, b.at],
  );
  return { deviceId: b.deviceId, first: rows[0]!.first_number, last: rows[0]!.last_number };
}

type TicketRecord = Row<'crew_tickets'>;

export interface StoredTicket extends Ticket {
  queueTicketId: string | null;
}

export async function listTickets(q: Queryable, mppId: string, stopId: string): Promise<StoredTicket[]> {
  const { rows } = await q.query<TicketRecord>('SELECT * FROM crew_tickets WHERE mpp_id = $1 AND stop_id = $2 ORDER BY number', [mppId, stopId]);
  return rows.map((r) => ({
    number: r.number,
    deviceId: r.device_id,
    serviceId: r.service_id,
    bookingId: r.booking_id,
    status: r.status as Ticket['status'],
    mergedInto: r.merged_into,
    issuedAt: r.issued_at.toISOString(),
    calledAt: iso(r.called_at),
    finishedAt: iso(r.finished_at),
    finishedBy: r.finished_by,
    projected: r.projected as Ticket['projected'],
    queueTicketId: r.queue_ticket_id,
  }));
}

export async function saveTicket(q: Queryable, mppId: string, stopId: string, t: Ticket): Promise<void> {
  await q.query(
    `INSERT INTO crew_tickets (mpp_id, stop_id, number, device_id, service_id, booking_id, status, merged_into, issued_at, called_at, finished_at, finished_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (mpp_id, stop_id, number) DO UPDATE SET status = EXCLUDED.status, called_at = EXCLUDED.called_at,
       finished_at = EXCLUDED.finished_at, finished_by = EXCLUDED.finished_by`,
    [mppId, stopId, t.number, t.deviceId, t.serviceId, t.bookingId, t.status, t.mergedInto, t.issuedAt, t.calledAt, t.finishedAt, t.finishedBy],
  );
}

export async function setProjected(q: Queryable, p: { mppId: string; stopId: string; number: number; projected: 'served' | 'no_show'; queueTicketId: string }): Promise<void> {
  await q.query('UPDATE crew_tickets SET projected = $4, queue_ticket_id = $5 WHERE mpp_id = $1 AND stop_id = $2 AND number = $3', [
    p.mppId,
    p.stopId,
    p.number,
    p.projected,
    p.queueTicketId,
  ]);
}

export interface StoredEvent {
  deviceId: string;
  event: CrewEvent;
  outcome: Outcome;
}

export async function listEvents(q: Queryable, mppId: string, stopId: string): Promise<StoredEvent[]> {
  const { rows } = await q.query<Row<'crew_events'>>('SELECT * FROM crew_events WHERE mpp_id = $1 AND stop_id = $2 ORDER BY device_id, seq', [mppId, stopId]);
  return rows.map((r) => ({
    deviceId: r.device_id,
    event: { ...(r.body as object), id: r.id, seq: r.seq, type: r.type, at: r.at.toISOString() } as CrewEvent,
    outcome: { eventId: r.id, seq: r.seq, result: r.result as Outcome['result'], code: r.code, number: r.number, otherDevice: r.other_device },
  }));
}

/** Records an event the first time it is seen, or its new outcome once it is settled. */
export async function saveEvent(q: Queryable, e: { mppId: string; stopId: string; deviceId: string; event: CrewEvent; outcome: Outcome; receivedAt: Date }): Promise<void> {
  const { id, seq, type, at, ...body } = e.event;
  await q.query(
    `INSERT INTO crew_events (mpp_id, stop_id, id, device_id, seq, type, body, at, received_at, result, code, number, other_device)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     ON CONFLICT (mpp_id, stop_id, id) DO UPDATE SET result = EXCLUDED.result, code = EXCLUDED.code, number = EXCLUDED.number, other_device = EXCLUDED.other_device`,
    [e.mppId, e.stopId, id, e.deviceId, seq, type, JSON.stringify(body), at, e.receivedAt, e.outcome.result, e.outcome.code, e.outcome.number, e.outcome.otherDevice],
  );
}

export async function setLastSeq(q: Queryable, d: { mppId: string; stopId: string; deviceId: string; lastSeq: number; at: Date }): Promise<void> {
  await q.query('UPDATE crew_devices SET last_seq = $4, last_sync_at = $5 WHERE mpp_id = $1 AND stop_id = $2 AND id = $3', [d.mppId, d.stopId, d.deviceId, d.lastSeq, d.at]);
}
