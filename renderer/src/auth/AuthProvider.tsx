import { Box, CircularProgress } from '@mui/material';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SessionInfo } from '../../../shared/contract/auth.ts';
import { call } from '../api.ts';
import { LoginPage } from './LoginPage.tsx';

interface AuthState {
  session: SessionInfo;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);
const SessionSetter = createContext<(s: SessionInfo | null) => void>(() => undefined);
const SessionValue = createContext<SessionInfo | null | undefined>(undefined);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionInfo | null | undefined>(undefined);
  useEffect(() => {
    call('auth:session', {}).then(setSession, () => setSession(null));
  }, []);
  return (
    <SessionSetter.Provider value={setSession}>
      <SessionValue.Provider value={session}>{children}</SessionValue.Provider>
    </SessionSetter.Provider>
  );
}

/** Shows the login page until someone signs in; personal data only renders inside a session. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useContext(SessionValue);
  const setSession = useContext(SessionSetter);
  const logout = useCallback(async () => {
    await call('auth:logout', {});
    setSession(null);
  }, [setSession]);
  const value = useMemo(() => (session ? { session, logout } : null), [session, logout]);
  if (session === undefined) {
    return (
      <Box sx={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
        <CircularProgress />
      </Box>
    );
  }
  if (!value) return <LoginPage onSignedIn={setSession} />;
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside RequireSession');
  return state;
}
