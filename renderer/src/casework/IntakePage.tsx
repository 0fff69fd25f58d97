import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  CircularProgress,
  Divider,
  FormControlLabel,
  FormHelperText,
  Paper,
  Stack,
  Typography,
} from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { OVERRIDE_REASON_CODES } from '../../../shared/casework/intake.ts';
import { proposedReassessment, typeOfTrack } from '../../../shared/casework/intake.ts';
import { type CaseFile } from '../../../shared/casework/types.ts';
import { type ChecklistItem, type JobseekerTrack } from '../../../shared/profiling/index.ts';
import { ApiError, call } from '../api.ts';
import { useFormDraft } from '../data/drafts.tsx';
import {
  classifyAnswers,
  EMPTY_INTAKE,
  fromPrefill,
  missingItems,
  toAnswers,
  type IntakeFormValues,
  type SetState,
} from './intakeForm.ts';
import { handOffCaseFile, todayLocal, useCaseFile } from './useCaseFile.ts';
import { ConsentSection } from './IntakeConsent.tsx';
import { DecisionSection } from './IntakeDecision.tsx';
import { SetItem, SingleItem } from './IntakeItems.tsx';
import { LivePanel, SHORT } from './IntakeLivePanel.tsx';

// 심층 진입상담: the checklist of domain.md §3 with the classification shown live beside it, consent
// per item group (§10), and the counselor's decision. The kiosk queue may open it with
// `location.state.prefill` (motivation items answered at the kiosk), which the counselor confirms.

const GROUPS: Array<{ key: string; items: ChecklistItem[] }> = [
  { key: 'motivation', items: ['searchActivities4w', 'startWish', 'willToWork'] },
  { key: 'ability', items: ['preparation', 'experience', 'sinceLastJob', 'barriers'] },
  { key: 'economic', items: ['economicHardship'] },
  { key: 'direction', items: ['fieldDecided', 'mobile'] },
];

interface IntakeLocationState {
  prefill?: unknown;
  checkinId?: string;
}

export function IntakePage() {
  const { id = '' } = useParams();
  const { file, error } = useCaseFile(id);
  const { t } = useTranslation();
  if (error) return <Alert severity="error">{t(error)}</Alert>;
  if (!file) return <CircularProgress />;
  return <IntakeForm key={id} file={file} />;
}

