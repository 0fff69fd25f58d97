import ConfirmationNumberIcon from '@mui/icons-material/ConfirmationNumber';
import { Box, Button, Paper, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { KioskPage } from './KioskPage.tsx';
import { useKiosk } from './visit.ts';

// 업무별 안내: each service, in plain words, and the counter that handles it (center settings).

export function ServicesScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { info, localized, setVisit } = useKiosk();
  const counters = new Map((info?.counters ?? []).map((c) => [c.id, c]));
  return (
    <KioskPage title={t('kioskScreens.services.title')} testId="kiosk-services">
      <Box
        sx={{
          display: 'grid',
          gap: 3,
          gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 560px), 1fr))',
        }}
      >
        {(info?.services ?? []).map((s) => {
          const counter = counters.get(s.counterId);
          return (
            <Paper
              key={s.id}
              variant="outlined"
              sx={{ p: 3, display: 'flex', flexDirection: 'column', gap: 1.5, borderWidth: 2 }}
              data-testid={`service-${s.id}`}
            >
              <Typography variant="h2">{localized(s.name)}</Typography>
              {localized(s.description) && <Typography>{localized(s.description)}</Typography>}
              {counter && (
                <Typography sx={{ fontWeight: 800, fontSize: '1.3em', color: 'primary.main' }}>
                  {t('kioskScreens.services.goTo', { counter: localized(counter.label) })}
                  {localized(counter.location) && (
                    <Box
                      component="span"
                      sx={{ fontWeight: 400, color: 'text.primary', display: 'block', fontSize: '0.8em' }}
                    >
                      {localized(counter.location)}
                    </Box>
                  )}
                </Typography>
              )}
              <Button
                variant="contained"
                startIcon={<ConfirmationNumberIcon />}
                sx={{ alignSelf: 'flex-start', mt: 1 }}
                onClick={() => {
                  setVisit((v) => ({ ...v, serviceId: s.id }));
                  void navigate('/kiosk/ticket');
                }}
              >
                {t('kioskScreens.services.takeTicket')}
              </Button>
            </Paper>
          );
        })}
      </Box>
    </KioskPage>
  );
}
