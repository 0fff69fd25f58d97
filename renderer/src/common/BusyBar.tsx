import { Box, LinearProgress } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROGRESS_DELAY_MS } from './Loading.tsx';
import { usePendingCalls } from './pending.ts';

// A thin progress bar under the app bar while any call to main has been running for more than
// 300 ms: a save, a report, a search on a busy PC. Shorter waits show nothing (no flicker). Its place
// is always reserved, so the page never jumps when it appears.

export function BusyBar() {
  const pending = usePendingCalls() > 0;
  return (
    <Box sx={{ height: 4 }} data-testid="busy-bar">
      {pending && <DelayedBar />}
    </Box>
  );
}

/** Mounted when a wait starts; shows the bar once the wait has lasted PROGRESS_DELAY_MS. */
function DelayedBar() {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), PROGRESS_DELAY_MS);
    return () => clearTimeout(timer);
  }, []);
  return shown ? <LinearProgress aria-label={t('a11y.working')} /> : null;
}
