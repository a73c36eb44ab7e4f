import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { api } from './api';
import type { Mpp } from './catalog/types';
import { hasRole, useSession } from './session';

// Interim version of the hook contract-web lands with the generated client (same name, same shape):
// when theirs arrives on main, theirs replaces this file and the pages keep working unchanged.

/** An MPP a staff member may work on, as /api/catalog/mpps lists it (name, slug, timezone, hours...). */
export type StaffMpp = Mpp;

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
function notify(): void {
  for (const l of listeners) l();
}
function remember(userId: string, mppId: string): void {
  localStorage.setItem(storageKey(userId), mppId);
  notify();
}

// One load of the MPP list per signed-in account, shared by every page; refreshed after a change.
let cache: { userId: string; list: StaffMpp[] | null; pending: Promise<void> | null } = { userId: '', list: null, pending: null };
function load(userId: string): void {
  if (cache.userId === userId && (cache.list || cache.pending)) return;
  cache = { userId, list: null, pending: null };
  cache.pending = api<StaffMpp[]>('/api/catalog/mpps').then(
    (list) => {
      if (cache.userId === userId) cache = { userId, list, pending: null };
      notify();
    },
    () => {
      if (cache.userId === userId) cache = { userId, list: [], pending: null };
      notify();
    },
  );
}

/** Reloads the MPP list (after an MPP was created or renamed). */
export function refreshStaffMpps(): void {
  const userId = cache.userId;
  cache = { userId: '', list: null, pending: null };
  if (userId) load(userId);
}

/**
 * Which MPP a staff page works on: ONE answer for every page. In order: the choice remembered on this
 * device, the first MPP of the person's grants, and for a national admin (whose grant names no MPP)
 * the first MPP listed. A value the person may not work on is skipped.
 */
export function useCurrentMpp(): CurrentMpp {
  const { user } = useSession();
  const userId = user?.id ?? '';
  const stored = useSyncExternalStore(subscribe, () => (userId ? localStorage.getItem(storageKey(userId)) : null));
  const list = useSyncExternalStore(subscribe, () => (cache.userId === userId ? cache.list : null));
  const [, force] = useState(0);
  useEffect(() => {
    if (userId) load(userId);
    force((n) => n + 1);
  }, [userId]);
  const national = hasRole(user, 'national_admin');
  const granted = useMemo(() => [...new Set((user?.grants ?? []).map((g) => g.mppId).filter((id): id is string => !!id))], [user]);
  const choices = useMemo(() => list ?? [], [list]);
  const allowed = useCallback(
    (id: string | null | undefined): id is string => {
      if (!id) return false;
      if (list) return list.some((m) => m.id === id);
      return national || granted.includes(id);
    },
    [list, national, granted],
  );
  const mppId = [stored, granted[0], choices[0]?.id].find(allowed) ?? null;
  const setMppId = useCallback(
    (id: string) => {
      if (userId && allowed(id)) remember(userId, id);
    },
    [userId, allowed],
  );
  return {
    mppId,
    mpp: choices.find((m) => m.id === mppId),
    choices,
    canSwitch: national || granted.length > 1,
    loading: !!user && list === null,
    setMppId,
  };
}
