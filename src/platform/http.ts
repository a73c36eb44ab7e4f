import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
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
import { REDACT_PATHS, redactUrl } from './redact.js';

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

const NUL_MESSAGE = JSON.stringify({ id: 'Teks tidak boleh berisi karakter NUL (\\u0000).', en: 'Text may not contain the NUL character (\\u0000).' });

/** PostgreSQL text cannot hold U+0000: a request carrying one is refused here, not by a 500. */
function pathWithNul(value: unknown, path: (string | number)[], depth = 0): (string | number)[] | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (depth > 32 || value === null || typeof value !== 'object') return undefined;
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes('\u0000')) return [...path, key];
    const found = pathWithNul(inner, [...path, Array.isArray(value) ? Number(key) : key], depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Keeps zod's issues so the error handler can word them in both languages. */
const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    if (!(schema instanceof $ZodType)) return { value: data };
    const nul = pathWithNul(data, []);
    if (nul) return { error: new ZodRequestError([{ code: 'custom', path: nul, input: undefined, message: NUL_MESSAGE }]) };
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
  FST_ERR_MAX_PARAM_LENGTH: 'uri_too_long',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'unsupported_media_type',
};

/**
 * A safety net under the services' own checks: PostgreSQL refusing the data (a missing referenced
 * row, a duplicate, a value out of range) is the request's fault, never a 500. Found by the route
 * fuzzer (test/fuzz), e.g. a device created for an MPP id that does not exist.
 */
function refusedByDatabase(error: Error): AppError | undefined {
  const e = error as { code?: unknown; detail?: unknown };
  if (typeof e.code !== 'string' || !/^2[23][0-9A-Z]{3}$/.test(e.code)) return undefined;
  if (e.code === '23503') {
    // Inserting with a missing referenced row: that row is not found; deleting a row still used: conflict.
    return typeof e.detail === 'string' && e.detail.includes('still referenced') ? commonErrors.conflict() : commonErrors.not_found();
  }
  if (e.code === '23505') return commonErrors.conflict();
  if (e.code.startsWith('22') || e.code === '23514' || e.code === '23502') return commonErrors.validation_failed();
  return undefined;
}

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
  const refused = refusedByDatabase(error);
  if (refused) return refused;
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
  /** Where log lines go (tests read them); stdout by default. */
  logStream?: { write(line: string): void };
}

/**
 * Node's HTTP parser refuses some requests before Fastify sees them (headers too large, a
 * malformed request line): answer those with problem+json too, in Bahasa Indonesia.
 */
function answerClientError(err: NodeJS.ErrnoException, socket: import('node:stream').Duplex): void {
  if (err.code === 'ECONNRESET' || socket.destroyed || !socket.writable) return;
  const [status, code, id, en] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'request_timeout', 'Permintaan terlalu lama dikirim.', 'The request took too long to arrive.']
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'headers_too_large', 'Header permintaan terlalu besar.', 'The request headers are too large.']
        : err.code === 'HPE_URI_TOO_LONG'
          ? [414, 'uri_too_long', 'Alamat permintaan terlalu panjang.', 'The request URL is too long.']
          : [400, 'bad_request', 'Permintaan HTTP tidak valid.', 'The HTTP request is malformed.'];
  const body = JSON.stringify({ type: `urn:layan:problem:${code}`, title: id, status, code, detail: en });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nConnection: close\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

/** The Fastify instance with Layan's conventions: zod contracts, request ids, problem+json errors. */
export function createHttpServer(opts: HttpOptions): App {
  const app = Fastify({
    logger: {
      level: opts.logLevel,
      redact: REDACT_PATHS,
      serializers: {
        // Fastify's own request serializer, with tokens, codes and personal data taken out of the URL.
        req: (request: FastifyRequest) => ({
          method: request.method,
          url: redactUrl(request.url, request.routeOptions?.url),
          host: request.host,
          remoteAddress: request.ip,
          remotePort: request.socket?.remotePort,
        }),
      },
      ...(opts.logStream ? { stream: opts.logStream } : {}),
    },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    },
    // A hop count trusts that many proxies nearest the server (what Fastify does with a number).
    trustProxy: typeof opts.trustProxy === 'number' ? trustHops(opts.trustProxy) : (opts.trustProxy ?? false),
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
    // Errors the router raises before any hook (a bad %-escape, an over-long path parameter).
    frameworkErrors: (error, request, reply) => {
      reply.header('x-request-id', String(request.id));
      return sendProblem(request, reply, toAppError(error, 'id') ?? commonErrors.bad_request());
    },
    clientErrorHandler: answerClientError,
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
