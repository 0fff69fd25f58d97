import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import EditIcon from '@mui/icons-material/Edit';
import SendIcon from '@mui/icons-material/Send';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Chip,
  CircularProgress,
  FormControlLabel,
  Paper,
  Snackbar,
  Stack,
  Tab,
  Tabs,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { AppError } from '../../../shared/contract/result.ts';
import {
  openingFieldsSchema,
  type CandidateMatch,
  type Opening,
  type OpeningFields,
  type ReferralSummary,
} from '../../../shared/domain/employers.ts';
import type { MatchReason } from '../../../shared/matching/score.ts';
import { occupationLabel, regionLabel } from '../../../shared/reference/index.ts';
import { call } from '../api.ts';
import { useFormDraft } from '../data/drafts.tsx';
import { issueMessage } from '../../../shared/contract/messages.ts';
import {
  dayLabel,
  EmployerTypeChip,
  errorOf,
  JobseekerTypeChip,
  OccupationPicker,
  SidoSelect,
  SigunguSelect,
  useChannel,
  useLang,
  won,
} from '../employers/common.tsx';
import { ReferralDialog, ReferralStateChip } from '../referrals/ReferralDialog.tsx';
import { scrollPageSx } from '../common/layout.ts';
import { PrintButton } from '../documents/PrintButton.tsx';

// ---- The opening form ----

interface Values {
  title: string;
  occupation: string;
  sido: string;
  sigungu: string;
  wage: string;
  positions: string;
  requiredQualifications: string;
  public: boolean;
}

function OpeningForm(props: {
  initial: Values;
  /** The opening's id, or `new:<employer id>` for a new one (its draft's record key). */
  draftKey: string;
  onSubmit: (f: OpeningFields) => Promise<AppError | null>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [v, setV] = useState<Values>(props.initial);
  const [errors, setErrors] = useState<Partial<Record<keyof Values, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((old) => ({ ...old, [k]: value }));
  const draft = useFormDraft({
    form: 'opening',
    recordKey: props.draftKey,
    values: v,
    dirty: JSON.stringify(v) !== JSON.stringify(props.initial),
    restore: setV,
  });
  const err = (k: keyof Values) => ({
    error: Boolean(errors[k]),
    helperText: errors[k] ? t(errors[k]) : ' ',
  });

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const parsed = openingFieldsSchema.safeParse({
      title: v.title,
      occupation: v.occupation,
      sido: v.sido,
      sigungu: v.sigungu || null,
      wage: v.wage.trim() === '' ? undefined : Number(v.wage.replace(/[,\s]/g, '')),
      positions: v.positions.trim() === '' ? undefined : Number(v.positions),
      requiredQualifications: v.requiredQualifications
        .split(',')
        .map((q) => q.trim())
        .filter(Boolean),
      public: v.public,
    });
    if (!parsed.success) {
      const next: Partial<Record<keyof Values, string>> = {};
      for (const issue of parsed.error.issues)
        next[String(issue.path[0]) as keyof Values] = issueMessage(issue);
      setErrors(next);
      return;
    }
    setErrors({});
    setBusy(true);
    const error = await draft.saving(() => props.onSubmit(parsed.data));
    setBusy(false);
    if (!error) await draft.clear();
    if (error) {
      const field = error.field?.replace(/^fields\./, '') as keyof Values | undefined;
      if (field && field in props.initial) setErrors({ [field]: error.message });
      else setFormError(error.message);
    }
  }

  return (
    <Stack component="form" spacing={1} onSubmit={(e) => void submit(e)} noValidate>
      {draft.banner}
      {draft.guard}
      {formError && <Alert severity="error">{t(formError)}</Alert>}
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', columnGap: 2 }}>
        <TextField
          label={t('openings.field.title')}
          value={v.title}
          onChange={(e) => set('title', e.target.value)}
          {...err('title')}
          slotProps={{ htmlInput: { 'data-testid': 'field-title' } }}
        />
        <OccupationPicker
          label={t('openings.field.occupation')}
          value={v.occupation}
          onChange={(x) => set('occupation', x)}
          error={errors.occupation}
          testId="field-occupation"
        />
        <SidoSelect
          label={t('openings.field.sido')}
          value={v.sido}
          onChange={(x) => setV((old) => ({ ...old, sido: x, sigungu: '' }))}
          error={errors.sido}
          testId="field-openingSido"
        />
        <SigunguSelect
          label={t('openings.field.sigungu')}
          sido={v.sido}
          value={v.sigungu}
          onChange={(x) => set('sigungu', x)}
          testId="field-openingSigungu"
        />
        <TextField
          label={t('openings.field.wage')}
          value={v.wage}
          onChange={(e) => set('wage', e.target.value)}
          {...err('wage')}
          slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'field-wage' } }}
        />
        <TextField
          label={t('openings.field.positions')}
          value={v.positions}
          onChange={(e) => set('positions', e.target.value)}
          {...err('positions')}
          slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'field-positions' } }}
        />
        <TextField
          label={t('openings.field.requiredQualifications')}
          value={v.requiredQualifications}
          onChange={(e) => set('requiredQualifications', e.target.value)}
          error={Boolean(errors.requiredQualifications)}
          helperText={
            errors.requiredQualifications
              ? t(errors.requiredQualifications)
              : t('openings.field.qualificationsHint')
          }
          slotProps={{ htmlInput: { 'data-testid': 'field-qualifications' } }}
        />
        <Box>
          <FormControlLabel
            control={
              <Checkbox
                checked={v.public}
                onChange={(e) => set('public', e.target.checked)}
                data-testid="field-public"
              />
            }
            label={t('openings.field.public')}
          />
          <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
            {t('openings.field.publicHint')}
          </Typography>
        </Box>
      </Box>
      <Stack direction="row" spacing={1}>
        <Button type="submit" variant="contained" disabled={busy} data-testid="save-opening">
          {t('openings.save')}
        </Button>
        <Button onClick={props.onCancel}>{t('openings.cancel')}</Button>
      </Stack>
    </Stack>
  );
}

