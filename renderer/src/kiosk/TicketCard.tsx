import { Button, Paper, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

// The kiosk's "your number" screen, shared by 번호표 받기 (TicketScreen) and 예약하고 왔어요
// (AppointmentScreen): a framed card with the number large in the middle, what the visit needs around it,
// and the one button that ends the visit.

export function TicketCard({
  number,
  numberSize,
  lead,
  children,
  below,
  onFinish,
  testIds,
}: {
  /** What the visitor reads, e.g. "A-012". */
  number: string;
  /** A ticket taken here is the screen's only news and shows larger than one for an appointment. */
  numberSize: 'large' | 'medium';
  /** In the card above "내 번호". */
  lead?: ReactNode;
  /** In the card under the number. */
  children?: ReactNode;
  /** Under the card, above the finish button. */
  below?: ReactNode;
  onFinish: () => void;
  testIds: { screen: string; number: string; finish: string };
}) {
  const { t } = useTranslation();
  return (
    <Stack spacing={4} sx={{ alignItems: 'center', textAlign: 'center' }} data-testid={testIds.screen}>
      <Paper
        variant="outlined"
        sx={{
          p: { xs: 4, md: 6 },
          borderWidth: 4,
          borderColor: 'primary.main',
          width: '100%',
          maxWidth: 900,
        }}
      >
        {lead}
        <Typography sx={{ fontSize: '1.3em', fontWeight: 700, ...(lead ? { mt: 2 } : {}) }}>
          {t('kioskScreens.ticket.yourNumber')}
        </Typography>
        <Typography
          component="p"
          sx={{
            fontSize: numberSize === 'large' ? 'clamp(120px, 14vw, 220px)' : 'clamp(100px, 12vw, 180px)',
            fontWeight: 900,
            lineHeight: 1.1,
            color: 'primary.main',
          }}
          data-testid={testIds.number}
        >
          {number}
        </Typography>
        {children}
      </Paper>
      {below}
      <Button
        variant="contained"
        sx={{ minHeight: 96, minWidth: 420, fontSize: '1.3em' }}
        onClick={onFinish}
        data-testid={testIds.finish}
      >
        {t('kioskScreens.ticket.finish')}
      </Button>
    </Stack>
  );
}
