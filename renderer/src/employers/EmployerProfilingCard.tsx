import {
  Alert,
  Box,
  Button,
  FormControlLabel,
  FormLabel,
  MenuItem,
  Paper,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/contract/result.ts';
import {
  EMPLOYER_OVERRIDE_REASONS,
  type EmployerDetail,
  type EmployerOverrideReason,
} from '../../../shared/domain/employers.ts';
import {
  classifyEmployer,
  EMPLOYER_TYPE_VALUES,
  LEVEL_OPTIONS,
  type EmployerType,
  type Level,
} from '../../../shared/profiling/index.ts';
import { OCCUPATIONS } from '../../../shared/reference/index.ts';
import { call } from '../api.ts';
import { dayLabel, EmployerTypeChip, errorOf, useLang } from './common.tsx';
import { SectionTitle } from './SectionTitle.tsx';

// The employer's profiling: the live classification, the counselor's override, its history.

export function ProfilingCard({
  detail,
  onSaved,
}: {
  detail: EmployerDetail;
  onSaved: (d: EmployerDetail) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const latest = detail.assessments[0];
  const [open, setOpen] = useState(detail.assessments.length === 0);
  // The same conditions wherever the work is done (care, security, cleaning): suggested from the openings.
  const uniformSuggested = detail.openings.some(
    (o) => OCCUPATIONS.find((x) => x.code === o.occupation)?.uniformConditions,
  );
  const [uniform, setUniform] = useState<'' | 'true' | 'false'>(
    latest ? (String(latest.inputs.uniformConditions) as 'true' | 'false') : uniformSuggested ? 'true' : '',
  );
  const [wage, setWage] = useState<Level | ''>(latest?.inputs.wage ?? '');
  const [welfare, setWelfare] = useState<Level | ''>(latest?.inputs.welfare ?? '');
  const [recognition, setRecognition] = useState<Level | ''>(latest?.inputs.recognition ?? '');
  const [employees, setEmployees] = useState(String(detail.employer.employees));
  const [decision, setDecision] = useState<'accepted' | 'overridden'>('accepted');
  const [finalType, setFinalType] = useState<EmployerType | ''>('');
  const [reasonCode, setReasonCode] = useState<EmployerOverrideReason | ''>('');
  const [reasonText, setReasonText] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const profile = useMemo(() => {
    const n = Number(employees);
    if (!uniform || !wage || !welfare || !recognition || !Number.isInteger(n) || n < 1) return null;
    return { uniformConditions: uniform === 'true', wage, welfare, recognition, employees: n };
  }, [uniform, wage, welfare, recognition, employees]);
  const result = profile ? classifyEmployer(profile) : null;

  async function save() {
    if (!profile) return;
    setBusy(true);
    setError(null);
    try {
      const next = await call('employers:assess', {
        employerId: detail.employer.id,
        profile,
        decision,
        ...(decision === 'overridden'
          ? {
              ...(finalType ? { finalType } : {}),
              ...(reasonCode ? { overrideReasonCode: reasonCode } : {}),
              overrideReasonText: reasonText,
            }
          : {}),
      });
      onSaved(next);
      setOpen(false);
    } catch (e) {
      setError(errorOf(e));
    } finally {
      setBusy(false);
    }
  }

  const levelSelect = (label: string, value: Level | '', set: (v: Level) => void, testId: string) => (
    <TextField
      select
      label={label}
      value={value}
      onChange={(e) => set(e.target.value as Level)}
      data-testid={testId}
      sx={{ minWidth: 200 }}
    >
      {LEVEL_OPTIONS.map((l) => (
        <MenuItem key={l} value={l}>
          {t(`employerProfile.${testId.replace('profile-', '')}.option.${l}`)}
        </MenuItem>
      ))}
    </TextField>
  );

  const shown = open ? result : latest ? latest.result : null;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="profiling-card">
      <SectionTitle
        action={
          !open && (
            <Button onClick={() => setOpen(true)} data-testid="reclassify">
              {t('employers.profiling.redo')}
            </Button>
          )
        }
      >
        {t('employers.profiling.title')}
      </SectionTitle>
      {!latest && !open && <Typography color="text.secondary">{t('employers.profiling.none')}</Typography>}
      {open && (
        <Stack spacing={2} sx={{ mb: 2 }}>
          {!latest && <Typography color="text.secondary">{t('employers.profiling.none')}</Typography>}
          <Box>
            <FormLabel id="uniform-label">{t('employerProfile.uniformConditions.label')}</FormLabel>
            <RadioGroup
              row
              aria-labelledby="uniform-label"
              value={uniform}
              onChange={(e) => setUniform(e.target.value as 'true' | 'false')}
            >
              <FormControlLabel
                value="true"
                control={<Radio data-testid="profile-uniform-yes" />}
                label={t('employerProfile.uniformConditions.option.true')}
              />
              <FormControlLabel
                value="false"
                control={<Radio data-testid="profile-uniform-no" />}
                label={t('employerProfile.uniformConditions.option.false')}
              />
            </RadioGroup>
          </Box>
          <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
            {levelSelect(t('employerProfile.wage.label'), wage, setWage, 'profile-wage')}
            {levelSelect(t('employerProfile.welfare.label'), welfare, setWelfare, 'profile-welfare')}
            {levelSelect(
              t('employerProfile.recognition.label'),
              recognition,
              setRecognition,
              'profile-recognition',
            )}
            <TextField
              label={t('employerProfile.employees.label')}
              value={employees}
              onChange={(e) => setEmployees(e.target.value)}
              slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'profile-employees' } }}
              sx={{ width: 140 }}
            />
          </Stack>
        </Stack>
      )}
      {shown && (
        <Box sx={{ bgcolor: 'grey.50', borderRadius: 1, p: 2 }} data-testid="profiling-result">
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
            <Typography sx={{ fontWeight: 700 }}>
              {open ? t('employers.profiling.result') : t('employers.profiling.current')}
            </Typography>
            <EmployerTypeChip type={open ? shown.type : detail.employer.currentType} size="medium" />
            <Typography variant="body2" color="text.secondary">
              {t('employers.profiling.score', { score: shown.score })}
            </Typography>
          </Stack>
          <Box sx={{ display: 'grid', gridTemplateColumns: '160px 1fr', rowGap: 0.5, columnGap: 2 }}>
            <Typography variant="body2" color="text.secondary">
              {t('employer.stage1')}
            </Typography>
            <Typography variant="body2" data-testid="stage1">
              {t(shown.stage1)}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {t('employer.stage2')}
            </Typography>
            <Typography variant="body2" data-testid="stage2">
              {t(shown.stage2)}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {t('employers.profiling.reasons')}
            </Typography>
            <Box component="ul" sx={{ m: 0, pl: 2 }}>
              {shown.reasons.map((r) => (
                <Typography component="li" variant="body2" key={r}>
                  {t(r)}
                </Typography>
              ))}
            </Box>
          </Box>
          {!open && latest?.decision === 'overridden' && (
            <Alert severity="info" sx={{ mt: 1 }}>
              {t('employers.profiling.overridden', { type: t(`employer.type.${latest.finalType}`) })} —{' '}
              {t(`employers.override.reason.${latest.overrideReasonCode ?? 'other'}`)}:{' '}
              {latest.overrideReasonText}
            </Alert>
          )}
        </Box>
      )}
      {open && result && (
        <Stack spacing={2} sx={{ mt: 2 }}>
          <RadioGroup
            row
            value={decision}
            onChange={(e) => setDecision(e.target.value as 'accepted' | 'overridden')}
          >
            <FormControlLabel
              value="accepted"
              control={<Radio data-testid="decision-accept" />}
              label={t('employers.profiling.accept')}
            />
            <FormControlLabel
              value="overridden"
              control={<Radio data-testid="decision-override" />}
              label={t('employers.profiling.override')}
            />
          </RadioGroup>
          {decision === 'overridden' && (
            <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
              <TextField
                select
                label={t('employers.profiling.finalType')}
                value={finalType}
                onChange={(e) => setFinalType(e.target.value as EmployerType)}
                sx={{ minWidth: 220 }}
              >
                {EMPLOYER_TYPE_VALUES.filter((v) => v !== result.type).map((v) => (
                  <MenuItem key={v} value={v}>
                    {t(`employer.type.${v}`)}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                select
                label={t('employers.profiling.overrideReason')}
                value={reasonCode}
                onChange={(e) => setReasonCode(e.target.value as EmployerOverrideReason)}
                sx={{ minWidth: 260 }}
              >
                {EMPLOYER_OVERRIDE_REASONS.map((v) => (
                  <MenuItem key={v} value={v}>
                    {t(`employers.override.reason.${v}`)}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                label={t('employers.profiling.overrideText')}
                value={reasonText}
                onChange={(e) => setReasonText(e.target.value)}
                sx={{ flex: 1, minWidth: 280 }}
              />
            </Stack>
          )}
          {error && (
            <Alert severity="error">
              {error.issues?.length ? error.issues.map((i) => t(i.message)).join(' ') : t(error.message)}
            </Alert>
          )}
          <Stack direction="row" spacing={1}>
            <Button
              variant="contained"
              onClick={() => void save()}
              disabled={busy}
              data-testid="save-classification"
            >
              {t('employers.save')}
            </Button>
            {latest && <Button onClick={() => setOpen(false)}>{t('employers.cancel')}</Button>}
          </Stack>
        </Stack>
      )}
      {detail.assessments.length > 0 && (
        <Box sx={{ mt: 2 }}>
          <Typography variant="subtitle2" sx={{ fontWeight: 700 }}>
            {t('employers.profiling.history')}
          </Typography>
          {detail.assessments.map((a) => (
            <Typography variant="body2" key={a.id} color="text.secondary" data-testid="assessment-row">
              {dayLabel(a.createdAt, lang)} ·{' '}
              {t('employers.profiling.computed', { type: t(`employer.type.${a.result.type}`) })} ·{' '}
              {a.decision === 'accepted'
                ? t('employers.profiling.accepted')
                : `${t('employers.profiling.overridden', { type: t(`employer.type.${a.finalType}`) })} (${a.overrideReasonText ?? ''})`}{' '}
              · {a.createdByName ?? ''}
            </Typography>
          ))}
        </Box>
      )}
    </Paper>
  );
}

// ---- The recruitment-support package (기업채용지원패키지) ----
