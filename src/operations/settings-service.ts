import { recordAudit } from '../platform/audit.js';
import type { ServiceContext } from '../platform/context.js';
import { requireMppRole } from '../platform/auth.js';
import * as repo from './repository.js';
import type { OpsSettings } from './schemas.js';

/** @throws AppError 401/403/404 by scope (MPP staff may read; the target is the MPP admin's to set). */
export async function getSettings(ctx: ServiceContext, input: { mppId: string }): Promise<OpsSettings> {
  const { db, principal } = ctx;
  const { mppId } = input;
  requireMppRole(principal, mppId, ['mpp_admin', 'tenant_admin']);
  const mpp = await repo.getMppInfo(db, mppId);
  return { targetWaitMinutes: mpp.targetWaitMinutes };
}

/** @throws AppError 401/403/404 by scope. */
export async function putSettings(ctx: ServiceContext, args: { mppId: string } & OpsSettings): Promise<OpsSettings> {
  const { db, principal, actor, now } = ctx;
  const { mppId, ...input } = args;
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
