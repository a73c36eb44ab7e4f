import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, ApiError } from './api';

export type Role = 'national_admin' | 'mpp_admin' | 'tenant_admin' | 'officer';
export interface Grant {
  id: string;
  role: Role;
  mppId: string | null;
  tenantId: string | null;
}
export interface User {
  id: string;
  email: string;
  name: string;
  mustChangePassword: boolean;
  grants: Grant[];
}

interface SessionState {
  user: User | null;
  loading: boolean;
  refresh(): Promise<void>;
  login(email: string, password: string): Promise<User>;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(true);
  const refresh = useCallback(async () => {
    try {
      setUser((await api<{ user: User }>('/api/auth/me')).user);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setUser(null);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const login = useCallback(async (email: string, password: string) => {
    const res = await api<{ user: User }>('/api/auth/login', { body: { email, password } });
    setUser(res.user);
    return res.user;
  }, []);
  const logout = useCallback(async () => {
    await api('/api/auth/logout', { method: 'POST' });
    setUser(null);
  }, []);
  return <SessionContext.Provider value={{ user, loading, refresh, login, logout }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

export const hasRole = (user: User | null, ...roles: Role[]) => !!user?.grants.some((g) => roles.includes(g.role));
