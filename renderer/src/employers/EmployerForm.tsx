import {
  Alert,
  Button,
  Checkbox,
  FormControlLabel,
  FormHelperText,
  Grid,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import ksic from '../../../resources/reference/ksic.json' with { type: 'json' };
import type { AppError } from '../../../shared/contract/result.ts';
import { formatPhone } from '../../../shared/domain/phone.ts';
import {
  employerFieldsSchema,
  type Employer,
  type EmployerFields,
} from '../../../shared/domain/employers.ts';
import { issueMessage } from '../../../shared/contract/messages.ts';
import { useFormDraft } from '../data/drafts.tsx';
import { businessNoLabel, SidoSelect, SigunguSelect, useLang } from './common.tsx';

// The employer record as a form: text as typed, checked with the schema main uses (business number
// check digit included), so the counselor sees the same message before and after saving.

interface Values {
  businessNo: string;
  name: string;
  industry: string;
  employees: string;
  sido: string;
  sigungu: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  potentialClient: boolean;
  focusSupport: boolean;
}

const EMPTY: Values = {
  businessNo: '',
  name: '',
  industry: '',
  employees: '',
  sido: '',
  sigungu: '',
  contactName: '',
  contactPhone: '',
  contactEmail: '',
  potentialClient: false,
  focusSupport: false,
};

function fromEmployer(e: Employer): Values {
  return {
    businessNo: businessNoLabel(e.businessNo),
    name: e.name,
    industry: e.industry,
    employees: String(e.employees),
    sido: e.sido,
    sigungu: e.sigungu ?? '',
    contactName: e.contactName ?? '',
    contactPhone: e.contactPhone ? formatPhone(e.contactPhone) : '',
    contactEmail: e.contactEmail ?? '',
    potentialClient: e.potentialClient,
    focusSupport: e.focusSupport,
  };
}

const SECTIONS = (ksic as { sections: Array<{ code: string; ko: string; en: string }> }).sections;

export function EmployerForm(props: {
  employer?: Employer;
  onSubmit: (fields: EmployerFields) => Promise<AppError | null>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { register, control, handleSubmit, setError, watch, setValue, formState, reset } = useForm<Values>({
    defaultValues: props.employer ? fromEmployer(props.employer) : EMPTY,
  });
  const draft = useFormDraft({
    form: 'employer',
    recordKey: props.employer?.id ?? 'new',
    values: watch(),
    dirty: formState.isDirty,
    restore: (kept) => reset(kept, { keepDefaultValues: true }),
  });
  const sido = watch('sido');
  const err = (name: keyof Values) => {
    const message = formState.errors[name]?.message;
    return { error: Boolean(message), helperText: message ? t(message) : ' ' };
  };

  const submit = handleSubmit(async (v) => {
    setFormError(null);
    const parsed = employerFieldsSchema.safeParse({
      ...v,
      employees: v.employees.trim() === '' ? undefined : Number(v.employees),
      industry: v.industry || undefined,
      sigungu: v.sigungu || null,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        setError(String(issue.path[0]) as keyof Values, { message: issueMessage(issue) });
      }
      return;
    }
    setBusy(true);
    const error = await draft.saving(() => props.onSubmit(parsed.data));
    setBusy(false);
    if (!error) await draft.clear();
    if (error) {
      const field = error.field?.replace(/^fields\./, '') as keyof Values | undefined;
      if (field && field in EMPTY) setError(field, { message: error.message });
      else setFormError(error.message);
    }
  });

  return (
    <Stack component="form" spacing={1} onSubmit={(e) => void submit(e)} noValidate>
      {draft.banner}
      {draft.guard}
      {formError && <Alert severity="error">{t(formError)}</Alert>}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 4 }}>
          <TextField
            fullWidth
            label={t('employers.field.businessNo')}
            {...register('businessNo')}
            {...err('businessNo')}
            helperText={
              formState.errors.businessNo?.message
                ? t(formState.errors.businessNo.message)
                : t('employers.hint.businessNo')
            }
            slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'field-businessNo' } }}
          />
        </Grid>
        <Grid size={{ xs: 12, md: 8 }}>
          <TextField
            fullWidth
            label={t('employers.field.name')}
            {...register('name')}
            {...err('name')}
            slotProps={{ htmlInput: { 'data-testid': 'field-employerName' } }}
          />
        </Grid>
        <Grid size={{ xs: 12, md: 8 }}>
          <Controller
            control={control}
            name="industry"
            render={({ field }) => (
              <TextField
                select
                fullWidth
                label={t('employers.field.industry')}
                {...field}
                {...err('industry')}
                data-testid="field-industry"
              >
                {SECTIONS.map((s) => (
                  <MenuItem key={s.code} value={s.code}>
                    {s.code}. {s[lang]}
                  </MenuItem>
                ))}
              </TextField>
            )}
          />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <TextField
            fullWidth
            label={t('employers.field.employees')}
            {...register('employees')}
            {...err('employees')}
            slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'field-employees' } }}
          />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Controller
            control={control}
            name="sido"
            render={({ field }) => (
              <SidoSelect
                label={t('employers.field.sido')}
                value={field.value}
                onChange={(v) => {
                  field.onChange(v);
                  setValue('sigungu', '');
                }}
                error={formState.errors.sido?.message}
                testId="field-employerSido"
              />
            )}
          />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Controller
            control={control}
            name="sigungu"
            render={({ field }) => (
              <SigunguSelect
                label={t('employers.field.sigungu')}
                sido={sido}
                value={field.value}
                onChange={field.onChange}
                testId="field-employerSigungu"
              />
            )}
          />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <TextField
            fullWidth
            label={t('employers.field.contactName')}
            {...register('contactName')}
            {...err('contactName')}
          />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <TextField
            fullWidth
            label={t('employers.field.contactPhone')}
            {...register('contactPhone')}
            {...err('contactPhone')}
            slotProps={{ htmlInput: { inputMode: 'tel' } }}
          />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <TextField
            fullWidth
            label={t('employers.field.contactEmail')}
            {...register('contactEmail')}
            {...err('contactEmail')}
          />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Controller
            control={control}
            name="potentialClient"
            render={({ field }) => (
              <FormControlLabel
                control={
                  <Checkbox checked={field.value} onChange={(e) => field.onChange(e.target.checked)} />
                }
                label={t('employers.field.potentialClient')}
              />
            )}
          />
          <FormHelperText>{t('employers.hint.potentialClient')}</FormHelperText>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Controller
            control={control}
            name="focusSupport"
            render={({ field }) => (
              <FormControlLabel
                control={
                  <Checkbox checked={field.value} onChange={(e) => field.onChange(e.target.checked)} />
                }
                label={t('employers.field.focusSupport')}
              />
            )}
          />
          <FormHelperText>{t('employers.hint.focusSupport')}</FormHelperText>
        </Grid>
      </Grid>
      <Stack direction="row" spacing={1}>
        <Button type="submit" variant="contained" disabled={busy} data-testid="save-employer">
          {t('employers.save')}
        </Button>
        <Button onClick={props.onCancel}>{t('employers.cancel')}</Button>
      </Stack>
    </Stack>
  );
}
