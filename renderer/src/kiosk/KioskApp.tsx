import { Box, Button, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskWelcome } from '../../../shared/contract/index.ts';
import { setLanguage } from '../i18n/index.ts';

// The lobby kiosk's welcome screen. It talks only to window.kiosk (public facts); the kiosk issue adds
// services, floor guide, openings, self-check and tickets.
export function KioskApp() {
  const { t } = useTranslation();
  const [welcome, setWelcome] = useState<KioskWelcome | null>(null);
  useEffect(() => {
    void window.kiosk?.invoke('kiosk:welcome', {}).then((r) => {
      if (r.ok) setWelcome(r.value);
    });
  }, []);
  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: '#ffffff', p: 6 }}>
      <Stack spacing={6} sx={{ alignItems: 'center', textAlign: 'center' }}>
        <Typography variant="h2" component="h1" sx={{ fontWeight: 700 }}>
          {t('kiosk.welcome', { center: welcome?.centerName ?? '' })}
        </Typography>
        <Typography variant="h4" component="p" color="text.secondary">
          {t('kiosk.chooseLanguage')}
        </Typography>
        <Stack direction="row" spacing={4}>
          <Button
            variant="contained"
            sx={{ fontSize: 36, px: 8, py: 3 }}
            onClick={() => setLanguage('ko')}
            lang="ko"
          >
            한국어
          </Button>
          <Button
            variant="outlined"
            sx={{ fontSize: 36, px: 8, py: 3 }}
            onClick={() => setLanguage('en')}
            lang="en"
          >
            English
          </Button>
        </Stack>
      </Stack>
    </Box>
  );
}
