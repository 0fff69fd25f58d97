import BookmarkAddIcon from '@mui/icons-material/BookmarkAdd';
import CancelIcon from '@mui/icons-material/Cancel';
import {
  Alert,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Stack,
  Switch,
  TextField,
} from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  activeFilterCount,
  type JobseekerFilter,
  type SavedFilter,
} from '../../../shared/domain/jobseeker-filters.ts';
import { JOBSEEKER_STATUSES, JOBSEEKER_TYPES, TRACKS } from '../../../shared/domain/jobseeker.ts';
import { CURRENT_CATALOGUE } from '../../../shared/programmes/catalogue.ts';
import { ApiError, call } from '../api.ts';
import { useDataGeneration } from '../data/freshness.ts';

// The jobseeker list's filters (issue 16 item 7) and 내 저장 검색: each saved search is a chip with how
// many cases match it now; a click applies it, the filters can be named and saved.

const ANY = '';

function SelectFilter(props: {
  label: string;
  value: string;
  options: Array<[string, string]>;
  onChange: (v: string) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <TextField
      select
      size="small"
      label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      sx={{ width: 160 }}
      slotProps={{ select: { SelectDisplayProps: { 'data-testid': props.testId } as object } }}
    >
      <MenuItem value={ANY}>{t('filters.any')}</MenuItem>
      {props.options.map(([v, label]) => (
        <MenuItem key={v} value={v}>
          {label}
        </MenuItem>
      ))}
    </TextField>
  );
}

