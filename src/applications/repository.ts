import type { Actor } from '../platform/auth.js';
import type { Queryable } from '../platform/db.js';
import { applicationErrors } from './errors.js';
import type { Sealed } from './keys.js';
import type { Pickup, Status } from './state-machine.js';

export interface RequirementItem {
  typeCode: string;
  name: string;
  note: string;
}

export interface ApplicationRow {
  mpp_id: string;
  id: string;
  tracking_code: string;
  service_id: string;
  tenant_id: string;
  service_name: string;
  tenant_name: string;
  channel: 'counter' | 'online';
  source_ticket_id: string | null;
  source_booking_id: string | null;
  citizen_id: string | null;
  nik_hash: string;
  nik_masked: string;
  applicant_name: string;
  contact_phone: string | null;
  contact_email: string | null;
  status: Status;
  requirements: RequirementItem[];
  missing: string[];
  pickup: Pickup | null;
  status_reason: string | null;
  completion_days: number;
  submitted_at: Date;
  due_at: Date;
  ready_at: Date | null;
  closed_at: Date | null;
  updated_at: Date;
}


export type NewApplication = Pick<ApplicationRow,
  'mpp_id' | 'tracking_code' | 'service_id' | 'tenant_id' | 'service_name' | 'tenant_name' | 'channel' | 'source_ticket_id' | 'source_booking_id' | 'citizen_id' | 'nik_hash'
  | 'nik_masked' | 'applicant_name' | 'contact_phone' | 'contact_email' | 'requirements' | 'completion_days' | 'submitted_at' | 'due_at'>;

const SELECT_LIST = 'SELECT a.* FROM applications a';

export async function insertApplication(tx: Queryable, a: NewApplication): Promise<ApplicationRow> {
  const { rows } = await tx.query<ApplicationRow>(
    `INSERT INTO applications (mpp_id, tracking_code, service_id, tenant_id, service_name, tenant_name, channel, source_ticket_id, source_booking_id,
       citizen_id, nik_hash, nik_masked, applicant_name, contact_phone, contact_email, requirements, completion_days, submitted_at, due_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $18) RETURNING *`,
    [a.mpp_id, a.tracking_code, a.service_id, a.tenant_id, a.service_name, a.tenant_name, a.channel, a.source_ticket_id, a.source_booking_id, a.citizen_id, a.nik_hash,
      a.nik_masked, a.applicant_name, a.contact_phone, a.contact_email, JSON.stringify(a.requirements), a.completion_days, a.submitted_at, a.due_at],
  );
  return rows[0]!;
}

export async function findApplication(q: Queryable, mppId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<ApplicationRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  if (opts.forUpdate) await q.query('SELECT 1 FROM applications WHERE mpp_id = $1 AND id = $2 FOR UPDATE', [mppId, id]);
  const { rows } = await q.query<ApplicationRow>(`${SELECT_LIST} WHERE a.mpp_id = $1 AND a.id = $2`, [mppId, id]);
  return rows[0];
}

/** @throws AppError application_code_unknown */
export async function getByTrackingCode(q: Queryable, code: string): Promise<ApplicationRow> {
  const { rows } = await q.query<ApplicationRow>(`${SELECT_LIST} WHERE a.tracking_code = $1 LIMIT 2`, [code]);
  // Two MPPs sharing a 60-bit code is negligible; refuse rather than guess.
  if (rows.length !== 1) throw applicationErrors.application_code_unknown();
  return rows[0]!;
}

export type WorkView = 'open' | 'due_soon' | 'overdue' | 'waiting' | 'closed';

/** The agency's work list. `tenantIds` null means every tenant of the MPP. */
export async function listApplications(q: Queryable, mppId: string, filter: { tenantIds: string[] | null; view: WorkView; now: Date; soonUntil: Date; limit: number }): Promise<ApplicationRow[]> {
  const where: Record<WorkView, string> = {
    open: "a.status NOT IN ('collected', 'refused')",
    due_soon: "a.status IN ('submitted', 'requirements_checked', 'in_process') AND a.due_at >= $3 AND a.due_at <= $4",
    overdue: "a.status IN ('submitted', 'requirements_checked', 'in_process') AND a.due_at < $3",
    waiting: "a.status IN ('returned', 'ready')",
    closed: "a.status IN ('collected', 'refused')",
  };
  const order = filter.view === 'closed' ? 'a.updated_at DESC' : 'a.due_at, a.submitted_at';
  const { rows } = await q.query<ApplicationRow>(
    `${SELECT_LIST} WHERE a.mpp_id = $1 AND ($2::uuid[] IS NULL OR a.tenant_id = ANY($2)) AND ${where[filter.view]}
      AND $3::timestamptz IS NOT NULL AND $4::timestamptz IS NOT NULL ORDER BY ${order} LIMIT $5`,
    [mppId, filter.tenantIds, filter.now, filter.soonUntil, filter.limit],
  );
  return rows;
}

