import { Box, LinearProgress } from '@mui/material';
import { useEffect, useState } from 'react';

// What a screen shows while its code or data arrives. Nothing for the first 300 ms (a flash of
// progress on fast answers reads as flicker), then a progress bar, so a wait longer than that is
// never a blank screen (issue 15: reports showed nothing for seconds).

export const PROGRESS_DELAY_MS = 300;

export function Loading({ label, testId = 'loading' }: { label: string; testId?: string }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), PROGRESS_DELAY_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <Box sx={{ py: 1, minHeight: 4 }} data-testid={testId} aria-busy="true">
      {shown && <LinearProgress aria-label={label} />}
    </Box>
  );
}
