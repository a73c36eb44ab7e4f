import formbody from '@fastify/formbody';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../platform/auth.js';
import type { AppContext } from '../platform/context.js';
import type { App } from '../platform/http.js';
import { listRequests, listServices, Open311Error, postRequest, toOpen311Error, toXml } from './open311.js';

type Format = 'json' | 'xml';

function send(reply: FastifyReply, format: Format, status: number, root: string, item: string, rows: Record<string, unknown>[]) {
  if (format === 'xml') return reply.status(status).type('text/xml; charset=utf-8').send(toXml(root, item, rows));
  return reply.status(status).type('application/json; charset=utf-8').send(JSON.stringify(rows));
}

const formatOf = (url: string): Format => (url.split('?')[0]!.endsWith('.xml') ? 'xml' : 'json');

/**
 * Open311 GeoReport v2, per MPP (jurisdiction_id = MPP slug): services, requests (GET, POST with an
 * API key) and one request, in .json and .xml. Errors use GeoReport's [{code, description}] shape.
 */
export async function open311Routes(app: App, ctx: AppContext): Promise<void> {
  const { db, clock } = ctx;
  await app.register(async (scope) => {
    // GeoReport clients post application/x-www-form-urlencoded; the parser lives only here.
    await scope.register(formbody, { bodyLimit: 64 * 1024 });
    scope.setErrorHandler((error, request, reply) => {
      const e = toOpen311Error(error) ?? new Open311Error(500, 'internal error');
      if (e.code >= 500) request.log.error({ err: error }, 'open311 request failed');
      return send(reply, formatOf(request.url), e.code, 'errors', 'error', [{ code: e.code, description: e.description }]);
    });

    const query = (request: FastifyRequest) => request.query as Record<string, unknown>;
    for (const format of ['json', 'xml'] as const) {
      scope.get(`/open311/v2/services.${format}`, { schema: { hide: true } }, async (request, reply) =>
        send(reply, format, 200, 'services', 'service', await listServices(db, query(request).jurisdiction_id as string | undefined)));

      scope.get(`/open311/v2/requests.${format}`, { schema: { hide: true } }, async (request, reply) =>
        send(reply, format, 200, 'service_requests', 'request', await listRequests(db, query(request), undefined, clock.now())));

      scope.post(`/open311/v2/requests.${format}`, {
        schema: { hide: true },
        config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      }, async (request, reply) => {
        const params = { ...query(request), ...((request.body ?? {}) as Record<string, unknown>) };
        return send(reply, format, 201, 'service_requests', 'request', await postRequest(db, clock, params, actorOf(request.principal, request.id)));
      });
    }

    scope.get('/open311/v2/requests/:file', { schema: { hide: true } }, async (request, reply) => {
      const file = (request.params as { file: string }).file;
      const m = /^(.+)\.(json|xml)$/.exec(file);
      if (!m) throw new Open311Error(404, 'use /requests/{id}.json or .xml');
      return send(reply, m[2] as Format, 200, 'service_requests', 'request', await listRequests(db, query(request), m[1], clock.now()));
    });
  });
}
