import {
  Alert,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/contract/result.ts';
import {
  PACKAGE_STAGES,
  PACKAGE_STEP_STATUSES,
  type EmployerDetail,
  type PackageStepRecord,
  type PackageStepStatus,
} from '../../../shared/domain/employers.ts';
import { call } from '../api.ts';
import { dayLabel, errorOf, todayLocal, useLang } from './common.tsx';
import { SectionTitle } from './SectionTitle.tsx';
import { DateField } from '../common/DateField.tsx';

// The service package steps and the dialog that records one.

export const STATUS_COLOR = {
  planned: 'default',
  'in-progress': 'primary',
  done: 'success',
  'not-needed': 'default',
} as const;

export function PackageCard({
  detail,
  onSaved,
}: {
  detail: EmployerDetail;
  onSaved: (d: EmployerDetail) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const p = detail.package;
  const [editing, setEditing] = useState<PackageStepRecord | null>(null);
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="package-card">
      <SectionTitle>{t('package.title')}</SectionTitle>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('package.intro')}
      </Typography>
      <Stack direction="row" spacing={1} sx={{ mb: 2, alignItems: 'center' }} data-testid="package-summary">
        {!p.started ? (
          <Chip label={t('package.notStarted')} />
        ) : p.currentStage ? (
          <Chip
            color="primary"
            label={t('package.current', { stage: t(`package.stage.${p.currentStage}`) })}
          />
        ) : (
          <Chip color="success" label={t('package.allDone')} />
        )}
        <Typography variant="body2">{t('package.progress', { done: p.done, total: p.total })}</Typography>
      </Stack>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(4, minmax(0, 1fr))', gap: 1.5 }}>
        {PACKAGE_STAGES.map(({ stage }) => (
          <Box
            key={stage}
            sx={{
              border: 1,
              borderColor: p.currentStage === stage ? 'primary.main' : 'divider',
              borderWidth: p.currentStage === stage ? 2 : 1,
              borderRadius: 1,
              p: 1.5,
            }}
          >
            <Typography sx={{ fontWeight: 700, mb: 1 }}>{t(`package.stage.${stage}`)}</Typography>
            <Stack spacing={1}>
              {p.steps
                .filter((s) => s.stage === stage)
                .map((s) => (
                  <Box key={s.step} data-testid={`package-step-${s.step}`}>
                    <Typography variant="body2">{t(`package.step.${s.step}`)}</Typography>
                    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                      <Chip
                        size="small"
                        color={s.status ? STATUS_COLOR[s.status] : 'default'}
                        variant={s.status ? 'filled' : 'outlined'}
                        label={t(`package.status.${s.status ?? 'none'}`)}
                      />
                      {s.on && <Typography variant="caption">{dayLabel(s.on, lang)}</Typography>}
                      <Box sx={{ flex: 1 }} />
                      <Button
                        size="small"
                        onClick={() => setEditing(s)}
                        aria-label={`${t('package.record')}: ${t(`package.step.${s.step}`)}`}
                      >
                        {t('package.record')}
                      </Button>
                    </Stack>
                    {s.note && (
                      <Typography variant="caption" color="text.secondary">
                        {s.note}
                      </Typography>
                    )}
                    {s.history.length > 0 && (
                      <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                        {t('package.history', { count: s.history.length })}
                      </Typography>
                    )}
                  </Box>
                ))}
            </Stack>
          </Box>
        ))}
      </Box>
      {editing && (
        <PackageStepDialog
          step={editing}
          employerId={detail.employer.id}
          onClose={() => setEditing(null)}
          onSaved={(next) => {
            setEditing(null);
            onSaved(next);
          }}
        />
      )}
    </Paper>
  );
}

export function PackageStepDialog(props: {
  step: PackageStepRecord;
  employerId: string;
  onClose: () => void;
  onSaved: (d: EmployerDetail) => void;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<PackageStepStatus>(props.step.status ?? 'in-progress');
  const [on, setOn] = useState(props.step.on ?? todayLocal());
  const [note, setNote] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  async function save() {
    try {
      props.onSaved(
        await call('employers:recordPackageStep', {
          employerId: props.employerId,
          step: props.step.step,
          status,
          on: on || null,
          note,
        }),
      );
    } catch (e) {
      setError(errorOf(e));
    }
  }
  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="sm">
      <DialogTitle>{t(`package.step.${props.step.step}`)}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {error && <Alert severity="error">{t(error.message)}</Alert>}
          <TextField
            select
            label={t('package.field.status')}
            value={status}
            onChange={(e) => setStatus(e.target.value as PackageStepStatus)}
          >
            {PACKAGE_STEP_STATUSES.map((s) => (
              <MenuItem key={s} value={s}>
                {t(`package.status.${s}`)}
              </MenuItem>
            ))}
          </TextField>
          <DateField
            label={t('package.field.on')}
            value={on}
            onChange={(day) => setOn(day)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            label={t('package.field.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            multiline
            minRows={2}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('employers.cancel')}</Button>
        <Button variant="contained" onClick={() => void save()} data-testid="save-package-step">
          {t('employers.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

// ---- Openings of this employer ----
