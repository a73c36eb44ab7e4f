import type { Actor } from '../platform/auth.js';
import type { Queryable } from '../platform/db.js';
import { commonErrors } from '../platform/errors.js';
import type { Status } from './state-machine.js';

export interface ComplaintRow {
  mpp_id: string;
  id: string;
  tracking_code: string;
  channel: 'web' | 'kiosk' | 'staff' | 'open311';
  class: 'pengaduan' | 'aspirasi' | 'permintaan_informasi';
  subject_type: 'mpp' | 'tenant' | 'service' | 'facility' | 'officer';
  subject_tenant_id: string | null;
  subject_service_id: string | null;
  subject_detail: string | null;
  description: string;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  consent_share_identity: boolean;
  address: string | null;
  lat: number | null;
  long: number | null;
  status: Status;
  track: 'simple' | 'dispute' | 'dispute_field_check' | null;
  assigned_tenant_id: string | null;
  duplicate_of: string | null;
  public_answer: string | null;
  status_reason: string | null;
  received_at: Date;
  verification_due_at: Date;
  verified_at: Date | null;
  resolution_due_at: Date | null;
  answered_at: Date | null;
  reopen_until: Date | null;
  closed_at: Date | null;
  overdue_notified: 'verification' | 'resolution' | null;
  open311_key_id: string | null;
  lapor_ref: string | null;
  updated_at: Date;
}

export type NewComplaint = Pick<ComplaintRow,
  'mpp_id' | 'tracking_code' | 'channel' | 'class' | 'subject_type' | 'subject_tenant_id' | 'subject_service_id' | 'subject_detail'
  | 'description' | 'contact_name' | 'contact_email' | 'contact_phone' | 'consent_share_identity' | 'address' | 'lat' | 'long'
  | 'received_at' | 'verification_due_at' | 'open311_key_id'>;

const INSERT_COLUMNS: (keyof NewComplaint)[] = ['mpp_id', 'tracking_code', 'channel', 'class', 'subject_type', 'subject_tenant_id', 'subject_service_id',
  'subject_detail', 'description', 'contact_name', 'contact_email', 'contact_phone', 'consent_share_identity', 'address', 'lat', 'long',
  'received_at', 'verification_due_at', 'open311_key_id'];

export async function insertComplaint(q: Queryable, row: NewComplaint): Promise<ComplaintRow> {
  const cols = [...INSERT_COLUMNS, 'updated_at'];
  const values = [...INSERT_COLUMNS.map((c) => row[c]), row.received_at];
  const { rows } = await q.query<ComplaintRow>(
    `INSERT INTO complaints (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING *`,
    values,
  );
  return rows[0]!;
}

/** Columns a transition may change. */
export type ComplaintPatch = Partial<Pick<ComplaintRow, 'track' | 'assigned_tenant_id' | 'duplicate_of' | 'public_answer' | 'status_reason'
  | 'verified_at' | 'resolution_due_at' | 'answered_at' | 'reopen_until' | 'closed_at' | 'overdue_notified'>>;

const PATCHABLE = new Set(['track', 'assigned_tenant_id', 'duplicate_of', 'public_answer', 'status_reason', 'verified_at', 'resolution_due_at',
  'answered_at', 'reopen_until', 'closed_at', 'overdue_notified']);

/**
 * Moves a complaint to `to` only if it is still in one of `from` (a conditional update, so two
 * handlers acting at once cannot both succeed). Returns undefined when the status did not match.
 */
export async function updateStatusIf(q: Queryable, mppId: string, id: string, from: readonly Status[], to: Status, patch: ComplaintPatch, now: Date): Promise<ComplaintRow | undefined> {
  const entries = Object.entries(patch).filter(([k]) => PATCHABLE.has(k));
  const sets = entries.map(([k], i) => `${k} = $${i + 6}`);
  const { rows } = await q.query<ComplaintRow>(
    `UPDATE complaints SET status = $4, updated_at = $5${sets.length ? `, ${sets.join(', ')}` : ''}
      WHERE mpp_id = $1 AND id = $2 AND status = ANY($3::text[]) RETURNING *`,
    [mppId, id, from, to, now, ...entries.map(([, v]) => v)],
  );
  return rows[0];
}

