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
  MenuItem,
  Paper,
  Radio,
  RadioGroup,
  Stack,
  Switch,
  Tab,
  Tabs,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { AppError } from '../../../shared/contract/result.ts';
import type { DueFollowUpRow, ReferralSummary } from '../../../shared/domain/employers.ts';
import { CLOSED_STATES, type ReferralState } from '../../../shared/referrals/state-machine.ts';
import { call } from '../api.ts';
import { useAuth } from '../auth/AuthProvider.tsx';
import { dayLabel, errorOf, useChannel, useLang } from '../employers/common.tsx';
import { ReferralDialog, ReferralStateChip } from './ReferralDialog.tsx';
import { VirtualTable } from '../common/VirtualTable.tsx';

// Routes under /referrals/* (issue 4): the counselor's referrals by state (board or table) and the
// follow-ups (사후관리) due after placements.

/** Hires by the next follow-up due (soonest first, finished last); other columns by the latest change. */
function boardOrder(column: string) {
  return (a: ReferralSummary, b: ReferralSummary): number => {
    if (column === 'hired') {
      const da = a.nextFollowUp?.dueOn ?? '9999';
      const db = b.nextFollowUp?.dueOn ?? '9999';
      if (da !== db) return da < db ? -1 : 1;
    }
    return (b.stateAt ?? '').localeCompare(a.stateAt ?? '');
  };
}

const BOARD_COLUMNS: Array<{ key: string; states: readonly ReferralState[] }> = [
  { key: 'proposed', states: ['proposed'] },
  { key: 'referred', states: ['referred'] },
  { key: 'interview', states: ['interview'] },
  { key: 'hired', states: ['hired'] },
  { key: 'closed', states: CLOSED_STATES },
];
/** Cards per column on the board; the table shows everything. */
const COLUMN_CARDS = 60;

export function ReferralsArea() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'board';
  const { session } = useAuth();
  const counselors = useChannel('referrals:counselors', {});
  const [chosen, setChosen] = useState<string>('');
  // A counselor sees their own referrals first; a supervisor picks whose (the first counselor by default).
  const counselorId =
    chosen || (session.role === 'counselor' ? session.userId : (counselors.value?.[0]?.id ?? ''));
  const board = useChannel('referrals:board', counselorId ? { counselorId } : null);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Stack spacing={2} sx={{ flex: 1, minHeight: 0 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 700, whiteSpace: 'nowrap' }}>
          {t('referrals.title')}
        </Typography>
        {board.value && (
          <Chip label={t('referrals.count', { count: board.value.total })} data-testid="referral-count" />
        )}
        <Box sx={{ flex: 1 }} />
        {counselors.value && counselors.value.length > 0 && (
          <TextField
            select
            size="small"
            label={t('referrals.counselor')}
            value={counselorId}
            onChange={(e) => setChosen(e.target.value)}
            sx={{ width: 240, flexShrink: 0 }}
            data-testid="board-counselor"
          >
            {counselors.value.map((c) => (
              <MenuItem key={c.id} value={c.id}>
                {c.name}
              </MenuItem>
            ))}
          </TextField>
        )}
      </Stack>
      <Tabs value={tab} onChange={(_e, v: string) => setParams(v === 'board' ? {} : { tab: v })}>
        <Tab value="board" label={t('referrals.tabBoard')} data-testid="tab-board" />
        <Tab value="table" label={t('referrals.tabTable')} data-testid="tab-table" />
        <Tab value="due" label={t('referrals.tabDue')} data-testid="tab-due" />
      </Tabs>
      {board.error && <Alert severity="error">{t(board.error.message)}</Alert>}
      {tab === 'due' ? (
        <DueFollowUps counselorId={counselorId} onOpen={setOpen} />
      ) : !board.value ? (
        <CircularProgress />
      ) : tab === 'table' ? (
        <ReferralTable rows={board.value.rows} onOpen={setOpen} />
      ) : (
        <Board rows={board.value.rows} onOpen={setOpen} />
      )}
      {open && (
        <ReferralDialog referralId={open} onClose={() => setOpen(null)} onChanged={() => board.reload()} />
      )}
    </Stack>
  );
}

