import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../platform/http.js';
import type { Db } from '../platform/db.js';
import { commonErrors } from '../platform/errors.js';
import { identityErrors } from './errors.js';
import { csrfMatches, resolveDevice, resolveSession } from './service.js';

export const SESSION_COOKIE = 'layan_session';
export const CSRF_COOKIE = 'layan_csrf';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    sessionToken: string | null;
  }
}

const invalidToken = () => identityErrors.invalid_token();
const passwordChangeRequired = () => identityErrors.password_change_required();

/**
 * Resolves who is calling on every request: a device by its bearer token, staff by the session
 * cookie (and then, for writes, the CSRF header must match the session), or anonymous.
 */
export function installAuth(app: App, db: Db): void {
  app.decorateRequest('principal', null as never);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    request.principal = { kind: 'anonymous' };
    if (!request.url.startsWith('/api/')) return;
    const authz = request.headers.authorization;
    if (authz) {
      const m = /^Bearer\s+(\S+)$/i.exec(authz);
      const principal = m ? await resolveDevice(db, m[1]!) : undefined;
      if (!principal) throw invalidToken();
      request.principal = principal;
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await resolveSession(db, token);
    if (!session) return;
    if (UNSAFE.has(request.method) && !csrfMatches(session.csrfToken, request.headers['x-csrf-token'] as string | undefined)) {
      throw commonErrors.csrf_failed();
    }
    request.principal = session.principal;
    request.sessionToken = token;
    if (session.principal.kind === 'staff' && session.principal.mustChangePassword && !request.url.startsWith('/api/auth/')) {
      throw passwordChangeRequired();
    }
  });
}
