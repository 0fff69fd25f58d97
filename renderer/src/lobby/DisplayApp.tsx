import { Box, ScopedCssBaseline, ThemeProvider, Typography } from '@mui/material';
import { keyframes } from '@mui/material/styles';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Counter } from '../../../shared/domain/kiosk.ts';
import type { LobbyCall } from '../../../shared/domain/lobby.ts';
import { kioskTheme } from '../kiosk/kioskTheme.ts';
import { chime, roParticle } from './chime.ts';
import { useLobbyFeed } from './useLobbyFeed.ts';

// 호출 화면 (issue 18 item 4): the lobby TV. The newest call large, the last few beside it, Korean and
// English together (a lobby holds both readers at once), a chime and a flash for each new call, and a
// spoken-by-screen-reader announcement. Nothing to touch: it runs in the kiosk's locked window
// (`--display`), at /kiosk/display, and reads only numbers and counters (kiosk:lobbyCalls).

const flash = keyframes`
  0%, 100% { background-color: transparent; }
  50% { background-color: rgba(255, 225, 77, 0.35); }
`;

function useClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 15_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function DisplayApp() {
  const { i18n } = useTranslation();
  const ko = i18n.getFixedT('ko');
  const en = i18n.getFixedT('en');
  const theme = useMemo(() => kioskTheme({ largeText: true, highContrast: true }), []);
  const [flashKey, setFlashKey] = useState(0);
  const view = useLobbyFeed(() => {
    chime();
    setFlashKey((k) => k + 1);
  });
  const now = useClock();
  const counterOf = (call: LobbyCall): Counter | undefined =>
    view?.counters.find((c) => c.id === call.counterId);
  const labelKo = (call: LobbyCall) => counterOf(call)?.label.ko ?? ko('lobbyDisplay.unknownCounter');
  const labelEn = (call: LobbyCall) => counterOf(call)?.label.en ?? en('lobbyDisplay.unknownCounter');
  const [current, ...recent] = view?.calls ?? [];
  const time = new Intl.DateTimeFormat('ko-KR', {
    timeZone: 'Asia/Seoul',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(now);

  return (
    <ThemeProvider theme={theme}>
      <ScopedCssBaseline
        sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', bgcolor: '#000' }}
        data-testid="lobby-display"
      >
        <Box
          component="header"
          sx={{
            display: 'flex',
            alignItems: 'baseline',
            justifyContent: 'space-between',
            px: '3vw',
            py: '2vh',
            borderBottom: '2px solid #fff',
          }}
        >
          <Typography component="h1" sx={{ fontSize: '4.5vh', fontWeight: 800 }}>
            {view?.centerName ?? ''} · {ko('lobbyDisplay.title')}{' '}
            <Box component="span" lang="en" sx={{ fontSize: '3vh', fontWeight: 600, color: '#f2f2f2' }}>
              {en('lobbyDisplay.title')}
            </Box>
          </Typography>
          <Typography sx={{ fontSize: '4.5vh', fontWeight: 700 }} aria-hidden>
            {time}
          </Typography>
        </Box>
        <Box
          component="main"
          sx={{ flex: 1, display: 'grid', gridTemplateColumns: { xs: '1fr', md: '3fr 2fr' }, minHeight: 0 }}
        >
          <Box
            key={flashKey}
            sx={{
              display: 'flex',
              flexDirection: 'column',
              alignItems: 'center',
              justifyContent: 'center',
              textAlign: 'center',
              px: '2vw',
              animation: flashKey > 0 ? `${flash} 1s ease-in-out 3` : 'none',
              '@media (prefers-reduced-motion: reduce)': { animation: 'none' },
            }}
            aria-live="assertive"
            aria-atomic
          >
            {current ? (
              <>
                <Typography sx={{ fontSize: '4.5vh', fontWeight: 700 }}>
                  {ko('lobbyDisplay.nowCalling')}{' '}
                  <Box component="span" lang="en">
                    · {en('lobbyDisplay.nowCalling')}
                  </Box>
                </Typography>
                <Typography
                  component="p"
                  sx={{ fontSize: '26vh', fontWeight: 900, lineHeight: 1.05, color: 'primary.main' }}
                  data-testid="display-current"
                  aria-label={ko('lobbyDisplay.announce', {
                    no: current.label,
                    counter: labelKo(current),
                    ro: roParticle(labelKo(current)),
                  })}
                >
                  {current.label}
                </Typography>
                <Typography sx={{ fontSize: '7vh', fontWeight: 800 }} data-testid="display-current-counter">
                  {ko('lobbyDisplay.goTo', { counter: labelKo(current), ro: roParticle(labelKo(current)) })}
                </Typography>
                <Typography lang="en" sx={{ fontSize: '4.5vh', fontWeight: 600, color: '#f2f2f2' }}>
                  {en('lobbyDisplay.goTo', { counter: labelEn(current) })}
                </Typography>
              </>
            ) : (
              <>
                <Typography sx={{ fontSize: '7vh', fontWeight: 800 }} data-testid="display-none">
                  {ko('lobbyDisplay.none')}
                </Typography>
                <Typography lang="en" sx={{ fontSize: '4.5vh', color: '#f2f2f2' }}>
                  {en('lobbyDisplay.none')}
                </Typography>
                <Typography sx={{ fontSize: '3.5vh', mt: '3vh' }}>
                  {ko('lobbyDisplay.noneHelp')} <span lang="en">{en('lobbyDisplay.noneHelp')}</span>
                </Typography>
              </>
            )}
          </Box>
          <Box
            component="section"
            aria-labelledby="display-recent-title"
            sx={{ borderLeft: { md: '2px solid #fff' }, px: '2vw', py: '3vh', overflow: 'hidden' }}
          >
            <Typography
              id="display-recent-title"
              component="h2"
              sx={{ fontSize: '4vh', fontWeight: 800, mb: '2vh' }}
            >
              {ko('lobbyDisplay.recent')}{' '}
              <Box component="span" lang="en" sx={{ fontSize: '3vh', fontWeight: 600 }}>
                · {en('lobbyDisplay.recent')}
              </Box>
            </Typography>
            <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }} data-testid="display-recent">
              {recent.slice(0, 5).map((call) => (
                <Box
                  component="li"
                  key={`${call.id}@${call.calledAt}`}
                  sx={{
                    display: 'flex',
                    justifyContent: 'space-between',
                    alignItems: 'baseline',
                    gap: 2,
                    py: '1.4vh',
                    borderBottom: '1px solid #888',
                  }}
                >
                  <Box component="span" sx={{ fontSize: '6vh', fontWeight: 900, color: 'primary.main' }}>
                    {call.label}
                  </Box>
                  <Box component="span" sx={{ fontSize: '3.6vh', fontWeight: 700, textAlign: 'right' }}>
                    {labelKo(call)}
                    <Box
                      component="span"
                      lang="en"
                      sx={{ display: 'block', fontSize: '2.6vh', fontWeight: 500 }}
                    >
                      {labelEn(call)}
                    </Box>
                  </Box>
                </Box>
              ))}
            </Box>
          </Box>
        </Box>
      </ScopedCssBaseline>
    </ThemeProvider>
  );
}
