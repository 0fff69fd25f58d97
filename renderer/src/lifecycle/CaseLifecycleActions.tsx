import ReopenIcon from '@mui/icons-material/RestartAltOutlined';
import CloseCaseIcon from '@mui/icons-material/TaskAltOutlined';
import TransferIcon from '@mui/icons-material/MoveUpOutlined';
import { Alert, Autocomplete, Button, DialogContentText, MenuItem, Stack, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLOSE_REASONS, REOPEN_REASONS } from '../../../shared/casework/lifecycle.ts';
import type { Jobseeker } from '../../../shared/domain/jobseeker.ts';
import { ApiError, call, messageOf } from '../api.ts';
import { useAuth } from '../auth/AuthProvider.tsx';
import { FormDialog } from '../common/FormDialog.tsx';

// 종결 / 재개 / 이관 요청 on the case page (issue 16 items 3–4). Closing asks for the reason code (and the
// months without contact when that is the reason); reopening asks why; a transfer names the receiving
// center and why. Each is one write on this desktop, sent at the next sync like any other.

type Done = 'lifecycle.closed' | 'lifecycle.reopened' | 'lifecycle.transferRequested';
type Which = 'close' | 'reopen' | 'transfer';

export function CaseLifecycleActions({
  jobseeker,
  onChanged,
}: {
  jobseeker: Jobseeker;
  onChanged: (j: Jobseeker, done: Done) => void;
}) {
  const { t } = useTranslation();
  const { session } = useAuth();
  const [dialog, setDialog] = useState<Which | null>(null);
  if (jobseeker.archived) return null;
  const mine = session.role === 'supervisor' || jobseeker.assignedCounselorId === session.userId;
  if (!mine) return null;
  const closed = jobseeker.status === 'closed';
  return (
    <>
      {!closed && (
        <Button
          variant="outlined"
          startIcon={<CloseCaseIcon />}
          onClick={() => setDialog('close')}
          data-testid="close-case"
        >
          {t('lifecycle.close')}
        </Button>
      )}
      {jobseeker.status !== 'active' && (
        <Button
          variant="outlined"
          startIcon={<ReopenIcon />}
          onClick={() => setDialog('reopen')}
          data-testid="reopen-case"
        >
          {t('lifecycle.reopen')}
        </Button>
      )}
      {jobseeker.centerCode === session.centerCode && (
        <Button
          variant="outlined"
          startIcon={<TransferIcon />}
          onClick={() => setDialog('transfer')}
          data-testid="transfer-case"
        >
          {t('lifecycle.transfer')}
        </Button>
      )}
      {dialog && (
        <LifecycleDialog
          which={dialog}
          jobseeker={jobseeker}
          onCancel={() => setDialog(null)}
          onDone={(j, done) => {
            setDialog(null);
            onChanged(j, done);
          }}
        />
      )}
    </>
  );
}

