import { problemOf, sessionHeaders } from './api/problem';

export { ApiError, currentLang } from './api/problem';

export interface ApiOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * Calls the Layan API with the session cookie, the CSRF header on writes and the UI language.
 * @deprecated Its `T` is picked by hand and checked by nothing. Use the generated client:
 *   `useQuery(apiQuery('/api/...'))` or `unwrap(client.POST('/api/...', { body }))` from `./api/client`
 *   (docs/conventions.md, "Web"). Kept only until every page is converted.
 * @throws ApiError for any non-2xx answer.
 */
export async function api<T>(path: string, opts: ApiOptions = {}): Promise<T> {
  const method = opts.method ?? (opts.body === undefined ? 'GET' : 'POST');
  const headers: Record<string, string> = { ...sessionHeaders(method), ...opts.headers };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    credentials: 'same-origin',
    signal: opts.signal,
  });
  if (!res.ok) throw await problemOf(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
