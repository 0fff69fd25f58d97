import AddIcon from '@mui/icons-material/Add';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import EditIcon from '@mui/icons-material/Edit';
import {
  Alert,
  Box,
  Button,
  Chip,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Divider,
  FormControlLabel,
  FormLabel,
  MenuItem,
  Paper,
  Radio,
  RadioGroup,
  Snackbar,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { AppError } from '../../../shared/contract/result.ts';
import {
  CONTACT_KINDS,
  CONTACT_OUTCOMES,
  EMPLOYER_OVERRIDE_REASONS,
  PACKAGE_STAGES,
  PACKAGE_STEP_STATUSES,
  type ContactKind,
  type ContactOutcome,
  type EmployerDetail,
  type EmployerOverrideReason,
  type PackageStepRecord,
  type PackageStepStatus,
} from '../../../shared/domain/employers.ts';
import { formatPhone } from '../../../shared/domain/phone.ts';
import {
  classifyEmployer,
  EMPLOYER_TYPE_VALUES,
  LEVEL_OPTIONS,
  type EmployerType,
  type Level,
} from '../../../shared/profiling/index.ts';
import { OCCUPATIONS, occupationLabel, regionLabel } from '../../../shared/reference/index.ts';
import ksic from '../../../resources/reference/ksic.json' with { type: 'json' };
import { call } from '../api.ts';
import {
  businessNoLabel,
  dayLabel,
  EmployerTypeChip,
  errorOf,
  todayLocal,
  useChannel,
  useLang,
  won,
} from './common.tsx';
import { EmployerForm } from './EmployerForm.tsx';

const SECTIONS = (ksic as { sections: Array<{ code: string; ko: string; en: string }> }).sections;
function industryLabel(code: string, lang: 'ko' | 'en'): string {
  const s = SECTIONS.find((x) => x.code === code);
  return s ? `${code}. ${s[lang]}` : code;
}

export function EmployerPage() {
  const { id = '' } = useParams();
  return <EmployerView key={id} id={id} />;
}

function EmployerView({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const detail = useChannel('employers:get', { id });
  const [editing, setEditing] = useState(false);
  const [toast, setToast] = useState<string | null>(null);
  const d = detail.value;
  if (detail.error) return <Alert severity="error">{t(detail.error.message)}</Alert>;
  if (!d) return <CircularProgress />;
  const e = d.employer;
  const applied = (next: EmployerDetail, message = 'employers.saved') => {
    detail.set(next);
    setToast(message);
  };
  const showPackage = e.currentType === 'conditions-improvement' || d.package.started;

  return (
    <Stack spacing={2} sx={{ overflow: 'auto', pb: 4 }}>
      <Box>
        <Button component={Link} to="/employers" startIcon={<ArrowBackIcon />}>
          {t('employers.back')}
        </Button>
      </Box>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }} data-testid="employer-name">
          {e.name}
        </Typography>
        <EmployerTypeChip type={e.currentType} size="medium" />
        {e.potentialClient && <Chip variant="outlined" label={t('employers.field.potentialClient')} />}
        {e.focusSupport && (
          <Chip variant="outlined" color="primary" label={t('employers.field.focusSupport')} />
        )}
        <Box sx={{ flex: 1 }} />
        {!editing && (
          <Button
            variant="outlined"
            startIcon={<EditIcon />}
            onClick={() => setEditing(true)}
            data-testid="edit-employer"
          >
            {t('employers.edit')}
          </Button>
        )}
      </Stack>

      <Paper variant="outlined" sx={{ p: 2 }}>
        {editing ? (
          <EmployerForm
            employer={e}
            onCancel={() => setEditing(false)}
            onSubmit={async (fields) => {
              try {
                applied(await call('employers:update', { id: e.id, baseSeq: e.seq, fields }));
                setEditing(false);
                return null;
              } catch (err) {
                return errorOf(err);
              }
            }}
          />
        ) : (
          <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(4, minmax(0, 1fr))', gap: 2 }}>
            <Field label={t('employers.field.businessNo')} value={businessNoLabel(e.businessNo)} />
            <Field label={t('employers.field.industry')} value={industryLabel(e.industry, lang)} />
            <Field label={t('employers.field.employees')} value={e.employees.toLocaleString()} />
            <Field label={t('employers.field.region')} value={regionLabel(e.sido, e.sigungu, lang)} />
            <Field label={t('employers.field.contactName')} value={e.contactName ?? '-'} />
            <Field
              label={t('employers.field.contactPhone')}
              value={e.contactPhone ? formatPhone(e.contactPhone) : '-'}
            />
            <Field label={t('employers.field.contactEmail')} value={e.contactEmail ?? '-'} />
          </Box>
        )}
      </Paper>

      <ProfilingCard detail={d} onSaved={(next) => applied(next)} />
      {showPackage && <PackageCard detail={d} onSaved={(next) => applied(next)} />}
      <OpeningsCard detail={d} />
      <ContactsCard detail={d} onSaved={(next) => applied(next)} />
      <Snackbar
        open={toast !== null}
        autoHideDuration={3000}
        onClose={() => setToast(null)}
        message={toast ? t(toast) : ''}
      />
    </Stack>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography>{value}</Typography>
    </Box>
  );
}

