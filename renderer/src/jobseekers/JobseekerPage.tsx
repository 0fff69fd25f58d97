import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import EditIcon from '@mui/icons-material/Edit';
import {
  Alert,
  Box,
  Button,
  Chip,
  CircularProgress,
  Paper,
  Snackbar,
  Stack,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Jobseeker } from '../../../shared/domain/jobseeker.ts';
import { occupationLabel, regionLabel, type Lang } from '../../../shared/reference/index.ts';
import { ApiError, call } from '../api.ts';
import { applyFieldErrors, issuesOf } from './applyErrors.ts';
import {
  EMPTY_FORM,
  formFromJobseeker,
  JobseekerForm,
  parseJobseekerForm,
  type JobseekerFormValues,
} from './JobseekerForm.tsx';
import { classificationLabel, dateLabel, phoneLabel } from './labels.ts';

export function JobseekerPage() {
  const { id = '' } = useParams();
  // A new id mounts a fresh view: no state from the previous person survives the switch.
  return <JobseekerView key={id} id={id} />;
}

function JobseekerView({ id }: { id: string }) {
  const { t } = useTranslation();
  const [jobseeker, setJobseeker] = useState<Jobseeker | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    call('jobseekers:get', { id }).then(setJobseeker, (e: unknown) =>
      setLoadError(e instanceof ApiError ? e.error.message : 'errors.internal'),
    );
  }, [id]);

  if (loadError) return <Alert severity="error">{t(loadError)}</Alert>;
  if (!jobseeker) return <CircularProgress />;

  return (
    <Stack spacing={2} sx={{ maxWidth: 960, overflow: 'auto' }}>
      <Box>
        <Button component={Link} to="/jobseekers" startIcon={<ArrowBackIcon />}>
          {t('jobseekers.back')}
        </Button>
      </Box>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }} data-testid="jobseeker-name">
          {jobseeker.name}
        </Typography>
        <Chip
          label={classificationLabel(t, jobseeker)}
          color={jobseeker.currentType === 'ready' ? 'success' : 'default'}
        />
        <Chip variant="outlined" label={t(`jobseekers.status_${jobseeker.status}`)} />
        <Box sx={{ flex: 1 }} />
        {!editing && (
          <Button
            variant="contained"
            startIcon={<EditIcon />}
            onClick={() => setEditing(true)}
            data-testid="edit-jobseeker"
          >
            {t('jobseekers.edit')}
          </Button>
        )}
      </Stack>
      {editing ? (
        <EditRecord
          jobseeker={jobseeker}
          onSaved={(j) => {
            setJobseeker(j);
            setEditing(false);
            setSaved(true);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <RecordView jobseeker={jobseeker} />
      )}
      <Snackbar
        open={saved}
        autoHideDuration={3000}
        onClose={() => setSaved(false)}
        message={t('jobseekers.saved')}
      />
    </Stack>
  );
}

function RecordView({ jobseeker: j }: { jobseeker: Jobseeker }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const rows: Array<[string, string]> = [
    ['regNo', j.regNo],
    ['birthYear', String(j.birthYear)],
    ['gender', j.gender ? t(`jobseekers.gender_${j.gender}`) : t('jobseekers.genderUnanswered')],
    ['phone', phoneLabel(t, j.phone)],
    ['email', j.email ?? t('common.none')],
    ['sido', regionLabel(j.sido, j.sigungu, lang)],
    ['desiredOccupation', occupationLabel(j.desiredOccupation, lang) || t('common.none')],
    [
      'desiredWage',
      j.desiredWage === null ? t('common.none') : t('common.won', { value: j.desiredWage.toLocaleString() }),
    ],
    ['mobile', j.mobile ? t('common.yes') : t('common.no')],
    ['counselor', j.assignedCounselorName ?? t('common.none')],
    ['registeredAt', dateLabel(j.registeredAt, lang)],
    ['updatedAt', dateLabel(j.updatedAt, lang)],
  ];
  return (
    <Paper variant="outlined" sx={{ p: 3 }}>
      <Typography variant="h6" component="h2" gutterBottom>
        {t('jobseekers.basicRecord')}
      </Typography>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: '200px 1fr', rowGap: 1.5, m: 0 }}>
        {rows.map(([key, value]) => (
          <Box key={key} sx={{ display: 'contents' }}>
            <Box component="dt" sx={{ color: 'text.secondary' }}>
              {t(`jobseekers.${key}`)}
            </Box>
            <Box component="dd" sx={{ m: 0 }} data-testid={`value-${key}`}>
              {value}
            </Box>
          </Box>
        ))}
      </Box>
    </Paper>
  );
}

function EditRecord({
  jobseeker,
  onSaved,
  onCancel,
}: {
  jobseeker: Jobseeker;
  onSaved: (j: Jobseeker) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { control, register, handleSubmit, setError, formState } = useForm<JobseekerFormValues>({
    defaultValues: { ...EMPTY_FORM, ...formFromJobseeker(jobseeker) },
  });
  const sido = useWatch({ control, name: 'sido' });
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function save(values: JobseekerFormValues) {
    setFormError(null);
    const parsed = parseJobseekerForm(values);
    if (!parsed.ok) {
      for (const e of parsed.errors) setError(e.field as keyof JobseekerFormValues, { message: e.message });
      return;
    }
    setSaving(true);
    try {
      onSaved(
        await call('jobseekers:update', { id: jobseeker.id, baseSeq: jobseeker.seq, fields: parsed.fields }),
      );
    } catch (e) {
      // The form keeps every value typed: a refused save never loses input.
      if (e instanceof ApiError) {
        if (!applyFieldErrors(setError, issuesOf(e.error))) setFormError(e.error.message);
      } else setFormError('errors.internal');
    } finally {
      setSaving(false);
    }
  }

  return (
    <Paper
      component="form"
      variant="outlined"
      sx={{ p: 3 }}
      onSubmit={(e) => void handleSubmit(save)(e)}
      noValidate
    >
      {formError && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {t(formError)}
        </Alert>
      )}
      <JobseekerForm control={control} register={register} errors={formState.errors} sido={sido} />
      <Stack direction="row" spacing={2} sx={{ mt: 3 }}>
        <Button type="submit" variant="contained" disabled={saving} data-testid="save-jobseeker">
          {t('jobseekers.save')}
        </Button>
        <Button onClick={onCancel}>{t('jobseekers.cancel')}</Button>
      </Stack>
    </Paper>
  );
}
