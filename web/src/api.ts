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

function cookie(name: string): string | undefined {
  return document.cookie
    .split('; ')
    .find((c) => c.startsWith(`${name}=`))
    ?.slice(name.length + 1);
}

export function currentLang(): string {
  return localStorage.getItem('layan.lang') === 'en' ? 'en' : 'id';
}

export interface ApiOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * Calls the Layan API with the session cookie, the CSRF header on writes and the UI language.
 * @throws ApiError for any non-2xx answer.
 */
export async function api<T>(path: string, opts: ApiOptions = {}): Promise<T> {
  const method = opts.method ?? (opts.body === undefined ? 'GET' : 'POST');
  const headers: Record<string, string> = { 'accept-language': currentLang(), ...opts.headers };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const csrf = cookie('layan_csrf');
    if (csrf) headers['x-csrf-token'] = decodeURIComponent(csrf);
  }
  const res = await fetch(path, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    credentials: 'same-origin',
    signal: opts.signal,
  });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const p = (data ?? {}) as { code?: string; title?: string; errors?: { path: string; message: string }[] };
    throw new ApiError(res.status, p.code ?? 'error', p.title ?? res.statusText, p.errors ?? [], data ?? {});
  }
  return data as T;
}
