import {
  Alert,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Radio,
  RadioGroup,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MET_REASONS,
  NOT_MET_REASONS,
  type EnrolmentView,
  type PeriodView,
} from '../../../shared/contract/programmes.ts';
import type { AppError } from '../../../shared/contract/result.ts';
import { call } from '../api.ts';
import { DateField } from '../common/DateField.tsx';
import { errorOf, useLang } from '../employers/common.tsx';

// The obligation periods (구직활동 이행) of an enrolment in the service stage and later: each period's
// days, its due day and the decision in force; a counselor decides a period (not met needs a reason) or
// corrects a decision. The app records what an allowance rests on; it pays nothing.

export function ObligationPeriods({
  e,
  today,
  onDone,
}: {
  e: EnrolmentView;
  today: string;
  onDone: (v: EnrolmentView) => void;
}) {
  const { t } = useTranslation();
  const [deciding, setDeciding] = useState<PeriodView | null>(null);
  const lang = useLang();
  return (
    <Box component="section" aria-labelledby={`periods-${e.id}`} data-testid="obligation-periods">
      <Typography variant="subtitle1" component="h4" id={`periods-${e.id}`}>
        {t('programmes.periods.title')}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
        {t('programmes.periods.note')}
      </Typography>
      {e.periods.length === 0 ? (
        <Typography color="text.secondary">{t('programmes.periods.none')}</Typography>
      ) : (
        <Table size="small" aria-label={t('programmes.periods.title')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('programmes.periods.periodHead')}</TableCell>
              <TableCell>{t('programmes.periods.obligation')}</TableCell>
              <TableCell>{t('programmes.periods.dueHead')}</TableCell>
              <TableCell>{t('programmes.periods.decision')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {e.periods.map((p) => {
              const due = p.dueOn <= today;
              return (
                <TableRow key={`${p.obligation}-${p.period}`} data-testid={`period-${p.period}`}>
                  <TableCell>
                    {t('programmes.periods.period', { n: p.period })} ·{' '}
                    {t('programmes.periods.range', { from: p.from, to: p.to })}
                  </TableCell>
                  <TableCell>{lang === 'en' ? p.obligationEn : p.obligationKo}</TableCell>
                  <TableCell>{p.dueOn}</TableCell>
                  <TableCell>
                    <Chip
                      size="small"
                      color={
                        p.decision
                          ? p.decision.decision === 'met'
                            ? 'success'
                            : 'error'
                          : due
                            ? 'warning'
                            : 'default'
                      }
                      label={
                        p.decision
                          ? `${t(`programmes.periods.${p.decision.decision}`)}${p.decision.reasonCode ? ` · ${t(`programmes.reasons.${p.decision.reasonCode}`)}` : ''}`
                          : t('programmes.periods.undecided')
                      }
                    />
                    {p.conflict && (
                      <Typography variant="caption" color="error" component="p">
                        {t('programmes.periods.conflict')}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell align="right">
                    <Button
                      size="small"
                      onClick={() => setDeciding(p)}
                      data-testid={`period-decide-${p.period}`}
                    >
                      {t(p.decision ? 'programmes.periods.correct' : 'programmes.periods.decide')}
                    </Button>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {deciding && (
        <DecideDialog
          e={e}
          period={deciding}
          today={today}
          onClose={() => setDeciding(null)}
          onDone={(v) => {
            setDeciding(null);
            onDone(v);
          }}
        />
      )}
    </Box>
  );
}

function DecideDialog({
  e,
  period,
  today,
  onClose,
  onDone,
}: {
  e: EnrolmentView;
  period: PeriodView;
  today: string;
  onClose: () => void;
  onDone: (v: EnrolmentView) => void;
}) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<'met' | 'not-met'>('met');
  const [reason, setReason] = useState<string>('');
  const [text, setText] = useState('');
  const [on, setOn] = useState(today);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const reasons = decision === 'met' ? MET_REASONS : NOT_MET_REASONS;
  async function save() {
    setBusy(true);
    setError(null);
    try {
      onDone(
        await call('programmes:decidePeriod', {
          enrolmentId: e.id,
          obligation: period.obligation,
          period: period.period,
          decision,
          reasonCode: reason || null,
          reasonText: text,
          on,
          corrects: period.decision?.id ?? null,
        }),
      );
    } catch (err) {
      setError(errorOf(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Dialog open onClose={onClose} aria-labelledby="period-dialog-title" fullWidth maxWidth="sm">
      <DialogTitle id="period-dialog-title">
        {t('programmes.periods.period', { n: period.period })} ·{' '}
        {t('programmes.periods.range', { from: period.from, to: period.to })}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <RadioGroup
            row
            value={decision}
            onChange={(ev) => {
              setDecision(ev.target.value as 'met' | 'not-met');
              setReason('');
            }}
            aria-label={t('programmes.periods.decision')}
          >
            <FormControlLabel
              value="met"
              control={<Radio />}
              label={t('programmes.periods.met')}
              data-testid="period-met"
            />
            <FormControlLabel
              value="not-met"
              control={<Radio />}
              label={t('programmes.periods.not-met')}
              data-testid="period-not-met"
            />
          </RadioGroup>
          <TextField
            select
            size="small"
            label={t('programmes.periods.reason')}
            value={reason}
            onChange={(ev) => setReason(ev.target.value)}
            error={error?.field === 'reasonCode'}
            data-testid="period-reason"
          >
            {decision === 'met' && <MenuItem value="">-</MenuItem>}
            {reasons.map((r) => (
              <MenuItem key={r} value={r}>
                {t(`programmes.reasons.${r}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            size="small"
            label={t('programmes.periods.reasonText')}
            value={text}
            onChange={(ev) => setText(ev.target.value)}
            slotProps={{ htmlInput: { maxLength: 2000, 'data-testid': 'period-text' } }}
          />
          <DateField size="small" label={t('programmes.periods.on')} value={on} onChange={setOn} />
          {error && (
            <Alert severity="error" role="alert">
              {t(error.message)}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('jobseekers.cancel')}</Button>
        <Button variant="contained" onClick={() => void save()} disabled={busy} data-testid="period-save">
          {t('programmes.periods.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
