import { registeredErrors, type ErrorDefinition } from './errors.js';

/**
 * Problem codes any API route may answer whatever its domain: validation and framework refusals, the
 * identity hook (run on every /api request) and the guards in platform/auth.ts, throttling and an
 * unreachable database. The write-only codes apply to routes that take a body or change state.
 */
const EVERY_ROUTE = ['validation_failed', 'bad_request', 'unauthenticated', 'invalid_token', 'password_change_required', 'forbidden', 'not_found', 'rate_limited', 'database_unavailable'];
const WITH_BODY = ['malformed_json', 'payload_too_large', 'unsupported_media_type', 'csrf_failed', 'idempotency_mismatch', 'conflict', 'invalid_transition'];
const BODY_METHODS = new Set(['post', 'put', 'patch', 'delete']);

const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'RFC 9457 problem details; `title` is in the caller\'s language. Codes: docs/errors.md.',
  required: ['type', 'title', 'status', 'code', 'instance', 'requestId'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    requestId: { type: 'string' },
    errors: {
      type: 'array',
      items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } },
    },
  },
  additionalProperties: true,
};

/** The OpenAPI path of a Fastify route URL (`/api/mpps/:mppId` → `/api/mpps/{mppId}`). */
export function openApiPath(url: string): string {
  return url.replace(/:(\w+)/g, '{$1}');
}

type Operation = { responses?: Record<string, unknown> };
type Components = { schemas?: Record<string, unknown>; responses?: Record<string, unknown> };

/**
 * Adds to every operation the problem+json responses it may give, one per status, each naming its codes
 * (an enum on `code`): those of the route's own domain and those any route may answer. A status the
 * route already describes is left as it is. Routes of one domain that take a body (or not) share their
 * responses through `components.responses`, which keeps the generated client small.
 * @param domainOf the domain that registered a route (`'GET'`, `/api/...` in OpenAPI form).
 */
export function addProblemResponses<T>(document: T, domainOf: (method: string, path: string) => string | undefined): T {
  const doc = document as { paths?: Record<string, Record<string, Operation>>; components?: Components };
  const all = registeredErrors();
  const byCode = new Map(all.map((e) => [e.code, e]));
  const components = (doc.components ??= {});
  (components.schemas ??= {}).Problem = PROBLEM_SCHEMA;
  const responses = (components.responses ??= {});
  for (const [path, operations] of Object.entries(doc.paths ?? {})) {
    for (const [method, operation] of Object.entries(operations)) {
      if (!path.startsWith('/api/') || typeof operation !== 'object' || !operation) continue;
      const domain = domainOf(method.toUpperCase(), path) ?? 'platform';
      const withBody = BODY_METHODS.has(method);
      const codes = [...EVERY_ROUTE, ...(withBody ? WITH_BODY : [])].map((c) => byCode.get(c)).filter((e): e is ErrorDefinition => !!e);
      codes.push(...all.filter((e) => e.domain !== 'platform' && (e.domain === domain || e.domain === `${domain}s`)));
      const byStatus = new Map<number, string[]>();
      for (const e of codes) byStatus.set(e.status, [...new Set([...(byStatus.get(e.status) ?? []), e.code])].sort());
      operation.responses ??= {};
      for (const [status, names] of [...byStatus].sort((a, b) => a[0] - b[0])) {
        if (operation.responses[String(status)]) continue;
        const name = `${domain}${withBody ? 'Write' : 'Read'}Problem${status}`;
        responses[name] ??= {
          description: `Problem: ${names.join(', ')}`,
          content: {
            'application/problem+json': {
              schema: { allOf: [{ $ref: '#/components/schemas/Problem' }, { type: 'object', required: ['code'], properties: { code: { type: 'string', enum: names } } }] },
            },
          },
        };
        operation.responses[String(status)] = { $ref: `#/components/responses/${name}` };
      }
    }
  }
  return document;
}
