import { Alert, Button, Chip, Paper, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CASE_SIGNABLE_KINDS,
  type CaseSignableKind as SignableKind,
  type SignatureStatus,
} from '../../../shared/documents/kinds.ts';
import { dateTime } from '../casework/useCaseFile.ts';
import { call } from '../api.ts';
import { PrintButton } from './PrintButton.tsx';
import { SigningDialog } from './SigningDialog.tsx';

// The case page's forms: each form the jobseeker signs, its signature state against the record as it
// is now, "ask to sign" (the signing surface) and "print". The state is asked of the store, which
// compares the signed hash with the form's current content. The action plan is signed on its enrolment
// (programmes/PlanSignature.tsx), not here.

const CHIP: Record<SignatureStatus['state'], 'default' | 'success' | 'warning'> = {
  unsigned: 'default',
  signed: 'success',
  changed: 'warning',
};

export function DocumentsTab({ jobseekerId, hasPlan }: { jobseekerId: string; hasPlan: boolean }) {
  const { t, i18n } = useTranslation();
  const [states, setStates] = useState<Partial<Record<SignableKind, SignatureStatus | null>>>({});
  const [signing, setSigning] = useState<SignableKind | null>(null);
  const kinds = CASE_SIGNABLE_KINDS.filter((k) => k !== 'service-plan' || hasPlan);

  // Read again when a second screen's signing ends.
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    const wanted = CASE_SIGNABLE_KINDS.filter((k) => k !== 'service-plan' || hasPlan);
    Promise.all(
      wanted.map(
        async (kind) =>
          [kind, (await call('documents:view', { kind, recordId: jobseekerId })).signature] as const,
      ),
    )
      .then((entries) => live && setStates(Object.fromEntries(entries)))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [jobseekerId, hasPlan, version]);

  // In the app, a second screen can take the signature (electron/main/signing.main.ts); the states are
  // read again when it ends. The browser preview has no second screen: only the dialog.
  const second = window.caseworkerSigning;
  const [waiting, setWaiting] = useState<SignableKind | null>(null);
  const [secondError, setSecondError] = useState<string | null>(null);
  useEffect(
    () =>
      second?.onEnded(() => {
        setWaiting(null);
        setVersion((v) => v + 1);
      }),
    [second],
  );
  async function openSecond(kind: SignableKind) {
    if (!second) return;
    setSecondError(null);
    const r = await second.open(kind, jobseekerId);
    if (r.ok) setWaiting(kind);
    else setSecondError(r.error.message.split('|')[0] ?? 'errors.internal');
  }

  return (
    <Stack spacing={2} data-testid="documents-tab">
      <Typography color="text.secondary">{t('documents.intro')}</Typography>
      {waiting && (
        <Alert severity="info">
          {t('documents.waitingSecond', { title: t(`documents.kind.${waiting}`) })}
        </Alert>
      )}
      {secondError && <Alert severity="error">{t(secondError)}</Alert>}
      {kinds.map((kind) => {
        const s = states[kind];
        return (
          <Paper key={kind} variant="outlined" sx={{ p: 2 }} data-testid={`document-${kind}`}>
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
              <Typography component="h2" variant="subtitle1" sx={{ fontWeight: 700, minWidth: 240 }}>
                {t(`documents.kind.${kind}`)}
              </Typography>
              {s && (
                <Chip
                  color={CHIP[s.state]}
                  label={t(`documents.state.${s.state}`)}
                  data-testid={`document-state-${kind}`}
                  data-state={s.state}
                />
              )}
              {s?.signedAt && s.state === 'signed' && (
                <Typography variant="body2" color="text.secondary">
                  {t('documents.signedAt', {
                    at: dateTime(s.signedAt, i18n.language),
                    name: s.counselorName ?? '-',
                  })}
                </Typography>
              )}
              <Stack direction="row" spacing={1} sx={{ ml: 'auto' }}>
                <Button
                  variant="contained"
                  size="small"
                  onClick={() => setSigning(kind)}
                  data-testid={`sign-${kind}`}
                >
                  {s?.state === 'unsigned' || !s ? t('documents.sign') : t('documents.signAgain')}
                </Button>
                {second && (
                  <Button
                    size="small"
                    variant="outlined"
                    onClick={() => void openSecond(kind)}
                    data-testid={`sign-second-${kind}`}
                  >
                    {t('documents.signSecondScreen')}
                  </Button>
                )}
                <PrintButton kind={kind} recordId={jobseekerId} />
              </Stack>
            </Stack>
            {s?.state === 'changed' && (
              <Alert severity="warning" sx={{ mt: 1 }}>
                {t('documents.changedHelp')}
              </Alert>
            )}
          </Paper>
        );
      })}
      {signing && (
        <SigningDialog
          kind={signing}
          recordId={jobseekerId}
          onClose={() => setSigning(null)}
          onSigned={(status) => {
            setStates((old) => ({ ...old, [signing]: status }));
            setSigning(null);
          }}
        />
      )}
    </Stack>
  );
}
