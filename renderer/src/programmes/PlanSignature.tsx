import { Alert, Button, Chip, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanView } from '../../../shared/contract/programmes.ts';
import type { SignatureStatus } from '../../../shared/documents/kinds.ts';
import { call } from '../api.ts';
import { dateTime } from '../casework/useCaseFile.ts';
import { PrintButton } from '../documents/PrintButton.tsx';
import { SigningDialog } from '../documents/SigningDialog.tsx';

// The Individual Action Plan as a signed form (취업활동계획서, issue 17 item 2): its signature state
// against the plan as it is now (the store compares the signed hash with the plan's content), print, and
// "ask to sign" once the plan is agreed (the same signing surface as the case forms, on the enrolment's
// id). Agreeing the plan offers the signing; a plan changed after signing reads as changed.

const CHIP: Record<SignatureStatus['state'], 'default' | 'success' | 'warning'> = {
  unsigned: 'default',
  signed: 'success',
  changed: 'warning',
};

export function PlanSignature({
  enrolmentId,
  plan,
  justAgreed,
}: {
  enrolmentId: string;
  plan: PlanView;
  justAgreed: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<SignatureStatus | null>(null);
  const [signing, setSigning] = useState(false);
  const [version, setVersion] = useState(0);
  const agreed = plan.agreedOn !== null;
  // A save or an agreement changes the plan's content, and so its hash: read the state again then.
  const planKey = `${plan.id}|${plan.updatedAt}`;

  useEffect(() => {
    let live = true;
    call('documents:view', { kind: 'action-plan', recordId: enrolmentId })
      .then((v) => live && setStatus(v.signature))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [enrolmentId, planKey, version]);

  // In the app a second screen can take the signature (electron/main/signing.main.ts).
  const second = window.caseworkerSigning;
  const [waiting, setWaiting] = useState(false);
  const [secondError, setSecondError] = useState<string | null>(null);
  useEffect(
    () =>
      second?.onEnded(() => {
        setWaiting(false);
        setVersion((v) => v + 1);
      }),
    [second],
  );
  async function openSecond() {
    if (!second) return;
    setSecondError(null);
    const r = await second.open('action-plan', enrolmentId);
    if (r.ok) setWaiting(true);
    else setSecondError(r.error.message.split('|')[0] ?? 'errors.internal');
  }

  const title = t('documents.kind.action-plan');
  return (
    <Stack spacing={1} sx={{ mt: 1.5 }} data-testid="plan-signature">
      {justAgreed && agreed && status?.state !== 'signed' && (
        <Alert severity="info" data-testid="plan-sign-offer">
          {t('programmes.plan.sign.offer')}
        </Alert>
      )}
      <Stack
        direction="row"
        spacing={1}
        useFlexGap
        sx={{ alignItems: 'center', flexWrap: 'wrap' }}
        role="group"
        aria-label={title}
      >
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {title}
        </Typography>
        {status && (
          <Chip
            size="small"
            color={CHIP[status.state]}
            label={t(`documents.state.${status.state}`)}
            data-testid="plan-signature-state"
            data-state={status.state}
          />
        )}
        {status?.signedAt && status.state === 'signed' && (
          <Typography variant="body2" color="text.secondary">
            {t('documents.signedAt', {
              at: dateTime(status.signedAt, i18n.language),
              name: status.counselorName ?? '-',
            })}
          </Typography>
        )}
        <Stack direction="row" spacing={1} sx={{ ml: 'auto' }}>
          {agreed && (
            <Button
              variant={justAgreed ? 'contained' : 'outlined'}
              size="small"
              onClick={() => setSigning(true)}
              data-testid="sign-action-plan"
            >
              {status?.state === 'unsigned' || !status ? t('documents.sign') : t('documents.signAgain')}
            </Button>
          )}
          {agreed && second && (
            <Button
              size="small"
              variant="outlined"
              onClick={() => void openSecond()}
              data-testid="sign-second-action-plan"
            >
              {t('documents.signSecondScreen')}
            </Button>
          )}
          <PrintButton kind="action-plan" recordId={enrolmentId} />
        </Stack>
      </Stack>
      {!agreed && status?.state !== 'changed' && (
        <Typography variant="body2" color="text.secondary">
          {t('programmes.plan.sign.afterAgree')}
        </Typography>
      )}
      {status?.state === 'changed' && (
        <Alert severity="warning" data-testid="plan-signature-changed">
          {t('programmes.plan.sign.changedHelp')}
        </Alert>
      )}
      {waiting && <Alert severity="info">{t('documents.waitingSecond', { title })}</Alert>}
      {secondError && <Alert severity="error">{t(secondError)}</Alert>}
      {signing && (
        <SigningDialog
          kind="action-plan"
          recordId={enrolmentId}
          onClose={() => setSigning(false)}
          onSigned={(s) => {
            setStatus(s);
            setSigning(false);
          }}
        />
      )}
    </Stack>
  );
}
