import MergeIcon from '@mui/icons-material/CallMerge';
import AssessmentIcon from '@mui/icons-material/Assessment';
import TodayIcon from '@mui/icons-material/Today';
import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import EventIcon from '@mui/icons-material/Event';
import GroupsIcon from '@mui/icons-material/Groups';
import BusinessIcon from '@mui/icons-material/Business';
import HandshakeIcon from '@mui/icons-material/Handshake';
import LockIcon from '@mui/icons-material/Lock';
import LogoutIcon from '@mui/icons-material/Logout';
import TransferIcon from '@mui/icons-material/MoveUp';
import PeopleIcon from '@mui/icons-material/People';
import PolicyIcon from '@mui/icons-material/Policy';
import QueueIcon from '@mui/icons-material/ConfirmationNumber';
import RuleIcon from '@mui/icons-material/Rule';
import SettingsIcon from '@mui/icons-material/Settings';
import VerifiedIcon from '@mui/icons-material/Verified';
import WorkIcon from '@mui/icons-material/Work';
import {
  AppBar,
  Box,
  Button,
  Drawer,
  List,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  Toolbar,
  Typography,
} from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { Role } from '../../../shared/contract/channel.ts';
import { useAuth } from '../auth/AuthProvider.tsx';
import { BusyBar } from '../common/BusyBar.tsx';
import { InboxBadge } from '../inbox/InboxBadge.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { SyncStatusChip } from './SyncStatusChip.tsx';

const DRAWER_WIDTH = 220;

interface NavItem {
  to: string;
  key: string;
  icon: ReactNode;
  roles: readonly Role[];
}

// Areas by role (domain.md §1): admins manage users, devices and settings, never cases.
const NAV: NavItem[] = [
  { to: '/appointments', key: 'nav.appointments', icon: <EventIcon />, roles: ['counselor', 'supervisor'] },
  {
    to: '/inbox',
    key: 'inbox.nav',
    icon: (
      <InboxBadge>
        <TodayIcon />
      </InboxBadge>
    ),
    roles: ['counselor', 'supervisor'],
  },
  { to: '/caseload', key: 'nav.caseload', icon: <AssignmentIndIcon />, roles: ['counselor', 'supervisor'] },
  { to: '/jobseekers', key: 'nav.jobseekers', icon: <PeopleIcon />, roles: ['counselor', 'supervisor'] },
  { to: '/employers', key: 'nav.employers', icon: <BusinessIcon />, roles: ['counselor', 'supervisor'] },
  { to: '/openings', key: 'nav.openings', icon: <WorkIcon />, roles: ['counselor', 'supervisor'] },
  { to: '/referrals', key: 'nav.referrals', icon: <HandshakeIcon />, roles: ['counselor', 'supervisor'] },
  { to: '/groups', key: 'groups.nav', icon: <GroupsIcon />, roles: ['counselor', 'supervisor'] },
  { to: '/queue', key: 'nav.queue', icon: <QueueIcon />, roles: ['counselor', 'supervisor'] },
  { to: '/reports', key: 'nav.reports', icon: <AssessmentIcon />, roles: ['counselor', 'supervisor'] },
  { to: '/reviews', key: 'reviews.nav', icon: <RuleIcon />, roles: ['counselor', 'supervisor'] },
  {
    to: '/transfers',
    key: 'lifecycle.inbox.nav',
    icon: <TransferIcon />,
    roles: ['counselor', 'supervisor'],
  },
  { to: '/verify', key: 'documents.verify.nav', icon: <VerifiedIcon />, roles: ['counselor', 'supervisor'] },
  { to: '/merges', key: 'merges.nav', icon: <MergeIcon />, roles: ['supervisor'] },
  { to: '/audit', key: 'audit.nav', icon: <PolicyIcon />, roles: ['supervisor'] },
  { to: '/settings', key: 'nav.settings', icon: <SettingsIcon />, roles: ['admin', 'supervisor'] },
];

export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { session, logout, lock } = useAuth();
  return (
    <Box sx={{ display: 'flex', height: '100vh' }}>
      <AppBar position="fixed" sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
        <Toolbar sx={{ gap: 2 }}>
          <Typography variant="h6" component="div" sx={{ fontWeight: 700 }}>
            {t('app.name')}
          </Typography>
          <Typography variant="body2" sx={{ opacity: 0.85 }}>
            {session.centerName}
          </Typography>
          <Box sx={{ flex: 1 }} />
          <SyncStatusChip />
          <Typography variant="body2" data-testid="signed-in-as">
            {t('shell.signedInAs', { name: session.displayName, role: t(`role.${session.role}`) })}
          </Typography>
          <LanguageSwitch color="inherit" />
          <Button
            color="inherit"
            startIcon={<LockIcon />}
            onClick={() => void lock()}
            data-testid="lock-now"
            title={t('session.lockNowHint')}
          >
            {t('session.lockNow')}
          </Button>
          <Button color="inherit" startIcon={<LogoutIcon />} onClick={() => void logout()}>
            {t('shell.logout')}
          </Button>
        </Toolbar>
      </AppBar>
      <Drawer
        variant="permanent"
        sx={{
          width: DRAWER_WIDTH,
          flexShrink: 0,
          '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' },
        }}
      >
        <Toolbar />
        <List component="nav" aria-label={t('nav.main')}>
          {NAV.filter((item) => item.roles.includes(session.role)).map((item) => (
            <ListItemButton
              key={item.to}
              component={NavLink}
              to={item.to}
              sx={{ '&.active': { bgcolor: 'action.selected', fontWeight: 700 } }}
            >
              <ListItemIcon sx={{ minWidth: 40 }}>{item.icon}</ListItemIcon>
              <ListItemText primary={t(item.key)} />
            </ListItemButton>
          ))}
        </List>
      </Drawer>
      <Box component="main" sx={{ flex: 1, display: 'flex', flexDirection: 'column', minWidth: 0 }}>
        <Toolbar />
        <BusyBar />
        <Box sx={{ flex: 1, minHeight: 0, p: 3, pt: 2.5, display: 'flex', flexDirection: 'column' }}>
          {children}
        </Box>
      </Box>
    </Box>
  );
}
