import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { FastifySchemaCompiler } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { $ZodType, type $ZodIssue } from 'zod/v4/core';
import zodEn from 'zod/v4/locales/en.js';
import zodId from 'zod/v4/locales/id.js';
import { AppError, commonErrors, isMessages, validationError, type FieldIssue } from './errors.js';
import { actorOf } from './auth.js';
import type { Clock, ServiceContext } from './context.js';
import { isDatabaseUnavailable, type Db } from './db.js';
import { localize, parseBilingual, pickLanguage, type Lang } from './i18n.js';

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
  }
  interface FastifyInstance {
    /** Every route registered, for the access-matrix test and docs. */
    registeredRoutes: { method: string; url: string; hidden: boolean }[];
  }
}

export type App = FastifyInstance<
  import('node:http').Server,
  import('node:http').IncomingMessage,
  import('node:http').ServerResponse,
  import('fastify').FastifyBaseLogger,
  ZodTypeProvider
>;

const zodLocales = { id: zodId().localeError, en: zodEn().localeError };

function issueText(issue: $ZodIssue, lang: Lang): string {
  const custom = parseBilingual(issue.message);
  if (custom) return localize(custom, lang);
  const out = zodLocales[lang](issue as never);
  return (typeof out === 'string' ? out : out?.message) ?? issue.message;
}

class ZodRequestError extends Error {
  constructor(readonly issues: $ZodIssue[]) {
    super('Request validation failed');
  }
}

/** Keeps zod's issues so the error handler can word them in both languages. */
const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    if (!(schema instanceof $ZodType)) return { value: data };
    const result = (schema as z.ZodType).safeParse(data);
    return result.success ? { value: result.data } : { error: new ZodRequestError(result.error.issues) };
  };

/** The registered error each error Fastify and its plugins raise themselves stands for, by their code. */
const FRAMEWORK_ERRORS: Record<string, keyof typeof commonErrors> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_BAD_URL: 'bad_request',
  FST_ERR_ASYNC_CONSTRAINT: 'bad_request',
  FST_ERR_RATE_LIMIT: 'rate_limited',
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance: string;
  requestId: string;
  errors?: { path: string; message: string }[];
  [extra: string]: unknown;
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, err: AppError): FastifyReply {
  const lang = request.lang ?? 'id';
  // A parameter given in both languages appears in the body in the caller's language.
  const details = Object.fromEntries(Object.entries(err.details).map(([k, v]) => [k, isMessages(v) ? localize(v, lang) : v]));
  const body: Problem = {
    ...details,
    type: `urn:layan:problem:${err.code}`,
    title: localize(err.messages, lang),
    status: err.status,
    code: err.code,
    instance: request.url.split('?')[0] ?? request.url,
    requestId: String(request.id),
  };
  if (err.fieldIssues.length) {
    body.errors = err.fieldIssues.map((f) => ({ path: f.path, message: localize(f.messages, lang) }));
    body.detail = body.errors.map((e) => `${e.path}: ${e.message}`).join('; ');
  }
  if ((err.status === 429 || err.status === 503) && err.details.retryAfterSeconds) reply.header('retry-after', String(err.details.retryAfterSeconds));
  return reply.status(err.status).type('application/problem+json; charset=utf-8').send(body);
}

function toAppError(error: FastifyError | Error, requestLang: Lang): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof ZodRequestError) {
    const context = (error as unknown as { validationContext?: string }).validationContext ?? 'body';
    const issues: FieldIssue[] = error.issues.map((issue) => ({
      path: [context, ...issue.path.map(String)].join('.'),
      messages: { id: issueText(issue, 'id'), en: issueText(issue, 'en') },
    }));
    void requestLang;
    return validationError(issues);
  }
  if (isDatabaseUnavailable(error)) return commonErrors.database_unavailable({ retryAfterSeconds: 5 });
  const fe = error as FastifyError;
  const known = fe.code ? FRAMEWORK_ERRORS[fe.code] : undefined;
  if (known) return commonErrors[known]();
  if (fe.statusCode === 429) return commonErrors.rate_limited();
  if (fe.statusCode === 413) return commonErrors.payload_too_large();
  if (fe.statusCode === 415) return commonErrors.unsupported_media_type();
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) return commonErrors.bad_request();
  return undefined;
}

export interface HttpOptions {
  logLevel: string;
  trustProxy?: boolean | number | string[];
}

const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

/** The Fastify instance with Layan's conventions: zod contracts, request ids, problem+json errors. */
export function createHttpServer(opts: HttpOptions): App {
  const app = Fastify({
    logger: {
      level: opts.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'],
    },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    },
    // A hop count trusts that many proxies nearest the server (what Fastify does with a number).
    trustProxy: typeof opts.trustProxy === 'number' ? trustHops(opts.trustProxy) : (opts.trustProxy ?? false),
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();

  const registered: { method: string; url: string; hidden: boolean }[] = [];
  app.decorate('registeredRoutes', registered);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const hidden = Boolean((route.schema as { hide?: boolean } | undefined)?.hide);
    for (const method of methods) if (method !== 'HEAD') registered.push({ method, url: route.url, hidden });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('lang', 'id');
  app.addHook('onRequest', async (request, reply) => {
    request.lang = pickLanguage(request.headers['accept-language']);
    reply.header('x-request-id', String(request.id));
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error, request.lang);
    if (appError) {
      if (appError.code === 'database_unavailable') request.log.warn({ err: error }, 'database unavailable');
      else if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
      return sendProblem(request, reply, appError);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, commonErrors.internal_error());
  });
  return app;
}

/** The service context of a request: its principal and actor, the clock's now and the answer language. */
export function requestContext(request: FastifyRequest, db: Db, clock: Clock): ServiceContext {
  return { db, principal: request.principal, actor: actorOf(request.principal, String(request.id)), now: clock.now(), lang: request.lang };
}
