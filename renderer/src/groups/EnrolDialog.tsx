import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrolResult, GroupRunSummary } from '../../../shared/contract/groups.ts';
import type { BulkSelection } from '../../../shared/contract/worklist.ts';
import type { JobseekerFilter, SavedFilter } from '../../../shared/domain/jobseeker-filters.ts';
import { TRACKS } from '../../../shared/domain/jobseeker.ts';
import { call } from '../api.ts';
import { errorMessage } from './labels.ts';

// Enrolling in bulk from a filter (issue 17 item 3): whose cases (the caller's caseload or the center's),
// one of the caller's saved filters of the jobseeker list or a track, and an optional name search — the
// same selection the list's bulk actions use. More people than free seats is refused with the numbers,
// unless "the rest wait" is ticked.

export function EnrolDialog(props: {
  open: boolean;
  run: GroupRunSummary;
  onClose: (result: EnrolResult | null) => void;
}) {
  const { t } = useTranslation();
  const [mine, setMine] = useState(true);
  const [saved, setSaved] = useState<SavedFilter[]>([]);
  const [filterId, setFilterId] = useState('');
  const [track, setTrack] = useState('');
  const [query, setQuery] = useState('');
  const [waitlist, setWaitlist] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!props.open) return;
    void call('filters:list', {}).then(setSaved, () => setSaved([]));
  }, [props.open]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const base: JobseekerFilter = saved.find((f) => f.id === filterId)?.filter ?? {};
    const filter: JobseekerFilter = track ? { ...base, track: track as JobseekerFilter['track'] } : base;
    const selection: BulkSelection = { kind: 'filter', query, filter, mine };
    setBusy(true);
    try {
      props.onClose(await call('groups:addFromFilter', { programmeId: props.run.id, selection, waitlist }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const left = Math.max(0, props.run.capacity - props.run.seated);
  return (
    <Dialog open={props.open} onClose={() => props.onClose(null)} fullWidth maxWidth="sm">
      <form onSubmit={(e) => void submit(e)} data-testid="groups-enrol-dialog">
        <DialogTitle>{t('groups.enrolDialog.title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {error && (
              <Alert severity="error" data-testid="groups-enrol-error">
                {t(error)}
              </Alert>
            )}
            <Typography>
              {t('groups.enrolDialog.seatsLeft', { left, capacity: props.run.capacity })}
            </Typography>
            <TextField
              select
              label={t('groups.enrolDialog.source')}
              value={mine ? 'mine' : 'all'}
              onChange={(e) => setMine(e.target.value === 'mine')}
            >
              <MenuItem value="mine">{t('groups.enrolDialog.mine')}</MenuItem>
              <MenuItem value="all">{t('groups.enrolDialog.all')}</MenuItem>
            </TextField>
            <TextField
              select
              label={t('groups.enrolDialog.savedFilter')}
              value={filterId}
              onChange={(e) => setFilterId(e.target.value)}
              slotProps={{
                select: { SelectDisplayProps: { 'data-testid': 'groups-enrol-filter' } as object },
              }}
            >
              <MenuItem value="">{t('groups.enrolDialog.noFilter')}</MenuItem>
              {saved.map((f) => (
                <MenuItem key={f.id} value={f.id}>
                  {f.name} ({f.count})
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              label={t('groups.enrolDialog.track')}
              value={track}
              onChange={(e) => setTrack(e.target.value)}
              slotProps={{
                select: { SelectDisplayProps: { 'data-testid': 'groups-enrol-track' } as object },
              }}
            >
              <MenuItem value="">{t('groups.enrolDialog.anyTrack')}</MenuItem>
              {TRACKS.map((tr) => (
                <MenuItem key={tr} value={tr}>
                  {t(`jobseekers.track_${tr}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              label={t('groups.enrolDialog.query')}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              slotProps={{ htmlInput: { maxLength: 50, 'data-testid': 'groups-enrol-query' } }}
            />
            <FormControlLabel
              control={
                <Checkbox
                  checked={waitlist}
                  onChange={(e) => setWaitlist(e.target.checked)}
                  slotProps={{ input: { 'data-testid': 'groups-enrol-waitlist' } as object }}
                />
              }
              label={t('groups.enrolDialog.waitlist')}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => props.onClose(null)}>{t('groups.enrolDialog.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid="groups-enrol-save">
            {t('groups.enrolDialog.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
