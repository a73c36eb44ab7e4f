import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { client, unwrap } from '../api/client';
import { useApiQuery } from '../api/hooks';
import type { ApiError } from '../api/problem';
import type { BodyOf, ResponseOf } from '../api/types';
import { useCurrentMpp } from '../current-mpp';

export type ConsoleView = ResponseOf<'/api/mpps/{mppId}/queue/counters/{counterId}/console'>;
export type CounterView = ResponseOf<'/api/mpps/{mppId}/queue/counters'>[number];
export type ReprintedTicket = ResponseOf<'/api/mpps/{mppId}/queue/tickets/{ticketId}/reprint', 'post'>;
export type TransferBody = BodyOf<'/api/mpps/{mppId}/queue/tickets/{ticketId}/transfer', 'post'>;

const COUNTER_KEY = 'layan.console.counter';
const CONSOLE = '/api/mpps/{mppId}/queue/counters/{counterId}/console';

/** Seconds since `iso` at `now` (null without a time). */
export const since = (iso: string | null, now: number) => (iso ? Math.max(0, Math.round((now - Date.parse(iso)) / 1000)) : null);

/**
 * The officer console's data: the MPP's counters, the chosen counter (remembered on this device), its
 * console view refreshed every 5 s, a clock ticking every second, and every action on the counter and
 * its tickets. An action's refusal is `error` (the problem's message in the user's language); after
 * any action, refused or not, the view is loaded again.
 */
export function useConsole() {
  const mppId = useCurrentMpp().mppId ?? '';
  const queryClient = useQueryClient();
  const [counterId, setCounterId] = useState<string | null>(() => localStorage.getItem(COUNTER_KEY));
  const [now, setNow] = useState(Date.now());
  const counters = useApiQuery('/api/mpps/{mppId}/queue/counters', mppId ? { params: { path: { mppId } } } : null);
  const view = useApiQuery(CONSOLE, mppId && counterId ? { params: { path: { mppId, counterId } } } : null, { refetchInterval: 5000 });

  const choose = useCallback((id: string | null) => {
    if (id) localStorage.setItem(COUNTER_KEY, id);
    else localStorage.removeItem(COUNTER_KEY);
    setCounterId(id);
  }, []);

  // A remembered counter that no longer exists (or is not this MPP's): back to the chooser.
  const gone = view.error?.status === 404;
  useEffect(() => {
    if (gone) choose(null);
  }, [gone, choose]);

  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);

  const action = useMutation<unknown, ApiError, () => Promise<unknown>>({
    mutationFn: (call) => call(),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [CONSOLE] }),
  });
  const reprint = useMutation<ReprintedTicket, ApiError, string>({
    mutationFn: (ticketId) => unwrap(client.POST('/api/mpps/{mppId}/queue/tickets/{ticketId}/reprint', { params: { path: { mppId, ticketId } } })),
  });
  const run = (call: () => Promise<unknown>) => {
    reprint.reset();
    return action.mutateAsync(call).then(() => true, () => false);
  };

  const onCounter = { params: { path: { mppId, counterId: counterId ?? '' } } };
  const onTicket = (ticketId: string) => ({ params: { path: { mppId, ticketId } } });
  const act = {
    open: () => run(() => unwrap(client.POST('/api/mpps/{mppId}/queue/counters/{counterId}/open', onCounter))),
    close: () => run(() => unwrap(client.POST('/api/mpps/{mppId}/queue/counters/{counterId}/close', onCounter))),
    pause: (reasonId: string) => run(() => unwrap(client.POST('/api/mpps/{mppId}/queue/counters/{counterId}/pause', { ...onCounter, body: { reasonId } }))),
    callNext: () => run(() => unwrap(client.POST('/api/mpps/{mppId}/queue/counters/{counterId}/call-next', onCounter))),
    call: (ticketId: string, reason: string) => run(() => unwrap(client.POST('/api/mpps/{mppId}/queue/counters/{counterId}/call', { ...onCounter, body: { ticketId, reason } }))),
    unpark: (ticketId: string) => run(() => unwrap(client.POST('/api/mpps/{mppId}/queue/counters/{counterId}/unpark', { ...onCounter, body: { ticketId } }))),
    recall: (ticketId: string) => run(() => unwrap(client.POST('/api/mpps/{mppId}/queue/tickets/{ticketId}/recall', onTicket(ticketId)))),
    start: (ticketId: string) => run(() => unwrap(client.POST('/api/mpps/{mppId}/queue/tickets/{ticketId}/start', onTicket(ticketId)))),
    finish: (ticketId: string) => run(() => unwrap(client.POST('/api/mpps/{mppId}/queue/tickets/{ticketId}/finish', onTicket(ticketId)))),
    noShow: (ticketId: string) => run(() => unwrap(client.POST('/api/mpps/{mppId}/queue/tickets/{ticketId}/no-show', onTicket(ticketId)))),
    undoNoShow: (ticketId: string) => run(() => unwrap(client.POST('/api/mpps/{mppId}/queue/tickets/{ticketId}/undo-no-show', onTicket(ticketId)))),
    park: (ticketId: string) => run(() => unwrap(client.POST('/api/mpps/{mppId}/queue/tickets/{ticketId}/park', onTicket(ticketId)))),
    transfer: (ticketId: string, body: TransferBody) => run(() => unwrap(client.POST('/api/mpps/{mppId}/queue/tickets/{ticketId}/transfer', { ...onTicket(ticketId), body }))),
  };

  const clearErrors = () => {
    action.reset();
    reprint.reset();
  };
  return {
    mppId,
    counters,
    counterId,
    choose,
    view,
    now,
    act,
    reprint,
    /** The refusal of the last action or reprint, or of loading the view. */
    error: action.error ?? reprint.error ?? view.error,
    clearErrors,
  };
}
