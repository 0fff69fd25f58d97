import AddIcon from '@mui/icons-material/Add';
import { Alert, Box, Button, Card, CardContent, Chip, Snackbar, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceReferralView } from '../../../shared/contract/service-referrals.ts';
import { PATH, type ServiceReferralStatus } from '../../../shared/programmes/service-referral-status.ts';
import { useChannel, useLang } from '../employers/common.tsx';
import { ReferDialog } from './ReferDialog.tsx';
import { TransitionDialog } from './TransitionDialog.tsx';
import { STATUS_COLOR, targetLabel } from './labels.ts';

// The case's 서비스 연계 tab (issue 17 item 4): every referral to training, work experience, a partner
// agency or a welfare resource, newest first, with its status, the day of each step, the next steps
// the status machine allows (each a dated dialog) and its history; a new referral; and the prompt to
// reassess after a completed one.

/** `onPlanChanged`: a completion recorded a plan step, so the case file (its plan tab) is read again. */
export function ServicesTab({
  jobseekerId,
  onPlanChanged,
}: {
  jobseekerId: string;
  onPlanChanged: () => void;
}) {
  const { t } = useTranslation();
  const list = useChannel('services:ofJobseeker', { jobseekerId });
  const [referring, setReferring] = useState(false);
  const [step, setStep] = useState<{ referral: ServiceReferralView; to: ServiceReferralStatus } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const items = list.value?.items ?? [];
  const today = list.value?.today ?? '';
  return (
    <Box sx={{ pt: 2 }} data-testid="case-services">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
        <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
          {t('services.title')}
        </Typography>
        <Button
          variant="contained"
          startIcon={<AddIcon />}
          onClick={() => setReferring(true)}
          disabled={!list.value}
          data-testid="services-refer"
        >
          {t('services.refer')}
        </Button>
      </Stack>
      {list.error && <Alert severity="error">{t(list.error.message)}</Alert>}
      {list.value && items.length === 0 && (
        <Typography color="text.secondary">{t('services.none')}</Typography>
      )}
      <Stack spacing={2}>
        {items.map((r) => (
          <ReferralCard key={r.id} referral={r} onStep={(to) => setStep({ referral: r, to })} />
        ))}
      </Stack>
      {referring && (
        <ReferDialog
          jobseekerId={jobseekerId}
          today={today}
          onClose={() => setReferring(false)}
          onDone={(v) => {
            setReferring(false);
            list.set(v);
            setNotice(t('services.referred'));
          }}
        />
      )}
      {step && (
        <TransitionDialog
          referral={step.referral}
          to={step.to}
          today={today}
          onClose={() => setStep(null)}
          onDone={(v) => {
            if (step.to === 'completed') onPlanChanged();
            setStep(null);
            list.set(v);
            setNotice(t('services.stepSaved'));
          }}
        />
      )}
      <Snackbar
        open={notice !== null}
        autoHideDuration={3000}
        onClose={() => setNotice(null)}
        message={notice ?? ''}
      />
    </Box>
  );
}

function ReferralCard({
  referral: r,
  onStep,
}: {
  referral: ServiceReferralView;
  onStep: (to: ServiceReferralStatus) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [history, setHistory] = useState(false);
  const title = targetLabel(t, lang, r);
  return (
    <Card variant="outlined" data-testid={`service-${r.id}`} component="section" aria-label={title}>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700, flex: 1, minWidth: 200 }}>
            {title}
          </Typography>
          <Chip size="small" variant="outlined" label={t(`services.kinds.${r.targetKind}`)} />
          <Chip
            size="small"
            color={STATUS_COLOR[r.status]}
            label={t(`services.status.${r.status}`)}
            data-testid="service-status"
          />
        </Stack>
        <Typography variant="body2" sx={{ mt: 1 }}>
          {t(`services.reasons.${r.reasonCode}`)}
          {r.reasonText ? ` — ${r.reasonText}` : ''}
        </Typography>
        <Stack direction="row" spacing={2} sx={{ mt: 1, flexWrap: 'wrap', rowGap: 0.5 }}>
          {PATH[r.status].map((s) => (
            <Typography key={s} variant="body2" color="text.secondary" data-testid={`service-day-${s}`}>
              {t(`services.status.${s}`)} {r.days[s]}
            </Typography>
          ))}
        </Stack>
        {r.closeReasonCode && (
          <Typography variant="body2" sx={{ mt: 1 }} data-testid="service-close-reason">
            {t(r.status === 'declined' ? 'services.declineReason' : 'services.dropReason')}:{' '}
            {t(`services.closeReasons.${r.closeReasonCode}`)}
            {r.closeReasonText ? ` — ${r.closeReasonText}` : ''}
          </Typography>
        )}
        {r.outcomeNote && (
          <Typography variant="body2" sx={{ mt: 1 }}>
            {t('services.outcomeNote')}: {r.outcomeNote}
          </Typography>
        )}
        {r.status === 'completed' && r.planStep && r.planStepDone && (
          <Typography variant="body2" color="success.main" sx={{ mt: 1 }} data-testid="service-plan-step">
            {t('services.stepClosed', { step: t(`servicePlan.step.${r.planStep}`) })}
          </Typography>
        )}
        <Stack direction="row" spacing={1} sx={{ mt: 2, flexWrap: 'wrap', rowGap: 1 }}>
          {r.next.map((to) => (
            <Button
              key={to}
              size="small"
              variant={to === 'declined' || to === 'dropped' ? 'outlined' : 'contained'}
              color={to === 'declined' || to === 'dropped' ? 'warning' : 'primary'}
              onClick={() => onStep(to)}
              data-testid={`service-action-${to}`}
            >
              {t(`services.action.${to}`)}
            </Button>
          ))}
          <Box sx={{ flex: 1 }} />
          <Button
            size="small"
            onClick={() => setHistory((h) => !h)}
            aria-expanded={history}
            data-testid="service-history-toggle"
          >
            {t(history ? 'services.hideHistory' : 'services.showHistory')}
          </Button>
        </Stack>
        {history && (
          <Box component="ol" sx={{ m: 0, mt: 1, pl: 3 }} data-testid="service-history">
            {r.events.map((e) => (
              <Typography component="li" variant="body2" key={e.id}>
                {e.on} · {t(`services.status.${e.to}`)}
                {e.counselorName ? ` · ${e.counselorName}` : ''}
                {e.reasonCode && e.from !== null ? ` · ${t(`services.closeReasons.${e.reasonCode}`)}` : ''}
                {e.note ? ` — ${e.note}` : ''}
              </Typography>
            ))}
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
