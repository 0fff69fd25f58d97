import { Alert, Chip, List, ListItem, ListItemText, Paper, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatusEvent, TransferView } from '../../../shared/casework/lifecycle.ts';
import { formatDateTime } from '../../../shared/domain/day-format.ts';
import { ApiError, call } from '../api.ts';

// 상태 이력 on the case page: every close and reopen with its reason, and the case's transfer requests.
// `version` changes after a close, reopen or request on this page, so the list reads them again.

const when = (iso: string): string => formatDateTime(iso);

export function StatusHistory({ jobseekerId, version }: { jobseekerId: string; version: number }) {
  const { t } = useTranslation();
  const [data, setData] = useState<{ events: StatusEvent[]; transfers: TransferView[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    call('lifecycle:history', { jobseekerId }).then(
      (d) => live && setData(d),
      (e: unknown) => live && setError(e instanceof ApiError ? e.error.message : 'errors.internal'),
    );
    return () => {
      live = false;
    };
  }, [jobseekerId, version]);

  if (error) return <Alert severity="error">{t(error)}</Alert>;
  if (!data) return null;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="status-history">
      <Typography variant="h6" component="h2" sx={{ fontSize: '1rem', fontWeight: 700 }}>
        {t('lifecycle.history.title')}
      </Typography>
      {data.events.length === 0 ? (
        <Typography color="text.secondary" sx={{ mt: 1 }}>
          {t('lifecycle.history.empty')}
        </Typography>
      ) : (
        <List dense>
          {data.events.map((e) => (
            <ListItem key={e.id} disableGutters data-testid="status-event" data-record-id={e.id}>
              <ListItemText
                primary={
                  <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                    <Chip
                      size="small"
                      color={e.kind === 'closed' ? 'warning' : 'success'}
                      label={t(`lifecycle.history.${e.kind}`)}
                    />
                    <span>{t(`lifecycle.reasons.${e.reason}`)}</span>
                    {e.noContactMonths !== null && (
                      <span>({t('lifecycle.history.months', { months: e.noContactMonths })})</span>
                    )}
                  </Stack>
                }
                secondary={
                  <>
                    {e.text && <span style={{ display: 'block' }}>{e.text}</span>}
                    {t('lifecycle.history.by', {
                      name: e.recordedByName ?? '—',
                      at: when(e.recordedAt),
                    })}
                  </>
                }
              />
            </ListItem>
          ))}
        </List>
      )}
      {data.transfers.length > 0 && (
        <>
          <Typography variant="subtitle2" component="h3" sx={{ mt: 1, fontWeight: 700 }}>
            {t('lifecycle.history.transfers')}
          </Typography>
          <List dense>
            {data.transfers.map((tr) => (
              <ListItem key={tr.id} disableGutters data-testid="case-transfer" data-record-id={tr.id}>
                <ListItemText
                  primary={
                    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                      <Chip size="small" variant="outlined" label={t(`lifecycle.status.${tr.status}`)} />
                      <span>
                        {tr.fromCenterName ?? tr.fromCenter} → {tr.toCenterName ?? tr.toCenter}
                      </span>
                    </Stack>
                  }
                  secondary={`${tr.reason} · ${when(tr.requestedAt)}`}
                />
              </ListItem>
            ))}
          </List>
        </>
      )}
    </Paper>
  );
}
