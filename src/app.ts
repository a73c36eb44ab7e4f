import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { applicationsRoutes } from './applications/routes.js';
import { auditRoutes } from './audit/routes.js';
import { bookingRoutes } from './booking/routes.js';
import { calendarRoutes } from './calendar/routes.js';
import { catalogRoutes } from './catalog/routes.js';
import { citizenRoutes } from './citizen/routes.js';
import { complaintsRoutes } from './complaints/routes.js';
import { crewRoutes } from './crew/routes.js';
import { consultationRoutes } from './consultation/routes.js';
import { installAuth } from './identity/auth-hook.js';
import { identityRoutes } from './identity/routes.js';
import { mobileRoutes } from './mobile/routes.js';
import { notificationRoutes } from './notifications/routes.js';
import { operationsRoutes } from './operations/routes.js';
import { queueRoutes } from './queue/routes.js';
import { surveyRoutes } from './survey/routes.js';
import type { Config } from './platform/config.js';
import { systemClock, type AppContext, type Clock } from './platform/context.js';
import { pingDatabase, type Db } from './platform/db.js';
import { commonErrors } from './platform/errors.js';
import { createHttpServer, sendProblem, type App } from './platform/http.js';
import { addProblemResponses, openApiPath } from './platform/problem-docs.js';
import { OutboxWorker } from './platform/outbox-worker.js';
import { installStreamLimit } from './platform/stream-limit.js';

/** Each domain registers its routes here; order does not matter. */
const DOMAINS: ((app: App, ctx: AppContext) => Promise<void>)[] = [
  identityRoutes,
  auditRoutes,
  calendarRoutes,
  complaintsRoutes,
  catalogRoutes,
  queueRoutes,
  surveyRoutes,
  notificationRoutes,
  bookingRoutes,
  citizenRoutes,
  operationsRoutes,
  applicationsRoutes,
  crewRoutes,
  mobileRoutes,
  consultationRoutes,
];

export interface BuiltApp {
  app: App;
  ctx: AppContext;
}

/** Assembles the HTTP app over an open, migrated database. Starts no timers. */
export async function buildApp(db: Db, config: Config, opts: { clock?: Clock; logStream?: { write(line: string): void } } = {}): Promise<BuiltApp> {
  const app = createHttpServer({ logLevel: config.logLevel, trustProxy: config.trustProxy, logStream: opts.logStream });
  const ctx: AppContext = { db, config, log: app.log, clock: opts.clock ?? systemClock, outbox: new OutboxWorker(db, app.log) };

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // https: for agency logos given as URLs (docs/decisions.md, "Logos by https URL").
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        mediaSrc: ["'self'", 'data:'],
      },
    },
  });
  await app.register(rateLimit, { global: false });
  // Which domain registered each route, so the OpenAPI document lists the problems it may answer.
  const routeDomains = new Map<string, string>();
  let registering: string | undefined;
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (registering) routeDomains.set(`${method} ${openApiPath(route.url)}`, registering);
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Layan API', description: 'Platform for Mal Pelayanan Publik', version: '0.1.0' },
    },
    transform: jsonSchemaTransform,
    transformObject: (documents) =>
      addProblemResponses('openapiObject' in documents ? documents.openapiObject : documents.swaggerObject, (method, url) => routeDomains.get(`${method} ${url}`)),
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  installAuth(app, db);
  installStreamLimit(app, config.sseMaxPerAddress);

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      // Answer within 3 s even when the database is a black hole.
      await pingDatabase(db, 3000);
      return { status: 'ready' };
    } catch {
      return reply.status(503).send({ status: 'unavailable' });
    }
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/api/ping', { schema: { tags: ['platform'], response: { 200: z.object({ now: z.string() }) } } }, async () => ({
    now: ctx.clock.now().toISOString(),
  }));

  for (const register of DOMAINS) {
    registering = register.name.replace(/Routes$/, '');
    await register(app, ctx);
  }
  registering = undefined;

  const indexHtml = path.join(config.webDir, 'index.html');
  const hasWeb = existsSync(indexHtml);
  if (hasWeb) {
    // The build writes .br and .gz beside each text asset; hashed files under /assets/ never change.
    await app.register(fastifyStatic, {
      root: config.webDir,
      prefix: '/',
      wildcard: false,
      index: false,
      preCompressed: true,
      setHeaders: (reply, file) => {
        const hashed = path.relative(config.webDir, file).split(path.sep)[0] === 'assets';
        reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return sendProblem(request, reply, commonErrors.not_found());
  });
  return { app, ctx };
}
