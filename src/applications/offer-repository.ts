import type { Queryable } from '../platform/db.js';
import type { Sealed } from './keys.js';

export interface OfferRow {
  mpp_id: string;
  id: string;
  application_id: string;
  tenant_id: string;
  tenant_name: string;
  type_code: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  status: 'pending' | 'accepted' | 'declined' | 'expired';
  offered_at: Date;
  expires_at: Date;
  decided_at: Date | null;
  document_id: string | null;
}

const COLUMNS = 'mpp_id, id, application_id, tenant_id, tenant_name, type_code, file_name, media_type, size_bytes, status, offered_at, expires_at, decided_at, document_id';

export async function insertOffer(tx: Queryable, o: { mppId: string; id: string; applicationId: string; tenantId: string; tenantName: string; typeCode: string; fileName: string; mediaType: string; sizeBytes: number; sealed: Sealed; at: Date; expiresAt: Date; offeredBy: string | null }): Promise<OfferRow> {
  const { rows } = await tx.query<OfferRow>(
    `INSERT INTO wallet_offers (mpp_id, id, application_id, tenant_id, tenant_name, type_code, file_name, media_type, size_bytes, iv, auth_tag, ciphertext, offered_at, expires_at, offered_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING ${COLUMNS}`,
    [o.mppId, o.id, o.applicationId, o.tenantId, o.tenantName, o.typeCode, o.fileName, o.mediaType, o.sizeBytes, o.sealed.iv, o.sealed.authTag, o.sealed.ciphertext, o.at, o.expiresAt, o.offeredBy],
  );
  return rows[0]!;
}

/** Offers made for these applications (newest first). */
export async function offersOfApplications(q: Queryable, applications: { mppId: string; id: string }[]): Promise<OfferRow[]> {
  if (!applications.length) return [];
  const { rows } = await q.query<OfferRow>(
    `SELECT ${COLUMNS} FROM wallet_offers
      WHERE (mpp_id, application_id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))
      ORDER BY offered_at DESC, id LIMIT 200`,
    [applications.map((a) => a.mppId), applications.map((a) => a.id)],
  );
  return rows;
}

/**
 * Takes a pending, unexpired offer for a decision: marks it decided and returns its sealed content,
 * deleting the content from the offer in the same statement. Undefined when it is not pending any
 * more (another request decided first) or has expired: one decision wins.
 */
export async function decideOffer(tx: Queryable, o: { mppId: string; id: string; status: 'accepted' | 'declined'; citizenId: string; at: Date }): Promise<(OfferRow & { sealed: Sealed }) | undefined> {
  const { rows } = await tx.query<OfferRow & { old_iv: Uint8Array; old_tag: Uint8Array; old_ct: Uint8Array }>(
    `UPDATE wallet_offers w SET status = $3, decided_at = $5, citizen_id = $4, iv = NULL, auth_tag = NULL, ciphertext = NULL
       FROM (SELECT mpp_id, id, iv, auth_tag, ciphertext FROM wallet_offers
              WHERE mpp_id = $1 AND id = $2 AND status = 'pending' AND expires_at > $5 FOR UPDATE) old
      WHERE w.mpp_id = old.mpp_id AND w.id = old.id AND w.status = 'pending'
      RETURNING ${COLUMNS.split(', ').map((c) => `w.${c}`).join(', ')}, old.iv AS old_iv, old.auth_tag AS old_tag, old.ciphertext AS old_ct`,
    [o.mppId, o.id, o.status, o.citizenId, o.at],
  );
  const r = rows[0];
  if (!r) return undefined;
  const { old_iv, old_tag, old_ct, ...offer } = r;
  return { ...offer, sealed: { iv: Buffer.from(old_iv), authTag: Buffer.from(old_tag), ciphertext: Buffer.from(old_ct) } };
}

export async function linkDocument(tx: Queryable, mppId: string, id: string, documentId: string): Promise<void> {
  await tx.query('UPDATE wallet_offers SET document_id = $3 WHERE mpp_id = $1 AND id = $2', [mppId, id, documentId]);
}

/** Pending offers past their consent period: expired, content deleted. Returns what expired. */
export async function expireOffers(tx: Queryable, now: Date): Promise<{ mpp_id: string; id: string; tenant_id: string; application_id: string }[]> {
  const { rows } = await tx.query<{ mpp_id: string; id: string; tenant_id: string; application_id: string }>(
    `UPDATE wallet_offers SET status = 'expired', decided_at = $1, iv = NULL, auth_tag = NULL, ciphertext = NULL
      WHERE status = 'pending' AND expires_at <= $1 RETURNING mpp_id, id, tenant_id, application_id`,
    [now],
  );
  return rows;
}