/** Applications of a citizen: opened by them online, or matched by a contact they verified. */
export async function listForCitizen(q: Queryable, citizenId: string, contacts: { phones: string[]; emails: string[] }): Promise<ApplicationRow[]> {
  const { rows } = await q.query<ApplicationRow>(
    `${SELECT_LIST} WHERE a.citizen_id = $1 OR a.contact_phone = ANY($2) OR lower(a.contact_email) = ANY($3)
      ORDER BY a.submitted_at DESC LIMIT 100`,
    [citizenId, contacts.phones, contacts.emails],
  );
  return rows;
}

export interface ApplicationPatch {
  missing?: string[];
  pickup?: Pickup | null;
  status_reason?: string | null;
  ready_at?: Date | null;
  closed_at?: Date | null;
}

/** Moves the status only if it is still one of `from`; undefined when another request moved it first. */
export async function updateStatusIf(tx: Queryable, mppId: string, id: string, from: readonly Status[], to: Status, patch: ApplicationPatch, now: Date): Promise<ApplicationRow | undefined> {
  const sets = ['status = $4', 'updated_at = $5'];
  const params: unknown[] = [mppId, id, [...from], to, now];
  for (const [key, value] of Object.entries(patch) as [keyof ApplicationPatch, unknown][]) {
    params.push(key === 'missing' ? JSON.stringify(value) : value);
    sets.push(`${key} = $${params.length}`);
  }
  const { rows } = await tx.query<ApplicationRow>(
    `UPDATE applications SET ${sets.join(', ')} WHERE mpp_id = $1 AND id = $2 AND status = ANY($3) RETURNING *`,
    params,
  );
  return rows[0];
}

export interface EventRow {
  at: Date;
  action: string;
  from_status: Status | null;
  to_status: Status;
  actor_type: string;
  actor_label: string | null;
  note: string | null;
}

export async function insertEvent(tx: Queryable, e: { mppId: string; applicationId: string; at: Date; action: string; from: Status | null; to: Status; actor: Actor; note: string | null }): Promise<void> {
  await tx.query(
    `INSERT INTO application_events (mpp_id, application_id, at, action, from_status, to_status, actor_type, actor_id, actor_label, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [e.mppId, e.applicationId, e.at, e.action, e.from, e.to, e.actor.type, e.actor.id, e.actor.label, e.note],
  );
}

export async function listEvents(q: Queryable, mppId: string, applicationId: string): Promise<EventRow[]> {
  const { rows } = await q.query<EventRow>(
    'SELECT at, action, from_status, to_status, actor_type, actor_label, note FROM application_events WHERE mpp_id = $1 AND application_id = $2 ORDER BY at, id',
    [mppId, applicationId],
  );
  return rows;
}

// --- pickup codes -----------------------------------------------------------------------------

export async function insertPickupCode(tx: Queryable, c: { mppId: string; applicationId: string; codeHash: string; at: Date; expiresAt: Date }): Promise<void> {
  // A new code replaces the earlier ones.
  await tx.query('UPDATE application_pickup_codes SET used_at = $3 WHERE mpp_id = $1 AND application_id = $2 AND used_at IS NULL', [c.mppId, c.applicationId, c.at]);
  await tx.query(
    'INSERT INTO application_pickup_codes (mpp_id, application_id, code_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
    [c.mppId, c.applicationId, c.codeHash, c.at, c.expiresAt],
  );
}

export async function countPickupCodesSince(q: Queryable, mppId: string, applicationId: string, since: Date): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM application_pickup_codes WHERE mpp_id = $1 AND application_id = $2 AND created_at >= $3',
    [mppId, applicationId, since],
  );
  return rows[0]!.n;
}

export async function findLivePickupCode(tx: Queryable, mppId: string, applicationId: string, now: Date): Promise<{ id: string; code_hash: string; failed_attempts: number } | undefined> {
  const { rows } = await tx.query<{ id: string; code_hash: string; failed_attempts: number }>(
    `SELECT id, code_hash, failed_attempts FROM application_pickup_codes
      WHERE mpp_id = $1 AND application_id = $2 AND used_at IS NULL AND expires_at > $3
      ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
    [mppId, applicationId, now],
  );
  return rows[0];
}

