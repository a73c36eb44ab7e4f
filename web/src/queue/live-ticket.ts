import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { apiQuery } from '../api/client';
import type { ResponseOf } from '../api/types';

export type LiveTicketView = ResponseOf<'/api/queue/status/{token}'>;

/** The query-cache key and loader of a ticket's status, by its secret token. */
export const ticketStatusQuery = (token: string) => apiQuery('/api/queue/status/{token}', { params: { path: { token } } });

/**
 * A ticket's status, kept live: the first load and then every Server-Sent Event of the status stream
 * are written to the same query-cache entry, so every view of the ticket (the status page, the online
 * ticket page's number) shows the same numbers, and a live update re-renders only what changed
 * (a page's own state, such as an open confirmation, is kept).
 */
export function useLiveTicket(token: string) {
  const queryClient = useQueryClient();
  const query = ticketStatusQuery(token);
  useEffect(() => {
    const source = new EventSource(`/api/queue/status/${encodeURIComponent(token)}/events`);
    source.addEventListener('status', (e) => queryClient.setQueryData(query.queryKey, JSON.parse((e as MessageEvent<string>).data) as LiveTicketView));
    return () => source.close();
    // query.queryKey is derived from token alone
  }, [token, queryClient]);
  // The stream keeps it fresh: no refetch on focus or remount.
  return useQuery({ ...query, staleTime: Infinity });
}
