import ConfirmationNumberIcon from '@mui/icons-material/ConfirmationNumber';
import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import MapIcon from '@mui/icons-material/Map';
import SupportAgentIcon from '@mui/icons-material/SupportAgent';
import WorkIcon from '@mui/icons-material/Work';
import { Alert, Box, Button, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { AccessOptions } from './KioskPage.tsx';
import { useKiosk } from './visit.ts';

// The main screen (메인 화면): who we are, language and display options, and the five things a visitor
// can do, the ticket first and largest, then "I have an appointment".

function Tile({
  to,
  icon,
  title,
  body,
  primary = false,
  testId,
}: {
  to: string;
  icon: ReactNode;
  title: string;
  body: string;
  primary?: boolean;
  testId: string;
}) {
  const navigate = useNavigate();
  return (
    <Button
      variant={primary ? 'contained' : 'outlined'}
      onClick={() => void navigate(to)}
      data-testid={testId}
      sx={{
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'flex-start',
        textAlign: 'left',
        gap: 1,
        p: 3,
        justifyContent: 'center',
        minHeight: primary ? 200 : 170,
        borderWidth: 3,
        gridColumn: primary ? '1 / -1' : undefined,
        '&:hover': { borderWidth: 3 },
        '& svg': { fontSize: primary ? 64 : 52 },
      }}
    >
      {icon}
      <Box component="span" sx={{ fontSize: primary ? '1.7em' : '1.35em', fontWeight: 800 }}>
        {title}
      </Box>
      <Box component="span" sx={{ fontWeight: 400, fontSize: '0.95em' }}>
        {body}
      </Box>
    </Button>
  );
}

export function WelcomeScreen() {
  const { t } = useTranslation();
  const { info, localized } = useKiosk();
  const welcome = info && localized(info.texts.welcome);
  const notice = info && localized(info.texts.notice);
  return (
    <Box
      component="main"
      data-testid="kiosk-welcome"
      sx={{
        flex: 1,
        width: '100%',
        maxWidth: 1500,
        mx: 'auto',
        px: { xs: 3, md: 6 },
        py: { xs: 4, md: 5 },
        display: 'flex',
        flexDirection: 'column',
        gap: 4,
      }}
    >
      <Box>
        <Typography variant="h1">
          {welcome || t('kioskScreens.welcome.title', { center: info?.centerName ?? '' })}
        </Typography>
        <Typography sx={{ mt: 1, fontSize: '1.2em', color: 'text.secondary' }}>
          {t('kioskScreens.welcome.subtitle')}
        </Typography>
      </Box>
      {notice && (
        <Alert severity="info" sx={{ fontSize: '1em' }} data-testid="kiosk-notice">
          {notice}
        </Alert>
      )}
      <AccessOptions big />
      <Box
        component="nav"
        aria-label={t('kioskScreens.welcome.menu')}
        sx={{
          flex: 1,
          display: 'grid',
          gap: 3,
          // Portrait (the usual lobby stand): two columns of tall tiles filling the screen; landscape: a
          // wide ticket tile above two rows of three.
          gridTemplateColumns: '1fr 1fr',
          gridAutoRows: 'minmax(170px, 1fr)',
          '@media (orientation: landscape)': { gridTemplateColumns: 'repeat(3, 1fr)', gridAutoRows: 'auto' },
        }}
      >
        <Tile
          to="/kiosk/ticket"
          primary
          icon={<ConfirmationNumberIcon />}
          title={t('kioskScreens.menu.ticket')}
          body={t('kioskScreens.menu.ticketBody')}
          testId="menu-ticket"
        />
        <Tile
          to="/kiosk/appointment"
          icon={<EventAvailableIcon />}
          title={t('kioskScreens.appointment.menu')}
          body={t('kioskScreens.appointment.menuBody')}
          testId="menu-appointment"
        />
        <Tile
          to="/kiosk/services"
          icon={<SupportAgentIcon />}
          title={t('kioskScreens.menu.services')}
          body={t('kioskScreens.menu.servicesBody')}
          testId="menu-services"
        />
        <Tile
          to="/kiosk/floor"
          icon={<MapIcon />}
          title={t('kioskScreens.menu.floor')}
          body={t('kioskScreens.menu.floorBody')}
          testId="menu-floor"
        />
        <Tile
          to="/kiosk/openings"
          icon={<WorkIcon />}
          title={t('kioskScreens.menu.openings')}
          body={t('kioskScreens.menu.openingsBody')}
          testId="menu-openings"
        />
        <Tile
          to="/kiosk/self-check"
          icon={<FactCheckIcon />}
          title={t('kioskScreens.menu.selfCheck')}
          body={t('kioskScreens.menu.selfCheckBody')}
          testId="menu-self-check"
        />
      </Box>
      <Typography sx={{ color: 'text.secondary', textAlign: 'center', mt: 'auto' }}>
        {t('kioskScreens.help')}
      </Typography>
    </Box>
  );
}
