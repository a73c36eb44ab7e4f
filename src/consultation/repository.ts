import type { Actor } from '../platform/auth.js';
import type { Queryable } from '../platform/db.js';
import type { Sealed } from '../applications/keys.js';
import type { Status } from './state-machine.js';

export interface ConsultationRow {
  mpp_id: string;
  id: string;
  tracking_code: string;
  kind: 'question' | 'meeting';
  service_id: string;
  tenant_id: string;
  service_name: string;
  tenant_name: string;
  citizen_id: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  question: string;
  slot_start: Date | null;
  meeting_url: string | null;
  status: Status;
  answer: string | null;
  answered_by: string | null;
  submitted_at: Date;
  due_at: Date;
  answered_at: Date | null;
  updated_at: Date;
}

export type NewConsultation = Pick<ConsultationRow, 'mpp_id' | 'tracking_code' | 'kind' | 'service_id' | 'tenant_id' | 'service_name' | 'tenant_name' | 'citizen_id' | 'contact_phone' | 'contact_email' | 'question' | 'slot_start' | 'submitted_at' | 'due_at'>;

export async function insertConsultation(tx: Queryable, c: NewConsultation): Promise<ConsultationRow> {
  const { rows } = await tx.query<ConsultationRow>(
    `INSERT INTO consultations (mpp_id, tracking_code, kind, service_id, tenant_id, service_name, tenant_name, citizen_id, contact_phone, contact_email, question, slot_start, submitted_at, due_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $13) RETURNING *`,
    [c.mpp_id, c.tracking_code, c.kind, c.service_id, c.tenant_id, c.service_name, c.tenant_name, c.citizen_id, c.contact_phone, c.contact_email, c.question, c.slot_start, c.submitted_at, c.due_at],
  );
  return rows[0]!;
}

export async function findConsultation(q: Queryable, mppId: string, id: string): Promise<ConsultationRow | undefined> {
  const { rows } = await q.query<ConsultationRow>('SELECT * FROM consultations WHERE mpp_id = $1 AND id = $2', [mppId, id]);
  return rows[0];
}

/** The consultation with this (normalised) code; undefined unless exactly one MPP has it. */
export async function findByTrackingCode(q: Queryable, code: string): Promise<ConsultationRow | undefined> {
  const { rows } = await q.query<ConsultationRow>('SELECT * FROM consultations WHERE tracking_code = $1 LIMIT 2', [code]);
  return rows.length === 1 ? rows[0] : undefined;
}

export async function findOfCitizen(q: Queryable, citizenId: string, id: string): Promise<ConsultationRow | undefined> {
  const { rows } = await q.query<ConsultationRow>('SELECT * FROM consultations WHERE citizen_id = $1 AND id = $2', [citizenId, id]);
  return rows[0];
}

export async function listOfCitizen(q: Queryable, citizenId: string): Promise<ConsultationRow[]> {
  const { rows } = await q.query<ConsultationRow>('SELECT * FROM consultations WHERE citizen_id = $1 ORDER BY submitted_at DESC LIMIT 100', [citizenId]);
  return rows;
}

/** The agency's list. `tenantIds` null means every agency of the MPP. */
export async function listForStaff(q: Queryable, mppId: string, f: { tenantIds: string[] | null; view: 'open' | 'answered' | 'all' }): Promise<ConsultationRow[]> {
  const where = { open: "status IN ('submitted', 'scheduled')", answered: "status IN ('answered', 'withdrawn')", all: 'TRUE' }[f.view];
  const { rows } = await q.query<ConsultationRow>(
    `SELECT * FROM consultations WHERE mpp_id = $1 AND ($2::uuid[] IS NULL OR tenant_id = ANY($2)) AND ${where}
      ORDER BY ${f.view === 'open' ? 'due_at, submitted_at' : 'updated_at DESC'} LIMIT 200`,
    [mppId, f.tenantIds],
  );
  return rows;
}

/** Moves the status only if it is still one of `from` (the conditional update decides races). */
export async function updateStatusIf(tx: Queryable, mppId: string, id: string, from: readonly Status[], to: Status, patch: { answer?: string; answered_by?: string | null; answered_at?: Date; meeting_url?: string }, now: Date): Promise<ConsultationRow | undefined> {
  const { rows } = await tx.query<ConsultationRow>(
    `UPDATE consultations SET status = $4, updated_at = $5,
       answer = COALESCE($6, answer), answered_by = COALESCE($7, answered_by), answered_at = COALESCE($8, answered_at), meeting_url = COALESCE($9, meeting_url)
     WHERE mpp_id = $1 AND id = $2 AND status = ANY($3) RETURNING *`,
    [mppId, id, [...from], to, now, patch.answer ?? null, patch.answered_by ?? null, patch.answered_at ?? null, patch.meeting_url ?? null],
  );
  return rows[0];
}

