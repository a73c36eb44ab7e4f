import { randomUUID } from 'node:crypto';
import type { Db } from '../platform/db.js';
import { seedMpp, type SeededMpp } from '../../test/support/app.js';
import { issueSurveyToken } from './tokens.js';

export interface SurveyWorld extends SeededMpp {
  serviceId: string;
  otherServiceId: string;
  counterId: string;
  otherCounterId: string;
}

let n = 0;

/** An MPP with one service and one counter for each of its two tenants. */
export async function seedSurveyWorld(db: Db, opts: { timezone?: string } = {}): Promise<SurveyWorld> {
  const mpp = await seedMpp(db, opts);
  const service = async (tenantId: string, code: string, name: string) =>
    (await db.query<{ id: string }>('INSERT INTO services (mpp_id, tenant_id, code, name, ticket_prefix) VALUES ($1, $2, $3, $4, $5) RETURNING id', [mpp.mppId, tenantId, code, name, 'A'])).rows[0]!.id;
  const counter = async (tenantId: string, number: number) =>
    (await db.query<{ id: string }>('INSERT INTO counters (mpp_id, tenant_id, number, name) VALUES ($1, $2, $3, $4) RETURNING id', [mpp.mppId, tenantId, number, `Loket ${number}`])).rows[0]!.id;
  n++;
  return {
    ...mpp,
    serviceId: await service(mpp.tenantId, `KTP-${n}`, 'Perekaman KTP-el'),
    otherServiceId: await service(mpp.otherTenantId, `PKB-${n}`, 'Pembayaran PKB'),
    counterId: await counter(mpp.tenantId, 1),
    otherCounterId: await counter(mpp.otherTenantId, 2),
  };
}

/**
 * A finished ticket (or booking) with its survey code, made through issueSurveyToken as the queue and
 * booking domains call it. Such a 'ticket' has no row in the queue's tables; reports that count
 * people served from the queue use 'booking' sources instead.
 */
export async function servedTicket(db: Db, mppId: string, serviceId: string, servedAt: Date | null = new Date(), sourceKind: 'ticket' | 'booking' = 'ticket'): Promise<{ ticketId: string; code: string }> {
  const ticketId = randomUUID();
  const issued = await db.transaction((tx) => issueSurveyToken(tx, { mppId, sourceKind, sourceId: ticketId, serviceId, servedAt }));
  return { ticketId, code: issued.code! };
}

export const allAnswers = (score: number) => Object.fromEntries(['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'].map((k) => [k, score]));
