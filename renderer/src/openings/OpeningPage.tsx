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
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { occupationLabel, regionLabel } from '../../../shared/reference/index.ts';
import { call } from '../api.ts';
import { scrollPageSx } from '../common/layout.ts';
import { dayLabel, EmployerTypeChip, errorOf, useChannel, useLang, won } from '../employers/common.tsx';
import { CandidateList } from './CandidateList.tsx';
import { OpeningForm, valuesOf } from './OpeningForm.tsx';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel.tsx';
import { OpeningReferrals } from './OpeningReferrals.tsx';
import { PrintButton } from '../documents/PrintButton.tsx';

// An opening: its details (the form is OpeningForm.tsx), its ranked candidates (CandidateList.tsx) and
// its referrals (OpeningReferrals.tsx).

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
  const asked = params.get('tab');
  const tab = asked === 'referrals' || asked === 'documents' ? asked : 'candidates';
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
        <Tab value="documents" label={t('attachments.tab')} data-testid="tab-documents" />
      </Tabs>
      {tab === 'documents' ? (
        // The opening's own papers (a job description, a scanned 구인신청서): issue 18 item 3.
        <AttachmentsPanel parent={{ table: 'job_openings', id }} />
      ) : tab === 'candidates' ? (
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
