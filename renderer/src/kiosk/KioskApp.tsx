import { Box, ScopedCssBaseline, ThemeProvider } from '@mui/material';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import type { KioskWelcome } from '../../../shared/contract/kiosk.ts';
import { FloorScreen } from './FloorScreen.tsx';
import { IdleGuard } from './IdleGuard.tsx';
import { kioskTheme } from './kioskTheme.ts';
import { OpeningsScreen } from './OpeningsScreen.tsx';
import { SelfCheckScreen } from './SelfCheckScreen.tsx';
import { ServicesScreen } from './ServicesScreen.tsx';
import { TicketScreen } from './TicketScreen.tsx';
import { EMPTY_VISIT, KioskContext, type KioskContextValue, type Visit } from './visit.ts';
import { WelcomeScreen } from './WelcomeScreen.tsx';

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
            <Routes>
              <Route index element={<WelcomeScreen />} />
              <Route path="services" element={<ServicesScreen />} />
              <Route path="floor" element={<FloorScreen />} />
              <Route path="openings" element={<OpeningsScreen />} />
              <Route path="self-check" element={<SelfCheckScreen />} />
              <Route path="ticket" element={<TicketScreen />} />
              <Route path="*" element={<WelcomeScreen />} />
            </Routes>
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