export async function findComplaint(q: Queryable, mppId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<ComplaintRow | undefined> {
  const { rows } = await q.query<ComplaintRow>(`SELECT * FROM complaints WHERE mpp_id = $1 AND id = $2${opts.forUpdate ? ' FOR UPDATE' : ''}`, [mppId, id]);
  return rows[0];
}

/** @throws AppError not_found */
export async function getComplaint(q: Queryable, mppId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<ComplaintRow> {
  const row = await findComplaint(q, mppId, id, opts);
  if (!row) throw commonErrors.not_found();
  return row;
}

/** The complaint with this tracking code, if exactly one has it. */
export async function findByTrackingCode(q: Queryable, code: string): Promise<(ComplaintRow & { mpp_name: string; mpp_timezone: string }) | undefined> {
  const { rows } = await q.query<ComplaintRow & { mpp_name: string; mpp_timezone: string }>(
    'SELECT c.*, m.name AS mpp_name, m.timezone AS mpp_timezone FROM complaints c JOIN catalog_mpps_v m ON m.id = c.mpp_id WHERE c.tracking_code = $1 LIMIT 2',
    [code],
  );
  return rows.length === 1 ? rows[0] : undefined;
}

export async function findByTrackingCodeInMpp(q: Queryable, mppId: string, code: string): Promise<ComplaintRow | undefined> {
  const { rows } = await q.query<ComplaintRow>('SELECT * FROM complaints WHERE mpp_id = $1 AND tracking_code = $2', [mppId, code]);
  return rows[0];
}

export interface ListFilter {
  status?: Status;
  /** Only complaints whose running deadline has passed at this instant. */
  overdueAt?: Date;
  /** Only complaints assigned to one of these tenants (tenant staff). */
  tenantIds?: string[];
  /** Part of the tracking code (already without dashes, upper case) or of the description. */
  search?: string;
  limit: number;
  offset: number;
}

/** The deadline running in a status, as SQL. */
export const RUNNING_DUE_SQL = `CASE WHEN status = 'received' THEN verification_due_at
  WHEN status IN ('verified', 'assigned', 'in_progress') THEN resolution_due_at END`;

const LIST_WHERE = `mpp_id = $1
        AND ($2::text IS NULL OR status = $2)
        AND ($3::timestamptz IS NULL OR (${RUNNING_DUE_SQL}) < $3)
        AND ($4::uuid[] IS NULL OR assigned_tenant_id = ANY($4::uuid[]))
        AND ($5::text IS NULL OR tracking_code LIKE '%' || $5 || '%' OR description ILIKE '%' || $6 || '%')`;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** One page (newest first; id breaks ties so pages never overlap) and the count of all matching rows. */
export async function listComplaints(q: Queryable, mppId: string, f: ListFilter): Promise<{ rows: ComplaintRow[]; total: number }> {
  const code = f.search ? escapeLike(f.search.replace(/[\s-]/g, '').toUpperCase()) : null;
  const params = [mppId, f.status ?? null, f.overdueAt ?? null, f.tenantIds ?? null, f.search ? code : null, f.search ? escapeLike(f.search) : null];
  const [page, count] = await Promise.all([
    q.query<ComplaintRow>(`SELECT * FROM complaints WHERE ${LIST_WHERE} ORDER BY received_at DESC, id DESC LIMIT $7 OFFSET $8`, [...params, f.limit, f.offset]),
    q.query<{ total: number }>(`SELECT count(*)::int AS total FROM complaints WHERE ${LIST_WHERE}`, params),
  ]);
  return { rows: page.rows, total: count.rows[0]?.total ?? 0 };
}

export interface EventRow {
  at: Date;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_type: string;
  actor_label: string | null;
  visibility: 'public' | 'internal';
  note: string | null;
}

export async function insertEvent(q: Queryable, e: { mppId: string; complaintId: string; at: Date; action: string; from: Status | null; to: Status; actor: Actor; visibility: 'public' | 'internal'; note: string | null }): Promise<void> {
  await q.query(
    `INSERT INTO complaint_events (mpp_id, complaint_id, at, action, from_status, to_status, actor_type, actor_id, actor_label, visibility, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [e.mppId, e.complaintId, e.at, e.action, e.from, e.to, e.actor.type, e.actor.id, e.actor.label, e.visibility, e.note],
  );
}

export async function findEvents(q: Queryable, mppId: string, complaintId: string, publicOnly: boolean): Promise<EventRow[]> {
  const { rows } = await q.query<EventRow>(
    `SELECT at, action, from_status, to_status, actor_type, actor_label, visibility, note FROM complaint_events
      WHERE mpp_id = $1 AND complaint_id = $2 AND (NOT $3 OR visibility = 'public') ORDER BY id`,
    [mppId, complaintId, publicOnly],
  );
  return rows;
}

export async function insertAttachment(q: Queryable, a: { mppId: string; complaintId: string; mediaType: string; fileName: string; content: Buffer }): Promise<void> {
  await q.query(
    'INSERT INTO complaint_attachments (mpp_id, complaint_id, media_type, size_bytes, file_name, content) VALUES ($1, $2, $3, $4, $5, $6)',
    [a.mppId, a.complaintId, a.mediaType, a.content.length, a.fileName, a.content],
  );
}

export async function findAttachments(q: Queryable, mppId: string, complaintId: string): Promise<{ id: string; media_type: string; size_bytes: number; file_name: string }[]> {
  const { rows } = await q.query<{ id: string; media_type: string; size_bytes: number; file_name: string }>(
    'SELECT id, media_type, size_bytes, file_name FROM complaint_attachments WHERE mpp_id = $1 AND complaint_id = $2 ORDER BY created_at, id',
    [mppId, complaintId],
  );
  return rows;
}

/** @throws AppError not_found */
export async function getAttachmentContent(q: Queryable, mppId: string, complaintId: string, id: string): Promise<{ media_type: string; file_name: string; content: Buffer }> {
  const { rows } = await q.query<{ media_type: string; file_name: string; content: Uint8Array }>(
    'SELECT media_type, file_name, content FROM complaint_attachments WHERE mpp_id = $1 AND complaint_id = $2 AND id = $3',
    [mppId, complaintId, id],
  );
  if (!rows[0]) throw commonErrors.not_found();
  return { ...rows[0], content: Buffer.from(rows[0].content) };
}

/** Complaints whose running deadline passed and whose admins were not yet told for that stage; marks them told. */
export async function markNewlyOverdue(q: Queryable, now: Date, limit = 200): Promise<ComplaintRow[]> {
  const { rows } = await q.query<ComplaintRow>(
    `UPDATE complaints SET overdue_notified = CASE WHEN status = 'received' THEN 'verification' ELSE 'resolution' END
      WHERE (mpp_id, id) IN (
        SELECT mpp_id, id FROM complaints
         WHERE (${RUNNING_DUE_SQL}) < $1
           AND overdue_notified IS DISTINCT FROM (CASE WHEN status = 'received' THEN 'verification' ELSE 'resolution' END)
         ORDER BY received_at LIMIT $2 FOR UPDATE SKIP LOCKED)
      RETURNING *`,
    [now, limit],
  );
  return rows;
}

export async function findExpiredAnswers(q: Queryable, now: Date, limit = 200): Promise<{ mpp_id: string; id: string }[]> {
  return (await q.query<{ mpp_id: string; id: string }>(
    "SELECT mpp_id, id FROM complaints WHERE status = 'answered' AND reopen_until < $1 ORDER BY reopen_until LIMIT $2",
    [now, limit],
  )).rows;
}

export async function findForExport(q: Queryable, mppId: string, from: string, to: string, timezone: string): Promise<(ComplaintRow & { tenant_name: string | null })[]> {
  return (await q.query<ComplaintRow & { tenant_name: string | null }>(
    `SELECT c.*, t.name AS tenant_name FROM complaints c
       LEFT JOIN catalog_tenants_v t ON t.mpp_id = c.mpp_id AND t.id = COALESCE(c.assigned_tenant_id, c.subject_tenant_id)
      WHERE c.mpp_id = $1 AND (c.received_at AT TIME ZONE $4)::date BETWEEN $2::date AND $3::date
      ORDER BY c.received_at`,
    [mppId, from, to, timezone],
  )).rows;
}

export async function setLaporRef(q: Queryable, mppId: string, id: string, laporRef: string): Promise<void> {
  await q.query('UPDATE complaints SET lapor_ref = $3 WHERE mpp_id = $1 AND id = $2 AND lapor_ref IS NULL', [mppId, id, laporRef]);
}

export interface ApiKeyRow {
  id: string;
  mpp_id: string;
  name: string;
  key_prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export async function insertApiKey(q: Queryable, k: { mppId: string; name: string; keyHash: string; keyPrefix: string; createdBy: string }): Promise<ApiKeyRow> {
  const { rows } = await q.query<ApiKeyRow>(
    `INSERT INTO open311_api_keys (mpp_id, name, key_hash, key_prefix, created_by) VALUES ($1, $2, $3, $4, $5)
     RETURNING id, mpp_id, name, key_prefix, created_at, last_used_at, revoked_at`,
    [k.mppId, k.name, k.keyHash, k.keyPrefix, k.createdBy],
  );
  return rows[0]!;
}

export async function findApiKeys(q: Queryable, mppId: string): Promise<ApiKeyRow[]> {
  return (await q.query<ApiKeyRow>('SELECT id, mpp_id, name, key_prefix, created_at, last_used_at, revoked_at FROM open311_api_keys WHERE mpp_id = $1 ORDER BY created_at DESC', [mppId])).rows;
}

/** @throws AppError not_found */
export async function revokeApiKey(q: Queryable, mppId: string, id: string, now: Date): Promise<ApiKeyRow> {
  const { rows } = await q.query<ApiKeyRow>(
    `UPDATE open311_api_keys SET revoked_at = COALESCE(revoked_at, $3) WHERE mpp_id = $1 AND id = $2
     RETURNING id, mpp_id, name, key_prefix, created_at, last_used_at, revoked_at`,
    [mppId, id, now],
  );
  if (!rows[0]) throw commonErrors.not_found();
  return rows[0];
}

/** A live key of the MPP with this hash; marks it used. */
export async function useApiKey(q: Queryable, mppId: string, keyHash: string, now: Date): Promise<string | undefined> {
  const { rows } = await q.query<{ id: string }>(
    'UPDATE open311_api_keys SET last_used_at = $3 WHERE mpp_id = $1 AND key_hash = $2 AND revoked_at IS NULL RETURNING id',
    [mppId, keyHash, now],
  );
  return rows[0]?.id;
}

export interface Open311Filter {
  ids?: string[];
  classes?: string[];
  from?: Date;
  to?: Date;
  statuses?: string[];
  limit: number;
}

export async function findForOpen311(q: Queryable, mppId: string, f: Open311Filter): Promise<(ComplaintRow & { tenant_name: string | null; last_note: string | null })[]> {
  return (await q.query<ComplaintRow & { tenant_name: string | null; last_note: string | null }>(
    `SELECT c.*, t.name AS tenant_name,
            (SELECT note FROM complaint_events e WHERE e.mpp_id = c.mpp_id AND e.complaint_id = c.id AND e.visibility = 'public' AND e.note IS NOT NULL
              ORDER BY e.id DESC LIMIT 1) AS last_note
       FROM complaints c LEFT JOIN catalog_tenants_v t ON t.mpp_id = c.mpp_id AND t.id = c.assigned_tenant_id
      WHERE c.mpp_id = $1
        AND ($2::uuid[] IS NULL OR c.id = ANY($2::uuid[]))
        AND ($3::text[] IS NULL OR c.class = ANY($3::text[]))
        AND ($4::timestamptz IS NULL OR c.received_at >= $4)
        AND ($5::timestamptz IS NULL OR c.received_at <= $5)
        AND ($6::text[] IS NULL OR c.status = ANY($6::text[]))
      ORDER BY c.received_at DESC LIMIT $7`,
    [mppId, f.ids ?? null, f.classes ?? null, f.from ?? null, f.to ?? null, f.statuses ?? null, f.limit],
  )).rows;
}

/** The digits of a phone as written on a complaint, in the 62... form ('0812..' and '+62 812..' alike). */
const PHONE_DIGITS_SQL = `(CASE WHEN regexp_replace(c.contact_phone, '[^0-9]', '', 'g') LIKE '0%'
    THEN '62' || substr(regexp_replace(c.contact_phone, '[^0-9]', '', 'g'), 2)
    ELSE regexp_replace(c.contact_phone, '[^0-9]', '', 'g') END)`;

/**
 * For "Layanan saya" (citizen domain): the complaints, in every MPP, that left one of these phone
 * numbers (E.164, +62...) or emails (lower-case) as their contact, newest first.
 */
export async function findByContact(q: Queryable, contacts: { phones: string[]; emails: string[] }, limit = 50): Promise<(ComplaintRow & { mpp_name: string; mpp_timezone: string })[]> {
  if (contacts.phones.length === 0 && contacts.emails.length === 0) return [];
  const { rows } = await q.query<ComplaintRow & { mpp_name: string; mpp_timezone: string }>(
    `SELECT c.*, m.name AS mpp_name, m.timezone AS mpp_timezone FROM complaints c JOIN catalog_mpps_v m ON m.id = c.mpp_id
      WHERE lower(c.contact_email) = ANY($2::text[])
         OR (c.contact_phone IS NOT NULL AND ${PHONE_DIGITS_SQL} = ANY($1::text[]))
      ORDER BY c.received_at DESC LIMIT $3`,
    [contacts.phones.map((p) => p.replace(/^\+/, '')), contacts.emails, limit],
  );
  return rows;
}
