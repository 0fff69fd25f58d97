import {
  Alert,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Checkbox,
  List,
  ListItem,
  ListItemText,
  MenuItem,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseGroupView, GroupRunSummary } from '../../../shared/contract/groups.ts';
import type { BulkSelection } from '../../../shared/contract/worklist.ts';
import { call } from '../api.ts';
import { useDataGeneration } from '../data/freshness.ts';
import { dayOf, errorMessage } from './labels.ts';

// A case's group programmes (issue 17 item 3), for the case page (the merger places it: a section of
// the case or a tab): each run the person takes part in with status and attendance, and enrolling them in
// one of the center's runs. Reading it is an audited read of the case (groups:ofJobseeker).

export function CaseGroupsPanel(props: { jobseekerId: string }) {
  const { t } = useTranslation();
  const generation = useDataGeneration();
  const [items, setItems] = useState<CaseGroupView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    let live = true;
    call('groups:ofJobseeker', { jobseekerId: props.jobseekerId }).then(
      (r) => live && setItems(r),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [props.jobseekerId, generation]);

  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="case-groups">
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography variant="h6" component="h2">
          {t('groups.case.title')}
        </Typography>
        <Button size="small" onClick={() => setOpen(true)} data-testid="case-groups-enrol">
          {t('groups.case.enrol')}
        </Button>
      </Stack>
      {error && <Alert severity="error">{t(error)}</Alert>}
      {items && items.length === 0 && <Typography color="text.secondary">{t('groups.case.none')}</Typography>}
      {items && items.length > 0 && (
        <List dense>
          {items.map((g) => (
            <ListItem key={g.participantId} disableGutters>
              <ListItemText
                primary={<Link to={`/groups/${g.programmeId}`}>{g.title}</Link>}
                secondary={`${t('groups.case.enrolled', { date: dayOf(g.enrolledAt) })} · ${t(
                  'groups.grid.rate',
                  {
                    attended: g.completion.attended,
                    sessions: g.completion.sessions,
                    pct: g.completion.pct,
                  },
                )}`}
              />
              <Chip
                size="small"
                color={g.status === 'completed' ? 'success' : 'default'}
                label={t(`groups.status.${g.status}`)}
              />
            </ListItem>
          ))}
        </List>
      )}
      <EnrolCaseDialog open={open} jobseekerIds={[props.jobseekerId]} onClose={() => setOpen(false)} />
    </Paper>
  );
}

/**
 * Enrols cases in a run of the center: one case (`jobseekerIds`), or the jobseeker list's bulk selection
 * (picked ones, or every case matching its search and filters).
 */
export function EnrolCaseDialog(props: {
  open: boolean;
  jobseekerIds?: string[];
  selection?: BulkSelection;
  onClose: (done: boolean) => void;
}) {
  const { t } = useTranslation();
  const [runs, setRuns] = useState<GroupRunSummary[]>([]);
  const [runId, setRunId] = useState('');
  const [waitlist, setWaitlist] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!props.open) return;
    void call('groups:list', {}).then(setRuns, () => setRuns([]));
  }, [props.open]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!runId) return;
    try {
      if (props.selection)
        await call('groups:addFromFilter', { programmeId: runId, selection: props.selection, waitlist });
      else
        await call('groups:addParticipants', {
          programmeId: runId,
          jobseekerIds: props.jobseekerIds ?? [],
          waitlist,
        });
      props.onClose(true);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <Dialog open={props.open} onClose={() => props.onClose(false)} fullWidth maxWidth="sm">
      <form onSubmit={(e) => void submit(e)}>
        <DialogTitle>{t('groups.case.enrol')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {error && <Alert severity="error">{t(error)}</Alert>}
            <TextField
              select
              required
              label={t('groups.case.pickRun')}
              value={runId}
              onChange={(e) => setRunId(e.target.value)}
            >
              {runs.map((r) => (
                <MenuItem key={r.id} value={r.id}>
                  {r.title} ({t('groups.seatsOf', { seated: r.seated, capacity: r.capacity })})
                </MenuItem>
              ))}
            </TextField>
            <FormControlLabel
              control={<Checkbox checked={waitlist} onChange={(e) => setWaitlist(e.target.checked)} />}
              label={t('groups.enrolDialog.waitlist')}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => props.onClose(false)}>{t('groups.enrolDialog.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={!runId}>
            {t('groups.case.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
