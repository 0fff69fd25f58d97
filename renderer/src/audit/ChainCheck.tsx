import VerifiedIcon from '@mui/icons-material/VerifiedUser';
import DeleteSweepIcon from '@mui/icons-material/DeleteSweep';
import { Alert, Button, Stack } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditChainReport, AuditPurgeReport } from '../../../shared/contract/audit.ts';
import { call } from '../api.ts';
import { errorOf, timeLabel, useLang } from '../employers/common.tsx';

// The hash chain check (and, on the settings page, the purge on demand): the same service the command
// line's `caseworker audit verify` runs, with its answer spelled out.

export function ChainCheck({ withPurge = false }: { withPurge?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<AuditChainReport | null>(null);
  const [purged, setPurged] = useState<AuditPurgeReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run<T>(work: () => Promise<T>, done: (value: T) => void) {
    setBusy(true);
    setError(null);
    try {
      done(await work());
    } catch (e) {
      setError(errorOf(e).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1}>
        <Button
          variant="outlined"
          startIcon={<VerifiedIcon />}
          disabled={busy}
          data-testid="audit-verify"
          onClick={() => void run(() => call('audit:verify', {}), setReport)}
        >
          {t('audit.verify.button')}
        </Button>
        {withPurge && (
          <Button
            variant="outlined"
            color="warning"
            startIcon={<DeleteSweepIcon />}
            disabled={busy}
            data-testid="audit-purge"
            onClick={() => void run(() => call('audit:purge', {}), setPurged)}
          >
            {t('audit.purge.button')}
          </Button>
        )}
      </Stack>
      {report &&
        (report.ok ? (
          <Alert severity="success" data-testid="audit-verify-result">
            {t('audit.verify.ok', {
              count: report.count,
              gaps: report.purgedGaps > 0 ? t('audit.verify.gaps', { count: report.purgedGaps }) : '',
            })}
          </Alert>
        ) : (
          <Alert severity="error" data-testid="audit-verify-result">
            {t('audit.verify.broken', {
              position: report.broken?.position,
              id: report.broken?.id,
              at: report.broken ? timeLabel(report.broken.at, lang) : '',
              reason: t(`audit.verify.${report.broken?.reason ?? 'link'}`),
            })}
          </Alert>
        ))}
      {purged && (
        <Alert severity="info" data-testid="audit-purge-result">
          {t('audit.purge.done', {
            purged: purged.purged,
            horizon: timeLabel(purged.horizon, lang),
            accessHorizon: timeLabel(purged.accessHorizon, lang),
          })}
        </Alert>
      )}
      {error && <Alert severity="error">{t(error)}</Alert>}
    </Stack>
  );
}
