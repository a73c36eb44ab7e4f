import { createHash, createHmac, randomInt } from 'node:crypto';
import type { Queryable } from '../platform/db.js';
import * as repo from './repository.js';

// Crockford base32: no I, L, O, U, so a code read aloud or typed at a kiosk is not mistaken.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 12;

function newCode(): string {
  let s = '';
  for (let i = 0; i < CODE_LENGTH; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}

/** A code from at least 8 bytes (the first 60 bits, 5 bits per character), e.g. a derived MAC. */
export function formatCode(bytes: Uint8Array): string {
  let bits = 0n;
  for (let i = 0; i < 8; i++) bits = (bits << 8n) | BigInt(bytes[i]!);
  let s = '';
  for (let i = 0; i < CODE_LENGTH; i++) s += ALPHABET[Number((bits >> BigInt(59 - 5 * i)) & 31n)];
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}

/**
 * The survey code of a queue ticket, derived from its secret status token (HMAC keyed by the token):
 * printed on the ticket, given again by its status page, and set on the ticket's token when it is
 * served, so every path gives the same code. The code alone does not reveal the status token.
 */
export function codeForStatusToken(statusToken: string): string {
  const mac = createHmac('sha256', statusToken).update('layan/survey-code/v1').digest();
  return formatCode(mac);
}

/** Upper-cases, drops separators and maps look-alikes, so "abcd efgh" and "ABCD-EFGH" match. */
export function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export const hashCode = (code: string) => createHash('sha256').update(normalizeCode(code)).digest('hex');

export interface IssueSurveyTokenInput {
  mppId: string;
  sourceKind: 'ticket' | 'booking';
  sourceId: string;
  serviceId: string;
  /** When the service was finished; null to print the code on a ticket before service. */
  servedAt: Date | null;
}

/**
 * The call the queue and booking domains make in their own transaction: gives a ticket or booking
 * its one survey code. Issuing again for the same source does not make a second code; with
 * servedAt it marks the existing one served. The code is returned only when it was created (it is
 * stored hashed).
 * @throws AppError not_found when the service is not in the MPP.
 */
export async function issueSurveyToken(tx: Queryable, input: IssueSurveyTokenInput): Promise<{ tokenId: string; code: string | null; served: boolean }> {
  const service = await repo.getService(tx, input.mppId, input.serviceId);
  const code = newCode();
  const created = await repo.insertToken(tx, { ...input, tokenHash: hashCode(code), tenantId: service.tenant_id });
  if (created) return { tokenId: created.id, code, served: created.served_at !== null };
  const existing = input.servedAt
    ? await repo.markTokenServed(tx, input.mppId, input.sourceKind, input.sourceId, input.servedAt)
    : await repo.findTokenBySource(tx, input.mppId, input.sourceKind, input.sourceId);
  return { tokenId: existing!.id, code: null, served: existing!.served_at !== null };
}

/** The ticket or booking a survey token belongs to. */
export interface SurveySource {
  mppId: string;
  sourceKind: 'ticket' | 'booking';
  sourceId: string;
}

/** Marks the source's token served (the 'ticket.served' event); no-op when it has none. */
export async function markSurveySourceServed(tx: Queryable, input: SurveySource & { servedAt: Date }): Promise<boolean> {
  return (await repo.markTokenServed(tx, input.mppId, input.sourceKind, input.sourceId, input.servedAt)) !== undefined;
}


/**
 * Gives an unanswered token a fresh code (the console shows it as a QR when the first one was never
 * handed out); the old code stops working.
 * @returns the new code, or null when the source has no token or it was already answered.
 */
export async function reissueSurveyCode(tx: Queryable, input: SurveySource): Promise<{ code: string; served: boolean } | null> {
  const code = newCode();
  const row = await repo.replaceTokenHash(tx, input.mppId, input.sourceKind, input.sourceId, hashCode(code));
  return row ? { code, served: row.served_at !== null } : null;
}
