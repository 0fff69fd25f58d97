import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/contract/result.ts';
import type { CaseServices, ServiceReferralView } from '../../../shared/contract/service-referrals.ts';
import {
  SERVICE_CLOSE_REASONS,
  needsReason,
  type ServiceCloseReason,
  type ServiceReferralStatus,
} from '../../../shared/programmes/service-referral-status.ts';
import { call } from '../api.ts';
import { DateField } from '../common/DateField.tsx';
import { errorOf, useLang } from '../employers/common.tsx';
import { targetLabel } from './labels.ts';

// One step of a service referral (accepted, declined by the provider, started, completed, dropped out),
// on the day it happened (today by default, never later); a decline or a drop-out says why; the
// outcome note says what came of it. A completion also records the plan step it closes (the service).

export function TransitionDialog({
  referral,
  to,
  today,
  onClose,
  onDone,
}: {
  referral: ServiceReferralView;
  to: ServiceReferralStatus;
  today: string;
  onClose: () => void;
  onDone: (services: CaseServices) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [day, setDay] = useState(today);
  const [reason, setReason] = useState<ServiceCloseReason | ''>('');
  const [reasonText, setReasonText] = useState('');
  const [outcome, setOutcome] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const withReason = needsReason(to);
  const fieldError = (field: string) => (error?.field === field ? t(error.message) : undefined);

  async function save() {
    setError(null);
    setBusy(true);
    try {
      const written = await call('services:transition', {
        id: referral.id,
        to,
        on: day,
        reasonCode: withReason && reason !== '' ? reason : null,
        reasonText: withReason ? reasonText : null,
        outcomeNote: withReason ? null : outcome,
      });
      onDone(written);
    } catch (e) {
      setError(errorOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="transition-title">
      <DialogTitle id="transition-title">
        {t(`services.action.${to}`)} · {targetLabel(t, lang, referral)}
      </DialogTitle>
      <DialogContent>
        <Stack
          component="form"
          id="transition-form"
          noValidate
          spacing={2}
          sx={{ pt: 1 }}
          data-testid="transition-dialog"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <DateField
            required
            label={t(`services.dayOf.${to}`)}
            value={day}
            onChange={setDay}
            error={Boolean(fieldError('on'))}
            helperText={fieldError('on')}
            slotProps={{ htmlInput: { 'data-testid': 'transition-day' } }}
          />
          {withReason && (
            <TextField
              select
              required
              label={t(to === 'declined' ? 'services.declineReason' : 'services.dropReason')}
              value={reason}
              onChange={(e) => setReason(e.target.value as ServiceCloseReason)}
              error={Boolean(fieldError('reasonCode'))}
              helperText={fieldError('reasonCode')}
              slotProps={{ htmlInput: { 'data-testid': 'transition-reason' } }}
            >
              {SERVICE_CLOSE_REASONS.map((r) => (
                <MenuItem key={r} value={r} data-testid={`transition-reason-${r}`}>
                  {t(`services.closeReasons.${r}`)}
                </MenuItem>
              ))}
            </TextField>
          )}
          <TextField
            label={t(withReason ? 'services.reasonText' : 'services.outcomeNote')}
            required={withReason && reason === 'other'}
            value={withReason ? reasonText : outcome}
            multiline
            minRows={2}
            onChange={(e) => (withReason ? setReasonText(e.target.value) : setOutcome(e.target.value))}
            error={Boolean(fieldError('reasonText'))}
            helperText={fieldError('reasonText')}
            slotProps={{ htmlInput: { 'data-testid': 'transition-note', maxLength: 2000 } }}
          />
          {to === 'completed' && referral.planStep && (
            <Alert severity="info">
              {t('services.closesStep', { step: t(`servicePlan.step.${referral.planStep}`) })}
            </Alert>
          )}
          {error && !['on', 'reasonCode', 'reasonText'].includes(error.field ?? '') && (
            <Alert severity="error" role="alert">
              {t(error.message)}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('services.cancel')}</Button>
        <Button
          type="submit"
          form="transition-form"
          variant="contained"
          disabled={busy}
          data-testid="transition-save"
        >
          {t('services.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
