import type { AppContext } from '../platform/context.js';
import { requestContext, type App } from '../platform/http.js';
import { AuditFacets, AuditFacetsQuery, AuditPage, AuditQuery } from './schemas.js';
import { readAudit, readAuditFacets } from './service.js';

export async function auditRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get('/api/audit', {
    schema: { tags: ['audit'], summary: 'Read the audit log (newest first)', querystring: AuditQuery, response: { 200: AuditPage } },
  }, async (request) => readAudit(requestContext(request, ctx.db, ctx.clock), request.query));

  app.get('/api/audit/facets', {
    schema: { tags: ['audit'], summary: 'The actions, actors and target kinds the audit filters offer', querystring: AuditFacetsQuery, response: { 200: AuditFacets } },
  }, async (request) => readAuditFacets(requestContext(request, ctx.db, ctx.clock), request.query));
}
