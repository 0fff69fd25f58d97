import {
  Alert,
  Box,
  Button,
  Chip,
  Divider,
  MenuItem,
  Paper,
  Stack,
  Step,
  StepLabel,
  Stepper,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrolmentView } from '../../../shared/contract/programmes.ts';
import type { AppError } from '../../../shared/contract/result.ts';
import type { ProgrammeStage } from '../../../shared/programmes/catalogue.ts';
import { call } from '../api.ts';
import { DateField } from '../common/DateField.tsx';
import { errorOf, useLang } from '../employers/common.tsx';
import { DecisionForm, PrecheckForm, PrecheckResult } from './EligibilityForms.tsx';
import { ObligationPeriods } from './ObligationPeriods.tsx';
import { PlanEditor } from './PlanEditor.tsx';

// One enrolment: the stage stepper (each stage's day; the current one's deadline, red when past), then
// what the stage asks for: the pre-check and the decision, the action plan, the obligation periods; and
// the move to the next stage (ending needs an outcome of the catalogue).

export function EnrolmentCard({
  e,
  today,
  outcomes,
  onChange,
}: {
  e: EnrolmentView;
  today: string;
  outcomes: Array<{ code: string; ko: string; en: string }>;
  onChange: (v: EnrolmentView) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const active = e.steps.findIndex((s) => s.state === 'current');
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid={`enrolment-${e.programmeCode}`} data-stage={e.stage}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h3" sx={{ flex: 1 }}>
          {lang === 'en' ? e.programmeEn : e.programmeKo}
        </Typography>
        {e.outcome && (
          <Chip
            color="primary"
            label={`${t('programmes.outcome')}: ${lang === 'en' ? e.outcome.en : e.outcome.ko}`}
          />
        )}
        <Typography variant="body2" color="text.secondary">
          {t('programmes.enrolledOn', { day: e.enrolledOn })} ·{' '}
          {t('programmes.counselor', { name: e.counselorName ?? '' })} ·{' '}
          {t('programmes.edition', { version: e.catalogueVersion })}
        </Typography>
      </Stack>
      <Stepper
        activeStep={active}
        alternativeLabel
        aria-label={t('programmes.title')}
        data-testid="stage-stepper"
      >
        {e.steps.map((s) => (
          <Step key={s.stage} completed={s.state === 'done'}>
            <StepLabel
              error={s.overdue}
              optional={
                <Typography variant="caption" color={s.overdue ? 'error' : 'text.secondary'} component="span">
                  {s.state === 'skipped'
                    ? t('programmes.skipped')
                    : [
                        s.startedOn ? t('programmes.startedOn', { day: s.startedOn }) : '',
                        s.dueOn
                          ? t(s.overdue ? 'programmes.overdue' : 'programmes.due', { day: s.dueOn })
                          : '',
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                </Typography>
              }
            >
              {t(`programmes.stage.${s.stage}`)}
            </StepLabel>
          </Step>
        ))}
      </Stepper>
      <Stack spacing={2} divider={<Divider flexItem />} sx={{ mt: 2 }}>
        {(e.stage === 'eligibility' || e.eligibility.meets !== null) && (
          <Box>
            <PrecheckResult e={e} />
            {e.stage === 'eligibility' && e.decision === null && (
              <PrecheckForm key={e.eligibility.checkedOn ?? ''} e={e} onDone={onChange} />
            )}
            {e.decision && (
              <Typography variant="body2" sx={{ mt: 1 }} data-testid="decision-made">
                <strong>{t(`programmes.decision.${e.decision.decision}`)}</strong> ·{' '}
                {t(`programmes.reasons.${e.decision.reasonCode}`)}
                {e.decision.reasonText ? ` (${e.decision.reasonText})` : ''} ·{' '}
                {t('programmes.decision.by', {
                  day: e.decision.decidedOn,
                  name: e.decision.decidedByName ?? '',
                })}
              </Typography>
            )}
          </Box>
        )}
        {e.stage === 'eligibility' && e.decision === null && e.eligibility.meets !== null && (
          <DecisionForm key={String(e.eligibility.meets)} e={e} onDone={onChange} />
        )}
        {(e.plan || ['plan', 'service', 'follow-up'].includes(e.stage)) && (
          <PlanEditor key={e.plan?.id ?? 'new'} e={e} today={today} onDone={onChange} />
        )}
        {(e.periods.length > 0 || e.stage === 'service') && (
          <ObligationPeriods e={e} today={today} onDone={onChange} />
        )}
        {e.nextStages.length > 0 && (
          <MoveForm
            key={`${e.stage}-${e.decision?.decision ?? ''}`}
            e={e}
            today={today}
            outcomes={outcomes}
            onDone={onChange}
          />
        )}
      </Stack>
    </Paper>
  );
}

function MoveForm({
  e,
  today,
  outcomes,
  onDone,
}: {
  e: EnrolmentView;
  today: string;
  outcomes: Array<{ code: string; ko: string; en: string }>;
  onDone: (v: EnrolmentView) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  // Forward first; ending early is the last choice.
  const choices = e.decision?.decision === 'admit' ? e.nextStages : e.nextStages.filter((s) => s === 'ended');
  const [to, setTo] = useState<ProgrammeStage>(choices[0] ?? 'ended');
  const [on, setOn] = useState(today);
  const [outcome, setOutcome] = useState(e.decision?.decision === 'refuse' ? 'ineligible' : '');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  if (e.decision === null) return null;
  async function save() {
    setBusy(true);
    setError(null);
    try {
      onDone(
        await call('programmes:move', {
          enrolmentId: e.id,
          to,
          on,
          outcome: to === 'ended' ? outcome || null : null,
        }),
      );
    } catch (err) {
      setError(errorOf(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Box component="section" aria-labelledby={`move-${e.id}`} data-testid="stage-move">
      <Typography variant="subtitle1" component="h4" id={`move-${e.id}`} sx={{ mb: 1 }}>
        {t('programmes.move.title')}
      </Typography>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <TextField
          select
          size="small"
          label={t('programmes.move.to')}
          value={to}
          onChange={(ev) => setTo(ev.target.value as ProgrammeStage)}
          sx={{ minWidth: 200 }}
          data-testid="move-to"
        >
          {choices.map((s) => (
            <MenuItem key={s} value={s}>
              {t(`programmes.stage.${s}`)}
            </MenuItem>
          ))}
        </TextField>
        {to === 'ended' && (
          <TextField
            select
            size="small"
            label={t('programmes.outcome')}
            value={outcome}
            onChange={(ev) => setOutcome(ev.target.value)}
            sx={{ minWidth: 200 }}
            error={error?.field === 'outcome'}
            data-testid="move-outcome"
          >
            {outcomes.map((o) => (
              <MenuItem key={o.code} value={o.code}>
                {lang === 'en' ? o.en : o.ko}
              </MenuItem>
            ))}
          </TextField>
        )}
        <DateField
          size="small"
          label={t('programmes.move.on')}
          value={on}
          onChange={setOn}
          sx={{ width: 170 }}
          slotProps={{ htmlInput: { 'data-testid': 'move-on' } }}
        />
        <Button variant="outlined" onClick={() => void save()} disabled={busy} data-testid="move-save">
          {t('programmes.move.save')}
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
