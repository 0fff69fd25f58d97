import {
  Alert,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Paper,
  Snackbar,
  Stack,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { GroupRunDetail, GroupSessionView } from '../../../shared/contract/groups.ts';
import type { AttendanceMark } from '../../../shared/domain/groups.ts';
import { call } from '../api.ts';
import { useAuth } from '../auth/AuthProvider.tsx';
import { scrollPageSx } from '../common/layout.ts';
import { AttendanceGrid } from './AttendanceGrid.tsx';
import { EnrolDialog } from './EnrolDialog.tsx';
import { programmeLabel } from './GroupListPage.tsx';
import { dayOf, errorMessage, shortDayClock, toLocalInput } from './labels.ts';
import { ArchiveDialog, EditRunDialog, EditSessionDialog } from './RunEditDialogs.tsx';
import { sessionInput, SessionFields, type SessionFieldValues } from './RunFields.tsx';

// One run's page: what it is (programme, edition, facilitator, place, completion threshold), its seats
// (flagged when over capacity after a sync), its sessions (add one), its participants (enrol in bulk from
// a filter) and the attendance grid with completion. Opening it is an audited read (groups:get); the
// page keeps the detail each write returns instead of reading again. The run is edited (and archived by
// a supervisor, with a reason) from its header; a session from its chip (its own capacity, flagged when
// marks synced from several PCs put it over).

export function GroupRunPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const [detail, setDetail] = useState<GroupRunDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [enrolling, setEnrolling] = useState(false);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState(false);
  const [editSession, setEditSession] = useState<GroupSessionView | null>(null);
  const [archiving, setArchiving] = useState<{ session: GroupSessionView | null } | null>(null);
  const { session } = useAuth();
  const navigate = useNavigate();

  useEffect(() => {
    let live = true;
    call('groups:get', { id }).then(
      (d) => live && setDetail(d),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [id]);

  const run = useCallback(async (work: () => Promise<GroupRunDetail>) => {
    setError(null);
    try {
      setDetail(await work());
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);

  async function mark(participantId: string, sessionId: string, m: AttendanceMark) {
    setError(null);
    try {
      const { session: s, ...p } = await call('groups:recordAttendance', {
        participantId,
        sessionId,
        mark: m,
      });
      setDetail(
        (d) =>
          d && {
            ...d,
            participants: d.participants.map((x) => (x.id === p.id ? p : x)),
            sessions: d.sessions.map((x) => (x.id === s.id ? s : x)),
          },
      );
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  if (!detail)
    return error ? <Alert severity="error">{t(error)}</Alert> : <Typography>{t('a11y.loading')}</Typography>;
  const r = detail.run;
  return (
    <Stack spacing={2} sx={scrollPageSx} data-testid="groups-run-page">
      <Box>
        <Link to="/groups">← {t('groups.run.back')}</Link>
      </Box>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'baseline', flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" data-testid="groups-run-title">
          {r.title}
        </Typography>
        <Typography color="text.secondary">
          {programmeLabel(r.programmeCode, r.catalogueVersion, i18n.language)}
        </Typography>
        <Chip
          label={t('groups.seatsOf', { seated: r.seated, capacity: r.capacity })}
          color={r.overCapacity ? 'warning' : 'default'}
          data-testid="groups-seats"
        />
        {!r.archived && (
          <Stack direction="row" spacing={1} sx={{ ml: 'auto' }}>
            <Button
              variant="outlined"
              size="small"
              onClick={() => setEditing(true)}
              data-testid="groups-edit-run"
            >
              {t('groups.edit.button')}
            </Button>
            {session.role === 'supervisor' && (
              <Button
                color="warning"
                size="small"
                onClick={() => setArchiving({ session: null })}
                data-testid="groups-archive-run"
              >
                {t('groups.archive.run')}
              </Button>
            )}
          </Stack>
        )}
      </Stack>
      {r.archived && (
        <Alert severity="info" data-testid="groups-archived">
          {t('groups.archive.archivedBody', {
            date: r.archivedAt ? dayOf(r.archivedAt) : '',
            reason: r.archiveReason ?? '',
          })}
        </Alert>
      )}
      <Typography variant="body2" color="text.secondary">
        {t('groups.run.facilitator', { name: r.facilitatorName ?? '' })}
        {r.place ? ` · ${t('groups.run.place', { place: r.place })}` : ''}
        {` · ${t('groups.run.completion', { pct: r.completionPct, version: r.catalogueVersion })}`}
      </Typography>
      {r.overCapacity && (
        <Alert severity="warning" data-testid="groups-over-capacity">
          {t('groups.overCapacityBody', { capacity: r.capacity, over: r.seated - r.capacity })}
        </Alert>
      )}
      {error && (
        <Alert severity="error" data-testid="groups-error">
          {t(error)}
        </Alert>
      )}
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
          <Typography variant="h6" component="h2">
            {t('groups.run.sessions')}
          </Typography>
          <Button size="small" onClick={() => setAdding(true)} data-testid="groups-add-session">
            {t('groups.run.addSession')}
          </Button>
        </Stack>
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', gap: 1 }} data-testid="groups-sessions">
          {detail.sessions.map((s) => {
            const label = `${t('groups.run.sessionNo', { n: s.sessionNo })} · ${shortDayClock(s.startsAt)} · ${s.durationMin}′${s.place ? ` · ${s.place}` : ''} · ${t('groups.sessionEdit.attendedOf', { attended: s.attended, capacity: s.capacity ?? r.capacity })}`;
            return (
              <Chip
                key={s.id}
                variant="outlined"
                color={s.overCapacity ? 'warning' : 'default'}
                data-testid="groups-session"
                label={label}
                {...(r.archived
                  ? {}
                  : {
                      onClick: () => setEditSession(s),
                      'aria-haspopup': 'dialog' as const,
                      // The visible words first (what a voice user says), then what pressing it does.
                      'aria-label': `${label} (${t('groups.sessionEdit.edit')})`,
                    })}
              />
            );
          })}
        </Stack>
        {detail.sessions
          .filter((s) => s.overCapacity)
          .map((s) => (
            <Alert key={s.id} severity="warning" sx={{ mt: 1 }} data-testid="groups-session-over">
              {t('groups.sessionEdit.overBody', {
                n: s.sessionNo,
                attended: s.attended,
                capacity: s.capacity ?? r.capacity,
              })}
            </Alert>
          ))}
      </Paper>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
          <Typography variant="h6" component="h2">
            {t('groups.run.participants')}
          </Typography>
          <Button
            variant="contained"
            size="small"
            onClick={() => setEnrolling(true)}
            data-testid="groups-enrol"
          >
            {t('groups.run.enrol')}
          </Button>
        </Stack>
        {detail.participants.length === 0 ? (
          <Typography color="text.secondary">{t('groups.run.noParticipants')}</Typography>
        ) : (
          <AttendanceGrid
            sessions={detail.sessions}
            participants={detail.participants}
            onMark={mark}
            onDecide={(participantId, outcome) =>
              void run(() => call('groups:recordCompletion', { participantId, outcome }))
            }
            onStatus={(participantId, status) =>
              void run(() => call('groups:setStatus', { participantId, status }))
            }
          />
        )}
      </Paper>
      <EnrolDialog
        open={enrolling}
        run={r}
        onClose={(result) => {
          setEnrolling(false);
          if (!result) return;
          setDetail(result.detail);
          setNotice(
            t('groups.enrolDialog.done', {
              enrolled: result.enrolled,
              waiting: result.waiting,
              skipped: result.skipped,
            }),
          );
        }}
      />
      {editing && (
        <EditRunDialog
          open
          run={r}
          onClose={(d) => {
            setEditing(false);
            if (d) setDetail(d);
          }}
        />
      )}
      {editSession && (
        <EditSessionDialog
          key={editSession.id}
          session={editSession}
          runCapacity={r.capacity}
          onClose={(d) => {
            setEditSession(null);
            if (d) setDetail(d);
          }}
          onArchive={(s) => {
            setEditSession(null);
            setArchiving({ session: s });
          }}
        />
      )}
      {archiving && (
        <ArchiveDialog
          open
          title={
            archiving?.session
              ? t('groups.archive.sessionTitle', { n: archiving.session.sessionNo })
              : t('groups.archive.runTitle', { title: r.title })
          }
          body={
            archiving?.session
              ? t(
                  archiving.session.marked
                    ? 'groups.archive.sessionMarkedBody'
                    : 'groups.archive.sessionBody',
                )
              : t('groups.archive.runBody')
          }
          onClose={() => setArchiving(null)}
          onConfirm={async (reason) => {
            const target = archiving?.session;
            if (target) {
              setDetail(await call('groups:archiveSession', { id: target.id, reason }));
              setArchiving(null);
            } else {
              await call('groups:archiveRun', { id: r.id, reason });
              setArchiving(null);
              void navigate('/groups');
            }
          }}
        />
      )}
      <AddSessionDialog
        open={adding}
        programmeId={r.id}
        lastStart={r.lastStart}
        onClose={(d) => {
          setAdding(false);
          if (d) setDetail(d);
        }}
      />
      <Snackbar
        open={notice !== null}
        autoHideDuration={6000}
        onClose={() => setNotice(null)}
        message={notice}
      />
    </Stack>
  );
}

function AddSessionDialog(props: {
  open: boolean;
  programmeId: string;
  lastStart: string | null;
  onClose: (d: GroupRunDetail | null) => void;
}) {
  const { t } = useTranslation();
  const after = props.lastStart ? new Date(Date.parse(props.lastStart) + 7 * 86_400_000) : new Date();
  const [fields, setFields] = useState<SessionFieldValues>({
    when: toLocalInput(after),
    duration: '120',
    place: '',
  });
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = sessionInput(fields);
    if (!input) return setError('groups.v.startsAt');
    try {
      props.onClose(await call('groups:addSession', { programmeId: props.programmeId, ...input }));
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <Dialog open={props.open} onClose={() => props.onClose(null)} fullWidth maxWidth="xs">
      <form onSubmit={(e) => void submit(e)}>
        <DialogTitle>{t('groups.session.title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {error && <Alert severity="error">{t(error)}</Alert>}
            <SessionFields
              values={fields}
              onChange={(next) => setFields((f) => ({ ...f, ...next }))}
              whenHelp={props.lastStart ? dayOf(props.lastStart) : undefined}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => props.onClose(null)}>{t('groups.create.cancel')}</Button>
          <Button type="submit" variant="contained">
            {t('groups.session.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
