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
  smtpUrl: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  smtpFrom: z.string().min(3),
  smsWebhookUrl: z.url().optional(),
  smsWebhookSecret: z.string().min(16, 'must be at least 16 characters').optional(),
  dbConnectTimeoutMs: z.coerce.number().int().min(100).max(600_000),
  dbStatementTimeoutMs: z.coerce.number().int().min(100).max(3_600_000),
  dbStartWaitSeconds: z.coerce.number().int().min(0).max(3600),
  metricsToken: z.string().min(16, 'must be at least 16 characters').optional(),
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
  smtpUrl: 'SMTP_URL',
  smtpFrom: 'SMTP_FROM',
  smsWebhookUrl: 'SMS_WEBHOOK_URL',
  smsWebhookSecret: 'SMS_WEBHOOK_SECRET',
  dbConnectTimeoutMs: 'DB_CONNECT_TIMEOUT_MS',
  dbStatementTimeoutMs: 'DB_STATEMENT_TIMEOUT_MS',
  dbStartWaitSeconds: 'DB_START_WAIT_SECONDS',
  metricsToken: 'METRICS_TOKEN',
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
    bookingSecret: empty(env.BOOKING_SECRET),
    bookingRateLimit: empty(env.BOOKING_RATE_LIMIT) ?? '10',
    smtpUrl: empty(env.SMTP_URL),
    smtpFrom: empty(env.SMTP_FROM) ?? 'Layan MPP <no-reply@layan.invalid>',
    smsWebhookUrl: empty(env.SMS_WEBHOOK_URL),
    smsWebhookSecret: empty(env.SMS_WEBHOOK_SECRET),
    dbConnectTimeoutMs: empty(env.DB_CONNECT_TIMEOUT_MS) ?? '5000',
    dbStatementTimeoutMs: empty(env.DB_STATEMENT_TIMEOUT_MS) ?? '30000',
    dbStartWaitSeconds: empty(env.DB_START_WAIT_SECONDS) ?? '60',
    metricsToken: empty(env.METRICS_TOKEN),
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
