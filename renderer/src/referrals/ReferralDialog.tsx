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
  FormControlLabel,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReferralAttachments } from '../attachments/ReferralAttachments.tsx';
import { Link } from 'react-router';
import type { AppError } from '../../../shared/contract/result.ts';
import type { ReferralDetail, ReferralSummary } from '../../../shared/domain/employers.ts';
import type { ReferralEventKind } from '../../../shared/referrals/state-machine.ts';
import { call } from '../api.ts';
import { dayLabel, errorOf, timeLabel, todayLocal, useChannel, useLang } from '../employers/common.tsx';
import { CloseOpenReferrals } from './CloseOpenReferrals.tsx';
import { DateField } from '../common/DateField.tsx';

// One referral (알선): its history (who and when, every event) and the next step the state allows.
// Only allowed events are offered; main checks again and explains any refusal.

export const STATE_COLORS = {
  new: 'default',
  proposed: 'default',
  referred: 'info',
  interview: 'primary',
  hired: 'success',
  'not-hired': 'default',
  declined: 'default',
  'no-show': 'warning',
  cancelled: 'default',
} as const;

export function ReferralStateChip({ state }: { state: ReferralSummary['state'] }) {
  const { t } = useTranslation();
  return (
    <Chip
      size="small"
      color={STATE_COLORS[state]}
      label={t(`referrals.state.${state}`)}
      data-testid="referral-state"
    />
  );
}

/** Events to offer now: a follow-up only once its day has come. */
export function offeredEvents(r: ReferralSummary, today: string): ReferralEventKind[] {
  return r.allowed.filter(
    (k) => k !== 'follow-up' || (r.nextFollowUp !== null && r.nextFollowUp.dueOn <= today),
  );
}