function valuesOf(o: Opening): Values {
  return {
    title: o.title,
    occupation: o.occupation,
    sido: o.sido,
    sigungu: o.sigungu ?? '',
    wage: String(o.wage),
    positions: String(o.positions),
    requiredQualifications: o.requiredQualifications.join(', '),
    public: o.public,
  };
}

export function NewOpeningPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const employerId = params.get('employerId') ?? '';
  const employer = useChannel('employers:get', employerId ? { id: employerId } : null);
  if (!employerId) return <Alert severity="info">{t('openings.newHint')}</Alert>;
  if (employer.error) return <Alert severity="error">{t(employer.error.message)}</Alert>;
  const e = employer.value?.employer;
  if (!e) return <CircularProgress />;
  return (
    <Stack spacing={2} sx={{ ...scrollPageSx, maxWidth: 960 }}>
      <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
        {t('openings.new')} · {e.name}
      </Typography>
      <Paper variant="outlined" sx={{ p: 3 }}>
        <OpeningForm
          initial={{
            title: '',
            occupation: '',
            sido: e.sido,
            sigungu: e.sigungu ?? '',
            wage: '',
            positions: '1',
            requiredQualifications: '',
            public: true,
          }}
          draftKey={`new:${e.id}`}
          onCancel={() => void navigate(`/employers/${e.id}`)}
          onSubmit={async (fields) => {
            try {
              const created = await call('openings:create', { employerId: e.id, fields });
              void navigate(`/openings/${created.id}`);
              return null;
            } catch (err) {
              return errorOf(err);
            }
          }}
        />
      </Paper>
    </Stack>
  );
}

// ---- One opening ----

export function OpeningPage() {
  const { id = '' } = useParams();
  return <OpeningView key={id} id={id} />;
}