export function FilterBar({
  filter,
  onChange,
}: {
  filter: JobseekerFilter;
  onChange: (f: JobseekerFilter) => void;
}) {
  const { t, i18n } = useTranslation();
  const generation = useDataGeneration();
  const [saved, setSaved] = useState<SavedFilter[]>([]);
  const [people, setPeople] = useState<Array<{ id: string; name: string }>>([]);
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void call('filters:list', {}).then(setSaved, () => setSaved([]));
  }, [generation]);
  useEffect(() => {
    void call('referrals:counselors', {}).then(setPeople, () => setPeople([]));
  }, []);

  const set = <K extends keyof JobseekerFilter>(key: K, value: JobseekerFilter[K] | undefined) => {
    const next = { ...filter };
    if (value === undefined) delete next[key];
    else next[key] = value;
    onChange(next);
  };

  async function save(e: FormEvent) {
    e.preventDefault();
    try {
      await call('filters:save', { name, filter });
      setSaving(false);
      setName('');
    } catch (err) {
      setError(err instanceof ApiError ? err.error.message : 'errors.internal');
    }
  }

  return (
    <Stack spacing={1.5} data-testid="filter-bar">
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'center' }}>
        <SelectFilter
          label={t('filters.status')}
          testId="filter-status"
          value={filter.status ?? ANY}
          options={JOBSEEKER_STATUSES.map((s) => [s, t(`filters.statuses.${s}`)])}
          onChange={(v) => set('status', (v || undefined) as JobseekerFilter['status'])}
        />
        <SelectFilter
          label={t('filters.type')}
          testId="filter-type"
          value={filter.type ?? ANY}
          options={JOBSEEKER_TYPES.map((v) => [v, t(`jobseekers.type_${v}`)])}
          onChange={(v) => set('type', (v || undefined) as JobseekerFilter['type'])}
        />
        <SelectFilter
          label={t('filters.track')}
          testId="filter-track"
          value={filter.track ?? ANY}
          options={TRACKS.map((v) => [v, t(`jobseekers.track_${v}`)])}
          onChange={(v) => set('track', (v || undefined) as JobseekerFilter['track'])}
        />
        <SelectFilter
          label={t('filters.counselor')}
          testId="filter-counselor"
          value={filter.counselor ?? ANY}
          options={[
            ['me', t('filters.me')],
            ['none', t('filters.none')],
            ...people.map((p): [string, string] => [p.id, p.name]),
          ]}
          onChange={(v) => set('counselor', v || undefined)}
        />
        <TextField
          size="small"
          type="number"
          label={t('filters.lastContact')}
          value={filter.lastContactOlderThanDays ?? ''}
          onChange={(e) => {
            const n = Number(e.target.value);
            set(
              'lastContactOlderThanDays',
              e.target.value && Number.isInteger(n) && n >= 1 && n <= 3650 ? n : undefined,
            );
          }}
          sx={{ width: 200 }}
          slotProps={{ htmlInput: { min: 1, max: 3650, 'data-testid': 'filter-last-contact' } }}
        />
        <SelectFilter
          label={t('filters.programme')}
          testId="filter-programme"
          value={filter.programme ?? ANY}
          options={CURRENT_CATALOGUE.programmes.map((p): [string, string] => [
            p.code,
            i18n.language === 'en' ? p.en : p.ko,
          ])}
          onChange={(v) => set('programme', v || undefined)}
        />
        <SelectFilter
          label={t('filters.openReferral')}
          testId="filter-open-referral"
          value={filter.openReferral === undefined ? ANY : filter.openReferral ? 'yes' : 'no'}
          options={[
            ['yes', t('filters.openReferralYes')],
            ['no', t('filters.openReferralNo')],
          ]}
          onChange={(v) => set('openReferral', v === '' ? undefined : v === 'yes')}
        />
        <FormControlLabel
          control={
            <Switch
              checked={filter.reassessmentDue === true}
              onChange={(e) => set('reassessmentDue', e.target.checked ? true : undefined)}
              slotProps={{ input: { 'data-testid': 'filter-reassessment' } as object }}
            />
          }
          label={t('filters.reassessmentDue')}
        />
        <FormControlLabel
          control={
            <Switch
              checked={filter.appointmentThisWeek === true}
              onChange={(e) => set('appointmentThisWeek', e.target.checked ? true : undefined)}
              slotProps={{ input: { 'data-testid': 'filter-appointment-week' } as object }}
            />
          }
          label={t('filters.appointmentThisWeek')}
        />
        {activeFilterCount(filter) > 0 && (
          <>
            <Button size="small" onClick={() => onChange({})}>
              {t('filters.clear')}
            </Button>
            <Button
              size="small"
              startIcon={<BookmarkAddIcon />}
              onClick={() => setSaving(true)}
              data-testid="filter-save"
            >
              {t('filters.save')}
            </Button>
          </>
        )}
      </Box>
      {saved.length > 0 && (
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Box component="span" sx={{ fontSize: 14, color: 'text.secondary' }}>
            {t('filters.saved')}
          </Box>
          {saved.map((s) => (
            <Chip
              key={s.id}
              data-testid="saved-filter"
              label={t('filters.savedCount', { name: s.name, count: s.count })}
              onClick={() => onChange(s.filter)}
              onDelete={() => void call('filters:delete', { id: s.id })}
              deleteIcon={<CancelIcon aria-label={t('filters.delete', { name: s.name })} />}
            />
          ))}
        </Stack>
      )}
      <Dialog open={saving} onClose={() => setSaving(false)}>
        <form onSubmit={(e) => void save(e)}>
          <DialogTitle>{t('filters.saveTitle')}</DialogTitle>
          <DialogContent>
            <Stack spacing={2} sx={{ pt: 1 }}>
              {error && <Alert severity="error">{t(error)}</Alert>}
              <TextField
                label={t('filters.name')}
                value={name}
                onChange={(e) => setName(e.target.value)}
                autoFocus
                required
                slotProps={{ htmlInput: { maxLength: 40, 'data-testid': 'filter-name' } }}
              />
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setSaving(false)}>{t('tasks.cancel')}</Button>
            <Button type="submit" variant="contained" data-testid="filter-save-apply">
              {t('filters.saveApply')}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </Stack>
  );
}
