import { Alert, Button, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { settingsChannels } from '../../../shared/contract/settings.ts';
import { ApiError, call } from '../api.ts';

// 이 PC → minutes before the screen locks. Saved by its own button (it used to save only when the field
// lost focus, with no word either way), checked against the contract's own rule before it is sent,
// and confirmed with the value kept. A refused value names the field and the range and changes nothing.

const saveDevice = settingsChannels['settings:saveDevice'].input;

export function IdleLockForm({ kioskMode, initial }: { kioskMode: boolean; initial: number }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(String(initial));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const rangeMessage = t('deviceIdle.range', { field: t('settings.device.idleLock') });

  async function save() {
    setSaved(null);
    const text = value.trim();
    // The contract's rule (whole minutes, 1 to 60) is the one place the range is written.
    const parsed = saveDevice.safeParse({
      kioskMode,
      idleLockMinutes: /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN,
    });
    if (!parsed.success || parsed.data.idleLockMinutes === undefined) {
      setError(rangeMessage);
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const d = await call('settings:saveDevice', parsed.data);
      setValue(String(d.idleLockMinutes));
      setSaved(d.idleLockMinutes);
    } catch (e) {
      setError(
        e instanceof ApiError && e.error.field === 'idleLockMinutes' ? rangeMessage : t('errors.internal'),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack
      component="form"
      noValidate
      spacing={1.5}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      data-testid="device-idle-form"
    >
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
        <TextField
          label={t('settings.device.idleLock')}
          type="number"
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            setSaved(null);
          }}
          helperText={error ?? t('settings.device.idleLockHelp')}
          error={error !== null}
          slotProps={{ htmlInput: { min: 1, max: 60, step: 1, 'data-testid': 'device-idle-minutes' } }}
          sx={{ maxWidth: 360, '& .MuiFormHelperText-root': { wordBreak: 'keep-all' } }}
        />
        <Button
          type="submit"
          variant="contained"
          disabled={busy}
          sx={{ minHeight: 40 }}
          data-testid="device-idle-save"
        >
          {t('deviceIdle.save')}
        </Button>
      </Stack>
      {saved !== null && (
        <Alert severity="success" role="status" data-testid="device-idle-saved">
          {t('deviceIdle.saved', { count: saved })}
        </Alert>
      )}
    </Stack>
  );
}
