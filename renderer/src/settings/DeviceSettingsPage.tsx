import { Alert, FormControlLabel, Stack, Switch, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api.ts';
import { IdleLockForm } from './IdleLockForm.tsx';
import { ServerTrustForm } from './ServerTrustForm.tsx';
import { TicketDeviceForm } from './TicketDeviceForm.tsx';

/** Whether this PC starts as the lobby kiosk (kept in this store only; not synced). */
export function DeviceSettingsPage() {
  const { t } = useTranslation();
  const [kioskMode, setKioskMode] = useState<boolean | null>(null);
  const [idle, setIdle] = useState<number | null>(null);
  const [deviceKey, setDeviceKey] = useState<'os' | 'plain' | null>(null);
  const [saved, setSaved] = useState(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    call('settings:getDevice', {}).then(
      (d) => {
        setKioskMode(d.kioskMode);
        setIdle(d.idleLockMinutes);
        setDeviceKey(d.deviceKey ?? null);
      },
      () => setFailed(true),
    );
  }, []);
  return (
    <Stack spacing={2} sx={{ maxWidth: 720 }}>
      <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
        {t('settings.device.title')}
      </Typography>
      {failed && <Alert severity="error">{t('errors.internal')}</Alert>}
      {kioskMode !== null && (
        <FormControlLabel
          control={
            <Switch
              checked={kioskMode}
              onChange={(e) => {
                const on = e.target.checked;
                setSaved(false);
                call('settings:saveDevice', { kioskMode: on }).then(
                  (d) => {
                    setKioskMode(d.kioskMode);
                    setDeviceKey(d.deviceKey ?? null);
                    setSaved(true);
                  },
                  () => setFailed(true),
                );
              }}
              slotProps={{ input: { 'aria-describedby': 'device-kiosk-help' } }}
              data-testid="device-kiosk-mode"
            />
          }
          label={t('settings.device.kioskMode')}
        />
      )}
      <Typography id="device-kiosk-help" variant="body2" color="text.secondary">
        {t('settings.device.help')}
      </Typography>
      {kioskMode && deviceKey && (
        <Alert severity={deviceKey === 'os' ? 'info' : 'warning'}>
          {t(deviceKey === 'os' ? 'settings.device.deviceKeyOs' : 'settings.device.deviceKeyPlain')}
        </Alert>
      )}
      {kioskMode !== null && idle !== null && <IdleLockForm kioskMode={kioskMode} initial={idle} />}
      {saved && <Alert severity="success">{t('settings.device.saved')}</Alert>}
      <TicketDeviceForm />
      <ServerTrustForm />
    </Stack>
  );
}
