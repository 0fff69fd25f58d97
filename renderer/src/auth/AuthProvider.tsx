import { Box, CircularProgress } from '@mui/material';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { AppInfo } from '../../../shared/contract/app.ts';
import type { SessionInfo } from '../../../shared/contract/auth.ts';
import { call } from '../api.ts';
import { LockScreen } from './LockScreen.tsx';
import { LoginPage } from './LoginPage.tsx';
import { SESSION_LOCKED_EVENT } from './session-events.ts';
import { SetupPage } from './SetupPage.tsx';
import { useIdleLock } from './useIdleLock.ts';

interface AuthState {
  session: SessionInfo;
  logout: () => Promise<void>;
  /** Locks the screen now (the user steps away from the counter). */
  lock: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);
const SessionSetter = createContext<(s: SessionInfo | null) => void>(() => undefined);
const SessionValue = createContext<SessionInfo | null | undefined>(undefined);
const AppInfoValue = createContext<AppInfo | null>(null);

const DEFAULT_IDLE_MINUTES = 15;

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionInfo | null | undefined>(undefined);
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    call('auth:session', {}).then(setSession, () => setSession(null));
    call('app:info', {}).then(setInfo, () => setInfo(null));
  }, []);
  // Main refused a call because the session went idle: lock the screen too.
  useEffect(() => {
    const locked = () => setSession((s) => (s ? { ...s, locked: true } : s));
    window.addEventListener(SESSION_LOCKED_EVENT, locked);
    return () => window.removeEventListener(SESSION_LOCKED_EVENT, locked);
  }, []);
  return (
    <AppInfoValue.Provider value={info}>
      <SessionSetter.Provider value={setSession}>
        <SessionValue.Provider value={session}>{children}</SessionValue.Provider>
      </SessionSetter.Provider>
    </AppInfoValue.Provider>
  );
}

/**
 * Shows first-run setup, the login page or the lock screen until someone is signed in and unlocked;
 * personal data only renders inside an unlocked session, and leaves the screen (and memory: the whole
 * tree below is unmounted) when the session locks.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useContext(SessionValue);
  const info = useContext(AppInfoValue);
  const setSession = useContext(SessionSetter);
  const logout = useCallback(async () => {
    await call('auth:logout', {}).catch(() => undefined);
    setSession(null);
  }, [setSession]);
  const lock = useCallback(async () => {
    setSession(session ? { ...session, locked: true } : null); // off the screen first, then tell main
    await call('auth:lock', {}).catch(() => undefined);
  }, [session, setSession]);
  const unlocked = session && !session.locked ? session : null;
  useIdleLock(session?.idleLockMinutes ?? DEFAULT_IDLE_MINUTES, unlocked !== null, () => void lock());
  const value = useMemo(
    () => (unlocked ? { session: unlocked, logout, lock } : null),
    [unlocked, logout, lock],
  );
  if (session === undefined) {
    return (
      <Box sx={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
        <CircularProgress />
      </Box>
    );
  }
  if (session?.locked) {
    return <LockScreen session={session} onUnlocked={setSession} onSignedOut={() => void logout()} />;
  }
  if (!value) {
    if (info?.needsSetup && !info.serverConfigured) return <SetupPage onDone={setSession} />;
    return <LoginPage onSignedIn={setSession} />;
  }
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside RequireSession');
  return state;
}
