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
  Tab,
  Tabs,
  Typography,
} from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import type { Jobseeker } from '../../../shared/domain/jobseeker.ts';
import { occupationLabel, regionLabel, type Lang } from '../../../shared/reference/index.ts';
import { ApiError, call } from '../api.ts';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel.tsx';
import { AssessmentsTab } from '../casework/AssessmentsTab.tsx';
import { CompetencyTab } from '../casework/CompetencyTab.tsx';
import { ConsentTab } from '../casework/ConsentTab.tsx';
import { NotesTab } from '../casework/NotesTab.tsx';
import { ServicePlanTab } from '../casework/ServicePlanTab.tsx';
import { DocumentsTab } from '../documents/DocumentsTab.tsx';
import { ReassessBanner } from '../services/ReassessBanner.tsx';
import { ServicesTab } from '../services/ServicesTab.tsx';
import { CaseGroupsPanel } from '../groups/CaseGroupsPanel.tsx';
import { ProgrammesTab } from '../programmes/ProgrammesTab.tsx';
import { todayLocal, useCaseFile } from '../casework/useCaseFile.ts';
import { JobseekerReferrals } from '../referrals/JobseekerReferrals.tsx';
import { JobseekerAppointments } from '../appointments/JobseekerAppointments.tsx';
import { CaseReviews } from '../sync/CaseReviews.tsx';
import { applyFieldErrors, issuesOf } from './applyErrors.ts';
import { CaseLifecycleActions } from '../lifecycle/CaseLifecycleActions.tsx';
import { StatusHistory } from '../lifecycle/StatusHistory.tsx';
import { ArchivedBanner, CaseHandlingActions } from './CaseHandling.tsx';
import {
  EMPTY_FORM,
  formFromJobseeker,
  JobseekerForm,
  parseJobseekerForm,
  type JobseekerFormValues,
} from './JobseekerForm.tsx';
import { classificationLabel, dateLabel, phoneLabel } from './labels.ts';
import { scrollPageSx } from '../common/layout.ts';
import { TimelineTab } from '../timeline/TimelineTab.tsx';
import { useLinkedRecord } from '../timeline/useLinkedRecord.ts';

export function JobseekerPage() {
  const { id = '' } = useParams();
  const survivor = useSurvivor(id);
  if (survivor === undefined) return <CircularProgress />;
  // A merged-away case opens its survivor (issue 16 item 5), saying so.
  if (survivor !== null)
    return <Navigate to={`/jobseekers/${survivor}`} replace state={{ mergedFrom: id }} />;
  // A new id mounts a fresh view: no state from the previous person survives the switch.
  return <JobseekerView key={id} id={id} />;
}

const TABS = [
  'record',
  'timeline',
  'assessments',
  'plan',
  'notes',
  'competency',
  'consent',
  'documents',
  'attachments',
  'referrals',
  'appointments',
  'programmes',
  'services',
] as const;

/** Tabs whose label lives in their own area's texts rather than under `case.tabs`. */
const OWN_TAB_LABEL: Readonly<Partial<Record<(typeof TABS)[number], string>>> = {
  timeline: 'timeline.tab',
  documents: 'documents.tab',
  attachments: 'attachments.tab',
  services: 'services.tab',
};

/** The case a merged id now leads to: undefined while asking, null for a live case (or an error). */
function useSurvivor(id: string): string | null | undefined {
  const [answer, setAnswer] = useState<{ id: string; survivor: string | null } | null>(null);
  useEffect(() => {
    let live = true;
    call('merges:survivor', { id }).then(
      (r) => live && setAnswer({ id, survivor: r.survivorId }),
      () => live && setAnswer({ id, survivor: null }),
    );
    return () => {
      live = false;
    };
  }, [id]);
  return answer?.id === id ? answer.survivor : undefined;
}

type Tab = (typeof TABS)[number];

