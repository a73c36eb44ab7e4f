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

export type ErrorCatalog = Record<string, { status: number } & Messages>;

/**
 * Declares a domain's errors once; returns a factory per code so services throw
 * `errors.slot_full({ slotId })` without repeating status or wording.
 * Message text may use {name} placeholders filled from the details.
 */
export function defineErrors<C extends ErrorCatalog>(catalog: C) {
  const factories = {} as { [K in keyof C]: (details?: Record<string, unknown>) => AppError };
  for (const code of Object.keys(catalog) as (keyof C & string)[]) {
    const entry = catalog[code]!;
    factories[code] = (details = {}) =>
      new AppError(
        code,
        entry.status,
        { id: fill(entry.id, details), en: fill(entry.en, details) },
        details,
      );
  }
  return factories;
}

function fill(template: string, details: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) =>
    details[key] === undefined ? m : Array.isArray(details[key]) ? (details[key] as unknown[]).join(', ') : String(details[key]),
  );
}

/** Errors any domain may raise. */
export const commonErrors = defineErrors({
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
  conflict: { status: 409, id: 'Data bentrok dengan data yang sudah ada.', en: 'This conflicts with existing data.' },
  database_unavailable: {
    status: 503,
    id: 'Layanan sedang tidak dapat menjangkau basis data. Coba lagi sebentar lagi.',
    en: 'The service cannot reach its database right now. Try again in a moment.',
  },
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
