import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Chip,
  CircularProgress,
  Divider,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  Paper,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { Controller, useForm, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { OVERRIDE_REASON_CODES, proposedReassessment, typeOfTrack } from '../../../shared/casework/intake.ts';
import { CONSENT_NOTICE_VERSION, type CaseFile } from '../../../shared/casework/types.ts';
import {
  BARRIER_OPTIONS,
  CHECKLIST_ITEMS,
  CHECKLIST_OPTIONS,
  ECONOMIC_HARDSHIP_OPTIONS,
  JOBSEEKER_TRACK_VALUES,
  jobseekerService,
  type ChecklistItem,
  type JobseekerTrack,
} from '../../../shared/profiling/index.ts';
import { ApiError, call } from '../api.ts';
import {
  classifyAnswers,
  EMPTY_INTAKE,
  fromPrefill,
  missingItems,
  partialScores,
  pointsOf,
  toAnswers,
  type IntakeFormValues,
  type SetState,
} from './intakeForm.ts';
import { todayLocal, useCaseFile } from './useCaseFile.ts';

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
  const { control, handleSubmit, setValue, getValues } = useForm<IntakeFormValues>({
    defaultValues: {
      ...EMPTY_INTAKE,
      ...prefill.values,
      consentRequired: consent.required?.granted ?? false,
      consentOptional: consent.optional?.granted ?? false,
      consentSensitive: consent.sensitive?.granted ?? false,
    },
  });
  const values = useWatch({ control }) as IntakeFormValues;
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
      await call('casework:recordConsent', {
        jobseekerId: file.jobseeker.id,
        channel: 'counter',
        granted: { required: v.consentRequired, optional: v.consentOptional, sensitive: v.consentSensitive },
      });
      const track = v.decision === 'overridden' ? (v.overrideTrack as JobseekerTrack) : result?.track;
      const needsDate = track ? typeOfTrack(track) === 'needs-preparation' : false;
      await call('casework:saveAssessment', {
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
      });
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

function ConsentSection({
  control,
  error,
}: {
  control: Control<IntakeFormValues>;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const groups = [
    ['consentRequired', 'required'],
    ['consentOptional', 'optional'],
    ['consentSensitive', 'sensitive'],
  ] as const;
  return (
    <Paper variant="outlined" sx={{ p: 2.5 }} component="fieldset">
      <Typography variant="h6" component="legend" sx={{ px: 0.5, fontWeight: 700 }}>
        {t('intake.consentTitle')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('intake.consentHint', { version: CONSENT_NOTICE_VERSION })}
      </Typography>
      <Stack>
        {groups.map(([name, group]) => (
          <Controller
            key={name}
            control={control}
            name={name}
            render={({ field }) => (
              <FormControlLabel
                control={
                  <Checkbox
                    checked={field.value}
                    onChange={(e) => field.onChange(e.target.checked)}
                    slotProps={{ input: { 'data-testid': `consent-${group}` } as object }}
                  />
                }
                label={t(`consent.group_${group}`)}
              />
            )}
          />
        ))}
      </Stack>
      {error && <FormHelperText error>{t(error)}</FormHelperText>}
    </Paper>
  );
}

function KioskChip() {
  const { t } = useTranslation();
  return (
    <Chip size="small" color="info" label={t('intake.kioskChip')} data-testid="kiosk-chip" sx={{ ml: 1 }} />
  );
}

function SingleItem({
  item,
  control,
  fromKiosk,
  onTouched,
  missing,
}: {
  item: Exclude<ChecklistItem, 'barriers' | 'economicHardship'>;
  control: Control<IntakeFormValues>;
  fromKiosk: boolean;
  onTouched: () => void;
  missing: boolean;
}) {
  const { t } = useTranslation();
  const labelId = `intake-label-${item}`;
  return (
    <FormControl error={missing} data-testid={`intake-item-${item}`}>
      <FormLabel id={labelId} sx={{ color: 'text.primary', fontWeight: 500, mb: 0.5 }}>
        {t(`checklist.${item}.label`)}
        {fromKiosk && <KioskChip />}
      </FormLabel>
      <Controller
        control={control}
        name={item}
        render={({ field }) => (
          <RadioGroup
            row
            aria-labelledby={labelId}
            value={field.value}
            onChange={(e) => {
              field.onChange(e.target.value);
              onTouched();
            }}
          >
            {CHECKLIST_OPTIONS[item].map((option) => {
              const value = String(option);
              const points = pointsOf(item, value);
              return (
                <FormControlLabel
                  key={value}
                  value={value}
                  control={
                    <Radio slotProps={{ input: { 'data-testid': `intake-${item}-${value}` } as object }} />
                  }
                  label={
                    <span>
                      {t(`checklist.${item}.option.${value}`)}
                      {points !== null && (
                        <Typography
                          component="span"
                          variant="caption"
                          color="text.secondary"
                          sx={{ ml: 0.5 }}
                        >
                          ({t('intake.points', { points })})
                        </Typography>
                      )}
                    </span>
                  }
                  sx={{ mr: 3 }}
                />
              );
            })}
          </RadioGroup>
        )}
      />
      {missing && <FormHelperText>{t(`checklist.${item}.invalid`)}</FormHelperText>}
    </FormControl>
  );
}

function SetItem({
  item,
  control,
  sensitiveAllowed,
  fromKiosk,
  onTouched,
  setState,
  getList,
  missing,
}: {
  item: 'barriers' | 'economicHardship';
  control: Control<IntakeFormValues>;
  sensitiveAllowed: boolean;
  fromKiosk: boolean;
  onTouched: () => void;
  setState: (s: SetState, list: string[]) => void;
  getList: () => string[];
  missing: boolean;
}) {
  const { t } = useTranslation();
  const state = useWatch({ control, name: `${item}State` });
  const list = useWatch({ control, name: item });
  const options: readonly string[] = item === 'barriers' ? BARRIER_OPTIONS : ECONOMIC_HARDSHIP_OPTIONS;
  const wholeItemSensitive = item === 'economicHardship';
  const blocked = wholeItemSensitive && !sensitiveAllowed;
  const toggle = (option: string, checked: boolean) => {
    const current = getList();
    const next = checked
      ? [...current.filter((o) => o !== option), option]
      : current.filter((o) => o !== option);
    setState(next.length > 0 ? 'some' : '', next);
    onTouched();
  };
  return (
    <FormControl component="div" error={missing} data-testid={`intake-item-${item}`}>
      <FormLabel sx={{ color: 'text.primary', fontWeight: 500, mb: 0.5 }}>
        {t(`checklist.${item}.label`)}
        {fromKiosk && <KioskChip />}
      </FormLabel>
      <Typography variant="caption" color="text.secondary" sx={{ mb: 0.5 }}>
        {blocked ? t('intake.sensitiveNoConsent') : t('intake.sensitiveHint')}
      </Typography>
      <Stack direction="row" sx={{ flexWrap: 'wrap' }}>
        {options.map((option) => {
          const healthBlocked = option === 'health' && !sensitiveAllowed;
          return (
            <FormControlLabel
              key={option}
              disabled={blocked || healthBlocked}
              control={
                <Checkbox
                  checked={state === 'some' && list.includes(option)}
                  onChange={(e) => toggle(option, e.target.checked)}
                  slotProps={{ input: { 'data-testid': `intake-${item}-${option}` } as object }}
                />
              }
              label={t(`checklist.${item}.option.${option}`)}
              title={healthBlocked ? t('intake.healthNeedsConsent') : undefined}
              sx={{ mr: 3 }}
            />
          );
        })}
      </Stack>
      {/* The two exclusive answers on their own line, apart from the list they exclude. */}
      <Stack
        direction="row"
        sx={{ flexWrap: 'wrap', borderTop: 1, borderColor: 'divider', pt: 0.5, mt: 0.5 }}
      >
        <FormControlLabel
          disabled={blocked}
          control={
            <Checkbox
              checked={state === 'none'}
              onChange={(e) => {
                setState(e.target.checked ? 'none' : '', []);
                onTouched();
              }}
              slotProps={{ input: { 'data-testid': `intake-${item}-none` } as object }}
            />
          }
          label={t('intake.none')}
          sx={{ mr: 3 }}
        />
        <FormControlLabel
          control={
            <Checkbox
              checked={state === 'declined'}
              onChange={(e) => {
                setState(e.target.checked ? 'declined' : '', []);
                onTouched();
              }}
              slotProps={{ input: { 'data-testid': `intake-${item}-declined` } as object }}
            />
          }
          label={t('intake.preferNotToSay')}
        />
      </Stack>
      {missing && <FormHelperText>{t(`checklist.${item}.invalid`)}</FormHelperText>}
    </FormControl>
  );
}

function DecisionSection({
  control,
  computedTrack,
  enabled,
  finalTrack,
  proposed,
  errors,
}: {
  control: Control<IntakeFormValues>;
  computedTrack: JobseekerTrack | null;
  enabled: boolean;
  finalTrack: JobseekerTrack | null;
  proposed: string | null;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const decision = useWatch({ control, name: 'decision' });
  const needsDate = finalTrack !== null && typeOfTrack(finalTrack) === 'needs-preparation';
  return (
    <Paper variant="outlined" sx={{ p: 2.5 }} component="fieldset" disabled={!enabled}>
      <Typography variant="h6" component="legend" sx={{ px: 0.5, fontWeight: 700 }}>
        {t('intake.decisionTitle')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {enabled ? t('intake.decisionHint') : t('intake.live.incomplete')}
      </Typography>
      <Controller
        control={control}
        name="decision"
        render={({ field }) => (
          <RadioGroup value={field.value} onChange={(e) => field.onChange(e.target.value)}>
            <FormControlLabel
              value="accepted"
              disabled={!enabled}
              control={<Radio slotProps={{ input: { 'data-testid': 'decision-accepted' } as object }} />}
              label={
                computedTrack
                  ? `${t('intake.accept')}: ${t(`jobseeker.track.${computedTrack}`)}`
                  : t('intake.accept')
              }
            />
            <FormControlLabel
              value="overridden"
              disabled={!enabled}
              control={<Radio slotProps={{ input: { 'data-testid': 'decision-overridden' } as object }} />}
              label={t('intake.overrideChoice')}
            />
          </RadioGroup>
        )}
      />
      {decision === 'overridden' && enabled && (
        <Stack spacing={2} sx={{ mt: 1, pl: 4 }}>
          <Controller
            control={control}
            name="overrideTrack"
            render={({ field }) => (
              <TextField
                select
                label={t('intake.overrideTrack')}
                value={field.value}
                onChange={field.onChange}
                error={Boolean(errors['overrideTrack'])}
                helperText={errors['overrideTrack'] ? t(errors['overrideTrack']) : ' '}
                slotProps={{
                  select: { native: true },
                  inputLabel: { shrink: true },
                  htmlInput: { 'data-testid': 'override-track' },
                }}
                sx={{ maxWidth: 420 }}
              >
                <option value="">{t('intake.choose')}</option>
                {JOBSEEKER_TRACK_VALUES.filter((track) => track !== computedTrack).map((track) => (
                  <option key={track} value={track}>
                    {t(`jobseeker.type.${typeOfTrack(track)}`)} · {t(`jobseeker.track.${track}`)}
                  </option>
                ))}
              </TextField>
            )}
          />
          <Controller
            control={control}
            name="reasonCode"
            render={({ field }) => (
              <TextField
                select
                label={t('intake.overrideReasonCode')}
                value={field.value}
                onChange={field.onChange}
                error={Boolean(errors['reasonCode'])}
                helperText={errors['reasonCode'] ? t(errors['reasonCode']) : ' '}
                slotProps={{
                  select: { native: true },
                  inputLabel: { shrink: true },
                  htmlInput: { 'data-testid': 'override-reason-code' },
                }}
                sx={{ maxWidth: 420 }}
              >
                <option value="">{t('intake.choose')}</option>
                {OVERRIDE_REASON_CODES.map((code) => (
                  <option key={code} value={code}>
                    {t(`intake.reasonCode.${code}`)}
                  </option>
                ))}
              </TextField>
            )}
          />
          <Controller
            control={control}
            name="reasonText"
            render={({ field }) => (
              <TextField
                label={t('intake.overrideReasonText')}
                multiline
                minRows={2}
                value={field.value}
                onChange={field.onChange}
                error={Boolean(errors['reasonText'])}
                helperText={
                  errors['reasonText'] ? t(errors['reasonText']) : t('intake.overrideReasonTextHelp')
                }
                slotProps={{ htmlInput: { 'data-testid': 'override-reason-text', maxLength: 1000 } }}
              />
            )}
          />
        </Stack>
      )}
      {enabled && (
        <Box sx={{ mt: 2 }}>
          {needsDate ? (
            <Controller
              control={control}
              name="reassessDueOn"
              render={({ field }) => (
                <TextField
                  type="date"
                  label={t('intake.reassessDueOn')}
                  value={field.value || proposed || ''}
                  onChange={field.onChange}
                  error={Boolean(errors['reassessDueOn'])}
                  helperText={errors['reassessDueOn'] ? t(errors['reassessDueOn']) : t('intake.reassessHelp')}
                  slotProps={{
                    inputLabel: { shrink: true },
                    htmlInput: { 'data-testid': 'reassess-due-on' },
                  }}
                />
              )}
            />
          ) : (
            <Typography variant="body2" color="text.secondary">
              {t('intake.noReassessForReady')}
            </Typography>
          )}
        </Box>
      )}
    </Paper>
  );
}

function LivePanel({
  values,
  result,
  missing,
}: {
  values: IntakeFormValues;
  result: ReturnType<typeof classifyAnswers> | null;
  missing: ChecklistItem[];
}) {
  const { t } = useTranslation();
  const partial = partialScores(values);
  const total = CHECKLIST_ITEMS.length;
  return (
    <Paper
      variant="outlined"
      sx={{
        p: 2.5,
        position: { lg: 'sticky' },
        top: { lg: 0 },
        borderWidth: 2,
        borderColor: result ? 'primary.main' : 'divider',
      }}
      aria-live="polite"
      data-testid="live-classification"
    >
      <Typography variant="h6" component="h2" sx={{ fontWeight: 700 }}>
        {t('intake.live.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" data-testid="live-answered">
        {t('intake.answered', { count: total - missing.length, total })}
      </Typography>
      <Box
        component="dl"
        sx={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, rowGap: 1, my: 2 }}
      >
        <Box component="dt" sx={{ color: 'text.secondary' }}>
          {t('jobseeker.dimension.motivation')}
        </Box>
        <Box component="dd" sx={{ m: 0, fontWeight: 700 }} data-testid="live-motivation">
          {result
            ? `${t(`level.${result.motivation}`)} · ${t('intake.live.score', { score: result.motivationScore })}`
            : t('intake.live.partialScore', { score: partial.motivation })}
        </Box>
        <Box component="dt" sx={{ color: 'text.secondary' }}>
          {t('jobseeker.dimension.ability')}
        </Box>
        <Box component="dd" sx={{ m: 0, fontWeight: 700 }} data-testid="live-ability">
          {result
            ? `${t(`level.${result.ability}`)} · ${t('intake.live.score', { score: result.abilityScore })}`
            : t('intake.live.partialScore', { score: partial.ability })}
        </Box>
        <Box component="dt" sx={{ color: 'text.secondary' }}>
          {t('jobseeker.dimension.economic')}
        </Box>
        <Box component="dd" sx={{ m: 0, fontWeight: 700 }} data-testid="live-economic">
          {result ? t(`jobseeker.economic.${result.economic}`) : '–'}
        </Box>
      </Box>
      <Typography variant="caption" color="text.secondary">
        {t('intake.live.levels')}
      </Typography>
      <Divider sx={{ my: 2 }} />
      {result ? (
        <Stack spacing={1.5}>
          <Box>
            <Typography variant="caption" color="text.secondary">
              {t('intake.live.type')}
            </Typography>
            <Typography
              variant="h6"
              data-testid="live-type"
              sx={{ fontWeight: 700, color: result.type === 'ready' ? 'success.main' : 'warning.dark' }}
            >
              {t(`jobseeker.type.${result.type}`)}
            </Typography>
          </Box>
          <Box>
            <Typography variant="caption" color="text.secondary">
              {t('intake.live.track')}
            </Typography>
            <Typography sx={{ fontWeight: 700 }} data-testid="live-track">
              {t(`jobseeker.track.${result.track}`)}
            </Typography>
          </Box>
          <Box>
            <Typography variant="caption" color="text.secondary">
              {t('intake.live.service')}
            </Typography>
            <Typography variant="body2" data-testid="live-service">
              {t(jobseekerService(result.track))}
            </Typography>
          </Box>
          <Box>
            <Typography variant="caption" color="text.secondary">
              {t('intake.live.reasons')}
            </Typography>
            <Box component="ul" sx={{ m: 0, pl: 2.5 }} data-testid="live-reasons">
              {result.reasons.map((reason) => (
                <Typography component="li" variant="body2" key={reason} sx={{ mb: 0.5 }}>
                  {t(reason)}
                </Typography>
              ))}
            </Box>
          </Box>
        </Stack>
      ) : (
        <Box>
          <Typography variant="body2">{t('intake.live.incomplete')}</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {t('intake.live.missing', {
              items: missing.map((m) => t(SHORT[m])).join(', '),
            })}
          </Typography>
        </Box>
      )}
    </Paper>
  );
}

/** Short names of the items, for the "not answered" line. */
const SHORT: Record<ChecklistItem, string> = {
  searchActivities4w: 'intake.short.searchActivities4w',
  startWish: 'intake.short.startWish',
  willToWork: 'intake.short.willToWork',
  preparation: 'intake.short.preparation',
  experience: 'intake.short.experience',
  sinceLastJob: 'intake.short.sinceLastJob',
  barriers: 'intake.short.barriers',
  economicHardship: 'intake.short.economicHardship',
  fieldDecided: 'intake.short.fieldDecided',
  mobile: 'intake.short.mobile',
};
