import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './problem';

declare module '@tanstack/react-query' {
  // Every failure the API client produces is an ApiError (network failures too: status 0).
  interface Register {
    defaultError: ApiError;
  }
}

/** A 4xx will answer the same again (not found, forbidden, invalid): retrying only delays the message. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/**
 * The app's one query cache. Data counts as fresh for 10 s (a page and its panels share one load),
 * is refetched when the window regains focus or the network returns, and writes are never retried
 * on their own (a retried POST could act twice).
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 10_000, refetchOnWindowFocus: true, refetchOnReconnect: true },
      mutations: { retry: false },
    },
  });
}
