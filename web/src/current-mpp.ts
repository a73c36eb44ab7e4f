import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import { useSearchParams } from 'react-router';
import { apiQuery, type ApiData } from './api/client';
import { hasRole, useSession } from './session';

/** An MPP a staff member may work on, as /api/catalog/mpps lists it (name, slug, timezone, hours...). */
export type StaffMpp = ApiData<'/api/catalog/mpps'>[number];

export interface CurrentMpp {
  /** The MPP every staff page works on; null only while a national admin's list loads, or when none exists. */
  mppId: string | null;
  /** Its full view once the list has loaded (its `timezone` is the zone to show times in). */
  mpp: StaffMpp | undefined;
  /** The MPPs this person may switch to (every MPP for a national admin): what the switcher lists. */
  choices: StaffMpp[];
  /** More than one choice: show the switcher. */
  canSwitch: boolean;
  loading: boolean;
  /** Switch to another MPP; remembered on this device for this account. Ignores an MPP outside `choices`. */
  setMppId(id: string): void;
}

const storageKey = (userId: string) => `layan.staff.mpp.${userId}`;
const listeners = new Set<() => void>();
function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  window.addEventListener('storage', onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('storage', onChange);
  };
}
function remember(userId: string, mppId: string): void {
  localStorage.setItem(storageKey(userId), mppId);
  for (const notify of listeners) notify();
}

/**
 * Which MPP a staff page works on: ONE answer for every page. In order: `?mpp=` in the address
 * (links between staff pages), the choice remembered on this device, the first MPP of the person's
 * grants, and for a national admin (whose grant names no MPP) the first MPP listed. A value the
 * person may not work on is skipped, so a stale memory never shows a 404.
 */
export function useCurrentMpp(): CurrentMpp {
  const { user } = useSession();
  const userId = user?.id ?? '';
  const [params, setParams] = useSearchParams();
  const fromUrl = params.get('mpp');
  const stored = useSyncExternalStore(subscribe, () => (userId ? localStorage.getItem(storageKey(userId)) : null));
  const national = hasRole(user, 'national_admin');
  const granted = useMemo(() => [...new Set((user?.grants ?? []).map((g) => g.mppId).filter((id): id is string => !!id))], [user]);
  const list = useQuery({ ...apiQuery('/api/catalog/mpps'), enabled: !!user, staleTime: 5 * 60_000 });
  const choices = useMemo(() => list.data ?? [], [list.data]);

  const allowed = useCallback(
    (id: string | null | undefined): id is string => {
      if (!id) return false;
      if (list.data) return list.data.some((m) => m.id === id);
      return national || granted.includes(id);
    },
    [list.data, national, granted],
  );
  const mppId = [fromUrl, stored, granted[0], choices[0]?.id].find(allowed) ?? null;

  // An MPP named in the address becomes the remembered one, so the next page keeps it.
  useEffect(() => {
    if (userId && fromUrl && allowed(fromUrl) && fromUrl !== stored) remember(userId, fromUrl);
  }, [userId, fromUrl, stored, allowed]);

  const setMppId = useCallback(
    (id: string) => {
      if (!userId || !allowed(id)) return;
      remember(userId, id);
      // The address must not keep overriding the new choice.
      if (params.has('mpp')) {
        setParams(
          (p) => {
            p.delete('mpp');
            return p;
          },
          { replace: true },
        );
      }
    },
    [userId, allowed, params, setParams],
  );
  return {
    mppId,
    mpp: choices.find((m) => m.id === mppId),
    choices,
    canSwitch: national || granted.length > 1,
    loading: !!user && list.isPending,
    setMppId,
  };
}

/** Reloads the MPP list every staff page shares (after an MPP was created or renamed). */
export function useRefreshStaffMpps(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => void queryClient.invalidateQueries({ queryKey: ['/api/catalog/mpps'] }), [queryClient]);
}