export async function insertEvent(tx: Queryable, e: { mppId: string; consultationId: string; at: Date; action: string; from: Status | null; to: Status; actor: Actor }): Promise<void> {
  await tx.query(
    `INSERT INTO consultation_events (mpp_id, consultation_id, at, action, from_status, to_status, actor_type, actor_id, actor_label)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [e.mppId, e.consultationId, e.at, e.action, e.from, e.to, e.actor.type, e.actor.id, e.actor.label],
  );
}

export async function listEvents(q: Queryable, mppId: string, consultationId: string): Promise<{ at: Date; action: string; to_status: Status; actor_type: string; actor_label: string | null }[]> {
  const { rows } = await q.query<{ at: Date; action: string; to_status: Status; actor_type: string; actor_label: string | null }>(
    'SELECT at, action, to_status, actor_type, actor_label FROM consultation_events WHERE mpp_id = $1 AND consultation_id = $2 ORDER BY at, id',
    [mppId, consultationId],
  );
  return rows;
}

export async function insertAttachment(tx: Queryable, a: { mppId: string; consultationId: string; fileName: string; mediaType: string; sizeBytes: number; sealed: Sealed }): Promise<void> {
  await tx.query(
    `INSERT INTO consultation_attachments (mpp_id, consultation_id, file_name, media_type, size_bytes, iv, auth_tag, ciphertext)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [a.mppId, a.consultationId, a.fileName, a.mediaType, a.sizeBytes, a.sealed.iv, a.sealed.authTag, a.sealed.ciphertext],
  );
}

export async function findAttachmentInfo(q: Queryable, mppId: string, consultationId: string): Promise<{ fileName: string; mediaType: string; sizeBytes: number } | undefined> {
  const { rows } = await q.query<{ file_name: string; media_type: string; size_bytes: number }>(
    'SELECT file_name, media_type, size_bytes FROM consultation_attachments WHERE mpp_id = $1 AND consultation_id = $2', [mppId, consultationId],
  );
  return rows[0] ? { fileName: rows[0].file_name, mediaType: rows[0].media_type, sizeBytes: rows[0].size_bytes } : undefined;
}

export async function readAttachment(q: Queryable, mppId: string, consultationId: string): Promise<{ fileName: string; mediaType: string; sealed: Sealed } | undefined> {
  const { rows } = await q.query<{ file_name: string; media_type: string; iv: Uint8Array; auth_tag: Uint8Array; ciphertext: Uint8Array }>(
    'SELECT file_name, media_type, iv, auth_tag, ciphertext FROM consultation_attachments WHERE mpp_id = $1 AND consultation_id = $2', [mppId, consultationId],
  );
  const r = rows[0];
  return r ? { fileName: r.file_name, mediaType: r.media_type, sealed: { iv: Buffer.from(r.iv), authTag: Buffer.from(r.auth_tag), ciphertext: Buffer.from(r.ciphertext) } } : undefined;
}

/** The agency's answer limit in working days, or undefined when it never set one. */
export async function findAnswerWorkingDays(q: Queryable, mppId: string, tenantId: string): Promise<number | undefined> {
  const { rows } = await q.query<{ answer_working_days: number }>('SELECT answer_working_days FROM consultation_settings WHERE mpp_id = $1 AND tenant_id = $2', [mppId, tenantId]);
  return rows[0]?.answer_working_days;
}

export async function upsertAnswerWorkingDays(tx: Queryable, s: { mppId: string; tenantId: string; days: number; at: Date; by: string | null }): Promise<void> {
  await tx.query(
    `INSERT INTO consultation_settings (mpp_id, tenant_id, answer_working_days, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (mpp_id, tenant_id) DO UPDATE SET answer_working_days = EXCLUDED.answer_working_days, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
    [s.mppId, s.tenantId, s.days, s.at, s.by],
  );
}

export interface FaqRow { consultation_id: string; service_id: string; tenant_id: string; question: string; answer: string; published_at: Date }

/** Publishes (or re-publishes with new text) the FAQ entry of an answered consultation. */
export async function upsertFaq(tx: Queryable, f: { mppId: string; consultationId: string; serviceId: string; tenantId: string; question: string; answer: string; at: Date; by: string | null }): Promise<void> {
  await tx.query(
    `INSERT INTO consultation_faqs (mpp_id, consultation_id, service_id, tenant_id, question, answer, published_at, published_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (mpp_id, consultation_id) DO UPDATE SET question = EXCLUDED.question, answer = EXCLUDED.answer, published_at = EXCLUDED.published_at, published_by = EXCLUDED.published_by`,
    [f.mppId, f.consultationId, f.serviceId, f.tenantId, f.question, f.answer, f.at, f.by],
  );
}

/** @returns whether an entry was removed. */
export async function deleteFaq(tx: Queryable, mppId: string, consultationId: string): Promise<boolean> {
  const { rows } = await tx.query('DELETE FROM consultation_faqs WHERE mpp_id = $1 AND consultation_id = $2 RETURNING consultation_id', [mppId, consultationId]);
  return rows.length > 0;
}

export async function findFaq(q: Queryable, mppId: string, consultationId: string): Promise<FaqRow | undefined> {
  const { rows } = await q.query<FaqRow>('SELECT consultation_id, service_id, tenant_id, question, answer, published_at FROM consultation_faqs WHERE mpp_id = $1 AND consultation_id = $2', [mppId, consultationId]);
  return rows[0];
}

/** A service's published FAQ, newest first. */
export async function listFaqOfService(q: Queryable, mppId: string, serviceId: string): Promise<FaqRow[]> {
  const { rows } = await q.query<FaqRow>(
    'SELECT consultation_id, service_id, tenant_id, question, answer, published_at FROM consultation_faqs WHERE mpp_id = $1 AND service_id = $2 ORDER BY published_at DESC LIMIT 50',
    [mppId, serviceId],
  );
  return rows;
}
