import { Box, Paper, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { KioskPage } from './KioskPage.tsx';
import { useKiosk } from './visit.ts';

// 층별 안내: the floor plan image and the text from the center settings, and where each counter is.

export function FloorScreen() {
  const { t } = useTranslation();
  const { info, localized } = useKiosk();
  const guide = info?.floorGuide;
  const lines = guide
    ? localized(guide.text)
        .split('\n')
        .filter((l) => l.trim() !== '')
    : [];
  return (
    <KioskPage title={t('kioskScreens.floor.title')} testId="kiosk-floor">
      <Box
        sx={{
          display: 'grid',
          gap: 4,
          gridTemplateColumns: { xs: '1fr', lg: guide?.image ? '3fr 2fr' : '1fr' },
        }}
      >
        {guide?.image && (
          <Box
            component="img"
            src={guide.image}
            alt={t('kioskScreens.floor.imageAlt')}
            sx={{ width: '100%', borderRadius: 3, border: 2, borderColor: 'divider', bgcolor: '#fff' }}
          />
        )}
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 3 }}>
          {lines.length > 0 && (
            <Paper variant="outlined" sx={{ p: 3, borderWidth: 2 }}>
              <Box component="ul" sx={{ m: 0, pl: 3, display: 'flex', flexDirection: 'column', gap: 1.5 }}>
                {lines.map((line, i) => (
                  <Typography component="li" key={i} sx={{ fontSize: '1.2em' }}>
                    {line}
                  </Typography>
                ))}
              </Box>
            </Paper>
          )}
          <Paper variant="outlined" sx={{ p: 3, borderWidth: 2 }}>
            <Typography variant="h2" sx={{ mb: 2 }}>
              {t('kioskScreens.floor.counters')}
            </Typography>
            <Box
              component="dl"
              sx={{ m: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 3, rowGap: 1.5 }}
            >
              {(info?.counters ?? []).map((c) => (
                <Box key={c.id} sx={{ display: 'contents' }}>
                  <Typography component="dt" sx={{ fontWeight: 800 }}>
                    {localized(c.label)}
                  </Typography>
                  <Typography component="dd" sx={{ m: 0 }}>
                    {localized(c.location)}
                  </Typography>
                </Box>
              ))}
            </Box>
          </Paper>
        </Box>
      </Box>
    </KioskPage>
  );
}
