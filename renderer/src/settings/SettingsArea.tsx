import { Box, Tab, Tabs } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { useAuth } from '../auth/AuthProvider.tsx';
import { AccountsPage } from './AccountsPage.tsx';
import { AuditSettingsPage } from './AuditSettingsPage.tsx';
import { BackupsPage } from './BackupsPage.tsx';
import { DeviceSettingsPage } from './DeviceSettingsPage.tsx';
import { JoinServerPage } from './JoinServerPage.tsx';
import { KioskSettingsPage } from './KioskSettingsPage.tsx';
import { FiguresForm } from '../programmes/FiguresForm.tsx';

// Routes under /settings/*: one tab per settings page (issue 6: kiosk, this PC; issue 8 adds accounts
// as another tab and route here).

export function SettingsArea() {
  const { t } = useTranslation();
  const { session } = useAuth();
  const location = useLocation();
  const tabs = [
    { to: '/settings/kiosk', label: t('settings.tabs.kiosk') },
    { to: '/settings/audit', label: t('audit.settings.tab') },
    { to: '/settings/programmes', label: t('programmes.figures.title') },
    ...(session.role === 'admin'
      ? [
          { to: '/settings/accounts', label: t('accounts.tab') },
          { to: '/settings/device', label: t('settings.tabs.device') },
          { to: '/settings/backups', label: t('backups.tab') },
          { to: '/settings/join', label: t('join.tab') },
        ]
      : []),
  ];
  const current = tabs.find((tab) => location.pathname.startsWith(tab.to))?.to ?? false;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, flex: 1 }}>
      <Tabs value={current} sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}>
        {tabs.map((tab) => (
          <Tab key={tab.to} value={tab.to} label={tab.label} component={Link} to={tab.to} />
        ))}
      </Tabs>
      <Box sx={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
        <Routes>
          <Route index element={<Navigate to="kiosk" replace />} />
          <Route path="kiosk" element={<KioskSettingsPage />} />
          <Route path="audit" element={<AuditSettingsPage />} />
          <Route path="programmes" element={<FiguresForm />} />
          {session.role === 'admin' && <Route path="device" element={<DeviceSettingsPage />} />}
          {session.role === 'admin' && <Route path="accounts" element={<AccountsPage />} />}
          {session.role === 'admin' && <Route path="backups" element={<BackupsPage />} />}
          {session.role === 'admin' && <Route path="join" element={<JoinServerPage />} />}
          <Route path="*" element={<Navigate to="kiosk" replace />} />
        </Routes>
      </Box>
    </Box>
  );
}