function SectionTitle({ children, action }: { children: React.ReactNode; action?: React.ReactNode }) {
  return (
    <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
      <Typography variant="h6" component="h2" sx={{ fontWeight: 700, flex: 1 }}>
        {children}
      </Typography>
      {action}
    </Stack>
  );
}

// ---- Profiling (구인기업 유형분류) ----

function ProfilingCard({
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

const STATUS_COLOR = {
  planned: 'default',
  'in-progress': 'primary',
  done: 'success',
  'not-needed': 'default',
} as const;

function PackageCard({ detail, onSaved }: { detail: EmployerDetail; onSaved: (d: EmployerDetail) => void }) {
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

function PackageStepDialog(props: {
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
          <TextField
            type="date"
            label={t('package.field.on')}
            value={on}
            onChange={(e) => setOn(e.target.value)}
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

function OpeningsCard({ detail }: { detail: EmployerDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <SectionTitle
        action={
          <Button
            variant="contained"
            startIcon={<AddIcon />}
            component={Link}
            to={`/openings/new?employerId=${detail.employer.id}`}
            data-testid="new-opening"
          >
            {t('employers.newOpening')}
          </Button>
        }
      >
        {t('employers.openings')}
      </SectionTitle>
      {detail.openings.length === 0 && (
        <Typography color="text.secondary">{t('employers.noOpenings')}</Typography>
      )}
      <Stack divider={<Divider />}>
        {detail.openings.map((o) => (
          <Stack
            key={o.id}
            direction="row"
            spacing={2}
            tabIndex={0}
            onClick={() => void navigate(`/openings/${o.id}`)}
            onKeyDown={(e) => e.key === 'Enter' && void navigate(`/openings/${o.id}`)}
            sx={{ py: 1, alignItems: 'center', cursor: 'pointer', '&:hover': { bgcolor: 'action.hover' } }}
            data-testid="employer-opening"
          >
            <Typography sx={{ fontWeight: 600, flex: 2 }}>{o.title}</Typography>
            <Typography sx={{ flex: 2 }}>{occupationLabel(o.occupation, lang)}</Typography>
            <Typography sx={{ flex: 1 }}>{t('openings.wage', { value: won(o.wage, lang) })}</Typography>
            <Typography sx={{ flex: 1 }}>
              {t('openings.filledOf', { filled: o.filled, positions: o.positions })}
            </Typography>
            <Chip
              size="small"
              color={o.status === 'open' ? 'primary' : 'default'}
              label={t(`openings.status.${o.status}`)}
            />
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}

// ---- Discovery contacts (구인애로 기업 발굴) ----

function ContactsCard({ detail, onSaved }: { detail: EmployerDetail; onSaved: (d: EmployerDetail) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [open, setOpen] = useState(false);
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <SectionTitle
        action={
          <Button startIcon={<AddIcon />} onClick={() => setOpen(true)} data-testid="log-contact">
            {t('discovery.log')}
          </Button>
        }
      >
        {t('discovery.contacts')}
      </SectionTitle>
      {detail.contacts.length === 0 && (
        <Typography color="text.secondary">{t('discovery.noContacts')}</Typography>
      )}
      <Stack divider={<Divider />}>
        {detail.contacts.map((c) => (
          <Stack key={c.id} direction="row" spacing={2} sx={{ py: 1, alignItems: 'baseline' }}>
            <Typography sx={{ width: 100 }}>{dayLabel(c.contactedOn, lang)}</Typography>
            <Chip size="small" variant="outlined" label={t(`discovery.kind.${c.kind}`)} />
            <Chip size="small" label={t(`discovery.outcome.${c.outcome}`)} />
            <Typography sx={{ flex: 1 }} variant="body2">
              {c.note}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {c.nextOn ? `${t('discovery.nextOn')} ${dayLabel(c.nextOn, lang)}` : ''} · {c.counselorName}
            </Typography>
          </Stack>
        ))}
      </Stack>
      {open && (
        <ContactDialog
          employerId={detail.employer.id}
          onClose={() => setOpen(false)}
          onSaved={(d) => {
            setOpen(false);
            onSaved(d);
          }}
        />
      )}
    </Paper>
  );
}

function ContactDialog(props: {
  employerId: string;
  onClose: () => void;
  onSaved: (d: EmployerDetail) => void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ContactKind>('call');
  const [outcome, setOutcome] = useState<ContactOutcome>('interested');
  const [contactedOn, setContactedOn] = useState(todayLocal());
  const [nextOn, setNextOn] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  async function save() {
    try {
      props.onSaved(
        await call('employers:logContact', {
          employerId: props.employerId,
          kind,
          outcome,
          contactedOn,
          nextOn: nextOn || null,
          note,
        }),
      );
    } catch (e) {
      setError(errorOf(e));
    }
  }
  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="sm">
      <DialogTitle>{t('discovery.logTitle')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {error && <Alert severity="error">{t(error.message)}</Alert>}
          <Stack direction="row" spacing={2}>
            <TextField
              select
              fullWidth
              label={t('discovery.kindLabel')}
              value={kind}
              onChange={(e) => setKind(e.target.value as ContactKind)}
            >
              {CONTACT_KINDS.map((k) => (
                <MenuItem key={k} value={k}>
                  {t(`discovery.kind.${k}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              fullWidth
              label={t('discovery.outcomeLabel')}
              value={outcome}
              onChange={(e) => setOutcome(e.target.value as ContactOutcome)}
            >
              {CONTACT_OUTCOMES.map((k) => (
                <MenuItem key={k} value={k}>
                  {t(`discovery.outcome.${k}`)}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
          <Stack direction="row" spacing={2}>
            <TextField
              fullWidth
              type="date"
              label={t('discovery.contactedOn')}
              value={contactedOn}
              onChange={(e) => setContactedOn(e.target.value)}
              slotProps={{ inputLabel: { shrink: true } }}
            />
            <TextField
              fullWidth
              type="date"
              label={t('discovery.nextOn')}
              value={nextOn}
              onChange={(e) => setNextOn(e.target.value)}
              slotProps={{ inputLabel: { shrink: true } }}
            />
          </Stack>
          <TextField
            label={t('discovery.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            multiline
            minRows={2}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('employers.cancel')}</Button>
        <Button variant="contained" onClick={() => void save()} data-testid="save-contact">
          {t('employers.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
