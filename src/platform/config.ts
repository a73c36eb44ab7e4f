import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/** Every setting Layan reads from the environment, validated once at start. */
export const Config = z.object({
  port: z.coerce.number().int().min(0).max(65535),
  host: z.string().min(1),
  dataDir: z.string().min(1),
  databaseUrl: z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres://').optional(),
  adminEmail: z.email().optional(),
  adminPassword: z.string().min(10, 'must be at least 10 characters').optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  demo: z.boolean(),
  publicUrl: z.url().optional(),
  secureCookies: z.boolean(),
  webDir: z.string().min(1),
  loginRateLimit: z.coerce.number().int().min(1),
  bookingSecret: z.string().min(32, 'must be at least 32 characters').optional(),
  bookingRateLimit: z.coerce.number().int().min(1),
  /** The document wallet's AES-256 key (base64 or hex of 32 bytes); unset: a key file in DATA_DIR. */
  walletKey: z.string().regex(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/, 'must be 32 bytes as 64 hex digits or base64').optional(),
  smtpUrl: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  smtpFrom: z.string().min(3),
  smsWebhookUrl: z.url().optional(),
  smsWebhookSecret: z.string().min(16, 'must be at least 16 characters').optional(),
  dbConnectTimeoutMs: z.coerce.number().int().min(100).max(600_000),
  dbStatementTimeoutMs: z.coerce.number().int().min(100).max(3_600_000),
  dbStartWaitSeconds: z.coerce.number().int().min(0).max(3600),
  /** Fastify's trustProxy: false, true, a hop count, or the proxies' addresses/CIDRs. */
  trustProxy: z.union([z.boolean(), z.number().int().min(1).max(10), z.array(z.string()).min(1)]),
  sseMaxPerAddress: z.coerce.number().int().min(1).max(100_000),
  metricsToken: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Addresses/CIDRs webhooks may reach although private or loopback (tests, a receiver on the same host). */
  webhookAllowNetworks: z.array(z.string()),
});
export type Config = z.infer<typeof Config>;

const ENV_NAMES: Record<keyof Config, string> = {
  port: 'PORT',
  host: 'HOST',
  dataDir: 'DATA_DIR',
  databaseUrl: 'DATABASE_URL',
  adminEmail: 'ADMIN_EMAIL',
  adminPassword: 'ADMIN_PASSWORD',
  logLevel: 'LOG_LEVEL',
  demo: 'LAYAN_DEMO',
  publicUrl: 'PUBLIC_URL',
  secureCookies: 'SECURE_COOKIES',
  webDir: 'WEB_DIR',
  loginRateLimit: 'LOGIN_RATE_LIMIT',
  bookingSecret: 'BOOKING_SECRET',
  bookingRateLimit: 'BOOKING_RATE_LIMIT',
  walletKey: 'WALLET_KEY',
  smtpUrl: 'SMTP_URL',
  smtpFrom: 'SMTP_FROM',
  smsWebhookUrl: 'SMS_WEBHOOK_URL',
  smsWebhookSecret: 'SMS_WEBHOOK_SECRET',
  dbConnectTimeoutMs: 'DB_CONNECT_TIMEOUT_MS',
  dbStatementTimeoutMs: 'DB_STATEMENT_TIMEOUT_MS',
  dbStartWaitSeconds: 'DB_START_WAIT_SECONDS',
  trustProxy: 'TRUST_PROXY',
  sseMaxPerAddress: 'SSE_MAX_PER_ADDRESS',
  metricsToken: 'METRICS_TOKEN',
  webhookAllowNetworks: 'WEBHOOK_ALLOW_NETWORKS',
};

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`Invalid configuration: ${variable} ${reason}`);
  }
}

function parseBool(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

/**
 * TRUST_PROXY: unset/false (clients connect directly), true (trust every X-Forwarded-For hop: only
 * when nothing but the proxy can reach the app), a hop count, or a comma-separated list of the
 * proxies' addresses or CIDR ranges. It decides request.ip, which keys sign-in throttling, rate
 * limits and the SSE cap: trusting a header clients can set lets them pick their own address.
 */
function parseNetworks(name: string, raw: string): string[] {
  const entries = raw.split(',').map((e) => e.trim()).filter(Boolean);
  for (const e of entries) {
    const [addr, bits, extra] = e.split('/');
    const family = isIP(addr ?? '');
    const okBits = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!family || !okBits || extra !== undefined) throw new ConfigError(name, `must be addresses/CIDRs separated by commas; "${e}" is not one`);
  }
  return entries;
}

function parseTrustProxy(raw: string | undefined): Config['trustProxy'] {
  if (raw === undefined || raw.trim() === '') return false;
  const v = raw.trim().toLowerCase();
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  if (['true', 'yes', 'on'].includes(v)) return true;
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops < 1 || hops > 10) throw new ConfigError('TRUST_PROXY', `hop count must be 1 to 10, got "${raw}"`);
    return hops;
  }
  const entries = raw.split(',').map((e) => e.trim()).filter(Boolean);
  for (const e of entries) {
    const [addr, bits, extra] = e.split('/');
    const family = isIP(addr ?? '');
    const okBits = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!family || !okBits || extra !== undefined) {
      throw new ConfigError('TRUST_PROXY', `must be true, false, a hop count or addresses/CIDRs separated by commas; "${e}" is none of these`);
    }
  }
  return entries;
}