function Board({ rows, onOpen }: { rows: ReferralSummary[]; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Box
      sx={{
        flex: 1,
        minHeight: 0,
        display: 'grid',
        gridTemplateColumns: 'repeat(5, minmax(0, 1fr))',
        gap: 1.5,
      }}
      data-testid="referral-board"
    >
      {BOARD_COLUMNS.map((col) => {
        const cards = rows
          .filter((r) => (col.states as readonly string[]).includes(r.state))
          .sort(boardOrder(col.key));
        return (
          <Paper
            key={col.key}
            variant="outlined"
            sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, bgcolor: 'grey.50' }}
            data-testid={`board-column-${col.key}`}
          >
            <Stack
              direction="row"
              sx={{ p: 1.5, alignItems: 'center', borderBottom: 1, borderColor: 'divider' }}
            >
              <Typography sx={{ fontWeight: 700, flex: 1 }}>
                {col.key === 'closed' ? t('referrals.closedColumn') : t(`referrals.state.${col.key}`)}
              </Typography>
              <Chip size="small" label={cards.length} />
            </Stack>
            <Stack spacing={1} sx={{ p: 1, overflow: 'auto', flex: 1 }}>
              {cards.slice(0, COLUMN_CARDS).map((r) => (
                <Paper
                  key={r.id}
                  variant="outlined"
                  tabIndex={0}
                  onClick={() => onOpen(r.id)}
                  onKeyDown={(e) => e.key === 'Enter' && onOpen(r.id)}
                  sx={{
                    p: 1,
                    cursor: 'pointer',
                    '&:hover, &:focus-visible': { borderColor: 'primary.main', outline: 'none' },
                  }}
                  data-testid="referral-card"
                >
                  <Stack direction="row" sx={{ alignItems: 'center' }}>
                    <Typography sx={{ fontWeight: 700, flex: 1 }} noWrap>
                      {r.jobseekerName}
                    </Typography>
                    {col.key === 'closed' && <ReferralStateChip state={r.state} />}
                  </Stack>
                  <Typography variant="body2" noWrap title={`${r.employerName} · ${r.openingTitle}`}>
                    {r.employerName}
                  </Typography>
                  <Typography variant="caption" color="text.secondary" noWrap component="div">
                    {r.openingTitle}
                  </Typography>
                  <Typography variant="caption" color="text.secondary">
                    {r.state === 'interview' && r.interviewOn
                      ? `${t('referrals.interviewOn')} ${dayLabel(r.interviewOn, lang)}`
                      : r.state === 'hired' && r.nextFollowUp
                        ? `${t('referrals.event.follow-up')} ${t('referrals.months', { months: r.nextFollowUp.months })} · ${dayLabel(r.nextFollowUp.dueOn, lang)}`
                        : dayLabel(r.stateAt, lang)}
                  </Typography>
                </Paper>
              ))}
              {cards.length > COLUMN_CARDS && (
                <Typography variant="caption" color="text.secondary" sx={{ p: 1 }}>
                  {t('referrals.moreInColumn', { count: cards.length - COLUMN_CARDS })}
                </Typography>
              )}
            </Stack>
          </Paper>
        );
      })}
    </Box>
  );
}

const TABLE_COLUMNS = '1fr 1.4fr 1.6fr 130px 110px 110px 110px';
const TABLE_ROW = 48;

