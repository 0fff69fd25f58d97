import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/contract/result.ts';
import type { CaseServices } from '../../../shared/contract/service-referrals.ts';
import {
  programmesOfKind,
  providersOfKind,
  type ProviderKind,
} from '../../../shared/programmes/catalogue.ts';
import {
  SERVICE_REFERRAL_REASONS,
  SERVICE_TARGET_KINDS,
  type ServiceReferralReason,
  type ServiceTargetKind,
} from '../../../shared/programmes/service-referral-status.ts';
import { call } from '../api.ts';
import { DateField } from '../common/DateField.tsx';
import { errorOf, useLang } from '../employers/common.tsx';

// A new service referral (서비스 연계): to a training course (내일배움카드 course: the course's name and,
// where known, the institution), work experience, a partner agency or a welfare resource of the
// programme catalogue, or a local provider typed by name; the day, and why.

const LOCAL = '__local';

/** The usual reason for each kind of referral, changed by the counselor when it is another. */
const DEFAULT_REASON: Record<ServiceTargetKind, ServiceReferralReason> = {
  training: 'skills-gap',
  'work-experience': 'work-experience',
  'partner-agency': 'career-change',
  'welfare-resource': 'welfare-need',
};

export function ReferDialog({
  jobseekerId,
  today,
  onClose,
  onDone,
}: {
  jobseekerId: string;
  today: string;
  onClose: () => void;
  onDone: (services: CaseServices) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [kind, setKind] = useState<ServiceTargetKind>('training');
  const [programme, setProgramme] = useState('');
  const [provider, setProvider] = useState('');
  const [providerName, setProviderName] = useState('');
  const [course, setCourse] = useState('');
  const [reason, setReason] = useState<ServiceReferralReason>('skills-gap');
  const [reasonText, setReasonText] = useState('');
  const [day, setDay] = useState(today);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const usesProgramme = kind === 'training' || kind === 'work-experience';
  const programmes = usesProgramme ? programmesOfKind(kind) : [];
  const providerKind: ProviderKind = usesProgramme ? 'training-provider' : kind;
  const providers = kind === 'work-experience' ? [] : providersOfKind(providerKind);
  const fieldError = (field: string) => (error?.field === field ? t(error.message) : undefined);

  function pickKind(next: ServiceTargetKind) {
    setKind(next);
    setReason(DEFAULT_REASON[next]);
    setProgramme('');
    setProvider('');
    setProviderName('');
    setError(null);
  }

  async function save() {
    setError(null);
    if (!usesProgramme && provider === '') {
      setError({ code: 'validation', message: 'services.v.providerCode', field: 'providerCode' });
      return;
    }
    setBusy(true);
    try {
      const local = provider === LOCAL || (provider === '' && !usesProgramme);
      const written = await call('services:create', {
        jobseekerId,
        targetKind: kind,
        programmeCode: usesProgramme ? programme || (programmes[0]?.code ?? null) : null,
        providerCode: provider && provider !== LOCAL ? provider : null,
        providerName: local ? providerName : null,
        courseName: kind === 'training' ? course : null,
        reasonCode: reason,
        reasonText,
        referredOn: day,
      });
      onDone(written);
    } catch (e) {
      setError(errorOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="refer-title">
      <DialogTitle id="refer-title">{t('services.referTitle')}</DialogTitle>
      <DialogContent>
        <Stack
          component="form"
          id="refer-form"
          noValidate
          spacing={2}
          sx={{ pt: 1 }}
          data-testid="refer-dialog"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <ToggleButtonGroup
            exclusive
            value={kind}
            onChange={(_e, v: ServiceTargetKind | null) => v && pickKind(v)}
            aria-label={t('services.targetKind')}
            color="primary"
            size="small"
            sx={{ flexWrap: 'wrap' }}
          >
            {SERVICE_TARGET_KINDS.map((k) => (
              <ToggleButton key={k} value={k} data-testid={`refer-kind-${k}`}>
                {t(`services.kinds.${k}`)}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
          {usesProgramme && (
            <TextField
              select
              required
              label={t('services.programme')}
              value={programme || (programmes[0]?.code ?? '')}
              onChange={(e) => setProgramme(e.target.value)}
              error={Boolean(fieldError('programmeCode'))}
              helperText={fieldError('programmeCode')}
              slotProps={{ htmlInput: { 'data-testid': 'refer-programme' } }}
            >
              {programmes.map((p) => (
                <MenuItem key={p.code} value={p.code}>
                  {p[lang]}
                </MenuItem>
              ))}
            </TextField>
          )}
          {kind === 'training' && (
            <TextField
              required
              label={t('services.course')}
              value={course}
              onChange={(e) => setCourse(e.target.value)}
              error={Boolean(fieldError('courseName'))}
              helperText={fieldError('courseName') ?? t('services.courseHelp')}
              slotProps={{ htmlInput: { 'data-testid': 'refer-course', maxLength: 200 } }}
            />
          )}
          {kind !== 'work-experience' && (
            <TextField
              select
              required={!usesProgramme}
              label={t(usesProgramme ? 'services.institution' : 'services.provider')}
              value={provider}
              onChange={(e) => setProvider(e.target.value)}
              error={Boolean(fieldError('providerCode'))}
              helperText={fieldError('providerCode')}
              slotProps={{ htmlInput: { 'data-testid': 'refer-provider' } }}
            >
              {usesProgramme && <MenuItem value="">{t('services.noInstitution')}</MenuItem>}
              {providers.map((p) => (
                <MenuItem key={p.code} value={p.code}>
                  {p[lang]}
                </MenuItem>
              ))}
              {!usesProgramme && <MenuItem value={LOCAL}>{t('services.localProvider')}</MenuItem>}
            </TextField>
          )}
          {!usesProgramme && provider === LOCAL && (
            <TextField
              required
              label={t('services.providerName')}
              value={providerName}
              onChange={(e) => setProviderName(e.target.value)}
              error={Boolean(fieldError('providerName'))}
              helperText={fieldError('providerName')}
              slotProps={{ htmlInput: { 'data-testid': 'refer-provider-name', maxLength: 200 } }}
            />
          )}
          <DateField
            required
            label={t('services.referredOn')}
            value={day}
            onChange={setDay}
            error={Boolean(fieldError('referredOn'))}
            helperText={fieldError('referredOn')}
            slotProps={{ htmlInput: { 'data-testid': 'refer-day' } }}
          />
          <TextField
            select
            required
            label={t('services.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value as ServiceReferralReason)}
            slotProps={{ htmlInput: { 'data-testid': 'refer-reason' } }}
          >
            {SERVICE_REFERRAL_REASONS.map((r) => (
              <MenuItem key={r} value={r}>
                {t(`services.reasons.${r}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label={t('services.reasonText')}
            required={reason === 'other'}
            value={reasonText}
            multiline
            minRows={2}
            onChange={(e) => setReasonText(e.target.value)}
            error={Boolean(fieldError('reasonText'))}
            helperText={fieldError('reasonText')}
            slotProps={{ htmlInput: { 'data-testid': 'refer-reason-text', maxLength: 1000 } }}
          />
          {error &&
            ![
              'programmeCode',
              'courseName',
              'providerCode',
              'providerName',
              'referredOn',
              'reasonText',
            ].includes(error.field ?? '') && (
              <Alert severity="error" role="alert">
                {t(error.message)}
              </Alert>
            )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('services.cancel')}</Button>
        <Button type="submit" form="refer-form" variant="contained" disabled={busy} data-testid="refer-save">
          {t('services.refer')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
