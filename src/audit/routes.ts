import type { AppContext } from '../platform/context.js';
import type { App } from '../platform/http.js';
import { AuditPage, AuditQuery } from './schemas.js';
import { readAudit } from './service.js';

export async function auditRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get('/api/audit', {
    schema: { tags: ['audit'], summary: 'Read the audit log (newest first)', querystring: AuditQuery, response: { 200: AuditPage } },
  }, async (request) => readAudit(ctx.db, request.principal, request.query));
}
