import { Alert, Button } from '@mui/material';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useChannel, useLang } from '../employers/common.tsx';
import { targetLabel } from './labels.ts';

// The case page's prompt after a completed service (issue 17 item 4): a needs-preparation jobseeker who
// completed training, work experience or a welfare link is due a reassessment (준비가 필요한 → 준비된
// 구직자 전환); the button opens the assessment flow. Gone once a reassessment is made.

export function ReassessBanner({ jobseekerId, disabled }: { jobseekerId: string; disabled: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const prompt = useChannel('services:prompt', { jobseekerId }).value;
  if (!prompt) return null;
  return (
    <Alert
      severity="info"
      data-testid="reassess-after-service"
      action={
        disabled ? undefined : (
          <Button
            component={Link}
            to={`/jobseekers/${jobseekerId}/intake`}
            color="inherit"
            size="small"
            variant="outlined"
            data-testid="reassess-after-service-open"
          >
            {t('services.prompt.open')}
          </Button>
        )
      }
    >
      {t('services.prompt.text', { target: targetLabel(t, lang, prompt), day: prompt.completedOn })}
    </Alert>
  );
}
