import { Alert, Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketDeviceSettings } from '../../../shared/contract/lobby.ts';
import { TICKET_LETTERS } from '../../../shared/domain/tickets.ts';
import { ApiError, call } from '../api.ts';

// 이 PC → the ticket letter (A-001, B-001: no two kiosks issue the same number) and the printer the
// kiosk prints tickets on (issue 18 item 5). Letters other PCs of the center hold are not offered; the
// service refuses them anyway (a letter taken meanwhile on another PC, synced since).

const NONE = '-';

export function TicketDeviceForm() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState<TicketDeviceSettings | null>(null);
  const [letter, setLetter] = useState(NONE);
  const [printer, setPrinter] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const show = (d: TicketDeviceSettings) => {
    setCurrent(d);
    setLetter(d.letter ?? NONE);
    setPrinter(d.printer ?? '');
  };
  useEffect(() => {
    call('settings:getTicketDevice', {}).then(show, () => setError(t('errors.internal')));
  }, [t]);

  async function save() {
    setSaved(false);
    setError(null);
    setBusy(true);
    try {
      show(
        await call('settings:saveTicketDevice', {
          letter: letter === NONE ? null : letter,
          printer: printer.trim() === '' ? null : printer.trim(),
        }),
      );
      setSaved(true);
    } catch (e) {
      setError(e instanceof ApiError ? t(e.error.message) : t('errors.internal'));
    } finally {
      setBusy(false);
    }
  }

  if (!current) return error ? <Alert severity="error">{error}</Alert> : null;
  const free = TICKET_LETTERS.filter((l) => !current.taken.includes(l));
  return (
    <Stack
      component="form"
      noValidate
      spacing={1.5}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      data-testid="ticket-device-form"
    >
      <Typography variant="h6" component="h2">
        {t('ticketDevice.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" id="ticket-device-help">
        {t('ticketDevice.help')}
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField
          select
          label={t('ticketDevice.letter')}
          value={letter}
          onChange={(e) => setLetter(e.target.value)}
          sx={{ width: 220, flexShrink: 0 }}
          slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'ticket-letter' } as object } }}
        >
          <MenuItem value={NONE}>{t('ticketDevice.noLetter')}</MenuItem>
          {free.map((l) => (
            <MenuItem key={l} value={l} data-testid={`ticket-letter-${l}`}>
              {l}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label={t('ticketDevice.printer')}
          value={printer}
          onChange={(e) => setPrinter(e.target.value)}
          helperText={t('ticketDevice.printerHelp')}
          sx={{ flex: 1, minWidth: 240 }}
          slotProps={{ htmlInput: { maxLength: 200, 'data-testid': 'ticket-printer' } }}
        />
      </Stack>
      {current.taken.length > 0 && (
        <Typography variant="body2">
          {t('ticketDevice.taken', { letters: current.taken.join(', ') })}
        </Typography>
      )}
      {error && (
        <Alert severity="error" data-testid="ticket-device-error">
          {error}
        </Alert>
      )}
      {saved && <Alert severity="success">{t('ticketDevice.saved')}</Alert>}
      <div>
        <Button type="submit" variant="contained" disabled={busy} data-testid="ticket-device-save">
          {t('ticketDevice.save')}
        </Button>
      </div>
    </Stack>
  );
}