/** BOOKING_SECRET, or the content of the file BOOKING_SECRET_FILE names (a mounted secret); not both. */
function readBookingSecret(env: NodeJS.ProcessEnv): string | undefined {
  const direct = env.BOOKING_SECRET === '' ? undefined : env.BOOKING_SECRET;
  const file = env.BOOKING_SECRET_FILE === '' ? undefined : env.BOOKING_SECRET_FILE;
  if (!file) return direct;
  if (direct) throw new ConfigError('BOOKING_SECRET_FILE', 'cannot be set together with BOOKING_SECRET; choose one');
  let content: string;
  try {
    content = readFileSync(file, 'utf8').trim();
  } catch (err) {
    throw new ConfigError('BOOKING_SECRET_FILE', `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}): ${file}`);
  }
  if (content.length < 32) throw new ConfigError('BOOKING_SECRET_FILE', 'must hold at least 32 characters');
  return content;
}

/** NAME, or the content of the file NAME_FILE names (a mounted secret); not both. */
function readSecretFile(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const direct = env[name] === '' ? undefined : env[name];
  const file = env[`${name}_FILE`] === '' ? undefined : env[`${name}_FILE`];
  if (!file) return direct;
  if (direct) throw new ConfigError(`${name}_FILE`, `cannot be set together with ${name}; choose one`);
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (err) {
    throw new ConfigError(`${name}_FILE`, `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}): ${file}`);
  }
}

/**
 * Reads the configuration from an environment.
 * @throws ConfigError naming the first invalid variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const empty = (v: string | undefined) => (v === undefined || v === '' ? undefined : v);
  const raw = {
    port: empty(env.PORT) ?? '3000',
    host: empty(env.HOST) ?? '0.0.0.0',
    dataDir: path.resolve(empty(env.DATA_DIR) ?? './data'),
    databaseUrl: empty(env.DATABASE_URL),
    adminEmail: empty(env.ADMIN_EMAIL),
    adminPassword: empty(env.ADMIN_PASSWORD),
    logLevel: empty(env.LOG_LEVEL) ?? 'info',
    demo: parseBool('LAYAN_DEMO', env.LAYAN_DEMO, false),
    publicUrl: empty(env.PUBLIC_URL),
    secureCookies: parseBool('SECURE_COOKIES', env.SECURE_COOKIES, false),
    webDir: path.resolve(empty(env.WEB_DIR) ?? './dist/web'),
    loginRateLimit: empty(env.LOGIN_RATE_LIMIT) ?? '20',
    bookingSecret: readBookingSecret(env),
    bookingRateLimit: empty(env.BOOKING_RATE_LIMIT) ?? '10',
    walletKey: readSecretFile(env, 'WALLET_KEY'),
    smtpUrl: empty(env.SMTP_URL),
    smtpFrom: empty(env.SMTP_FROM) ?? 'Layan MPP <no-reply@layan.invalid>',
    smsWebhookUrl: empty(env.SMS_WEBHOOK_URL),
    smsWebhookSecret: empty(env.SMS_WEBHOOK_SECRET),
    dbConnectTimeoutMs: empty(env.DB_CONNECT_TIMEOUT_MS) ?? '5000',
    dbStatementTimeoutMs: empty(env.DB_STATEMENT_TIMEOUT_MS) ?? '30000',
    dbStartWaitSeconds: empty(env.DB_START_WAIT_SECONDS) ?? '60',
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    sseMaxPerAddress: empty(env.SSE_MAX_PER_ADDRESS) ?? '200',
    metricsToken: empty(env.METRICS_TOKEN),
    webhookAllowNetworks: parseNetworks('WEBHOOK_ALLOW_NETWORKS', env.WEBHOOK_ALLOW_NETWORKS ?? ''),
  };
  if (!/^\d+$/.test(raw.port)) throw new ConfigError('PORT', `must be a whole number, got "${raw.port}"`);
  const parsed = Config.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = String(issue.path[0]) as keyof Config;
    throw new ConfigError(ENV_NAMES[key] ?? key, issue.message);
  }
  if (parsed.data.smsWebhookUrl && !parsed.data.smsWebhookSecret) throw new ConfigError('SMS_WEBHOOK_SECRET', 'is required when SMS_WEBHOOK_URL is set');
  return parsed.data;
}

/**
 * What a production start should be told loudly about its secrets (empty when all is well).
 * Without BOOKING_SECRET the NIK-hash key sits in the same database as the hashes: a copy of the
 * database then gives back NIKs by trying every birth date and serial.
 */
export function secretWarnings(config: Config): string[] {
  if (config.demo || config.bookingSecret) return [];
  return [
    'BOOKING_SECRET is not set: the key of booking links and NIK hashes is generated and kept in the database, ' +
      'so a stolen copy of the database reveals the NIKs it holds. Set BOOKING_SECRET or BOOKING_SECRET_FILE (32+ characters) ' +
      'to a secret kept outside the database (docs/security.md).',
  ];
}