function LifecycleDialog({
  which,
  jobseeker,
  onCancel,
  onDone,
}: {
  which: Which;
  jobseeker: Jobseeker;
  onCancel: () => void;
  onDone: (j: Jobseeker, done: Done) => void;
}) {
  const { t } = useTranslation();
  const reasons: readonly string[] = which === 'close' ? CLOSE_REASONS : REOPEN_REASONS;
  const [reason, setReason] = useState('');
  const [months, setMonths] = useState('');
  const [text, setText] = useState('');
  const [toCenter, setToCenter] = useState('');
  const [centers, setCenters] = useState<Array<{ code: string; name: string }>>([]);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (which !== 'transfer') return;
    let live = true;
    call('lifecycle:transferChoices', {}).then(
      (c) => live && setCenters(c.centers),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [which]);

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      if (which === 'close') {
        const j = await call('lifecycle:close', {
          jobseekerId: jobseeker.id,
          reason: reason as never,
          noContactMonths: reason === 'no-contact' && months !== '' ? Number(months) : null,
          text,
        });
        onDone(j, 'lifecycle.closed');
      } else if (which === 'reopen') {
        const j = await call('lifecycle:reopen', {
          jobseekerId: jobseeker.id,
          reason: reason as never,
          text,
        });
        onDone(j, 'lifecycle.reopened');
      } else {
        await call('lifecycle:requestTransfer', {
          jobseekerId: jobseeker.id,
          toCenter: toCenter.trim().toUpperCase(),
          reason: text,
        });
        onDone(jobseeker, 'lifecycle.transferRequested');
      }
    } catch (e) {
      setError({
        message: messageOf(e),
        ...(e instanceof ApiError && e.error.field ? { field: e.error.field } : {}),
      });
    } finally {
      setBusy(false);
    }
  }

  // The transfer's reason is its free text; closing and reopening have a reason code and a text.
  const textField = which === 'transfer' ? 'reason' : 'text';
  const fieldError = (field: string) => (error?.field === field ? t(error.message) : undefined);
  const title = `lifecycle.${which}Title`;
  return (
    <FormDialog
      titleId="lifecycle-title"
      title={t(title, { name: jobseeker.name })}
      maxWidth="sm"
      onCancel={onCancel}
      onSubmit={() => void submit()}
      cancelLabel={t('lifecycle.cancel')}
      submitLabel={t(
        `lifecycle.confirm${which === 'close' ? 'Close' : which === 'reopen' ? 'Reopen' : 'Transfer'}`,
      )}
      submitColor={which === 'close' ? 'warning' : 'primary'}
      submitDisabled={busy}
      submitTestId="confirm-lifecycle"
    >
      <DialogContentText sx={{ mb: 2 }}>{t(`lifecycle.${which}Body`)}</DialogContentText>
      <Stack spacing={2}>
        {which !== 'transfer' ? (
          <TextField
            select
            required
            autoFocus
            label={t('lifecycle.reasonLabel')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={error?.field === 'reason'}
            helperText={fieldError('reason')}
            slotProps={{ htmlInput: { 'data-testid': 'lifecycle-reason' } }}
          >
            {reasons.map((r) => (
              <MenuItem key={r} value={r} data-testid={`reason-${r}`}>
                {t(`lifecycle.reasons.${r}`)}
              </MenuItem>
            ))}
          </TextField>
        ) : (
          <Autocomplete
            freeSolo
            options={centers.map((c) => c.code)}
            getOptionLabel={(code) => {
              const c = centers.find((x) => x.code === code);
              return c ? `${c.name} (${c.code})` : code;
            }}
            inputValue={toCenter}
            onInputChange={(_e, v) => setToCenter(v)}
            renderInput={(params) => (
              <TextField
                {...params}
                required
                autoFocus
                label={t('lifecycle.toCenterLabel')}
                error={error?.field === 'toCenter'}
                helperText={fieldError('toCenter') ?? t('lifecycle.toCenterHelp')}
                slotProps={{
                  ...params.slotProps,
                  htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'transfer-center' },
                }}
              />
            )}
          />
        )}
        {which === 'close' && reason === 'no-contact' && (
          <TextField
            required
            type="number"
            label={t('lifecycle.monthsLabel')}
            value={months}
            onChange={(e) => setMonths(e.target.value)}
            error={error?.field === 'noContactMonths'}
            helperText={fieldError('noContactMonths')}
            slotProps={{ htmlInput: { min: 1, max: 60, 'data-testid': 'lifecycle-months' } }}
          />
        )}
        <TextField
          multiline
          minRows={2}
          required={which === 'transfer' || reason === 'other'}
          label={t(which === 'transfer' ? 'lifecycle.transferReasonLabel' : 'lifecycle.noteLabel')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          error={error?.field === textField}
          helperText={fieldError(textField) ?? (which === 'transfer' ? undefined : t('lifecycle.noteHelp'))}
          slotProps={{ htmlInput: { maxLength: 1000, 'data-testid': 'lifecycle-text' } }}
        />
        {error && !error.field && <Alert severity="error">{t(error.message)}</Alert>}
        {error?.field &&
          !['reason', 'text', 'noContactMonths', 'toCenter', 'jobseekerId'].includes(error.field) && (
            <Alert severity="error">{t(error.message)}</Alert>
          )}
      </Stack>
    </FormDialog>
  );
}
