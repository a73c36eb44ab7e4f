import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { client, unwrap } from './api/client';
import { ApiError } from './api/problem';
import type { ResponseOf } from './api/types';

export type User = ResponseOf<'/api/auth/me'>['user'];
export type Grant = User['grants'][number];
export type Role = Grant['role'];

interface SessionState {
  user: User | null;
  loading: boolean;
  refresh(): Promise<void>;
  login(email: string, password: string): Promise<User>;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);
// Not apiQuery's key: this cache entry holds the user (or null), not the raw answer of /api/auth/me.
const ME_KEY = ['session', 'me'] as const;

/** The signed-in staff member, or null when nobody is (401 is an answer here, not an error). */
async function loadMe(signal: AbortSignal): Promise<User | null> {
  try {
    return (await unwrap(client.GET('/api/auth/me', { signal }))).user;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

/**
 * Another person may sign in on this device: nothing cached for the previous one survives. (Not
 * `queryClient.clear()`: that would also drop the session entry this provider is subscribed to.)
 */
function forgetOthers(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: ME_KEY, queryFn: ({ signal }) => loadMe(signal), staleTime: 60_000 });
  const user = me.data ?? null;

  const refresh = useCallback(async () => {
    await queryClient.invalidateQueries({ queryKey: ME_KEY, exact: true });
  }, [queryClient]);
  const login = useCallback(
    async (email: string, password: string) => {
      const res = await unwrap(client.POST('/api/auth/login', { body: { email, password } }));
      forgetOthers(queryClient);
      queryClient.setQueryData(ME_KEY, res.user);
      return res.user;
    },
    [queryClient],
  );
  const logout = useCallback(async () => {
    await unwrap(client.POST('/api/auth/logout'));
    forgetOthers(queryClient);
    queryClient.setQueryData(ME_KEY, null);
  }, [queryClient]);

  const value = useMemo(() => ({ user, loading: me.isPending, refresh, login, logout }), [user, me.isPending, refresh, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

export const hasRole = (user: User | null, ...roles: Role[]) => !!user?.grants.some((g) => roles.includes(g.role));
