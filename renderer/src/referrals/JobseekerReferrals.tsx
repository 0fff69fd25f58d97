import SendIcon from '@mui/icons-material/Send';
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
  Paper,
  Snackbar,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AppError } from '../../../shared/contract/result.ts';
import type { OpeningMatch } from '../../../shared/domain/employers.ts';
import { occupationLabel, regionLabel } from '../../../shared/reference/index.ts';
import { call } from '../api.ts';
import {
  dayLabel,
  errorOf,
  OccupationPicker,
  todayLocal,
  useChannel,
  useLang,
  won,
} from '../employers/common.tsx';
import { GapChip, ReasonList } from '../openings/CandidateList.tsx';
import { CloseOpenReferrals } from './CloseOpenReferrals.tsx';
import { ReferralDialog, ReferralStateChip } from './ReferralDialog.tsx';
import { DateField } from '../common/DateField.tsx';
import { PrintButton } from '../documents/PrintButton.tsx';

// The jobseeker page's 알선 tab: the referral history (with placements found without a referral) and
// the openings ranked for this jobseeker, each referable in one action.
export function JobseekerReferrals({ jobseekerId }: { jobseekerId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const history = useChannel('referrals:forJobseeker', { jobseekerId });
  const matches = useChannel('matching:forJobseeker', { jobseekerId, limit: 100 });
  const [open, setOpen] = useState<string | null>(null);
  const [addPlacement, setAddPlacement] = useState(false);
  const [askOthers, setAskOthers] = useState(false);
  const [toast, setToast] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const changed = () => {
    history.reload();
    matches.reload();
  };

  async function refer(o: OpeningMatch) {
    setError(null);
    try {
      const r = await call('referrals:create', { jobseekerId, openingId: o.openingId });
      setToast(t('referrals.created', { name: r.jobseekerName }));
      changed();
    } catch (e) {
      setError(errorOf(e).message);
    }
  }

  return (
    <Stack spacing={2} data-testid="jobseeker-referrals">
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
          <Typography variant="h6" component="h2" sx={{ fontWeight: 700, flex: 1 }}>
            {t('referrals.jobseekerHistory')}
          </Typography>
          <Button onClick={() => setAddPlacement(true)} data-testid="add-placement">
            {t('referrals.placement.add')}
          </Button>
        </Stack>
        {!history.value ? (
          history.error ? (
            <Alert severity="error">{t(history.error.message)}</Alert>
          ) : (
            <CircularProgress size={24} />
          )
        ) : history.value.referrals.length === 0 && history.value.placements.length === 0 ? (
          <Typography color="text.secondary">{t('referrals.noHistory')}</Typography>
        ) : (
          <Box
            component="table"
            sx={{
              width: '100%',
              borderCollapse: 'collapse',
              '& td, & th': {
                px: 1.5,
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
                <th>{t('referrals.column.createdAt')}</th>
                <th>{t('referrals.column.employer')}</th>
                <th>{t('referrals.column.opening')}</th>
                <th>{t('referrals.column.state')}</th>
                <th>{t('referrals.column.since')}</th>
                <th>{t('referrals.column.next')}</th>
                <th>{t('documents.kind.referral')}</th>
              </tr>
            </thead>
            <tbody>
              {history.value.referrals.map((r) => (
                <Box
                  component="tr"
                  key={r.id}
                  data-record-id={r.id}
                  tabIndex={0}
                  onClick={() => setOpen(r.id)}
                  onKeyDown={(e) => e.key === 'Enter' && setOpen(r.id)}
                  sx={{ cursor: 'pointer', '&:hover': { bgcolor: 'action.hover' } }}
                  data-testid="history-row"
                >
                  <td>{dayLabel(r.createdAt, lang)}</td>
                  <td>{r.employerName}</td>
                  <td>
                    <Box
                      component={Link}
                      to={`/openings/${r.openingId}`}
                      onClick={(e) => e.stopPropagation()}
                      sx={{ color: 'inherit' }}
                    >
                      {r.openingTitle}
                    </Box>
                  </td>
                  <td>
                    <ReferralStateChip state={r.state} />
                  </td>
                  <td>{dayLabel(r.stateAt, lang)}</td>
                  <td>
                    {r.nextFollowUp
                      ? `${t('referrals.event.follow-up')} ${t('referrals.months', { months: r.nextFollowUp.months })} · ${dayLabel(r.nextFollowUp.dueOn, lang)}`
                      : r.interviewOn && r.state === 'interview'
                        ? `${t('referrals.interviewOn')} ${dayLabel(r.interviewOn, lang)}`
                        : ''}
                  </td>
                  <td onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
                    <PrintButton kind="referral" recordId={r.id} label={t('documents.printLetter')} />
                  </td>
                </Box>
              ))}
              {history.value.placements.map((p) => (
                <tr key={p.id} data-testid="placement-row" data-record-id={p.id}>
                  <td>{dayLabel(p.createdAt, lang)}</td>
                  <td>{p.employerName}</td>
                  <td>{occupationLabel(p.occupation, lang) || '-'}</td>
                  <td>
                    <Chip
                      size="small"
                      color="success"
                      variant="outlined"
                      label={`${t('referrals.state.hired')} · ${t('referrals.placement.withoutReferral')}`}
                    />
                  </td>
                  <td>{dayLabel(p.hiredOn, lang)}</td>
                  <td>
                    {p.nextFollowUp
                      ? `${t('referrals.event.follow-up')} ${t('referrals.months', { months: p.nextFollowUp.months })} · ${dayLabel(p.nextFollowUp.dueOn, lang)}`
                      : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </Box>
        )}
      </Paper>

      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="h6" component="h2" sx={{ fontWeight: 700, mb: 1 }}>
          {t('matching.openingsTitle')}
        </Typography>
        {error && (
          <Alert severity="error" sx={{ mb: 1 }}>
            {t(error)}
          </Alert>
        )}
        {!matches.value ? (
          matches.error ? (
            <Alert severity="error">{t(matches.error.message)}</Alert>
          ) : (
            <CircularProgress size={24} />
          )
        ) : matches.value.blocked ? (
          <Alert severity="info">{t(`matching.blocked.${matches.value.blocked}`)}</Alert>
        ) : matches.value.rows.length === 0 ? (
          <Typography color="text.secondary">{t('matching.noOpenings')}</Typography>
        ) : (
          <Stack spacing={0}>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {t('matching.openingsSummary', { total: matches.value.total })}
            </Typography>
            {matches.value.rows.map((o, i) => (
              <Box
                key={o.openingId}
                sx={{
                  display: 'grid',
                  gridTemplateColumns: '32px 1.4fr 2fr 110px',
                  gap: 2,
                  py: 1.5,
                  borderTop: 1,
                  borderColor: 'divider',
                }}
                data-testid="opening-match"
              >
                <Typography color="text.secondary">{i + 1}</Typography>
                <Stack spacing={0.5}>
                  <Box
                    component={Link}
                    to={`/openings/${o.openingId}`}
                    sx={{ fontWeight: 700, color: 'inherit' }}
                  >
                    {o.title}
                  </Box>
                  <Typography variant="body2">{o.employerName}</Typography>
                  <Typography variant="body2" color="text.secondary">
                    {occupationLabel(o.occupation, lang)} · {regionLabel(o.sido, o.sigungu, lang)} ·{' '}
                    {t('openings.wage', { value: won(o.wage, lang) })} ·{' '}
                    {t('openings.filledOf', { filled: o.filled, positions: o.positions })}
                  </Typography>
                  <Box>
                    <GapChip gap={o.expectationGap} />
                  </Box>
                  {o.missingQualifications.length > 0 && (
                    <Typography variant="body2" color="warning.main">
                      {t('matching.missing', { list: o.missingQualifications.join(', ') })}
                    </Typography>
                  )}
                </Stack>
                <ReasonList
                  reasons={o.reasons.filter((r) => r.key !== 'poolReady' && r.key !== 'poolOther')}
                />
                <Stack spacing={1} sx={{ alignItems: 'flex-end' }}>
                  <Typography variant="h6" sx={{ fontWeight: 700 }}>
                    {t('matching.score', { score: o.score })}
                  </Typography>
                  <Button
                    size="small"
                    variant="contained"
                    startIcon={<SendIcon />}
                    onClick={() => void refer(o)}
                    data-testid="refer-opening"
                  >
                    {t('matching.refer')}
                  </Button>
                </Stack>
              </Box>
            ))}
          </Stack>
        )}
      </Paper>
      {open && <ReferralDialog referralId={open} onClose={() => setOpen(null)} onChanged={changed} />}
      {addPlacement && (
        <PlacementDialog
          jobseekerId={jobseekerId}
          onClose={() => setAddPlacement(false)}
          onSaved={() => {
            setAddPlacement(false);
            setToast(t('referrals.placement.saved'));
            changed();
            setAskOthers(true);
          }}
        />
      )}
      {askOthers && (
        <CloseOpenReferrals
          jobseekerId={jobseekerId}
          onDone={(closed) => {
            setAskOthers(false);
            if (closed > 0) {
              setToast(t('closeReferrals.closed', { count: closed }));
              changed();
            }
          }}
        />
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

function PlacementDialog(props: { jobseekerId: string; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [employerName, setEmployerName] = useState('');
  const [hiredOn, setHiredOn] = useState(todayLocal());
  const [occupation, setOccupation] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  async function save() {
    try {
      await call('referrals:recordPlacement', {
        jobseekerId: props.jobseekerId,
        employerName,
        hiredOn,
        ...(occupation ? { occupation } : {}),
        note,
      });
      props.onSaved();
    } catch (e) {
      setError(errorOf(e));
    }
  }
  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="sm">
      <DialogTitle>{t('referrals.placement.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography variant="body2" color="text.secondary">
            {t('referrals.placement.hint')}
          </Typography>
          {error && (
            <Alert severity="error">
              {error.issues?.length ? error.issues.map((i) => t(i.message)).join(' ') : t(error.message)}
            </Alert>
          )}
          <TextField
            label={t('referrals.placement.employerName')}
            value={employerName}
            onChange={(e) => setEmployerName(e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'placement-employer' } }}
          />
          <DateField
            label={t('referrals.placement.hiredOn')}
            value={hiredOn}
            onChange={(day) => setHiredOn(day)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <OccupationPicker
            label={t('referrals.placement.occupation')}
            value={occupation}
            onChange={setOccupation}
            testId="placement-occupation"
          />
          <TextField
            label={t('referrals.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            multiline
            minRows={2}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('employers.cancel')}</Button>
        <Button variant="contained" onClick={() => void save()} data-testid="save-placement">
          {t('employers.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
