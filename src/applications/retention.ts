import { recordAudit } from '../platform/audit.js';
import { SYSTEM_ACTOR } from '../platform/auth.js';
import type { Db } from '../platform/db.js';
import * as offers from './offer-repository.js';
import * as repo from './repository.js';

/**
 * The retention rule of issue 15 (UU PDP 27/2022, docs/applications.md "Retention"). A grant gives
 * the agency no copy: officers read the wallet's copy through a live grant, so an expired or revoked
 * grant leaves the agency nothing to read. What the agency does hold for an application is purged:
 * - the printable product, PRODUCT_RETENTION_DAYS after the application closed (collected/refused);
 * - a document offered to the applicant's wallet, when its consent period ends undecided;
 * - kiosk one-time codes, PICKUP_CODE_RETENTION_DAYS after they expired.
 * The citizen's wallet itself is never purged: it is theirs to keep or delete.
 */
export const PRODUCT_RETENTION_DAYS = 30;
export const PICKUP_CODE_RETENTION_DAYS = 1;

export interface Purged {
  products: number;
  offers: number;
  pickupCodes: number;
}

/** One run of the retention job at `now`; each purge is audited. Safe to run concurrently (deletes are idempotent). */
export async function purgeExpiredCopies(db: Db, now: Date): Promise<Purged> {
  return db.transaction(async (tx) => {
    const products = await repo.purgeProductsClosedBefore(tx, new Date(now.getTime() - PRODUCT_RETENTION_DAYS * 86_400_000));
    for (const p of products) {
      await recordAudit(tx, SYSTEM_ACTOR, { action: 'application.product_purged', targetType: 'application', targetId: p.application_id, mppId: p.mpp_id, tenantId: p.tenant_id, after: { retentionDays: PRODUCT_RETENTION_DAYS } });
    }
    const expired = await offers.expireOffers(tx, now);
    for (const o of expired) {
      await recordAudit(tx, SYSTEM_ACTOR, { action: 'wallet.offer_expired', targetType: 'wallet_offer', targetId: o.id, mppId: o.mpp_id, tenantId: o.tenant_id, after: { applicationId: o.application_id } });
    }
    const pickupCodes = await repo.purgePickupCodesBefore(tx, new Date(now.getTime() - PICKUP_CODE_RETENTION_DAYS * 86_400_000));
    return { products: products.length, offers: expired.length, pickupCodes };
  });
}

/** Runs the retention job every intervalMs (hourly) until the returned stop function is called. */
export function startRetentionJob(db: Db, now: () => Date, log: { error(o: object, m: string): void }, intervalMs = 3_600_000): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = purgeExpiredCopies(db, now()).catch((err) => log.error({ err }, 'application retention failed'));
  }, intervalMs);
  return async () => {
    clearInterval(timer);
    await running;
  };
}
