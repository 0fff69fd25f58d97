import ArchiveIcon from '@mui/icons-material/Inventory2Outlined';
import PersonIcon from '@mui/icons-material/ManageAccountsOutlined';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  MenuItem,
  TextField,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assignee } from '../../../shared/contract/jobseekers.ts';
import type { Jobseeker } from '../../../shared/domain/jobseeker.ts';
import { call, messageOf } from '../api.ts';
import { useAuth } from '../auth/AuthProvider.tsx';
import { FormDialog } from '../common/FormDialog.tsx';

// Who has the case and whether it is in work, on the case page: 담당 상담사 변경 (supervisors), 내가 맡기
// (a counselor, on a case nobody has), 보관 / 보관 해제 (supervisors and the case's counselor; archiving
// is how a case is deleted, and it can be undone). The server and the other desktops get each change
// at the next sync; two different assignments made apart become a review item on this page.

type Done = 'jobseekers.assigned' | 'jobseekers.taken' | 'jobseekers.archived' | 'jobseekers.restored';

/** The buttons beside the case's name. */
export function CaseHandlingActions({
  jobseeker,
  onChanged,
}: {
  jobseeker: Jobseeker;
  onChanged: (j: Jobseeker, done: Done) => void;
}) {
  const { t } = useTranslation();
  const { session } = useAuth();
  const [dialog, setDialog] = useState<'assign' | 'archive' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const supervisor = session.role === 'supervisor';
  const mayArchive = supervisor || jobseeker.assignedCounselorId === session.userId;
  const mayTake = !supervisor && jobseeker.assignedCounselorId === null;

  async function run(work: () => Promise<Jobseeker>, done: Done) {
    setBusy(true);
    setError(null);
    try {
      onChanged(await work(), done);
      setDialog(null);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  const take = () =>
    run(
      () =>
        call('jobseekers:assign', {
          id: jobseeker.id,
          baseSeq: jobseeker.seq,
          counselorId: session.userId,
        }),
      'jobseekers.taken',
    );

  // Closing a dialog, however it is closed, leaves no refusal behind it on the page.
  const close = () => {
    setDialog(null);
    setError(null);
  };

  if (jobseeker.archived) return null;
  return (
    <>
      {supervisor && (
        <Button
          variant="outlined"
          startIcon={<PersonIcon />}
          onClick={() => setDialog('assign')}
          data-testid="assign-counselor"
        >
          {t('jobseekers.assign')}
        </Button>
      )}
      {mayTake && (
        <Button
          variant="outlined"
          startIcon={<PersonIcon />}
          disabled={busy}
          onClick={() => void take()}
          data-testid="take-case"
        >
          {t('jobseekers.takeCase')}
        </Button>
      )}
      {mayArchive && (
        <Button
          variant="outlined"
          color="warning"
          startIcon={<ArchiveIcon />}
          onClick={() => setDialog('archive')}
          data-testid="archive-case"
        >
          {t('jobseekers.archive')}
        </Button>
      )}
      {error && dialog === null && (
        <Alert severity="error" onClose={() => setError(null)} sx={{ width: '100%' }}>
          {t(error)}
        </Alert>
      )}
      {dialog === 'assign' && (
        <AssignDialog
          jobseeker={jobseeker}
          busy={busy}
          error={error}
          onCancel={close}
          onSave={(counselorId) =>
            void run(
              () => call('jobseekers:assign', { id: jobseeker.id, baseSeq: jobseeker.seq, counselorId }),
              'jobseekers.assigned',
            )
          }
        />
      )}
      <Dialog open={dialog === 'archive'} onClose={close} aria-labelledby="archive-title">
        <DialogTitle id="archive-title">{t('jobseekers.archiveTitle', { name: jobseeker.name })}</DialogTitle>
        <DialogContent>
          <DialogContentText>{t('jobseekers.archiveBody')}</DialogContentText>
          {error && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {t(error)}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={close} autoFocus>
            {t('jobseekers.cancel')}
          </Button>
          <Button
            color="warning"
            variant="contained"
            disabled={busy}
            data-testid="confirm-archive"
            onClick={() =>
              void run(
                () =>
                  call('jobseekers:archive', { id: jobseeker.id, baseSeq: jobseeker.seq, archived: true }),
                'jobseekers.archived',
              )
            }
          >
            {t('jobseekers.archive')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

const NOBODY = '';

function AssignDialog({
  jobseeker,
  busy,
  error,
  onCancel,
  onSave,
}: {
  jobseeker: Jobseeker;
  busy: boolean;
  error: string | null;
  onCancel: () => void;
  onSave: (counselorId: string | null) => void;
}) {
  const { t } = useTranslation();
  const [choices, setChoices] = useState<Assignee[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  // What was chosen stays chosen when a save is refused.
  const [chosen, setChosen] = useState(jobseeker.assignedCounselorId ?? NOBODY);
  useEffect(() => {
    let live = true;
    call('jobseekers:assignees', { id: jobseeker.id }).then(
      (list) => live && setChoices(list),
      (e: unknown) => live && setLoadError(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [jobseeker.id]);

  return (
    <FormDialog
      titleId="assign-title"
      title={t('jobseekers.assignTitle', { name: jobseeker.name })}
      maxWidth="xs"
      onCancel={onCancel}
      onSubmit={() => onSave(chosen === NOBODY ? null : chosen)}
      cancelLabel={t('jobseekers.cancel')}
      submitLabel={t('jobseekers.save')}
      submitDisabled={busy || !choices}
      submitTestId="save-assignee"
    >
      <TextField
        select
        fullWidth
        autoFocus
        margin="dense"
        label={t('jobseekers.counselor')}
        value={choices ? chosen : NOBODY}
        onChange={(e) => setChosen(e.target.value)}
        disabled={!choices}
        slotProps={{ htmlInput: { 'data-testid': 'assignee-select' } }}
      >
        <MenuItem value={NOBODY}>{t('jobseekers.assignNone')}</MenuItem>
        {(choices ?? []).map((c) => (
          <MenuItem key={c.id} value={c.id} data-testid="assignee-option">
            {c.name} · {t(`jobseekers.role_${c.role}`)}
          </MenuItem>
        ))}
      </TextField>
      {(loadError ?? error) && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {t(loadError ?? error ?? '')}
        </Alert>
      )}
    </FormDialog>
  );
}

/** On an archived case: what that means, and 보관 해제 for those who may. */
export function ArchivedBanner({
  jobseeker,
  onChanged,
}: {
  jobseeker: Jobseeker;
  onChanged: (j: Jobseeker, done: Done) => void;
}) {
  const { t } = useTranslation();
  const { session } = useAuth();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!jobseeker.archived) return null;
  const mayRestore = session.role === 'supervisor' || jobseeker.assignedCounselorId === session.userId;

  async function restore() {
    setBusy(true);
    setError(null);
    try {
      onChanged(
        await call('jobseekers:archive', { id: jobseeker.id, baseSeq: jobseeker.seq, archived: false }),
        'jobseekers.restored',
      );
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Alert
      severity="warning"
      icon={<ArchiveIcon />}
      data-testid="archived-banner"
      action={
        mayRestore ? (
          <Button color="inherit" disabled={busy} onClick={() => void restore()} data-testid="restore-case">
            {t('jobseekers.restore')}
          </Button>
        ) : undefined
      }
    >
      {t('jobseekers.archivedBanner')}
      {error && <div>{t(error)}</div>}
    </Alert>
  );
}
