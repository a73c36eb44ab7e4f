import { queryOptions } from '@tanstack/react-query';
import createClient, { type FetchResponse, type MaybeOptionalInit, type Middleware } from 'openapi-fetch';
import type { PathsWithMethod, RequiredKeysOf } from 'openapi-typescript-helpers';
import { inLang } from '../i18n';
import { ApiError, currentLang, problemOf, sessionHeaders } from './problem';
import type { paths } from './schema';

/**
 * Session cookie, UI language and CSRF header on every call; any non-2xx answer is thrown as an
 * ApiError (problem+json code, localised title, field errors), and a network failure as an ApiError
 * with status 0, so callers and TanStack Query only ever see ApiError (or an abort).
 */
const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    for (const [name, value] of Object.entries(sessionHeaders(request.method))) request.headers.set(name, value);
    return request;
  },
  async onResponse({ response }) {
    if (!response.ok) throw await problemOf(response.clone());
    return undefined;
  },
  onError({ error }) {
    if (error instanceof ApiError || (error instanceof DOMException && error.name === 'AbortError')) return error as Error;
    const message = inLang({ id: 'Server tidak dapat dihubungi. Periksa koneksi.', en: 'Cannot reach the server. Check the connection.' }, currentLang());
    return new ApiError(0, 'network_error', message);
  },
};

/** The typed API client: every call is typed by its path from the server's OpenAPI document. */
export const client = createClient<paths>({ credentials: 'same-origin' });
client.use(sessionMiddleware);

/**
 * The body of a successful call (undefined for 204). Failures never get here: the middleware
 * throws them as ApiError.
 * @throws ApiError
 */
export async function unwrap<T>(call: Promise<{ data?: T; response: Response }>): Promise<T> {
  const { data } = await call;
  return data as T;
}

type GetPath = PathsWithMethod<paths, 'get'>;
type GetInit<P extends GetPath> = MaybeOptionalInit<paths[P], 'get'>;
/** The success body of GET `P`, e.g. `ApiData<'/api/auth/me'>`. */
export type ApiData<P extends GetPath> = NonNullable<FetchResponse<paths[P]['get'], GetInit<P>, `${string}/${string}`>['data']>;

/**
 * TanStack Query options for a GET, keyed by `[path, init]` so a mutation can invalidate every
 * query of a path with `queryClient.invalidateQueries({ queryKey: [path] })`.
 * Use: `useQuery(apiQuery('/api/mpps/{mppId}', { params: { path: { mppId } } }))`.
 */
export function apiQuery<P extends GetPath>(path: P, ...[init]: RequiredKeysOf<GetInit<P>> extends never ? [GetInit<P>?] : [GetInit<P>]) {
  return queryOptions({
    queryKey: [path, init ?? {}] as const,
    queryFn: ({ signal }) => unwrap((client.GET as (p: string, i: object) => Promise<{ data?: ApiData<P>; response: Response }>)(path, { ...init, signal })),
  });
}
