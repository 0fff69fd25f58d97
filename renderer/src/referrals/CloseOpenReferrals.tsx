import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  FormGroup,
  Stack,
  Typography,
} from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralSummary } from '../../../shared/domain/employers.ts';
import { isOpenState } from '../../../shared/referrals/state-machine.ts';
import { call } from '../api.ts';
import { errorOf } from '../employers/common.tsx';

// After a hire (through a referral, or a placement found without one), the jobseeker's other referrals
// still in progress would stay "기업에 알선" for ever (issue 15, item 11). This asks, naming each one,
// whether to close them; closing records 알선 취소 with a note saying why, so the history stays whole.
// With nothing else open it shows nothing and reports done at once.

export function CloseOpenReferrals(props: {
  jobseekerId: string;
  /** The referral that led to the hire, not offered for closing. */
  hiredReferralId?: string | undefined;
  onDone: (closed: number) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<ReferralSummary[] | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { jobseekerId, hiredReferralId } = props;
  // The latest callback without re-running the lookup whenever the parent renders.
  const done = useRef(props.onDone);
  useEffect(() => {
    done.current = props.onDone;
  });
  const onDone = (closed: number) => done.current(closed);

  useEffect(() => {
    let live = true;
    call('referrals:forJobseeker', { jobseekerId }).then(
      (h) => {
        if (!live) return;
        const rest = h.referrals.filter(
          (r) => r.id !== hiredReferralId && isOpenState(r.state) && r.allowed.includes('cancelled'),
        );
        if (rest.length === 0) done.current(0);
        setOpen(rest);
        setChosen(new Set(rest.map((r) => r.id)));
      },
      // Without the list there is nothing to ask; the hire itself is saved.
      () => live && done.current(0),
    );
    return () => {
      live = false;
    };
  }, [jobseekerId, hiredReferralId]);

  if (!open || open.length === 0) return null;

  async function closeChosen() {
    setBusy(true);
    setError(null);
    const closed: string[] = [];
    try {
      for (const id of chosen) {
        await call('referrals:record', { referralId: id, kind: 'cancelled', note: t('closeReferrals.note') });
        closed.push(id);
      }
      onDone(closed.length);
    } catch (e) {
      setError(t(errorOf(e).message));
      // Those closed before the failure leave the list; the rest can be tried again.
      setOpen((list) => list?.filter((r) => !closed.includes(r.id)) ?? null);
      setChosen((s) => new Set([...s].filter((id) => !closed.includes(id))));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open onClose={() => onDone(0)} fullWidth maxWidth="sm" aria-labelledby="close-referrals-title">
      <DialogTitle id="close-referrals-title">
        {t('closeReferrals.title', { count: open.length })}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Typography variant="body2" sx={{ wordBreak: 'keep-all' }}>
            {t('closeReferrals.explain')}
          </Typography>
          <FormGroup data-testid="close-referrals-list">
            {open.map((r) => (
              <FormControlLabel
                key={r.id}
                control={
                  <Checkbox
                    checked={chosen.has(r.id)}
                    onChange={(e) =>
                      setChosen((s) => {
                        const next = new Set(s);
                        if (e.target.checked) next.add(r.id);
                        else next.delete(r.id);
                        return next;
                      })
                    }
                  />
                }
                // The stage in words, not a coloured chip: the list is read to decide, not scanned.
                label={`${r.employerName} · ${r.openingTitle} (${t(`referrals.state.${r.state}`)})`}
                data-testid="close-referral-option"
              />
            ))}
          </FormGroup>
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onDone(0)} data-testid="close-referrals-keep">
          {t('closeReferrals.keep')}
        </Button>
        <Button
          variant="contained"
          disabled={busy || chosen.size === 0}
          onClick={() => void closeChosen()}
          data-testid="close-referrals-confirm"
        >
          {t('closeReferrals.close', { count: chosen.size })}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
