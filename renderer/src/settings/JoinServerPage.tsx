import {
  Alert,
  Button,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { JoinPlanView, JoinResultView } from '../../../shared/contract/join.ts';
import { ApiError, call } from '../api.ts';

/**
 * Settings › Join a server (admins; issue #19): a desktop that started without a server pairs its
 * accounts with the server's by login id. The admin signs in with their server account, reads the pairs
 * and what stops the join, and confirms; records then go up in their authors' names.
 */
export function JoinServerPage() {
  const { t } = useTranslation();
  const [server, setServer] = useState('');
  const [loginId, setLoginId] = useState('');
  const [password, setPassword] = useState('');
  const [plan, setPlan] = useState<JoinPlanView | null>(null);
  const [result, setResult] = useState<JoinResultView['done']>(null);
  const [error, setError] = useState<{ field?: string; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const failed = (e: unknown) =>
    setError(
      e instanceof ApiError
        ? { ...(e.error.field ? { field: e.error.field } : {}), text: e.error.message }
        : { text: 'errors.internal' },
    );

  const showPlan = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setResult(null);
    call('join:plan', { server, loginId, password })
      .then(setPlan, failed)
      .finally(() => setBusy(false));
  };
  const join = () => {
    setBusy(true);
    setError(null);
    call('join:apply', { server, loginId, password })
      .then((r) => {
        setPlan(r.plan);
        setResult(r.done);
      }, failed)
      .finally(() => setBusy(false));
  };
  const role = (r: string) => t(`role.${r}`, { defaultValue: r });
  const fieldError = (field: string) => (error?.field === field ? t(error.text) : undefined);

  return (
    <Stack spacing={2} sx={{ maxWidth: 960 }}>
      <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
        {t('join.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('join.intro')}
      </Typography>
      <Stack component="form" spacing={2} onSubmit={showPlan} aria-label={t('join.title')}>
        <TextField
          label={t('join.server')}
          value={server}
          onChange={(e) => setServer(e.target.value)}
          required
          error={error?.field === 'server'}
          helperText={fieldError('server') ?? t('join.serverHelp')}
          slotProps={{ htmlInput: { 'data-testid': 'join-server', spellCheck: false } }}
        />
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          <TextField
            label={t('join.loginId')}
            value={loginId}
            onChange={(e) => setLoginId(e.target.value)}
            required
            fullWidth
            error={error?.field === 'loginId'}
            helperText={fieldError('loginId') ?? t('join.loginIdHelp')}
            slotProps={{ htmlInput: { 'data-testid': 'join-login', autoComplete: 'username' } }}
          />
          <TextField
            label={t('join.password')}
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
            fullWidth
            error={error?.field === 'password'}
            helperText={fieldError('password')}
            slotProps={{ htmlInput: { 'data-testid': 'join-password', autoComplete: 'current-password' } }}
          />
        </Stack>
        <Stack direction="row" spacing={1}>
          <Button type="submit" variant="outlined" disabled={busy} data-testid="join-plan">
            {t('join.showPlan')}
          </Button>
        </Stack>
      </Stack>
      {error && !error.field && <Alert severity="error">{t(error.text)}</Alert>}
      {plan && (
        <Stack spacing={2} component="section" aria-labelledby="join-plan-title">
          <Typography id="join-plan-title" variant="h6" component="h2">
            {t('join.planTitle', { server: plan.serverCenter.name, local: plan.localCenter.name })}
          </Typography>
          <Table size="small" aria-label={t('join.pairs')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('join.col.login')}</TableCell>
                <TableCell>{t('join.col.here')}</TableCell>
                <TableCell>{t('join.col.server')}</TableCell>
                <TableCell align="right">{t('join.col.records')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {plan.pairs.map((p) => (
                <TableRow key={p.loginId}>
                  <TableCell>{p.loginId}</TableCell>
                  <TableCell>{role(p.localRole)}</TableCell>
                  <TableCell>
                    {role(p.serverRole)}
                    {p.serverActive ? '' : ` (${t('join.inactive')})`}
                  </TableCell>
                  <TableCell align="right">{p.records.toLocaleString()}</TableCell>
                </TableRow>
              ))}
              {plan.localOnly.map((l) => (
                <TableRow key={l.loginId}>
                  <TableCell>{l.loginId}</TableCell>
                  <TableCell>{role(l.role)}</TableCell>
                  <TableCell>{t('join.localOnly')}</TableCell>
                  <TableCell align="right">{l.records.toLocaleString()}</TableCell>
                </TableRow>
              ))}
              {plan.serverOnly.map((s) => (
                <TableRow key={s.loginId}>
                  <TableCell>{s.loginId}</TableCell>
                  <TableCell>{t('join.serverOnly')}</TableCell>
                  <TableCell>{role(s.role)}</TableCell>
                  <TableCell align="right">–</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {plan.problems.length > 0 && (
            <Alert severity="warning" data-testid="join-problems">
              <Typography variant="subtitle2" component="p">
                {t('join.problems')}
              </Typography>
              <ul>
                {plan.problemDetails.map((p, i) => (
                  <li key={`${p.code}-${i}`}>{t(`join.problem.${p.code}`, p)}</li>
                ))}
              </ul>
            </Alert>
          )}
          {plan.joined && !result && <Alert severity="info">{t('join.alreadyJoined')}</Alert>}
          {plan.problems.length === 0 && !result && (
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Button variant="contained" onClick={join} disabled={busy} data-testid="join-confirm">
                {t(plan.joined ? 'join.continue' : 'join.confirm')}
              </Button>
              <Typography variant="body2" color="text.secondary">
                {t('join.confirmHelp')}
              </Typography>
            </Stack>
          )}
          {result && (
            <Alert severity={result.refused > 0 ? 'warning' : 'success'} data-testid="join-result">
              {t('join.done', result)}
              {result.refused > 0 && ` ${t('join.refusedHelp')}`}
            </Alert>
          )}
        </Stack>
      )}
    </Stack>
  );
}
