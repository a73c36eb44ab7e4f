/** A problem+json answer from the API, with its message already in the caller's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: { path: string; message: string }[] = [],
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/**
 * The server answered and refused (4xx): a new attempt is a new request, with a new idempotency key.
 * A network failure (status 0) or a server fault (5xx) may have left the first attempt done or undone:
 * the retry keeps its key, so the server answers it with what it did the first time.
 */
export function serverRefused(e: unknown): boolean {
  return e instanceof ApiError && e.status >= 400 && e.status < 500;
}

/** The UI language, which is also the language asked of the API. */
export function currentLang(): 'id' | 'en' {
  return localStorage.getItem('layan.lang') === 'en' ? 'en' : 'id';
}

export function readCookie(name: string): string | undefined {
  const raw = document.cookie
    .split('; ')
    .find((c) => c.startsWith(`${name}=`))
    ?.slice(name.length + 1);
  return raw === undefined ? undefined : decodeURIComponent(raw);
}

/** The headers every call carries: the UI language, and on writes the session's CSRF token. */
export function sessionHeaders(method: string): Record<string, string> {
  const headers: Record<string, string> = { 'accept-language': currentLang() };
  if (method !== 'GET' && method !== 'HEAD') {
    const csrf = readCookie('layan_csrf');
    if (csrf) headers['x-csrf-token'] = csrf;
  }
  return headers;
}

/** Turns a non-2xx answer (normally application/problem+json) into an ApiError. */
export async function problemOf(res: Response): Promise<ApiError> {
  const text = await res.text();
  let data: Record<string, unknown> = {};
  try {
    data = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    // not JSON (a proxy's error page): keep the status text
  }
  const p = data as { code?: string; title?: string; errors?: { path: string; message: string }[] };
  return new ApiError(res.status, p.code ?? 'error', p.title ?? res.statusText, p.errors ?? [], data);
}