export async function usePickupCode(tx: Queryable, mppId: string, id: string, now: Date): Promise<void> {
  await tx.query('UPDATE application_pickup_codes SET used_at = $3 WHERE mpp_id = $1 AND id = $2', [mppId, id, now]);
}

export async function failPickupCode(q: Queryable, mppId: string, id: string, maxAttempts: number, now: Date): Promise<void> {
  await q.query(
    `UPDATE application_pickup_codes SET failed_attempts = failed_attempts + 1,
       used_at = CASE WHEN failed_attempts + 1 >= $3 THEN $4::timestamptz ELSE used_at END
     WHERE mpp_id = $1 AND id = $2`,
    [mppId, id, maxAttempts, now],
  );
}

// --- printable product -----------------------------------------------------------------------------

export async function upsertProduct(tx: Queryable, p: { mppId: string; applicationId: string; fileName: string; sizeBytes: number; sealed: Sealed; at: Date }): Promise<void> {
  await tx.query(
    `INSERT INTO application_products (mpp_id, application_id, file_name, size_bytes, iv, auth_tag, ciphertext, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (mpp_id, application_id) DO UPDATE SET file_name = $3, size_bytes = $4, iv = $5, auth_tag = $6, ciphertext = $7, created_at = $8`,
    [p.mppId, p.applicationId, p.fileName, p.sizeBytes, p.sealed.iv, p.sealed.authTag, p.sealed.ciphertext, p.at],
  );
}

export async function findProductInfo(q: Queryable, mppId: string, applicationId: string): Promise<{ fileName: string; sizeBytes: number } | undefined> {
  const { rows } = await q.query<{ file_name: string; size_bytes: number }>('SELECT file_name, size_bytes FROM application_products WHERE mpp_id = $1 AND application_id = $2', [mppId, applicationId]);
  return rows[0] ? { fileName: rows[0].file_name, sizeBytes: rows[0].size_bytes } : undefined;
}

export async function readProduct(q: Queryable, mppId: string, applicationId: string): Promise<{ fileName: string; sealed: Sealed } | undefined> {
  const { rows } = await q.query<{ file_name: string; iv: Uint8Array; auth_tag: Uint8Array; ciphertext: Uint8Array }>(
    'SELECT file_name, iv, auth_tag, ciphertext FROM application_products WHERE mpp_id = $1 AND application_id = $2', [mppId, applicationId],
  );
  const r = rows[0];
  return r ? { fileName: r.file_name, sealed: { iv: Buffer.from(r.iv), authTag: Buffer.from(r.auth_tag), ciphertext: Buffer.from(r.ciphertext) } } : undefined;
}

// --- retention -----------------------------------------------------------------------------

/** Deletes the product copies of applications closed before `cutoff`; returns whose were deleted. */
export async function purgeProductsClosedBefore(tx: Queryable, cutoff: Date): Promise<{ mpp_id: string; application_id: string; tenant_id: string }[]> {
  const { rows } = await tx.query<{ mpp_id: string; application_id: string; tenant_id: string }>(
    `DELETE FROM application_products p USING applications a
      WHERE a.mpp_id = p.mpp_id AND a.id = p.application_id AND a.status IN ('collected', 'refused') AND a.closed_at < $1
      RETURNING p.mpp_id, p.application_id, a.tenant_id`,
    [cutoff],
  );
  return rows;
}

/** Deletes kiosk one-time codes (hashes) that expired before `cutoff`. */
export async function purgePickupCodesBefore(tx: Queryable, cutoff: Date): Promise<number> {
  const { rows } = await tx.query('DELETE FROM application_pickup_codes WHERE expires_at < $1 RETURNING id', [cutoff]);
  return rows.length;
}
