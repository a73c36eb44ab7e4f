import { useCallback, useState } from 'react';

/** The MPP a citizen last chose (or visited): entry points and search prefer it. Kept in this browser only. */
export interface ChosenMpp {
  id: string;
  slug: string;
  name: string;
  /** Two-digit province code, for ranking search results of the same province next. */
  province: string | null;
}

const KEY = 'layan.mpp';

export function readChosenMpp(): ChosenMpp | null {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? 'null') as ChosenMpp | null;
    return v && typeof v.id === 'string' && typeof v.slug === 'string' ? v : null;
  } catch {
    return null;
  }
}

export function saveChosenMpp(m: ChosenMpp): void {
  localStorage.setItem(KEY, JSON.stringify(m));
}

export function useChosenMpp(): [ChosenMpp | null, (m: ChosenMpp) => void] {
  const [mpp, setMpp] = useState<ChosenMpp | null>(readChosenMpp);
  const choose = useCallback((m: ChosenMpp) => {
    saveChosenMpp(m);
    setMpp(m);
  }, []);
  return [mpp, choose];
}
