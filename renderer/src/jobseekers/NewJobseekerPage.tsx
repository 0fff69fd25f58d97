import { Alert, Button, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import type { DuplicateCandidate } from '../../../shared/domain/jobseeker.ts';
import { ApiError, call } from '../api.ts';
import { handoffFromState, linkAndOpenIntake } from '../queue/checkin-handoff.ts';
import { scrollPageSx } from '../common/layout.ts';
import { useFormDraft } from '../data/drafts.tsx';
import { applyFieldErrors, issuesOf } from './applyErrors.ts';
import { DuplicateWarning } from './DuplicateWarning.tsx';
import { EMPTY_FORM, JobseekerForm, parseJobseekerForm, type JobseekerFormValues } from './JobseekerForm.tsx';

// Registering a jobseeker checks for likely duplicates first (name + birth year, phone): as soon as
// those fields are filled, and again on save. A match must be confirmed as a different person.

export function NewJobseekerPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // Registering a visitor called from the queue: start from what they typed at the kiosk.
  const location = useLocation();
  const [handoff] = useState(() => handoffFromState(location.state));
  const { control, register, handleSubmit, setError, getValues, formState, reset } =
    useForm<JobseekerFormValues>({
      defaultValues: handoff ? { ...EMPTY_FORM, name: handoff.name, phone: handoff.phone } : EMPTY_FORM,
    });
  // A registration from a ticket keeps its own draft, apart from a blank registration's.
  const draft = useFormDraft({
    form: 'jobseeker',
    recordKey: handoff ? `new:${handoff.checkinId}` : 'new',
    values: useWatch({ control }) as JobseekerFormValues,
    dirty: formState.isDirty,
    restore: (kept) => reset(kept, { keepDefaultValues: true }),
  });
  const sido = useWatch({ control, name: 'sido' });
  const [duplicates, setDuplicates] = useState<DuplicateCandidate[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function probeDuplicates() {
    const v = getValues();
    const birthYear = Number(v.birthYear);
    const phone = v.phone.trim();
    if (v.name.trim() === '' || (!Number.isInteger(birthYear) && phone === '')) return;
    try {
      setDuplicates(
        await call('jobseekers:findDuplicates', {
          name: v.name.trim(),
          birthYear: Number.isInteger(birthYear) && birthYear > 1900 ? birthYear : undefined,
          phone,
        }),
      );
    } catch {
      // A malformed phone is reported by the form on save; the probe just waits for better input.
    }
  }

  async function save(values: JobseekerFormValues, confirmedNotDuplicate: boolean) {
    setFormError(null);
    const parsed = parseJobseekerForm(values);
    if (!parsed.ok) {
      for (const e of parsed.errors) setError(e.field as keyof JobseekerFormValues, { message: e.message });
      return;
    }
    setSaving(true);
    try {
      const created = await call('jobseekers:create', { fields: parsed.fields, confirmedNotDuplicate });
      await draft.clear();
      // The record exists now whatever happens to the ticket: a failed link (the ticket expired
      // meanwhile) must not invite a second save, so it falls back to the new record.
      const openRecord = () => void navigate(`/jobseekers/${created.id}`, { replace: true });
      if (handoff)
        await linkAndOpenIntake(navigate, handoff, created.id, { replace: true }).catch(openRecord);
      else openRecord();
    } catch (e) {
      if (e instanceof ApiError && e.error.code === 'conflict') {
        await probeDuplicates();
        setFormError('jobseekers.possibleDuplicate');
      } else if (e instanceof ApiError) {
        if (!applyFieldErrors(setError, issuesOf(e.error))) setFormError(e.error.message);
      } else setFormError('errors.internal');
    } finally {
      setSaving(false);
    }
  }

  return (
    <Stack spacing={2} sx={{ ...scrollPageSx, maxWidth: 960 }}>
      <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
        {t('jobseekers.new')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('jobseekers.privacyNote')}
      </Typography>
      {handoff && (
        <Alert severity="info" sx={{ wordBreak: 'keep-all' }} data-testid="registration-from-ticket">
          {t(handoff.prefill ? 'queueDesk.registerFromTicketAnswers' : 'queueDesk.registerFromTicket', {
            no: handoff.ticketNo,
          })}
        </Alert>
      )}
      {draft.banner}
      {draft.guard}
      <DuplicateWarning candidates={duplicates} />
      {formError && <Alert severity="error">{t(formError)}</Alert>}
      <Paper
        component="form"
        variant="outlined"
        sx={{ p: 3 }}
        onSubmit={(e) => void handleSubmit((v) => save(v, false))(e)}
        noValidate
      >
        <JobseekerForm
          control={control}
          register={register}
          errors={formState.errors}
          sido={sido}
          onProbeDuplicates={() => void probeDuplicates()}
        />
        <Stack direction="row" spacing={2} sx={{ mt: 3 }}>
          <Button type="submit" variant="contained" disabled={saving} data-testid="save-jobseeker">
            {t('jobseekers.save')}
          </Button>
          {duplicates.length > 0 && (
            <Button
              variant="outlined"
              color="warning"
              disabled={saving}
              onClick={(e) => void handleSubmit((v) => save(v, true))(e)}
              data-testid="confirm-not-duplicate"
            >
              {t('jobseekers.confirmNotDuplicate')}
            </Button>
          )}
          <Button component={Link} to="/jobseekers">
            {t('jobseekers.cancel')}
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}
