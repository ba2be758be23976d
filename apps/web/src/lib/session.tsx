import type { ReactNode } from 'react';
import { createContext, lazy, Suspense, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { LoginAnswer, StaffUser } from '../api/types';
import { api, setToken, whenUnauthorized } from './api';

interface Session {
  user: StaffUser | null;
  login: (username: string, password: string) => Promise<StaffUser>;
  logout: () => void;
  /** The token ran out (the session's absolute lifetime, or a revocation): the page stays, a sign-in dialog asks again. */
  expired: boolean;
}

const SessionContext = createContext<Session | null>(null);
const USER_KEY = 'weiquan.user';
const EXPIRES_KEY = 'weiquan.expires';
/** Refresh this long before the token expires. */
const REFRESH_AHEAD_MS = 60_000;

/**
 * The signed-in member of staff (token in sessionStorage: closing the tab signs out). The token is
 * refreshed a minute before it expires, so a person writing a long note is never signed out under
 * it; when it cannot be (the session reached its absolute lifetime, or was revoked), the page stays
 * as it is and a dialog asks for the password again: nothing typed is lost.
 */
// Only a signed-in person ever sees it, on a staff page that has antd already: the public pages do not load it.
const SignInAgain = lazy(() => import('./sign-in-again').then((m) => ({ default: m.SignInAgain })));

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<StaffUser | null>(() => {
    const raw = sessionStorage.getItem(USER_KEY);
    return raw ? (JSON.parse(raw) as StaffUser) : null;
  });
  const [expiresAt, setExpiresAt] = useState<number | null>(() => Number(sessionStorage.getItem(EXPIRES_KEY)) || null);
  const [expired, setExpired] = useState(false);
  const keep = useCallback((res: LoginAnswer) => {
    setToken(res.accessToken);
    const at = Date.now() + res.expiresIn * 1000;
    sessionStorage.setItem(USER_KEY, JSON.stringify(res.user));
    sessionStorage.setItem(EXPIRES_KEY, String(at));
    setUser(res.user);
    setExpiresAt(at);
    setExpired(false);
  }, []);
  const logout = useCallback(() => {
    // Tell the API the session is over (best effort: the token is forgotten here either way).
    void api('/auth/logout', { method: 'POST' }).catch(() => undefined);
    setToken(null);
    sessionStorage.removeItem(USER_KEY);
    sessionStorage.removeItem(EXPIRES_KEY);
    setUser(null);
    setExpiresAt(null);
    setExpired(false);
  }, []);
  useEffect(() => whenUnauthorized(() => setExpired(true)), []);
  useEffect(() => {
    if (!user || !expiresAt || expired) return;
    const timer = setTimeout(
      () => {
        api<LoginAnswer>('/auth/refresh', { method: 'POST' }).then(keep, () => setExpired(true));
      },
      Math.max(expiresAt - Date.now() - REFRESH_AHEAD_MS, 1_000),
    );
    return () => clearTimeout(timer);
  }, [user, expiresAt, expired, keep]);
  const login = useCallback(
    async (username: string, password: string) => {
      const res = await api<LoginAnswer>('/auth/login', { body: { username, password } });
      keep(res);
      return res.user;
    },
    [keep],
  );
  const value = useMemo(() => ({ user, login, logout, expired }), [user, login, logout, expired]);
  return (
    <SessionContext.Provider value={value}>
      {children}
      {user && expired && (
        <Suspense fallback={null}>
          <SignInAgain username={user.username} login={login} logout={logout} />
        </Suspense>
      )}
    </SessionContext.Provider>
  );
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