function OpeningView({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const opening = useChannel('openings:get', { id });
  const [editing, setEditing] = useState(false);
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'referrals' ? 'referrals' : 'candidates';
  const [toast, setToast] = useState<string | null>(null);
  const [statusError, setStatusError] = useState<string | null>(null);
  const referrals = useChannel('referrals:forOpening', { openingId: id });
  const o = opening.value;
  if (opening.error) return <Alert severity="error">{t(opening.error.message)}</Alert>;
  if (!o) return <CircularProgress />;

  async function setStatus(status: 'open' | 'filled' | 'closed') {
    setStatusError(null);
    try {
      opening.set(await call('openings:setStatus', { id, status }));
    } catch (e) {
      setStatusError(errorOf(e).message);
    }
  }
  const changed = () => {
    opening.reload();
    referrals.reload();
  };

  return (
    <Stack spacing={2} sx={{ flex: 1, minHeight: 0 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Button component={Link} to="/openings" startIcon={<ArrowBackIcon />}>
          {t('openings.back')}
        </Button>
        <Button component={Link} to={`/employers/${o.employerId}`}>
          {o.employerName}
        </Button>
      </Stack>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }} data-testid="opening-title">
          {o.title}
        </Typography>
        <Chip
          color={o.status === 'open' ? 'primary' : 'default'}
          label={t(`openings.status.${o.status}`)}
          data-testid="opening-status"
        />
        <Chip
          variant="outlined"
          label={t('openings.filledOf', { filled: o.filled, positions: o.positions })}
          data-testid="opening-filled"
        />
        <Chip variant="outlined" label={o.public ? t('openings.publicYes') : t('openings.publicNo')} />
        <EmployerTypeChip type={o.employerType} />
        <Box sx={{ flex: 1 }} />
        <PrintButton kind="opening" recordId={o.id} />
        {!editing && (
          <Button startIcon={<EditIcon />} onClick={() => setEditing(true)} data-testid="edit-opening">
            {t('openings.edit')}
          </Button>
        )}
        {o.status === 'open' ? (
          <Button
            color="inherit"
            variant="outlined"
            onClick={() => void setStatus('closed')}
            data-testid="close-opening"
          >
            {t('openings.close')}
          </Button>
        ) : (
          <Button variant="outlined" onClick={() => void setStatus('open')} data-testid="reopen-opening">
            {t('openings.reopen')}
          </Button>
        )}
      </Stack>
      {statusError && <Alert severity="error">{t(statusError)}</Alert>}
      {o.status === 'open' && o.filled >= o.positions && (
        <Alert
          severity="info"
          action={
            <Button
              color="inherit"
              size="small"
              onClick={() => void setStatus('filled')}
              data-testid="mark-filled"
            >
              {t('openings.markFilled')}
            </Button>
          }
        >
          {t('openings.allFilled')}
        </Alert>
      )}
      <Paper variant="outlined" sx={{ p: 2 }}>
        {editing ? (
          <OpeningForm
            initial={valuesOf(o)}
            draftKey={o.id}
            onCancel={() => setEditing(false)}
            onSubmit={async (fields) => {
              try {
                opening.set(await call('openings:update', { id, baseSeq: o.seq, fields }));
                setEditing(false);
                return null;
              } catch (err) {
                return errorOf(err);
              }
            }}
          />
        ) : (
          <Stack direction="row" spacing={4} sx={{ flexWrap: 'wrap' }}>
            <Info
              label={t('openings.field.occupation')}
              value={`${occupationLabel(o.occupation, lang)} (${o.occupation})`}
            />
            <Info label={t('openings.field.region')} value={regionLabel(o.sido, o.sigungu, lang)} />
            <Info label={t('openings.field.wage')} value={won(o.wage, lang)} />
            <Info label={t('openings.field.positions')} value={String(o.positions)} />
            <Info
              label={t('openings.field.requiredQualifications')}
              value={o.requiredQualifications.join(', ') || '-'}
            />
            <Info label={t('openings.field.createdAt')} value={dayLabel(o.createdAt, lang)} />
          </Stack>
        )}
      </Paper>
      <Tabs value={tab} onChange={(_e, v: string) => setParams(v === 'candidates' ? {} : { tab: v })}>
        <Tab value="candidates" label={t('openings.tabCandidates')} data-testid="tab-candidates" />
        <Tab
          value="referrals"
          label={`${t('openings.tabReferrals')}${referrals.value ? ` (${referrals.value.length})` : ''}`}
          data-testid="tab-referrals"
        />
      </Tabs>
      {tab === 'candidates' ? (
        <CandidateList
          opening={o}
          onReferred={(name) => {
            setToast(t('referrals.created', { name }));
            changed();
          }}
        />
      ) : (
        <OpeningReferrals rows={referrals.value} onChanged={changed} />
      )}
      <Snackbar
        open={toast !== null}
        autoHideDuration={4000}
        onClose={() => setToast(null)}
        message={toast ?? ''}
      />
    </Stack>
  );
}

function Info({ label, value }: { label: string; value: string }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography>{value}</Typography>
    </Box>
  );
}