function ReferralTable({ rows, onOpen }: { rows: ReferralSummary[]; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (rows.length === 0) return <Alert severity="info">{t('referrals.empty')}</Alert>;
  return (
    <VirtualTable
      columns={TABLE_COLUMNS}
      headers={[
        t('referrals.column.jobseeker'),
        t('referrals.column.employer'),
        t('referrals.column.opening'),
        t('referrals.column.state'),
        t('referrals.column.since'),
        t('referrals.column.interviewOn'),
        t('referrals.column.createdAt'),
      ]}
      count={rows.length}
      rowAt={(i) => rows[i]}
      rowKey={(r) => r.id}
      onOpen={(r) => onOpen(r.id)}
      rowTestId="referral-row"
      rowHeight={TABLE_ROW}
      ellipsis
      renderCells={(r) => (
        <>
          <Box role="gridcell" sx={{ fontWeight: 600 }}>
            {r.jobseekerName}
          </Box>
          <Box role="gridcell">{r.employerName}</Box>
          <Box role="gridcell">{r.openingTitle}</Box>
          <Box role="gridcell">
            <ReferralStateChip state={r.state} />
          </Box>
          <Box role="gridcell">{dayLabel(r.stateAt, lang)}</Box>
          <Box role="gridcell">{dayLabel(r.interviewOn, lang)}</Box>
          <Box role="gridcell">{dayLabel(r.createdAt, lang)}</Box>
        </>
      )}
    />
  );
}

const DUE_COLOR = { overdue: 'error', due: 'warning', upcoming: 'default' } as const;

function DueFollowUps({ counselorId, onOpen }: { counselorId: string; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [onlyDue, setOnlyDue] = useState(false);
  const due = useChannel('referrals:dueFollowUps', counselorId ? { counselorId, onlyDue } : null);
  const [placement, setPlacement] = useState<DueFollowUpRow | null>(null);
  return (
    <Stack spacing={1} sx={{ flex: 1, minHeight: 0 }}>
      <FormControlLabel
        control={<Switch checked={onlyDue} onChange={(e) => setOnlyDue(e.target.checked)} />}
        label={t('referrals.due.onlyDue')}
      />
      {due.error && <Alert severity="error">{t(due.error.message)}</Alert>}
      {due.value?.length === 0 && <Alert severity="info">{t('referrals.due.empty')}</Alert>}
      <Paper variant="outlined" sx={{ flex: 1, overflow: 'auto' }}>
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
              <th>{t('referrals.due.column.status')}</th>
              <th>{t('referrals.due.column.dueOn')}</th>
              <th>{t('referrals.due.column.check')}</th>
              <th>{t('referrals.due.column.jobseeker')}</th>
              <th>{t('referrals.due.column.employer')}</th>
              <th>{t('referrals.due.column.hiredAt')}</th>
              <th>{t('referrals.due.column.source')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(due.value ?? []).map((r) => (
              <tr key={`${r.source}-${r.id}`} data-testid="due-row">
                <td>
                  <Chip
                    size="small"
                    color={DUE_COLOR[r.status]}
                    label={t(`referrals.due.status.${r.status}`)}
                  />
                </td>
                <td>{dayLabel(r.dueOn, lang)}</td>
                <td>{t('referrals.months', { months: r.months })}</td>
                <td>
                  <Box
                    component={Link}
                    to={`/jobseekers/${r.jobseekerId}`}
                    sx={{ color: 'inherit', fontWeight: 700 }}
                  >
                    {r.jobseekerName}
                  </Box>
                </td>
                <td>{r.employerName}</td>
                <td>{dayLabel(r.hiredAt, lang)}</td>
                <td>{t(`referrals.due.source.${r.source}`)}</td>
                <td>
                  <Button
                    size="small"
                    disabled={r.status === 'upcoming'}
                    onClick={() => (r.source === 'referral' ? onOpen(r.id) : setPlacement(r))}
                  >
                    {t('referrals.due.record')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </Box>
      </Paper>
      {placement && (
        <PlacementFollowUpDialog
          row={placement}
          onClose={() => setPlacement(null)}
          onSaved={() => {
            setPlacement(null);
            due.reload();
          }}
        />
      )}
    </Stack>
  );
}

function PlacementFollowUpDialog(props: { row: DueFollowUpRow; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [employed, setEmployed] = useState<'yes' | 'no'>('yes');
  const [error, setError] = useState<AppError | null>(null);
  async function save() {
    try {
      await call('referrals:placementFollowUp', {
        placementId: props.row.id,
        months: props.row.months,
        employed: employed === 'yes',
      });
      props.onSaved();
    } catch (e) {
      setError(errorOf(e));
    }
  }
  return (
    <Dialog open onClose={props.onClose}>
      <DialogTitle>
        {props.row.jobseekerName} · {props.row.employerName} ·{' '}
        {t('referrals.months', { months: props.row.months })}
      </DialogTitle>
      <DialogContent>
        {error && <Alert severity="error">{t(error.message)}</Alert>}
        <RadioGroup value={employed} onChange={(e) => setEmployed(e.target.value as 'yes' | 'no')}>
          <FormControlLabel value="yes" control={<Radio />} label={t('referrals.employed')} />
          <FormControlLabel value="no" control={<Radio />} label={t('referrals.notEmployed')} />
        </RadioGroup>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('employers.cancel')}</Button>
        <Button variant="contained" onClick={() => void save()}>
          {t('employers.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
