import {
  Alert,
  Box,
  Button,
  Chip,
  FormControlLabel,
  MenuItem,
  Radio,
  RadioGroup,
  Stack,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ADMIT_REASONS, REFUSE_REASONS, type EnrolmentView } from '../../../shared/contract/programmes.ts';
import type { AppError } from '../../../shared/contract/result.ts';
import { ASSETS_BANDS } from '../../../shared/programmes/eligibility.ts';
import { call } from '../api.ts';
import { errorOf } from '../employers/common.tsx';
import { failedText } from './common.ts';

// The eligibility pre-check (only the programme's listed inputs; income and assets need the sensitive
// consent, said above the form) and a person's decision with its reason.

type Value = number | string | boolean;

export function PrecheckForm({ e, onDone }: { e: EnrolmentView; onDone: (v: EnrolmentView) => void }) {
  const { t } = useTranslation();
  const recorded = (e.eligibility.recorded ?? {}) as Record<string, Value>;
  const [values, setValues] = useState<Record<string, Value>>(() =>
    Object.fromEntries(
      e.eligibility.inputs.map((i) => [
        i,
        recorded[i] ?? (i === 'assetsBand' ? 'under-400m' : i === 'vulnerableGroup' ? false : ''),
      ]),
    ),
  );
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const sensitive = e.eligibility.inputs.some((i) =>
    ['householdIncomePct', 'assetsBand', 'vulnerableGroup'].includes(i),
  );
  async function save() {
    setBusy(true);
    setError(null);
    try {
      const inputs = Object.fromEntries(
        Object.entries(values).map(([k, v]) => [
          k,
          typeof v === 'string' && k !== 'assetsBand' ? Number(v) : v,
        ]),
      );
      onDone(await call('programmes:precheck', { enrolmentId: e.id, inputs }));
    } catch (err) {
      setError(errorOf(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Box component="section" aria-labelledby={`precheck-${e.id}`} data-testid="precheck-form">
      <Typography variant="subtitle1" component="h4" id={`precheck-${e.id}`} sx={{ mb: 1 }}>
        {t('programmes.precheck.title')}
      </Typography>
      {sensitive && (
        <Alert severity="info" sx={{ mb: 1 }}>
          {t('programmes.consentNeeded')}
        </Alert>
      )}
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        {e.eligibility.inputs.map((input) =>
          input === 'assetsBand' ? (
            <TextField
              key={input}
              select
              size="small"
              label={t(`programmes.inputs.${input}`)}
              value={values[input]}
              onChange={(ev) => setValues({ ...values, [input]: ev.target.value })}
              sx={{ minWidth: 180 }}
              data-testid={`input-${input}`}
            >
              {ASSETS_BANDS.map((b) => (
                <MenuItem key={b} value={b}>
                  {t(`programmes.assets.${b}`)}
                </MenuItem>
              ))}
            </TextField>
          ) : input === 'vulnerableGroup' ? (
            <FormControlLabel
              key={input}
              control={
                <Switch
                  checked={values[input] === true}
                  onChange={(ev) => setValues({ ...values, [input]: ev.target.checked })}
                />
              }
              label={t(`programmes.inputs.${input}`)}
            />
          ) : (
            <TextField
              key={input}
              size="small"
              label={t(`programmes.inputs.${input}`)}
              value={values[input]}
              onChange={(ev) => setValues({ ...values, [input]: ev.target.value.replace(/\D/g, '') })}
              slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': `input-${input}` } }}
              error={error?.field === `inputs.${input}`}
              sx={{ width: 220 }}
            />
          ),
        )}
        <Button variant="outlined" onClick={() => void save()} disabled={busy} data-testid="precheck-save">
          {t('programmes.precheck.save')}
        </Button>
      </Stack>
      {error && (
        <Alert severity="error" role="alert" sx={{ mt: 1 }}>
          {t(error.message)}
        </Alert>
      )}
    </Box>
  );
}

export function PrecheckResult({ e }: { e: EnrolmentView }) {
  const { t } = useTranslation();
  if (e.eligibility.meets === null) return null;
  return (
    <Stack
      direction="row"
      spacing={1}
      sx={{ alignItems: 'center', flexWrap: 'wrap' }}
      data-testid="precheck-result"
    >
      <Chip
        size="small"
        color={e.eligibility.meets ? 'success' : 'warning'}
        label={t(e.eligibility.meets ? 'programmes.precheck.meets' : 'programmes.precheck.notMeets')}
      />
      <Typography variant="body2" color="text.secondary">
        {t('programmes.precheck.checkedOn', { day: e.eligibility.checkedOn })}
        {e.eligibility.failed.length > 0 &&
          ` · ${t('programmes.precheck.failed', { list: failedText(t, e.eligibility.failed) })}`}
      </Typography>
    </Stack>
  );
}

export function DecisionForm({ e, onDone }: { e: EnrolmentView; onDone: (v: EnrolmentView) => void }) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<'admit' | 'refuse'>(
    e.eligibility.meets === false ? 'refuse' : 'admit',
  );
  const reasons = decision === 'admit' ? ADMIT_REASONS : REFUSE_REASONS;
  const [reason, setReason] = useState<string>(reasons[0]);
  const [text, setText] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  async function save() {
    setBusy(true);
    setError(null);
    try {
      onDone(
        await call('programmes:decide', {
          enrolmentId: e.id,
          decision,
          reasonCode: reason,
          reasonText: text,
        }),
      );
    } catch (err) {
      setError(errorOf(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Box component="section" aria-labelledby={`decision-${e.id}`} data-testid="decision-form">
      <Typography variant="subtitle1" component="h4" id={`decision-${e.id}`}>
        {t('programmes.decision.title')}
      </Typography>
      <RadioGroup
        row
        value={decision}
        onChange={(ev) => {
          const d = ev.target.value as 'admit' | 'refuse';
          setDecision(d);
          setReason((d === 'admit' ? ADMIT_REASONS : REFUSE_REASONS)[0]);
        }}
        aria-label={t('programmes.decision.title')}
      >
        <FormControlLabel value="admit" control={<Radio />} label={t('programmes.decision.admit')} />
        <FormControlLabel value="refuse" control={<Radio />} label={t('programmes.decision.refuse')} />
      </RadioGroup>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <TextField
          select
          size="small"
          label={t('programmes.decision.reason')}
          value={reason}
          onChange={(ev) => setReason(ev.target.value)}
          sx={{ minWidth: 200 }}
          data-testid="decision-reason"
        >
          {reasons.map((r) => (
            <MenuItem key={r} value={r}>
              {t(`programmes.reasons.${r}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          size="small"
          label={t('programmes.decision.reasonText')}
          value={text}
          onChange={(ev) => setText(ev.target.value)}
          error={error?.field === 'reasonText'}
          sx={{ flex: 1, minWidth: 240 }}
          slotProps={{ htmlInput: { 'data-testid': 'decision-text', maxLength: 2000 } }}
        />
        <Button variant="contained" onClick={() => void save()} disabled={busy} data-testid="decision-save">
          {t('programmes.decision.save')}
        </Button>
      </Stack>
      {error && (
        <Alert severity="error" role="alert" sx={{ mt: 1 }}>
          {t(error.message)}
        </Alert>
      )}
    </Box>
  );
}