export function ReferralDialog(props: {
  referralId: string;
  onClose: () => void;
  onChanged: (r: ReferralDetail) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const loaded = useChannel('referrals:get', { id: props.referralId });
  const [kind, setKind] = useState<ReferralEventKind | ''>('');
  const [note, setNote] = useState('');
  const [interviewOn, setInterviewOn] = useState('');
  const [hiredOn, setHiredOn] = useState(todayLocal());
  const [employed, setEmployed] = useState<'yes' | 'no'>('yes');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  // After a hire: ask about the jobseeker's other referrals still open, then say how many closed.
  const [askOthers, setAskOthers] = useState(false);
  const [closedOthers, setClosedOthers] = useState(0);
  const r = loaded.value;
  const today = todayLocal();
  const offered = r ? offeredEvents(r, today) : [];

  async function save() {
    if (!r || !kind) return;
    setBusy(true);
    setError(null);
    try {
      const next = await call('referrals:record', {
        referralId: r.id,
        kind,
        note,
        ...(kind === 'interview' && interviewOn ? { interviewOn } : {}),
        ...(kind === 'hired' ? { hiredOn } : {}),
        ...(kind === 'follow-up' && r.nextFollowUp
          ? { months: r.nextFollowUp.months, employed: employed === 'yes' }
          : {}),
      });
      loaded.set(next);
      props.onChanged(next);
      if (kind === 'hired') setAskOthers(true);
      setKind('');
      setNote('');
      setInterviewOn('');
    } catch (e) {
      setError(errorOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="md" data-testid="referral-dialog">
      {!r ? (
        <DialogContent>
          {loaded.error ? <Alert severity="error">{t(loaded.error.message)}</Alert> : <CircularProgress />}
        </DialogContent>
      ) : (
        <>
          <DialogTitle>
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <Box component={Link} to={`/jobseekers/${r.jobseekerId}`} sx={{ color: 'inherit' }}>
                {r.jobseekerName}
              </Box>
              <span>→</span>
              <Box component={Link} to={`/openings/${r.openingId}`} sx={{ color: 'inherit' }}>
                {r.employerName} · {r.openingTitle}
              </Box>
              <ReferralStateChip state={r.state} />
            </Stack>
          </DialogTitle>
          <DialogContent dividers>
            <ReferralAttachments referralId={r.id} jobseekerId={r.jobseekerId} />
            <Typography variant="subtitle2" sx={{ fontWeight: 700, mb: 1 }}>
              {t('referrals.history')}
            </Typography>
            <Box component="ol" sx={{ m: 0, pl: 3, mb: 2 }} data-testid="referral-events">
              {r.events.map((e) => (
                <Typography component="li" variant="body2" key={e.id} sx={{ mb: 0.5 }}>
                  <b>
                    {e.kind === 'follow-up'
                      ? t(e.employed ? 'referrals.followUpEmployed' : 'referrals.followUpLeft', {
                          months: e.months,
                        })
                      : t(`referrals.event.${e.kind}`)}
                  </b>
                  {e.interviewOn && ` · ${t('referrals.interviewOn')} ${dayLabel(e.interviewOn, lang)}`} ·{' '}
                  {timeLabel(e.at, lang)} · {e.counselorName}
                  {e.note && (
                    <Box component="span" sx={{ color: 'text.secondary' }}>
                      {' '}
                      — {e.note}
                    </Box>
                  )}
                </Typography>
              ))}
            </Box>
            {offered.length === 0 ? (
              <Alert severity="info">
                {r.state === 'hired' && r.nextFollowUp
                  ? t('referrals.followUpNotYet', {
                      months: r.nextFollowUp.months,
                      date: dayLabel(r.nextFollowUp.dueOn, lang),
                    })
                  : t('referrals.noNext')}
              </Alert>
            ) : (
              <Stack spacing={2}>
                <Typography variant="subtitle2" sx={{ fontWeight: 700 }}>
                  {t('referrals.record')}
                </Typography>
                <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
                  {offered.map((k) => (
                    <Button
                      key={k}
                      variant={kind === k ? 'contained' : 'outlined'}
                      color={
                        k === 'hired'
                          ? 'success'
                          : k === 'cancelled' || k === 'not-hired'
                            ? 'inherit'
                            : 'primary'
                      }
                      onClick={() => setKind(k)}
                      data-testid={`event-${k}`}
                    >
                      {k === 'follow-up' && r.nextFollowUp
                        ? `${t('referrals.event.follow-up')} (${t('referrals.months', { months: r.nextFollowUp.months })})`
                        : t(`referrals.event.${k}`)}
                    </Button>
                  ))}
                </Stack>
                {kind === 'interview' && (
                  <DateField
                    label={t('referrals.interviewOn')}
                    value={interviewOn}
                    onChange={(day) => setInterviewOn(day)}
                    slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'interview-on' } }}
                    sx={{ width: 220 }}
                  />
                )}
                {kind === 'hired' && (
                  <DateField
                    label={t('forms.hiredOn')}
                    value={hiredOn}
                    onChange={(day) => setHiredOn(day)}
                    slotProps={{
                      inputLabel: { shrink: true },
                      htmlInput: { 'data-testid': 'hired-on', max: today },
                    }}
                    sx={{ width: 220 }}
                  />
                )}
                {kind === 'follow-up' && (
                  <RadioGroup
                    row
                    value={employed}
                    onChange={(e) => setEmployed(e.target.value as 'yes' | 'no')}
                  >
                    <FormControlLabel value="yes" control={<Radio />} label={t('referrals.employed')} />
                    <FormControlLabel value="no" control={<Radio />} label={t('referrals.notEmployed')} />
                  </RadioGroup>
                )}
                {kind && (
                  <TextField
                    label={t('referrals.note')}
                    value={note}
                    onChange={(e) => setNote(e.target.value)}
                    multiline
                    minRows={2}
                    slotProps={{ htmlInput: { 'data-testid': 'event-note' } }}
                  />
                )}
                {error && <Alert severity="error">{t(error.message)}</Alert>}
              </Stack>
            )}
            {closedOthers > 0 && (
              <Alert severity="success" sx={{ mt: 2 }} data-testid="closed-other-referrals">
                {t('closeReferrals.closed', { count: closedOthers })}
              </Alert>
            )}
            {askOthers && (
              <CloseOpenReferrals
                jobseekerId={r.jobseekerId}
                hiredReferralId={r.id}
                onDone={(closed) => {
                  setAskOthers(false);
                  setClosedOthers(closed);
                  if (closed > 0) props.onChanged(r);
                }}
              />
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={props.onClose} data-testid="close-referral">
              {t('referrals.close')}
            </Button>
            {offered.length > 0 && (
              <Button
                variant="contained"
                disabled={!kind || busy}
                onClick={() => void save()}
                data-testid="save-event"
              >
                {t('employers.save')}
              </Button>
            )}
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}
