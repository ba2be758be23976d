import type { ReactNode } from 'react';
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { LoginAnswer, StaffUser } from '../api/types';
import { api, setToken, whenUnauthorized } from './api';

interface Session {
  user: StaffUser | null;
  login: (username: string, password: string) => Promise<StaffUser>;
  logout: () => void;
}

const SessionContext = createContext<Session | null>(null);
const USER_KEY = 'weiquan.user';

/** The signed-in member of staff (token in sessionStorage: closing the tab signs out). */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<StaffUser | null>(() => {
    const raw = sessionStorage.getItem(USER_KEY);
    return raw ? (JSON.parse(raw) as StaffUser) : null;
  });
  const logout = useCallback(() => {
    setToken(null);
    sessionStorage.removeItem(USER_KEY);
    setUser(null);
  }, []);
  useEffect(() => whenUnauthorized(logout), [logout]);
  const login = useCallback(async (username: string, password: string) => {
    const res = await api<LoginAnswer>('/auth/login', { body: { username, password } });
    setToken(res.accessToken);
    sessionStorage.setItem(USER_KEY, JSON.stringify(res.user));
    setUser(res.user);
    return res.user;
  }, []);
  const value = useMemo(() => ({ user, login, logout }), [user, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** Pages for signed-in staff: anyone else goes to the login, and comes back after it. */
export function RequireStaff({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const location = useLocation();
  if (!user) return <Navigate to={`/staff/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <>{children}</>;
}
