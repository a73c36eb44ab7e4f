/** Messages in the two UI languages; Bahasa Indonesia first. */
export interface Messages {
  id: string;
  en: string;
}

export interface FieldIssue {
  path: string;
  messages: Messages;
}

/**
 * A failure the caller can act on. `code` is stable and documented; the HTTP layer turns it into
 * RFC 9457 problem+json using `status` and the message in the request's language.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly messages: Messages,
    readonly details: Record<string, unknown> = {},
    readonly fieldIssues: FieldIssue[] = [],
  ) {
    super(messages.en);
    this.name = 'AppError';
  }
}

/** A parameter value: plain text, a number, a list, or words in both languages (localised per message). */
export type ErrorParam = string | number | boolean | null | undefined | Messages | readonly (string | number | Messages)[];

export type ErrorCatalog = Record<string, { status: number } & Messages>;

/** One registered error code, as docs/errors.md lists it. */
export interface ErrorDefinition {
  code: string;
  domain: string;
  status: number;
  id: string;
  en: string;
}

const registry = new Map<string, ErrorDefinition>();

/** Every error code registered so far (each domain's errors.ts registers its own when loaded). */
export function registeredErrors(): ErrorDefinition[] {
  return [...registry.values()];
}

/** Looks up a registered code; throws when the code was never declared. */
export function errorDefinition(code: string): ErrorDefinition {
  const found = registry.get(code);
  if (!found) throw new Error(`error code "${code}" is not registered with defineErrors`);
  return found;
}

export function isMessages(value: unknown): value is Messages {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as Messages).id === 'string' && typeof (value as Messages).en === 'string';
}

/**
 * Declares a domain's errors once; returns a factory per code so services throw
 * `errors.slot_full({ slotId })` without repeating status or wording. Message text may use {name}
 * placeholders filled from the parameters; a parameter given as `{ id, en }` is worded in each message's
 * own language. A code registered twice, by any domain, stops the process at start-up.
 * @throws Error when a code is already registered.
 */
export function defineErrors<C extends ErrorCatalog>(domain: string, catalog: C) {
  const factories = {} as { [K in keyof C]: (details?: Record<string, ErrorParam | unknown>) => AppError };
  for (const code of Object.keys(catalog) as (keyof C & string)[]) {
    const entry = catalog[code]!;
    const taken = registry.get(code);
    if (taken) throw new Error(`error code "${code}" is defined twice (domains ${taken.domain} and ${domain})`);
    registry.set(code, { code, domain, status: entry.status, id: entry.id, en: entry.en });
    factories[code] = (details = {}) =>
      new AppError(code, entry.status, { id: fill(entry.id, details, 'id'), en: fill(entry.en, details, 'en') }, details);
  }
  return factories;
}

function word(value: unknown, lang: 'id' | 'en'): string {
  if (isMessages(value)) return value[lang];
  if (Array.isArray(value)) return value.map((v) => word(v, lang)).join(', ');
  return String(value);
}

function fill(template: string, details: Record<string, unknown>, lang: 'id' | 'en'): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (details[key] === undefined ? m : word(details[key], lang)));
}

/** Errors any domain may raise. */
export const commonErrors = defineErrors('platform', {
  not_found: { status: 404, id: 'Data tidak ditemukan.', en: 'Not found.' },
  unauthenticated: { status: 401, id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  forbidden: { status: 403, id: 'Anda tidak berwenang melakukan tindakan ini.', en: 'You are not allowed to do this.' },
  csrf_failed: {
    status: 403,
    id: 'Token keamanan (CSRF) tidak ada atau tidak cocok. Muat ulang halaman lalu coba lagi.',
    en: 'The security (CSRF) token is missing or does not match. Reload the page and try again.',
  },
  validation_failed: {
    status: 400,
    id: 'Data yang dikirim tidak valid.',
    en: 'The submitted data is not valid.',
  },
  invalid_transition: {
    status: 409,
    id: 'Tindakan "{action}" tidak dapat dilakukan dari status "{from}". Yang diperbolehkan: {allowed}.',
    en: 'Action "{action}" is not allowed from status "{from}". Allowed: {allowed}.',
  },
  unknown_tenant: { status: 400, id: 'Instansi tidak ditemukan di MPP ini.', en: 'No such tenant in this MPP.' },
  unknown_mpp: { status: 400, id: 'MPP tidak ditemukan.', en: 'No such MPP.' },
  conflict: { status: 409, id: 'Data bentrok dengan data yang sudah ada.', en: 'This conflicts with existing data.' },
  database_unavailable: {
    status: 503,
    id: 'Layanan sedang tidak dapat menjangkau basis data. Coba lagi sebentar lagi.',
    en: 'The service cannot reach its database right now. Try again in a moment.',
  },
  malformed_json: { status: 400, id: 'Format JSON tidak valid atau kosong.', en: 'The JSON is malformed or empty.' },
  bad_request: { status: 400, id: 'Permintaan tidak valid.', en: 'Invalid request.' },
  unsupported_media_type: { status: 415, id: 'Jenis konten tidak didukung. Kirim application/json.', en: 'Unsupported content type. Send application/json.' },
  payload_too_large: { status: 413, id: 'Data yang dikirim terlalu besar.', en: 'The request body is too large.' },
  rate_limited: { status: 429, id: 'Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.', en: 'Too many requests. Wait a moment and try again.' },
  internal_error: {
    status: 500,
    id: 'Terjadi kesalahan pada server. Silakan coba lagi; jika berulang, hubungi admin dengan kode permintaan ini.',
    en: 'Something went wrong on the server. Please try again; if it keeps happening, give the admin this request id.',
  },
  uri_too_long: { status: 414, id: 'Alamat permintaan terlalu panjang.', en: 'The request URL is too long.' },
  too_many_streams: {
    status: 429,
    id: 'Terlalu banyak siaran langsung terbuka dari alamat Anda (paling banyak {max}). Tutup tab yang tidak dipakai lalu coba lagi.',
    en: 'Too many live streams open from your address (at most {max}). Close unused tabs and try again.',
  },
  idempotency_mismatch: {
    status: 422,
    id: 'Idempotency-Key ini sudah dipakai untuk permintaan yang berbeda.',
    en: 'This Idempotency-Key was already used for a different request.',
  },
});

/** Builds a validation error naming each bad field. */
export function validationError(issues: FieldIssue[], messages?: Messages): AppError {
  const base = commonErrors.validation_failed();
  return new AppError(base.code, base.status, messages ?? base.messages, {}, issues);
}

/** Throws the 409 a state machine answers when an action is not allowed from the current state. */
export function invalidTransition(action: string, from: string, allowed: readonly string[]): AppError {
  return commonErrors.invalid_transition({ action, from, allowed: allowed.length ? [...allowed] : ['-'] });
}
