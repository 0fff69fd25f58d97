import { Box, ScopedCssBaseline, ThemeProvider } from '@mui/material';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import type { KioskWelcome } from '../../../shared/contract/kiosk.ts';
import { IdleGuard } from './IdleGuard.tsx';
import { kioskTheme } from './kioskTheme.ts';
import { EMPTY_VISIT, KioskContext, type KioskContextValue, type Visit } from './visit.ts';
import { WelcomeScreen } from './WelcomeScreen.tsx';

// The welcome screen comes with the kiosk; every other screen (the on-screen keyboard, the occupation
// tree, the self-check) loads while the visitor reads it, so the first paint waits for none of them.
const screen = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));
const ServicesScreen = screen(() => import('./ServicesScreen.tsx'), 'ServicesScreen');
const FloorScreen = screen(() => import('./FloorScreen.tsx'), 'FloorScreen');
const OpeningsScreen = screen(() => import('./OpeningsScreen.tsx'), 'OpeningsScreen');
const SelfCheckScreen = screen(() => import('./SelfCheckScreen.tsx'), 'SelfCheckScreen');
const TicketScreen = screen(() => import('./TicketScreen.tsx'), 'TicketScreen');
const AppointmentScreen = screen(() => import('./AppointmentScreen.tsx'), 'AppointmentScreen');
const PREFETCH_AFTER_MS = 500;

// The lobby kiosk (/kiosk/*). It talks only to window.kiosk (public facts and taking a ticket), keeps a
// visitor's choices in memory only, and drops all of it when the visitor leaves: after the idle
// countdown, or when they finish. Language and display options are per visitor and never stored.

export function KioskApp() {
  const { i18n } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [info, setInfo] = useState<KioskWelcome | null>(null);
  const [lang, setLangState] = useState<'ko' | 'en'>('ko');
  const [largeText, setLargeText] = useState(false);
  const [highContrast, setHighContrast] = useState(false);
  const [visit, setVisitState] = useState<Visit>(EMPTY_VISIT);
  const [visitNo, setVisitNo] = useState(0);

  const loadInfo = useCallback(() => {
    void window.kiosk?.invoke('kiosk:welcome', {}).then((r) => {
      if (r.ok) setInfo(r.value);
    });
  }, []);
  useEffect(loadInfo, [loadInfo]);
  // Fetch the other screens' code once the welcome screen is up, so a visitor's first tap never waits.
  useEffect(() => {
    const timer = setTimeout(() => {
      void import('./ServicesScreen.tsx');
      void import('./FloorScreen.tsx');
      void import('./OpeningsScreen.tsx');
      void import('./SelfCheckScreen.tsx');
      void import('./TicketScreen.tsx');
      void import('./AppointmentScreen.tsx');
    }, PREFETCH_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);

  const setLang = useCallback(
    (l: 'ko' | 'en') => {
      setLangState(l);
      void i18n.changeLanguage(l); // not setLanguage(): the kiosk remembers nothing between visitors
      document.documentElement.lang = l;
    },
    [i18n],
  );
  const started = useRef(false);
  useEffect(() => {
    // The kiosk always starts in Korean, whatever a desk session on this browser chose before.
    if (started.current) return;
    started.current = true;
    setLang('ko');
  }, [setLang]);

  const endVisit = useCallback(() => {
    void window.kiosk?.invoke('kiosk:endVisit', {});
    setVisitState(EMPTY_VISIT);
    setLargeText(false);
    setHighContrast(false);
    setLang('ko');
    setVisitNo((n) => n + 1); // remounts every screen: typed text, filters and steps are gone
    void navigate('/kiosk', { replace: true });
    loadInfo(); // settings may have changed since the last visitor
    window.scrollTo(0, 0);
  }, [loadInfo, navigate, setLang]);

  const value = useMemo<KioskContextValue>(
    () => ({
      info,
      lang,
      setLang,
      largeText,
      setLargeText,
      highContrast,
      setHighContrast,
      visit,
      setVisit: (update) => setVisitState(update),
      endVisit,
      localized: (text) => (lang === 'en' && text.en ? text.en : text.ko),
    }),
    [info, lang, setLang, largeText, highContrast, visit, endVisit],
  );
  const theme = useMemo(() => kioskTheme({ largeText, highContrast }), [largeText, highContrast]);
  const pristine =
    (location.pathname === '/kiosk' || location.pathname === '/kiosk/') &&
    lang === 'ko' &&
    !largeText &&
    !highContrast &&
    visit === EMPTY_VISIT;

  return (
    <KioskContext.Provider value={value}>
      <ThemeProvider theme={theme}>
        <ScopedCssBaseline
          sx={{
            minHeight: '100vh',
            bgcolor: 'background.default',
            color: 'text.primary',
            userSelect: 'none',
          }}
          data-testid="kiosk-root"
          data-contrast={highContrast ? 'high' : 'normal'}
          data-large-text={largeText ? 'on' : 'off'}
        >
          <Box key={visitNo} sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
            <Suspense fallback={null}>
              <Routes>
                <Route index element={<WelcomeScreen />} />
                <Route path="services" element={<ServicesScreen />} />
                <Route path="floor" element={<FloorScreen />} />
                <Route path="openings" element={<OpeningsScreen />} />
                <Route path="self-check" element={<SelfCheckScreen />} />
                <Route path="ticket" element={<TicketScreen />} />
                <Route path="appointment" element={<AppointmentScreen />} />
                <Route path="*" element={<WelcomeScreen />} />
              </Routes>
            </Suspense>
          </Box>
          {info && (
            <IdleGuard
              key={`idle-${visitNo}`}
              idleSeconds={info.idleSeconds}
              countdownSeconds={info.countdownSeconds}
              active={!pristine}
              onReset={endVisit}
            />
          )}
        </ScopedCssBaseline>
      </ThemeProvider>
    </KioskContext.Provider>
  );
}
