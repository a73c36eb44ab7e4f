import { recordAudit } from '../platform/audit.js';
import { requireMppRole, type Actor, type Principal } from '../platform/auth.js';
import type { Db } from '../platform/db.js';
import * as repo from './repository.js';
import type { OpsSettings } from './schemas.js';

/** @throws AppError 401/403/404 by scope (MPP staff may read; the target is the MPP admin's to set). */
export async function getSettings(db: Db, principal: Principal, mppId: string): Promise<OpsSettings> {
  requireMppRole(principal, mppId, ['mpp_admin', 'tenant_admin']);
  const mpp = await repo.getMppInfo(db, mppId);
  return { targetWaitMinutes: mpp.targetWaitMinutes };
}

/** @throws AppError 401/403/404 by scope. */
export async function putSettings(db: Db, principal: Principal, mppId: string, input: OpsSettings, actor: Actor, now: Date): Promise<OpsSettings> {
  requireMppRole(principal, mppId, ['mpp_admin']);
  return db.transaction(async (tx) => {
    const before = await repo.getMppInfo(tx, mppId);
    await repo.setTargetWait(tx, mppId, input.targetWaitMinutes, now);
    await recordAudit(tx, actor, {
      action: 'operations.settings_updated',
      targetType: 'mpp',
      targetId: mppId,
      mppId,
      before: { targetWaitMinutes: before.targetWaitMinutes },
      after: input,
    });
    return input;
  });
}
