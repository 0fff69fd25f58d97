import {
  Alert,
  Button,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerificationResult } from '../../../shared/documents/kinds.ts';
import { call } from '../api.ts';
import { dateTime, errorKey } from '../casework/useCaseFile.ts';
import { scrollPageSx } from '../common/layout.ts';

// The desk's verification screen (issue 18 item 6): a code typed or scanned (a QR scanner types it)
// says whether a competency certificate or a 알선장 is genuine, for whom (masked), issued when, and
// whether it still stands. Each look-up is audited by the store.

export function VerifyPage() {
  const { t, i18n } = useTranslation();
  const [code, setCode] = useState('');
  const [result, setResult] = useState<VerificationResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await call('documents:verify', { code }));
    } catch (err) {
      setError(errorKey(err));
    } finally {
      setBusy(false);
    }
  }

  const severity = !result ? 'info' : !result.found ? 'error' : result.revoked ? 'warning' : 'success';
  const verdict = !result
    ? ''
    : !result.found
      ? t('documents.verify.notFound')
      : result.revoked
        ? t('documents.verify.revoked')
        : t('documents.verify.genuine');
  return (
    <Stack spacing={2} sx={{ ...scrollPageSx, maxWidth: 760 }}>
      <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
        {t('documents.verify.title')}
      </Typography>
      <Typography color="text.secondary">{t('documents.verify.help')}</Typography>
      <Stack component="form" direction="row" spacing={1} onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          label={t('documents.verify.code')}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoFocus
          error={error !== null}
          helperText={error ? t(error) : ' '}
          slotProps={{ htmlInput: { 'data-testid': 'verify-code', autoComplete: 'off', spellCheck: false } }}
          sx={{ flex: 1 }}
        />
        <Button
          type="submit"
          variant="contained"
          disabled={busy || code.trim() === ''}
          sx={{ alignSelf: 'flex-start', mt: 1 }}
          data-testid="verify-submit"
        >
          {t('documents.verify.check')}
        </Button>
      </Stack>
      {result && (
        <Paper
          variant="outlined"
          sx={{ p: 2 }}
          data-testid="verify-result"
          data-found={result.found}
          data-revoked={result.revoked}
        >
          <Alert severity={severity} sx={{ mb: result.found ? 2 : 0 }}>
            {verdict}
          </Alert>
          {result.found && (
            <Table size="small">
              <TableBody>
                <TableRow>
                  <TableCell component="th" scope="row">
                    {t('documents.verify.kind')}
                  </TableCell>
                  <TableCell>{result.kind ? t(`documents.verify.kinds.${result.kind}`) : '-'}</TableCell>
                </TableRow>
                <TableRow>
                  <TableCell component="th" scope="row">
                    {t('documents.verify.holder')}
                  </TableCell>
                  <TableCell data-testid="verify-holder">{result.holder}</TableCell>
                </TableRow>
                <TableRow>
                  <TableCell component="th" scope="row">
                    {t('documents.verify.issuedAt')}
                  </TableCell>
                  <TableCell>{result.issuedAt ? dateTime(result.issuedAt, i18n.language) : '-'}</TableCell>
                </TableRow>
                <TableRow>
                  <TableCell component="th" scope="row">
                    {t('documents.verify.center')}
                  </TableCell>
                  <TableCell>{result.centerName ?? '-'}</TableCell>
                </TableRow>
                {result.revoked && result.revokedReason && (
                  <TableRow>
                    <TableCell component="th" scope="row">
                      {t('documents.verify.reason')}
                    </TableCell>
                    <TableCell>{t(result.revokedReason)}</TableCell>
                  </TableRow>
                )}
              </TableBody>
            </Table>
          )}
        </Paper>
      )}
    </Stack>
  );
}