/** The case page (issue 3): one audited read of the case file, then tabs over it. */
function JobseekerView({ id }: { id: string }) {
  const { t } = useTranslation();
  const params = useParams();
  const location = useLocation();
  const segment = (params['*'] ?? '').split('/')[0] ?? '';
  const tab: Tab = (TABS as readonly string[]).includes(segment) ? (segment as Tab) : 'record';
  const { file, setFile, error: loadError, reload } = useCaseFile(id);
  const mergedFrom = (location.state as { mergedFrom?: string } | null)?.mergedFrom ?? null;
  const [editing, setEditing] = useState(false);
  // A timeline entry opens its tab with ?record=ID: that record's row is found, focused and outlined.
  const tabContent = useRef<HTMLFieldSetElement>(null);
  useLinkedRecord(tabContent);
  // Bumped after a close, reopen or transfer request here: the status history reads itself again.
  const [historyVersion, setHistoryVersion] = useState(0);
  const [saved, setSaved] = useState<string | null>(
    (location.state as { saved?: string } | null)?.saved ?? null,
  );

  if (loadError) return <Alert severity="error">{t(loadError)}</Alert>;
  if (!file) return <CircularProgress />;
  const jobseeker = file.jobseeker;
  const changed = (j: Jobseeker, done: string) => {
    setFile({ ...file, jobseeker: j });
    setSaved(done);
  };
  const today = todayLocal();
  const overdue = file.reassessDueOn !== null && file.reassessDueOn < today;

  return (
    <Stack spacing={2} sx={{ ...scrollPageSx, maxWidth: 1100 }}>
      <Box>
        <Button component={Link} to="/jobseekers" startIcon={<ArrowBackIcon />}>
          {t('jobseekers.back')}
        </Button>
        {mergedFrom && (
          <Alert severity="info" sx={{ mt: 1 }} data-testid="merged-notice">
            {t('merges.mergedNotice')}
          </Alert>
        )}
      </Box>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }} data-testid="jobseeker-name">
          {jobseeker.name}
        </Typography>
        <Chip
          label={classificationLabel(t, jobseeker)}
          color={jobseeker.currentType === 'ready' ? 'success' : 'default'}
          data-testid="jobseeker-classification"
        />
        <Chip variant="outlined" label={t(`jobseekers.status_${jobseeker.status}`)} />
        {file.reassessDueOn && (
          <Chip
            color={overdue ? 'error' : 'default'}
            variant={overdue ? 'filled' : 'outlined'}
            label={t(overdue ? 'case.reassessOverdue' : 'case.reassessDue', { date: file.reassessDueOn })}
            data-testid="reassess-chip"
          />
        )}
        <Box sx={{ flex: 1 }} />
        <CaseHandlingActions jobseeker={jobseeker} onChanged={changed} />
        <CaseLifecycleActions
          jobseeker={jobseeker}
          onChanged={(j, done) => {
            changed(j, done);
            setHistoryVersion((v) => v + 1);
          }}
        />
        {!jobseeker.archived && (
          <Button
            component={Link}
            to={`/jobseekers/${id}/intake`}
            variant="outlined"
            data-testid="open-intake"
          >
            {file.assessments.length > 0 ? t('case.reassess') : t('case.startIntake')}
          </Button>
        )}
        {!editing && !jobseeker.archived && tab === 'record' && (
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
      <ArchivedBanner jobseeker={jobseeker} onChanged={changed} />
      <CaseReviews caseId={id} />
      <ReassessBanner jobseekerId={id} disabled={jobseeker.archived} />
      <Tabs
        value={tab}
        variant="scrollable"
        aria-label={t('case.tabsLabel')}
        sx={{ borderBottom: 1, borderColor: 'divider' }}
      >
        {TABS.map((key) => (
          <Tab
            key={key}
            value={key}
            label={key in OWN_TAB_LABEL ? t(OWN_TAB_LABEL[key] as string) : t(`case.tabs.${key}`)}
            component={Link}
            to={key === 'record' ? `/jobseekers/${id}` : `/jobseekers/${id}/${key}`}
            data-testid={`tab-${key}`}
          />
        ))}
      </Tabs>
      {/* An archived case is read, not worked on: every control of its tabs is off until 보관 해제. */}
      <Box
        component="fieldset"
        ref={tabContent}
        disabled={jobseeker.archived}
        data-testid="case-tabs-content"
        sx={{
          border: 0,
          p: 0,
          m: 0,
          minWidth: 0,
          '& :disabled': { opacity: 0.55, cursor: 'not-allowed' },
          '& [data-linked]': { outline: '3px solid', outlineColor: 'warning.main', outlineOffset: '-3px' },
        }}
      >
        {tab === 'record' &&
          (editing ? (
            <EditRecord
              jobseeker={jobseeker}
              onSaved={(j) => {
                setFile({ ...file, jobseeker: j });
                setEditing(false);
                setSaved('jobseekers.saved');
              }}
              onCancel={() => setEditing(false)}
            />
          ) : (
            <Stack spacing={2}>
              <RecordView jobseeker={jobseeker} />
              <StatusHistory jobseekerId={id} version={historyVersion} />
            </Stack>
          ))}
        {tab === 'timeline' && <TimelineTab jobseekerId={id} />}
        {tab === 'assessments' && <AssessmentsTab file={file} onChange={setFile} />}
        {tab === 'plan' && <ServicePlanTab file={file} onChange={setFile} />}
        {tab === 'notes' && <NotesTab file={file} onChange={setFile} />}
        {tab === 'competency' && <CompetencyTab file={file} onChange={setFile} />}
        {tab === 'consent' && <ConsentTab file={file} onChange={setFile} />}
        {tab === 'documents' && <DocumentsTab jobseekerId={id} hasPlan={file.assessments.length > 0} />}
        {tab === 'attachments' && (
          <AttachmentsPanel parent={{ table: 'jobseekers', id }} disabled={jobseeker.archived} />
        )}
        {tab === 'referrals' && <JobseekerReferrals jobseekerId={id} />}
        {tab === 'appointments' && <JobseekerAppointments jobseeker={{ id, name: jobseeker.name }} />}
        {tab === 'services' && <ServicesTab jobseekerId={id} onPlanChanged={reload} />}
        {tab === 'programmes' && (
          // 국민취업지원제도 and the group programmes the person takes part in, on one tab.
          <Stack spacing={3}>
            <ProgrammesTab jobseekerId={id} />
            <CaseGroupsPanel jobseekerId={id} />
          </Stack>
        )}
      </Box>
      <Snackbar
        open={saved !== null}
        autoHideDuration={3000}
        onClose={() => setSaved(null)}
        message={saved ? t(saved) : ''}
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
