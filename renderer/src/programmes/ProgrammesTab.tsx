import AddIcon from '@mui/icons-material/Add';
import { Alert, Box, Button, MenuItem, Snackbar, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrolmentView } from '../../../shared/contract/programmes.ts';
import type { AppError } from '../../../shared/contract/result.ts';
import { call } from '../api.ts';
import { errorOf, useChannel, useLang } from '../employers/common.tsx';
import { EnrolmentCard } from './EnrolmentCard.tsx';

// The case's 참여 프로그램 tab (issue 17 item 2): enrol the case in a programme with stages, and each
// enrolment with its stages, pre-check, plan and obligation periods (one audited read per opening).

export function ProgrammesTab({ jobseekerId }: { jobseekerId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const list = useChannel('programmes:ofJobseeker', { jobseekerId });
  const [code, setCode] = useState('nes-1');
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const value = list.value;
  const replace = (v: EnrolmentView) => {
    if (!value) return;
    const known = value.enrolments.some((x) => x.id === v.id);
    list.set({
      ...value,
      enrolments: known ? value.enrolments.map((x) => (x.id === v.id ? v : x)) : [v, ...value.enrolments],
    });
    setNotice(t('programmes.saved'));
  };
  async function enrol() {
    setBusy(true);
    setError(null);
    try {
      replace(await call('programmes:enrol', { jobseekerId, programmeCode: code }));
      setNotice(t('programmes.enrolled'));
    } catch (e) {
      setError(errorOf(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Box sx={{ pt: 2 }} data-testid="case-programmes">
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', mb: 2, flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
          {t('programmes.title')}
        </Typography>
        <TextField
          select
          size="small"
          label={t('programmes.enrolIn')}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          sx={{ minWidth: 260 }}
          data-testid="enrol-programme"
        >
          {(value?.options ?? []).map((o) => (
            <MenuItem key={o.code} value={o.code}>
              {lang === 'en' ? o.en : o.ko}
            </MenuItem>
          ))}
        </TextField>
        <Button
          variant="contained"
          startIcon={<AddIcon />}
          onClick={() => void enrol()}
          disabled={busy || !value}
          data-testid="enrol"
        >
          {t('programmes.enrol')}
        </Button>
      </Stack>
      {(list.error ?? error) && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          {t((list.error ?? error)?.message ?? '')}
        </Alert>
      )}
      {value && value.enrolments.length === 0 && (
        <Typography color="text.secondary">{t('programmes.noneYet')}</Typography>
      )}
      <Stack spacing={2}>
        {value?.enrolments.map((e) => (
          <EnrolmentCard key={e.id} e={e} today={value.today} outcomes={value.outcomes} onChange={replace} />
        ))}
      </Stack>
      <Snackbar
        open={notice !== null}
        autoHideDuration={3000}
        onClose={() => setNotice(null)}
        message={notice ?? ''}
      />
    </Box>
  );
}
