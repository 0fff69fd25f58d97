import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import ContrastIcon from '@mui/icons-material/Contrast';
import HomeIcon from '@mui/icons-material/Home';
import TextIncreaseIcon from '@mui/icons-material/TextIncrease';
import TranslateIcon from '@mui/icons-material/Translate';
import { Box, Button, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useKiosk } from './visit.ts';

/** Language and display options, on every screen: a visitor may need them at any step. */
export function AccessOptions({ big = false }: { big?: boolean }) {
  const { t } = useTranslation();
  const { lang, setLang, largeText, setLargeText, highContrast, setHighContrast } = useKiosk();
  const sx = big ? { flex: 1, minHeight: 88 } : { minHeight: 64 };
  return (
    <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2 }} useFlexGap>
      <Button
        variant="outlined"
        sx={sx}
        startIcon={<TranslateIcon />}
        onClick={() => setLang(lang === 'ko' ? 'en' : 'ko')}
        lang={lang === 'ko' ? 'en' : 'ko'}
        data-testid="kiosk-language"
      >
        {lang === 'ko' ? 'English' : '한국어'}
      </Button>
      <Button
        variant={largeText ? 'contained' : 'outlined'}
        sx={sx}
        startIcon={<TextIncreaseIcon />}
        aria-pressed={largeText}
        onClick={() => setLargeText(!largeText)}
        data-testid="kiosk-large-text"
      >
        {t('kioskScreens.largeText')}
      </Button>
      <Button
        variant={highContrast ? 'contained' : 'outlined'}
        sx={sx}
        startIcon={<ContrastIcon />}
        aria-pressed={highContrast}
        onClick={() => setHighContrast(!highContrast)}
        data-testid="kiosk-contrast"
      >
        {t('kioskScreens.highContrast')}
      </Button>
    </Stack>
  );
}

/** An inner kiosk screen: a header with the way home and back, the title, and the content. */
export function KioskPage({
  title,
  children,
  onBack,
  testId,
}: {
  title: string;
  children: ReactNode;
  /** Back within the screen's own steps; without it, back goes to the main screen. */
  onBack?: () => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1 }} data-testid={testId}>
      <Box
        component="header"
        sx={{
          display: 'flex',
          alignItems: 'center',
          gap: 2,
          px: { xs: 3, md: 5 },
          py: 2,
          borderBottom: 2,
          borderColor: 'divider',
          bgcolor: 'background.paper',
          flexWrap: 'wrap',
        }}
      >
        <Button
          variant="contained"
          startIcon={<HomeIcon />}
          onClick={() => void navigate('/kiosk')}
          data-testid="kiosk-home"
        >
          {t('kioskScreens.home')}
        </Button>
        {onBack && (
          <Button variant="outlined" startIcon={<ArrowBackIcon />} onClick={onBack} data-testid="kiosk-back">
            {t('kioskScreens.back')}
          </Button>
        )}
        <Box sx={{ flex: 1 }} />
        <AccessOptions />
      </Box>
      <Box
        component="main"
        sx={{ flex: 1, width: '100%', maxWidth: 1400, mx: 'auto', px: { xs: 3, md: 6 }, py: 4 }}
      >
        <Typography variant="h1" sx={{ mb: 4 }}>
          {title}
        </Typography>
        {children}
      </Box>
    </Box>
  );
}