// ---- Ranked candidates (추천 구직자) ----

export function ReasonList({ reasons }: { reasons: MatchReason[] }) {
  const { t } = useTranslation();
  return (
    <Box component="ul" sx={{ m: 0, pl: 2 }}>
      {reasons.map((r) => (
        <Typography component="li" variant="body2" key={r.key}>
          {t(`matching.reason.${r.key}`, r.values ?? {})}
          {r.points !== 0 && (
            <Box component="span" sx={{ color: r.points > 0 ? 'success.main' : 'error.main', ml: 1 }}>
              {r.points > 0 ? '+' : ''}
              {t('matching.points', { points: r.points })}
            </Box>
          )}
        </Typography>
      ))}
    </Box>
  );
}

export function GapChip({ gap }: { gap: CandidateMatch['expectationGap'] }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!gap) return null;
  return (
    <Tooltip
      title={t('matching.gapDetail', {
        desired: won(gap.desiredWage, lang),
        offered: won(gap.offeredWage, lang),
        percent: gap.percentAbove,
      })}
    >
      <Chip
        size="small"
        color="warning"
        label={`${t('matching.gap')} +${gap.percentAbove}%`}
        data-testid="gap-chip"
      />
    </Tooltip>
  );
}

const CANDIDATE_ROW = 132;

function CandidateList({ opening, onReferred }: { opening: Opening; onReferred: (name: string) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const list = useChannel('matching:forOpening', { openingId: opening.id, limit: 500 });
  const [referred, setReferred] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const rows = list.value?.rows ?? [];
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CANDIDATE_ROW,
    overscan: 6,
  });

  async function refer(c: CandidateMatch) {
    setError(null);
    try {
      await call('referrals:create', { jobseekerId: c.jobseekerId, openingId: opening.id });
      setReferred((old) => new Set(old).add(c.jobseekerId));
      onReferred(c.name);
    } catch (e) {
      setError(errorOf(e).message);
    }
  }

  if (list.error) return <Alert severity="error">{t(list.error.message)}</Alert>;
  if (!list.value) return <CircularProgress />;
  return (
    <Stack spacing={1} sx={{ flex: 1, minHeight: 360 }}>
      <Typography variant="body2" color="text.secondary" data-testid="match-summary">
        {t('matching.summary', { total: list.value.total, ready: list.value.readyTotal, shown: rows.length })}
      </Typography>
      {opening.status !== 'open' && <Alert severity="info">{t('referrals.openingNotOpen')}</Alert>}
      {error && <Alert severity="error">{t(error)}</Alert>}
      {rows.length === 0 && <Alert severity="info">{t('matching.none')}</Alert>}
      <Paper
        variant="outlined"
        ref={scrollRef}
        sx={{ flex: 1, minHeight: 0, overflow: 'auto' }}
        data-testid="match-list"
      >
        <Box sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const c = rows[item.index];
            if (!c) return null;
            const done = referred.has(c.jobseekerId);
            const firstOther = c.pool === 'other' && rows[item.index - 1]?.pool === 'ready';
            return (
              <Box
                key={c.jobseekerId}
                data-index={item.index}
                ref={virtualizer.measureElement}
                data-testid="candidate-row"
                sx={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  transform: `translateY(${item.start}px)`,
                  borderBottom: 1,
                  borderTop: firstOther ? 3 : 0,
                  borderColor: 'divider',
                  px: 2,
                  py: 1.5,
                  display: 'grid',
                  gridTemplateColumns: '48px 1.3fr 2.4fr 110px',
                  gap: 2,
                  alignItems: 'start',
                }}
              >
                <Typography variant="h6" color="text.secondary" sx={{ textAlign: 'right' }}>
                  {item.index + 1}
                </Typography>
                <Stack spacing={0.5}>
                  <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                    <Box
                      component={Link}
                      to={`/jobseekers/${c.jobseekerId}`}
                      sx={{ fontWeight: 700, color: 'inherit' }}
                      data-testid="candidate-name"
                    >
                      {c.name}
                    </Box>
                    <Typography variant="body2" color="text.secondary">
                      {c.birthYear} · {c.regNo}
                    </Typography>
                  </Stack>
                  <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 0.5 }}>
                    <JobseekerTypeChip type={c.type} />
                    <GapChip gap={c.expectationGap} />
                  </Stack>
                  <Typography variant="body2" color="text.secondary">
                    {occupationLabel(c.desiredOccupation, lang)} · {regionLabel(c.sido, c.sigungu, lang)}
                    {c.desiredWage !== null &&
                      ` · ${t('openings.wage', { value: won(c.desiredWage, lang) })}`}
                  </Typography>
                  {c.missingQualifications.length > 0 && (
                    <Typography variant="body2" color="warning.main">
                      {t('matching.missing', { list: c.missingQualifications.join(', ') })}
                    </Typography>
                  )}
                </Stack>
                <ReasonList reasons={c.reasons} />
                <Stack spacing={1} sx={{ alignItems: 'flex-end' }}>
                  <Typography variant="h6" sx={{ fontWeight: 700 }} data-testid="candidate-score">
                    {t('matching.score', { score: c.score })}
                  </Typography>
                  <Button
                    variant={done ? 'outlined' : 'contained'}
                    size="small"
                    startIcon={<SendIcon />}
                    disabled={done || opening.status !== 'open'}
                    onClick={() => void refer(c)}
                    data-testid="refer-candidate"
                    // The name starts with the visible text (WCAG 2.5.3) and tells the candidates apart.
                    aria-label={`${done ? t('matching.referred') : t('matching.refer')}: ${c.name}`}
                    title={t('matching.referTitle', { name: c.name })}
                  >
                    {done ? t('matching.referred') : t('matching.refer')}
                  </Button>
                </Stack>
              </Box>
            );
          })}
        </Box>
      </Paper>
    </Stack>
  );
}

