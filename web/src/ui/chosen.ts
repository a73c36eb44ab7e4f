import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** The address parameter that names the item a list-and-detail screen shows (`?pilih=`). */
export const CHOSEN_PARAM = 'pilih';

/**
 * The item a `MasterList` screen shows, kept in the address (`?pilih=key`, other parameters kept), so
 * a link (from the audit log, the home page) opens that very item and a reload keeps it. A drop-in for
 * `useState<string | null>(initial)`; a key the list does not hold falls back as the screen decides.
 */
export function useChosen(initial: string | null = null): [string | null, (key: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const chosen = params.get(CHOSEN_PARAM) ?? initial;
  const choose = useCallback(
    (key: string | null) =>
      setParams(
        (p) => {
          if (key === null) p.delete(CHOSEN_PARAM);
          else p.set(CHOSEN_PARAM, key);
          return p;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [chosen, choose];
}
