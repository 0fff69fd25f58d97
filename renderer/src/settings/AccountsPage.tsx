import {
  Alert,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView, AccountsView } from '../../../shared/contract/accounts.ts';
import type { Role } from '../../../shared/contract/channel.ts';
import { ApiError, call } from '../api.ts';
import { useAuth } from '../auth/AuthProvider.tsx';

const ROLES: Role[] = ['counselor', 'supervisor', 'admin'];

type Dialogs = { kind: 'create' } | { kind: 'password'; account: AccountView } | null;

/**
 * Accounts of the admin's center (domain.md §1). Personal accounts only; every change here is an
 * audit entry kept three years. With a sync server, accounts are managed there and listed read-only.
 */
export function AccountsPage() {
  const { t } = useTranslation();
  const { session } = useAuth();
  const [view, setView] = useState<AccountsView | null>(null);
  const [message, setMessage] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const [dialog, setDialog] = useState<Dialogs>(null);

  const load = useCallback(() => {
    call('accounts:list', {}).then(setView, () =>
      setMessage({ severity: 'error', text: t('errors.internal') }),
    );
  }, [t]);
  useEffect(load, [load]);

  const act = async (work: () => Promise<unknown>, done: string) => {
    setMessage(null);
    try {
      await work();
      setMessage({ severity: 'success', text: t(done) });
      load();
    } catch (err) {
      setMessage({
        severity: 'error',
        text: t(err instanceof ApiError ? err.error.message : 'errors.internal'),
      });
    }
  };

  const readOnly = view?.managedByServer ?? true;
  return (
    <Stack spacing={2} sx={{ maxWidth: 1100 }}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
          {t('accounts.title')}
        </Typography>
        {!readOnly && (
          <Button variant="contained" onClick={() => setDialog({ kind: 'create' })} data-testid="account-new">
            {t('accounts.create')}
          </Button>
        )}
      </Stack>
      {view?.managedByServer && <Alert severity="info">{t('accounts.managedByServer')}</Alert>}
      {message && <Alert severity={message.severity}>{message.text}</Alert>}
      <Table size="small" aria-label={t('accounts.title')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('auth.loginId')}</TableCell>
            <TableCell>{t('accounts.name')}</TableCell>
            <TableCell>{t('accounts.role')}</TableCell>
            <TableCell>{t('accounts.state')}</TableCell>
            <TableCell align="right">{t('accounts.actions')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {view?.accounts.map((a) => {
            const locked = a.lockedUntil !== null && new Date(a.lockedUntil) > new Date();
            const self = a.id === session.userId;
            return (
              <TableRow key={a.id} data-testid="account-row" hover>
                <TableCell>{a.loginId}</TableCell>
                <TableCell>{a.displayName}</TableCell>
                <TableCell>
                  <TextField
                    select
                    size="small"
                    value={a.role}
                    disabled={readOnly || self}
                    onChange={(e) =>
                      void act(
                        () => call('accounts:update', { id: a.id, role: e.target.value as Role }),
                        'accounts.roleChanged',
                      )
                    }
                    slotProps={{ htmlInput: { 'aria-label': t('accounts.roleOf', { login: a.loginId }) } }}
                    sx={{ minWidth: 140 }}
                  >
                    {ROLES.map((r) => (
                      <MenuItem key={r} value={r}>
                        {t(`role.${r}`)}
                      </MenuItem>
                    ))}
                  </TextField>
                </TableCell>
                <TableCell>
                  <Stack direction="row" spacing={1}>
                    <Chip
                      size="small"
                      color={a.active ? 'success' : 'default'}
                      label={t(a.active ? 'accounts.active' : 'accounts.inactive')}
                    />
                    {locked && <Chip size="small" color="warning" label={t('accounts.locked')} />}
                  </Stack>
                </TableCell>
                <TableCell align="right">
                  <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
                    {locked && (
                      <Button
                        size="small"
                        onClick={() =>
                          void act(() => call('accounts:unlock', { id: a.id }), 'accounts.unlocked')
                        }
                      >
                        {t('accounts.unlock')}
                      </Button>
                    )}
                    {!readOnly && (
                      <Button size="small" onClick={() => setDialog({ kind: 'password', account: a })}>
                        {t('accounts.resetPassword')}
                      </Button>
                    )}
                    {!readOnly && !self && (
                      <Button
                        size="small"
                        color={a.active ? 'error' : 'primary'}
                        onClick={() =>
                          void act(
                            () => call('accounts:update', { id: a.id, active: !a.active }),
                            a.active ? 'accounts.deactivated' : 'accounts.activated',
                          )
                        }
                      >
                        {t(a.active ? 'accounts.deactivate' : 'accounts.activate')}
                      </Button>
                    )}
                  </Stack>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <Typography variant="body2" color="text.secondary">
        {t('accounts.help')}
      </Typography>
      {dialog?.kind === 'create' && (
        <CreateDialog
          onClose={() => setDialog(null)}
          onCreated={() => {
            setDialog(null);
            setMessage({ severity: 'success', text: t('accounts.created') });
            load();
          }}
        />
      )}
      {dialog?.kind === 'password' && (
        <PasswordDialog
          account={dialog.account}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            setMessage({ severity: 'success', text: t('accounts.passwordSet') });
          }}
        />
      )}
    </Stack>
  );
}

function useFormError() {
  const [error, setError] = useState<{ message: string; field?: string | undefined } | null>(null);
  const fail = (err: unknown) =>
    setError(
      err instanceof ApiError
        ? { message: err.error.message, field: err.error.field }
        : { message: 'errors.internal' },
    );
  return { error, setError, fail };
}

function CreateDialog({ onClose, onCreated }: { onClose: () => void; onCreated: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ loginId: '', displayName: '', role: 'counselor' as Role, password: '' });
  const { error, setError, fail } = useFormError();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await call('accounts:create', form);
      onCreated();
    } catch (err) {
      fail(err);
    }
  };
  const helper = (field: string) => (error?.field === field ? t(error.message) : undefined);
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <Box component="form" onSubmit={(e) => void submit(e)}>
        <DialogTitle>{t('accounts.create')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {error && !error.field && <Alert severity="error">{t(error.message)}</Alert>}
            <TextField
              label={t('auth.loginId')}
              value={form.loginId}
              onChange={(e) => setForm({ ...form, loginId: e.target.value })}
              required
              autoFocus
              error={error?.field === 'loginId'}
              helperText={helper('loginId')}
            />
            <TextField
              label={t('accounts.name')}
              value={form.displayName}
              onChange={(e) => setForm({ ...form, displayName: e.target.value })}
              required
            />
            <TextField
              select
              label={t('accounts.role')}
              value={form.role}
              onChange={(e) => setForm({ ...form, role: e.target.value as Role })}
            >
              {ROLES.map((r) => (
                <MenuItem key={r} value={r}>
                  {t(`role.${r}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              label={t('accounts.firstPassword')}
              type="password"
              value={form.password}
              onChange={(e) => setForm({ ...form, password: e.target.value })}
              required
              autoComplete="new-password"
              error={error?.field === 'password'}
              helperText={helper('password') ?? t('setup.passwordRule')}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('accounts.cancel')}</Button>
          <Button type="submit" variant="contained" data-testid="account-create-submit">
            {t('accounts.create')}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}

function PasswordDialog({
  account,
  onClose,
  onDone,
}: {
  account: AccountView;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const { error, setError, fail } = useFormError();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await call('accounts:resetPassword', { id: account.id, password });
      onDone();
    } catch (err) {
      fail(err);
    }
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs">
      <Box component="form" onSubmit={(e) => void submit(e)}>
        <DialogTitle>{t('accounts.resetPasswordOf', { login: account.loginId })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField
              label={t('accounts.newPassword')}
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
              autoFocus
              autoComplete="new-password"
              error={error !== null}
              helperText={error ? t(error.message) : t('setup.passwordRule')}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('accounts.cancel')}</Button>
          <Button type="submit" variant="contained">
            {t('accounts.resetPassword')}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
