import { type ComponentChildren, createContext } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, onSessionChange, refreshSession, setAccessToken } from './api';
import type { AuthResponse, User } from './types';

/**
 * Who is signed in. The access token is kept in memory by api.ts; on load we
 * ask the server to refresh from the httpOnly cookie. A non-secret marker in
 * localStorage ("there may be a session") saves anonymous visitors a 401.
 */

const MARKER = 'vendra.signedIn';

export type SessionStatus = 'loading' | 'anonymous' | 'authenticated';

interface SessionValue {
  status: SessionStatus;
  user: User | null;
  login(email: string, password: string): Promise<User>;
  register(input: {
    email: string;
    password: string;
    fullName: string;
    phone?: string;
    referralCode?: string;
  }): Promise<User>;
  logout(): Promise<void>;
  /** Updates what the app knows of the signed-in person (a PIN just set). */
  updateUser(patch: Partial<User>): void;
  /** Set when the session ended on its own (expired), to explain the login page. */
  expired: boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

function mark(signedIn: boolean) {
  try {
    if (signedIn) localStorage.setItem(MARKER, '1');
    else localStorage.removeItem(MARKER);
  } catch {
    // storage may be unavailable (private mode): the marker is only an optimisation
  }
}

function marked(): boolean {
  try {
    return localStorage.getItem(MARKER) === '1';
  } catch {
    return true;
  }
}

export function SessionProvider({ children }: { children: ComponentChildren }) {
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [user, setUser] = useState<User | null>(null);
  const [expired, setExpired] = useState(false);
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const schedule = useCallback((expiresIn: number) => {
    if (refreshTimer.current) clearTimeout(refreshTimer.current);
    // Refresh at 80% of the token's life; a 401 also triggers a refresh in api.ts.
    const ms = Math.max(10_000, Math.floor(expiresIn * 800));
    refreshTimer.current = setTimeout(() => void refreshSession().catch(() => undefined), ms);
  }, []);

  const accept = useCallback(
    (auth: AuthResponse) => {
      setAccessToken(auth.accessToken);
      setUser(auth.user);
      setStatus('authenticated');
      setExpired(false);
      mark(true);
      schedule(auth.expiresIn);
    },
    [schedule],
  );

  useEffect(() => {
    onSessionChange((auth) => {
      if (auth) {
        setUser(auth.user);
        setStatus('authenticated');
        mark(true);
        schedule(auth.expiresIn);
      } else {
        setUser(null);
        setStatus('anonymous');
        setExpired(true);
        mark(false);
      }
    });
    if (!marked()) {
      setStatus('anonymous');
      return;
    }
    refreshSession()
      .then((auth) => {
        if (auth) accept(auth);
        else {
          mark(false);
          setStatus('anonymous');
        }
      })
      .catch(() => setStatus('anonymous'));
    return () => {
      if (refreshTimer.current) clearTimeout(refreshTimer.current);
    };
  }, [accept, schedule]);

  const value = useMemo<SessionValue>(
    () => ({
      status,
      user,
      expired,
      async login(email, password) {
        const auth = await api.post<AuthResponse>(
          '/v1/auth/login',
          { email, password },
          { credentials: 'include' },
        );
        accept(auth);
        return auth.user;
      },
      async register(input) {
        const auth = await api.post<AuthResponse>('/v1/auth/register', input, { credentials: 'include' });
        accept(auth);
        return auth.user;
      },
      updateUser(patch) {
        setUser((u) => (u ? { ...u, ...patch } : u));
      },
      async logout() {
        try {
          await api.post('/v1/auth/logout', {}, { credentials: 'include' });
        } finally {
          if (refreshTimer.current) clearTimeout(refreshTimer.current);
          setAccessToken(null);
          mark(false);
          setUser(null);
          setExpired(false);
          setStatus('anonymous');
        }
      },
    }),
    [status, user, expired, accept],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

export function isStaff(user: User | null): boolean {
  return user?.role === 'support' || user?.role === 'operator' || user?.role === 'admin';
}