function IntakeForm({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as IntakeLocationState;
  const prefill = useMemo(() => fromPrefill(state.prefill), [state.prefill]);
  const consent = file.consent.current;
  const { control, handleSubmit, setValue, getValues, reset, formState } = useForm<IntakeFormValues>({
    defaultValues: {
      ...EMPTY_INTAKE,
      ...prefill.values,
      consentRequired: consent.required?.granted ?? false,
      consentOptional: consent.optional?.granted ?? false,
      consentSensitive: consent.sensitive?.granted ?? false,
    },
  });
  const values = useWatch({ control }) as IntakeFormValues;
  const draft = useFormDraft({
    form: 'intake',
    recordKey: file.jobseeker.id,
    values,
    dirty: formState.isDirty,
    // Against the form's own defaults, so the restored answers count as changes still to save.
    restore: (kept) => reset(kept, { keepDefaultValues: true }),
  });
  const [kioskItems, setKioskItems] = useState<ChecklistItem[]>(prefill.items);
  const [formError, setFormError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  const answers = toAnswers(values, kioskItems);
  const result = answers ? classifyAnswers(answers) : null;
  const missing = missingItems(values);
  const finalTrack: JobseekerTrack | null =
    values.decision === 'overridden' && values.overrideTrack
      ? (values.overrideTrack as JobseekerTrack)
      : (result?.track ?? null);
  const today = todayLocal();
  const proposed = finalTrack ? proposedReassessment(finalTrack, today) : null;
  const sensitiveAllowed = values.consentSensitive;

  // An answer the counselor changes is theirs now, no longer the kiosk's.
  const touched = (item: ChecklistItem) => setKioskItems((items) => items.filter((i) => i !== item));

  // Without consent to sensitive data, welfare answers cannot be taken: they are recorded as declined,
  // and a health barrier cannot be ticked.
  const economicState = values.economicHardshipState;
  const hasHealth = values.barriers.includes('health');
  useEffect(() => {
    if (sensitiveAllowed) return;
    if (economicState !== 'declined') {
      setValue('economicHardshipState', 'declined');
      setValue('economicHardship', []);
    }
    if (hasHealth) {
      const rest = getValues('barriers').filter((b) => b !== 'health');
      setValue('barriers', rest);
      if (rest.length === 0) setValue('barriersState', '');
    }
  }, [sensitiveAllowed, economicState, hasHealth, setValue, getValues]);

  async function save(v: IntakeFormValues) {
    setFormError(null);
    setFieldErrors({});
    const a = toAnswers(v, kioskItems);
    const errors: Record<string, string> = {};
    if (!v.consentRequired) errors['consent'] = 'intake.consentRequiredMissing';
    if (!a) errors['items'] = 'intake.incomplete';
    if (kioskItems.length > 0 && !v.kioskConfirmed) errors['kiosk'] = 'intake.kioskConfirmRequired';
    if (v.decision === 'overridden') {
      if (!v.overrideTrack) errors['overrideTrack'] = 'intake.override.trackRequired';
      else if (result && v.overrideTrack === result.track)
        errors['overrideTrack'] = 'intake.override.sameTrack';
      if (!v.reasonCode) errors['reasonCode'] = 'intake.override.reasonCodeRequired';
      if (!v.reasonText.trim()) errors['reasonText'] = 'intake.override.reasonTextRequired';
    }
    if (Object.keys(errors).length > 0 || !a) {
      setFieldErrors(errors);
      setFormError(Object.values(errors)[0] ?? 'validation.failed');
      return;
    }
    setSaving(true);
    try {
      const track = v.decision === 'overridden' ? (v.overrideTrack as JobseekerTrack) : result?.track;
      const needsDate = track ? typeOfTrack(track) === 'needs-preparation' : false;
      // One call, one transaction (electron/services/intake-save.ts); its answer is the case file the
      // assessments tab shows, handed over instead of read again.
      const saved = await call('casework:saveIntake', {
        consent: { required: v.consentRequired, optional: v.consentOptional, sensitive: v.consentSensitive },
        assessment: {
          jobseekerId: file.jobseeker.id,
          answers: a,
          decision:
            v.decision === 'overridden'
              ? {
                  kind: 'overridden',
                  track: v.overrideTrack as JobseekerTrack,
                  reasonCode: v.reasonCode as (typeof OVERRIDE_REASON_CODES)[number],
                  reasonText: v.reasonText,
                }
              : { kind: 'accepted' },
          reassessDueOn: needsDate ? v.reassessDueOn || null : null,
          ...(state.checkinId ? { checkinId: state.checkinId } : {}),
        },
      });
      // Leaving no longer asks at once; the kept draft is removed on the way (not waited for).
      void draft.clear();
      handOffCaseFile(saved);
      void navigate(`/jobseekers/${file.jobseeker.id}/assessments`, { state: { saved: 'intake.saved' } });
    } catch (e) {
      if (e instanceof ApiError) {
        const issues = e.error.issues ?? [];
        const next: Record<string, string> = {};
        for (const issue of issues) {
          if (issue.field.includes('reasonText')) next['reasonText'] = issue.message;
          else if (issue.field.includes('reasonCode')) next['reasonCode'] = issue.message;
          else if (issue.field.includes('track')) next['overrideTrack'] = issue.message;
          else if (issue.field.includes('reassessDueOn')) next['reassessDueOn'] = issue.message;
        }
        if (e.error.field === 'reassessDueOn') next['reassessDueOn'] = e.error.message;
        if (e.error.field === 'decision.track') next['overrideTrack'] = e.error.message;
        setFieldErrors(next);
        setFormError(issues[0]?.message ?? e.error.message);
      } else setFormError('errors.internal');
    } finally {
      setSaving(false);
    }
  }

  return (
    <Box sx={{ overflow: 'auto', minHeight: 0 }}>
      <Stack spacing={2} sx={{ maxWidth: 1280 }}>
        <Box>
          <Button
            component={Link}
            to={`/jobseekers/${file.jobseeker.id}/assessments`}
            startIcon={<ArrowBackIcon />}
          >
            {t('intake.back')}
          </Button>
        </Box>
        <Box>
          <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
            {t('intake.title')}
          </Typography>
          <Typography color="text.secondary" data-testid="intake-for">
            {t('intake.for', { name: file.jobseeker.name, regNo: file.jobseeker.regNo })}
          </Typography>
          {draft.banner}
          {draft.guard}
        </Box>
        <Box
          component="form"
          noValidate
          onSubmit={(e) => void handleSubmit(save)(e)}
          sx={{
            display: 'grid',
            gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1fr) 380px' },
            gap: 3,
            alignItems: 'start',
          }}
        >
          <Stack spacing={2}>
            {prefill.items.length > 0 && (
              <Alert severity="info" data-testid="kiosk-prefill">
                <Typography sx={{ fontWeight: 700 }}>{t('intake.kioskTitle')}</Typography>
                <Typography variant="body2">{t('intake.kioskBody')}</Typography>
                {kioskItems.length > 0 && (
                  <Controller
                    control={control}
                    name="kioskConfirmed"
                    render={({ field }) => (
                      <FormControlLabel
                        control={
                          <Checkbox
                            checked={field.value}
                            onChange={(e) => field.onChange(e.target.checked)}
                          />
                        }
                        label={t('intake.kioskConfirm')}
                        data-testid="kiosk-confirm"
                      />
                    )}
                  />
                )}
                {fieldErrors['kiosk'] && <FormHelperText error>{t(fieldErrors['kiosk'])}</FormHelperText>}
              </Alert>
            )}
            <ConsentSection control={control} error={fieldErrors['consent']} />
            {GROUPS.map((group) => (
              <Paper key={group.key} variant="outlined" sx={{ p: 2.5 }} component="fieldset">
                <Typography variant="h6" component="legend" sx={{ px: 0.5, fontWeight: 700 }}>
                  {t(`checklist.group.${group.key}`)}
                </Typography>
                <Stack spacing={2.5} divider={<Divider flexItem />}>
                  {group.items.map((item) =>
                    item === 'barriers' || item === 'economicHardship' ? (
                      <SetItem
                        key={item}
                        item={item}
                        control={control}
                        sensitiveAllowed={sensitiveAllowed}
                        fromKiosk={kioskItems.includes(item)}
                        onTouched={() => touched(item)}
                        setState={(s: SetState, list: string[]) => {
                          setValue(`${item}State`, s);
                          setValue(item, list);
                        }}
                        getList={() => getValues(item)}
                        missing={Boolean(fieldErrors['items']) && missing.includes(item)}
                      />
                    ) : (
                      <SingleItem
                        key={item}
                        item={item}
                        control={control}
                        fromKiosk={kioskItems.includes(item)}
                        onTouched={() => touched(item)}
                        missing={Boolean(fieldErrors['items']) && missing.includes(item)}
                      />
                    ),
                  )}
                </Stack>
              </Paper>
            ))}
            <DecisionSection
              control={control}
              computedTrack={result?.track ?? null}
              enabled={result !== null}
              finalTrack={finalTrack}
              proposed={proposed}
              errors={fieldErrors}
            />
            {formError && (
              <Alert severity="error" data-testid="intake-error">
                {t(formError, {
                  items: missing.map((m) => t(SHORT[m])).join(', '),
                })}
              </Alert>
            )}
            <Box>
              <Button
                type="submit"
                variant="contained"
                size="large"
                disabled={saving}
                data-testid="save-assessment"
              >
                {t('intake.save')}
              </Button>
            </Box>
          </Stack>
          <LivePanel values={values} result={result} missing={missing} />
        </Box>
      </Stack>
    </Box>
  );
}