// ---- The opening's referrals and their states ----

function OpeningReferrals({ rows, onChanged }: { rows: ReferralSummary[] | null; onChanged: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [open, setOpen] = useState<string | null>(null);
  if (!rows) return <CircularProgress />;
  if (rows.length === 0) return <Alert severity="info">{t('referrals.empty')}</Alert>;
  return (
    <Paper variant="outlined" sx={{ overflow: 'auto' }}>
      <Box
        component="table"
        sx={{
          width: '100%',
          borderCollapse: 'collapse',
          '& td, & th': {
            px: 2,
            py: 1,
            borderBottom: 1,
            borderColor: 'divider',
            textAlign: 'left',
            fontSize: 14,
          },
        }}
      >
        <thead>
          <tr>
            <th>{t('referrals.column.jobseeker')}</th>
            <th>{t('referrals.column.state')}</th>
            <th>{t('referrals.column.since')}</th>
            <th>{t('referrals.column.interviewOn')}</th>
            <th>{t('referrals.column.createdAt')}</th>
            <th>{t('referrals.counselor')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <Box
              component="tr"
              key={r.id}
              tabIndex={0}
              onClick={() => setOpen(r.id)}
              onKeyDown={(e) => e.key === 'Enter' && setOpen(r.id)}
              sx={{ cursor: 'pointer', '&:hover': { bgcolor: 'action.hover' } }}
              data-testid="opening-referral-row"
            >
              <td>
                <b>{r.jobseekerName}</b>
              </td>
              <td>
                <ReferralStateChip state={r.state} />
              </td>
              <td>{dayLabel(r.stateAt, lang)}</td>
              <td>{dayLabel(r.interviewOn, lang)}</td>
              <td>{dayLabel(r.createdAt, lang)}</td>
              <td>{r.counselorName}</td>
            </Box>
          ))}
        </tbody>
      </Box>
      {open && <ReferralDialog referralId={open} onClose={() => setOpen(null)} onChanged={onChanged} />}
    </Paper>
  );
}
