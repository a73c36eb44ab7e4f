import { skipToken, useMutation, useQuery, useQueryClient, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { FetchResponse, MaybeOptionalInit } from 'openapi-fetch';
import type { HttpMethod, PathsWithMethod, RequiredKeysOf } from 'openapi-typescript-helpers';
import { useI18n } from '../i18n';
import { apiQuery, client, unwrap, type ApiData } from './client';
import type { ApiError } from './problem';
import type { paths } from './schema';

type GetPath = PathsWithMethod<paths, 'get'>;
type GetInit<P extends GetPath> = MaybeOptionalInit<paths[P], 'get'>;
type QueryOpts<P extends GetPath> = Omit<UseQueryOptions<ApiData<P>, ApiError, ApiData<P>, readonly unknown[]>, 'queryKey' | 'queryFn'>;

/**
 * Loads GET `path`, typed by the OpenAPI contract, cached and refetched by TanStack Query.
 * `init` is the call's params (`{ params: { path: { mppId }, query: { year } } }`); pass `null` to
 * wait (e.g. until the current MPP is known): the query then does not run.
 */
export function useApiQuery<P extends GetPath>(
  path: P,
  ...[init, options]: RequiredKeysOf<GetInit<P>> extends never ? [(GetInit<P> | null)?, QueryOpts<P>?] : [GetInit<P> | null, QueryOpts<P>?]
): UseQueryResult<ApiData<P>, ApiError> {
  const q = (apiQuery as (p: P, i?: GetInit<P>) => ReturnType<typeof apiQuery<P>>)(path, init ?? undefined);
  return useQuery<ApiData<P>, ApiError, ApiData<P>, readonly unknown[]>({
    ...options,
    queryKey: q.queryKey,
    queryFn: init === null ? skipToken : (q.queryFn as never),
  });
}

type WriteMethod = Exclude<HttpMethod, 'get' | 'head' | 'options' | 'trace'>;
type WriteInit<P extends PathsWithMethod<paths, M>, M extends WriteMethod> = MaybeOptionalInit<paths[P], M>;
/** The success body of `M path` (undefined for 204). */
export type WriteData<P extends PathsWithMethod<paths, M>, M extends WriteMethod> = paths[P][M] extends infer O extends Record<string | number, any>
  ? FetchResponse<O, WriteInit<P, M>, `${string}/${string}`>['data']
  : never;

/**
 * A write (POST, PUT, PATCH, DELETE) to `path`, typed by the contract; `mutate(init)` takes the
 * call's params and body. On success every loaded query is refetched (the page shows what the server
 * now holds) unless `invalidates` names the paths to refresh. Writes are never retried.
 */
export function useApiMutation<M extends WriteMethod, P extends PathsWithMethod<paths, M>>(
  method: M,
  path: P,
  opts: { invalidates?: GetPath[]; onSuccess?: (data: WriteData<P, M>) => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation<WriteData<P, M>, ApiError, WriteInit<P, M>>({
    mutationFn: (init) => {
      const call = client[method.toUpperCase() as 'POST'] as unknown as (p: string, i: unknown) => Promise<{ data?: WriteData<P, M>; response: Response }>;
      return unwrap(call(path, init ?? {}));
    },
    onSuccess: async (data) => {
      if (opts.invalidates) await Promise.all(opts.invalidates.map((p) => queryClient.invalidateQueries({ queryKey: [p] })));
      else await queryClient.invalidateQueries();
      opts.onSuccess?.(data);
    },
  });
}

/**
 * The problem+json message of a failed call, with its field errors and detail, for an alert. With
 * field errors the server's detail only lists them again as "body.field: message", so it is left out
 * (a person reads each message once, and no field path).
 */
export function problemText(error: ApiError): string {
  const detail = typeof error.body.detail === 'string' && error.body.detail !== error.message && error.errors.length === 0 ? error.body.detail : null;
  return [error.message, detail, ...error.errors.map((e) => e.message).filter((m) => m !== error.message)].filter(Boolean).join(' ');
}

/**
 * The three states of a load: "loading" (role=status), the server's problem in the user's language
 * with a retry (role=alert), or the children given the data.
 */
export function LoadState<T>({ query, children, empty }: { query: UseQueryResult<T, ApiError>; children: (data: T) => ReactNode; empty?: (data: T) => boolean }) {
  const { t } = useI18n();
  if (query.isPending && query.fetchStatus === 'idle') return null;
  if (query.isPending) {
    return (
      <p className="loading" role="status">
        {t('Memuat…', 'Loading…')}
      </p>
    );
  }
  if (query.isError) {
    return (
      <div className="error" role="alert">
        <p>{problemText(query.error)}</p>
        <button type="button" onClick={() => void query.refetch()}>
          {t('Coba lagi', 'Try again')}
        </button>
      </div>
    );
  }
  if (empty?.(query.data)) return <p className="notice">{t('Belum ada data.', 'No data yet.')}</p>;
  return <>{children(query.data)}</>;
}

/**
 * The refusal of a write (problem+json title, detail and field errors in the user's language), or
 * nothing. `className` for a screen with its own alert style (a kiosk's).
 */
export function WriteError({ error, className = 'error' }: { error: ApiError | null | undefined; className?: string }) {
  if (!error) return null;
  return (
    <p className={className} role="alert">
      {problemText(error)}
    </p>
  );
}

/**
 * Loading and problems of loads whose data the page shows on its own (lists feeding a form, a
 * select): "loading" once, and each failed load's message with a retry. Renders nothing when all loaded.
 */
export function LoadStatus({ queries }: { queries: UseQueryResult<unknown, ApiError>[] }) {
  const loading = queries.find((q) => q.isPending && q.fetchStatus !== 'idle');
  const failed = queries.filter((q) => q.isError);
  return (
    <>
      {failed.length === 0 && loading && (
        <LoadState query={loading}>
          {() => null}
        </LoadState>
      )}
      {failed.map((q, i) => (
        <LoadState key={i} query={q}>
          {() => null}
        </LoadState>
      ))}
    </>
  );
}
