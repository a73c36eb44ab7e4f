import type { FastifyReply, FastifyRequest } from 'fastify';
import { commonErrors } from './errors.js';
import { sendProblem, type App } from './http.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A long-lived Server-Sent Events stream: counted against SSE_MAX_PER_ADDRESS while open. */
    eventStream?: boolean;
  }
}

/**
 * Caps the event streams one client address holds open at once. A stream costs a socket, a
 * subscription and a timer for as long as it stays open, so without a cap one client could hold
 * thousands. Over the cap the request gets 429 problem+json; a slot frees when its stream closes.
 * The address is request.ip, so behind a proxy set TRUST_PROXY (see config.ts).
 */
export function installStreamLimit(app: App, maxPerAddress: number): { openStreams(address: string): number } {
  const open = new Map<string, number>();
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.routeOptions.config?.eventStream) return;
    const address = request.ip;
    const held = open.get(address) ?? 0;
    if (held >= maxPerAddress) {
      return sendProblem(request, reply, commonErrors.too_many_streams({ max: maxPerAddress, retryAfterSeconds: 30 }));
    }
    open.set(address, held + 1);
    let released = false;
    reply.raw.once('close', () => {
      if (released) return;
      released = true;
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
  return { openStreams: (address) => open.get(address) ?? 0 };
}
