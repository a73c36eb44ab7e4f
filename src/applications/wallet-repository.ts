import type { Queryable } from '../platform/db.js';
import type { Sealed } from './keys.js';

export interface DocumentRow {
  id: string;
  citizen_id: string;
  type_code: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  created_at: Date;
  /** The agency that added it with the citizen's consent; null when the citizen uploaded it. */
  source_tenant_name: string | null;
}

const DOC_COLUMNS = 'id, citizen_id, type_code, file_name, media_type, size_bytes, created_at, source_tenant_name';

export async function insertDocument(tx: Queryable, d: { id: string; citizenId: string; typeCode: string; fileName: string; mediaType: string; sizeBytes: number; sealed: Sealed; at: Date; sourceTenantName?: string }): Promise<DocumentRow> {
  const { rows } = await tx.query<DocumentRow>(
    `INSERT INTO wallet_documents (id, citizen_id, type_code, file_name, media_type, size_bytes, iv, auth_tag, ciphertext, created_at, source_tenant_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${DOC_COLUMNS}`,
    [d.id, d.citizenId, d.typeCode, d.fileName, d.mediaType, d.sizeBytes, d.sealed.iv, d.sealed.authTag, d.sealed.ciphertext, d.at, d.sourceTenantName ?? null],
  );
  return rows[0]!;
}

export async function listDocuments(q: Queryable, citizenId: string): Promise<DocumentRow[]> {
  const { rows } = await q.query<DocumentRow>(`SELECT ${DOC_COLUMNS} FROM wallet_documents WHERE citizen_id = $1 ORDER BY created_at DESC`, [citizenId]);
  return rows;
}

export async function findDocument(q: Queryable, id: string): Promise<DocumentRow | undefined> {
  const { rows } = await q.query<DocumentRow>(`SELECT ${DOC_COLUMNS} FROM wallet_documents WHERE id = $1`, [id]);
  return rows[0];
}

export async function readSealed(q: Queryable, id: string): Promise<Sealed | undefined> {
  const { rows } = await q.query<{ iv: Uint8Array; auth_tag: Uint8Array; ciphertext: Uint8Array }>('SELECT iv, auth_tag, ciphertext FROM wallet_documents WHERE id = $1', [id]);
  const r = rows[0];
  return r ? { iv: Buffer.from(r.iv), authTag: Buffer.from(r.auth_tag), ciphertext: Buffer.from(r.ciphertext) } : undefined;
}

export async function deleteDocument(tx: Queryable, citizenId: string, id: string): Promise<boolean> {
  const { rows } = await tx.query('DELETE FROM wallet_documents WHERE citizen_id = $1 AND id = $2 RETURNING id', [citizenId, id]);
  return rows.length > 0;
}

export interface GrantRow {
  mpp_id: string;
  id: string;
  citizen_id: string;
  document_id: string;
  application_id: string;
  tenant_id: string;
  granted_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
}

export async function insertGrant(tx: Queryable, g: { mppId: string; citizenId: string; documentId: string; applicationId: string; tenantId: string; at: Date; expiresAt: Date }): Promise<GrantRow> {
  const { rows } = await tx.query<GrantRow>(
    `INSERT INTO wallet_grants (mpp_id, citizen_id, document_id, application_id, tenant_id, granted_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
    [g.mppId, g.citizenId, g.documentId, g.applicationId, g.tenantId, g.at, g.expiresAt],
  );
  return rows[0]!;
}

export async function grantsOfCitizen(q: Queryable, citizenId: string): Promise<GrantRow[]> {
  const { rows } = await q.query<GrantRow>('SELECT * FROM wallet_grants WHERE citizen_id = $1 ORDER BY granted_at DESC', [citizenId]);
  return rows;
}

export async function revokeGrant(tx: Queryable, citizenId: string, grantId: string, now: Date): Promise<GrantRow | undefined> {
  const { rows } = await tx.query<GrantRow>(
    'UPDATE wallet_grants SET revoked_at = COALESCE(revoked_at, $3) WHERE citizen_id = $1 AND id = $2 RETURNING *',
    [citizenId, grantId, now],
  );
  return rows[0];
}

/** Live grants of an application, with the documents they open. */
export async function liveGrantsOfApplication(q: Queryable, mppId: string, applicationId: string, now: Date): Promise<(GrantRow & DocumentRow & { grant_id: string })[]> {
  const { rows } = await q.query<GrantRow & DocumentRow & { grant_id: string }>(
    `SELECT g.*, g.id AS grant_id, d.id, d.type_code, d.file_name, d.media_type, d.size_bytes, d.created_at, d.source_tenant_name
       FROM wallet_grants g JOIN wallet_documents d ON d.id = g.document_id
      WHERE g.mpp_id = $1 AND g.application_id = $2 AND g.revoked_at IS NULL AND g.expires_at > $3
      ORDER BY d.type_code`,
    [mppId, applicationId, now],
  );
  return rows;
}

export async function insertAccess(q: Queryable, e: { mppId: string; citizenId: string; documentId: string; typeCode: string; applicationId: string; tenantId: string; tenantName: string; userId: string | null; userLabel: string | null; at: Date; outcome: 'allowed' | 'refused'; reason: string | null }): Promise<void> {
  await q.query(
    `INSERT INTO wallet_access_log (mpp_id, citizen_id, document_id, type_code, application_id, tenant_id, tenant_name, user_id, user_label, at, outcome, reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [e.mppId, e.citizenId, e.documentId, e.typeCode, e.applicationId, e.tenantId, e.tenantName, e.userId, e.userLabel, e.at, e.outcome, e.reason],
  );
}

export interface AccessRow {
  at: Date;
  type_code: string;
  tenant_name: string;
  outcome: 'allowed' | 'refused';
  document_id: string | null;
  application_id: string | null;
  mpp_id: string;
}

export async function accessLogOf(q: Queryable, citizenId: string): Promise<AccessRow[]> {
  const { rows } = await q.query<AccessRow>(
    'SELECT at, type_code, tenant_name, outcome, document_id, application_id, mpp_id FROM wallet_access_log WHERE citizen_id = $1 ORDER BY at DESC, id DESC LIMIT 200',
    [citizenId],
  );
  return rows;
}

/** Ends every live grant of an application (it closed: the agency no longer needs the documents). */
export async function endGrantsOfApplication(tx: Queryable, mppId: string, applicationId: string, now: Date): Promise<number> {
  const { rows } = await tx.query(
    'UPDATE wallet_grants SET revoked_at = $3 WHERE mpp_id = $1 AND application_id = $2 AND revoked_at IS NULL AND expires_at > $3 RETURNING id',
    [mppId, applicationId, now],
  );
  return rows.length;
}
