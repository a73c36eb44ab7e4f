import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiQuery, client, unwrap, type ApiData } from '../../api/client';

/** The set-up view: the caller's services with quotas, counters with their services, and whether the caller runs the whole MPP. */
export type Setup = ApiData<'/api/mpps/{mppId}/queue/setup'>;
export type SetupService = Setup['services'][number];
export type SetupCounter = Setup['counters'][number];

export const SETUP_KEY = '/api/mpps/{mppId}/queue/setup';

export function useSetup(mppId: string) {
  return useQuery({ ...apiQuery('/api/mpps/{mppId}/queue/setup', { params: { path: { mppId } } }), enabled: !!mppId });
}

/** Replaces the services (with weights) of one counter; its zone is kept. */
export function useSaveCounterServices(mppId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { counter: SetupCounter; services: { serviceId: string; weight: number }[] }) =>
      unwrap(
        client.PUT('/api/mpps/{mppId}/queue/counters/{counterId}/setup', {
          params: { path: { mppId, counterId: input.counter.id } },
          body: { services: input.services, zone: input.counter.zone },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [SETUP_KEY] }),
  });
}

export const errorText = (e: unknown): string => {
  if (!e || typeof e !== 'object') return String(e);
  const err = e as { message?: string; errors?: { path: string; message: string }[] };
  const fields = (err.errors ?? []).map((x) => x.message).filter((m) => m && m !== err.message);
  return [err.message ?? String(e), ...fields].join(' · ');
};

/** "Loket 3 · Loket DUKCAPIL 1", or just the name when it already says "Loket 3". */
export function counterLabel(c: { number: number; name: string }, t: (id: string, en: string) => string): string {
  const prefix = `${t('Loket', 'Counter')} ${c.number}`;
  return c.name.trim().toLocaleLowerCase('id') === prefix.toLocaleLowerCase('id') || c.name.trim() === `Loket ${c.number}` ? c.name : `${prefix} · ${c.name}`;
}
