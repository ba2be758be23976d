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

/**
 * Where a user lands after signing in: a business's users their portal, analysts and administrators
 * the dashboard, handlers their queue.
 */
export function homeOf(user: StaffUser): string {
  if (user.role === 'business') return '/business';
  return user.role === 'city-analyst' || user.role === 'admin' ? '/dashboard' : '/staff';
}

/**
 * Who may enrol businesses (the API decides; this only says where the link is shown): administrators,
 * the staff of a county market bureau (MR-, not the city bureau MR-371500), and station
 * administrators (the API lets those of a station in a venue enrol its tenants, and answers 403 to others).
 */
export function mayEnrol(user: StaffUser | null): boolean {
  if (!user) return false;
  if (user.role === 'admin' || user.role === 'station-admin') return true;
  return user.role === 'regulator-staff' && !!user.unit && /^MR-\d{6}$/.test(user.unit.code) && user.unit.code !== 'MR-371500';
}

/** Pages for signed-in staff: anyone else goes to the login, and comes back after it; a business's users go to their portal. */
export function RequireStaff({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const location = useLocation();
  if (!user) return <Navigate to={`/staff/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (user.role === 'business') return <Navigate to="/business" replace />;
  return <>{children}</>;
}

/** Pages of the business portal: its users only (others go to their own home, the signed-out to the portal's login). */
export function RequireBusiness({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const location = useLocation();
  if (!user) return <Navigate to={`/business/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (user.role !== 'business') return <Navigate to={homeOf(user)} replace />;
  return <>{children}</>;
}
