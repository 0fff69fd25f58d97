import {
  Autocomplete,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormHelperText,
  Grid,
  InputLabel,
  MenuItem,
  Select,
  TextField,
} from '@mui/material';
import { Controller, type Control, type UseFormRegister, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  GENDERS,
  jobseekerFieldsSchema,
  type Jobseeker,
  type JobseekerFields,
} from '../../../shared/domain/jobseeker.ts';
import { formatPhone } from '../../../shared/domain/phone.ts';
import { OCCUPATIONS, SIDO, sigunguOf, type Lang } from '../../../shared/reference/index.ts';
import { issueMessage } from '../../../shared/contract/messages.ts';

// The basic jobseeker record as a form. Values are kept as typed text; `parseJobseekerForm` checks them
// with the same zod schema main uses, so the counselor sees the same messages before and after saving.

export interface JobseekerFormValues {
  name: string;
  birthYear: string;
  gender: '' | (JobseekerFields['gender'] & string);
  phone: string;
  email: string;
  sido: string;
  sigungu: string;
  desiredOccupation: string;
  desiredWage: string;
  mobile: boolean;
}

export const EMPTY_FORM: JobseekerFormValues = {
  name: '',
  birthYear: '',
  gender: '',
  phone: '',
  email: '',
  sido: '',
  sigungu: '',
  desiredOccupation: '',
  desiredWage: '',
  mobile: false,
};

export function formFromJobseeker(j: Jobseeker): JobseekerFormValues {
  return {
    name: j.name,
    birthYear: String(j.birthYear),
    gender: j.gender ?? '',
    phone: j.phone ? formatPhone(j.phone) : '',
    email: j.email ?? '',
    sido: j.sido,
    sigungu: j.sigungu ?? '',
    desiredOccupation: j.desiredOccupation ?? '',
    desiredWage: j.desiredWage === null ? '' : String(j.desiredWage),
    mobile: j.mobile,
  };
}

function toNumber(text: string): number | null {
  const trimmed = text.replaceAll(',', '').trim();
  return trimmed === '' ? null : Number(trimmed);
}

export type ParsedForm =
  { ok: true; fields: JobseekerFields } | { ok: false; errors: Array<{ field: string; message: string }> };

export function parseJobseekerForm(v: JobseekerFormValues): ParsedForm {
  const result = jobseekerFieldsSchema.safeParse({
    name: v.name,
    birthYear: toNumber(v.birthYear) ?? Number.NaN,
    gender: v.gender === '' ? null : v.gender,
    phone: v.phone,
    email: v.email,
    sido: v.sido,
    sigungu: v.sigungu === '' ? null : v.sigungu,
    desiredOccupation: v.desiredOccupation === '' ? null : v.desiredOccupation,
    desiredWage: toNumber(v.desiredWage),
    mobile: v.mobile,
  });
  if (result.success) return { ok: true, fields: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((i) => ({ field: String(i.path[0] ?? ''), message: issueMessage(i) })),
  };
}

interface Props {
  control: Control<JobseekerFormValues>;
  register: UseFormRegister<JobseekerFormValues>;
  errors: FieldErrors<JobseekerFormValues>;
  sido: string;
  onProbeDuplicates?: () => void;
}

export function JobseekerForm({ control, register, errors, sido, onProbeDuplicates }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const err = (field: keyof JobseekerFormValues) => {
    const message = errors[field]?.message;
    return message ? { error: true, helperText: t(message) } : {};
  };
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, md: 6 }}>
        <TextField
          label={t('jobseekers.name')}
          required
          {...register('name', { onBlur: onProbeDuplicates })}
          {...err('name')}
          slotProps={{ htmlInput: { 'data-testid': 'field-name' } }}
        />
      </Grid>
      <Grid size={{ xs: 6, md: 3 }}>
        <TextField
          label={t('jobseekers.birthYear')}
          required
          {...register('birthYear', { onBlur: onProbeDuplicates })}
          {...err('birthYear')}
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 4, 'data-testid': 'field-birthYear' } }}
        />
      </Grid>
      <Grid size={{ xs: 6, md: 3 }}>
        <Controller
          control={control}
          name="gender"
          render={({ field }) => (
            <FormControl>
              <InputLabel id="gender-label">{t('jobseekers.gender')}</InputLabel>
              <Select labelId="gender-label" label={t('jobseekers.gender')} {...field}>
                <MenuItem value="">{t('jobseekers.genderUnanswered')}</MenuItem>
                {GENDERS.map((g) => (
                  <MenuItem key={g} value={g}>
                    {t(`jobseekers.gender_${g}`)}
                  </MenuItem>
                ))}
              </Select>
            </FormControl>
          )}
        />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <TextField
          label={t('jobseekers.phone')}
          {...register('phone', { onBlur: onProbeDuplicates })}
          {...err('phone')}
          slotProps={{ htmlInput: { inputMode: 'tel', 'data-testid': 'field-phone' } }}
        />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <TextField
          label={t('jobseekers.email')}
          {...register('email')}
          {...err('email')}
          slotProps={{ htmlInput: { inputMode: 'email' } }}
        />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Controller
          control={control}
          name="sido"
          render={({ field }) => (
            <FormControl required error={Boolean(errors.sido)}>
              <InputLabel id="sido-label">{t('jobseekers.sido')}</InputLabel>
              <Select labelId="sido-label" label={t('jobseekers.sido')} {...field} data-testid="field-sido">
                {SIDO.map((s) => (
                  <MenuItem key={s.code} value={s.code}>
                    {s[lang]}
                  </MenuItem>
                ))}
              </Select>
              {errors.sido?.message && <FormHelperText>{t(errors.sido.message)}</FormHelperText>}
            </FormControl>
          )}
        />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Controller
          control={control}
          name="sigungu"
          render={({ field }) => (
            <FormControl disabled={sigunguOf(sido).length === 0}>
              <InputLabel id="sigungu-label">{t('jobseekers.sigungu')}</InputLabel>
              <Select labelId="sigungu-label" label={t('jobseekers.sigungu')} {...field}>
                <MenuItem value="">{t('common.none')}</MenuItem>
                {sigunguOf(sido).map((g) => (
                  <MenuItem key={g.code} value={g.code}>
                    {g[lang]}
                  </MenuItem>
                ))}
              </Select>
            </FormControl>
          )}
        />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Controller
          control={control}
          name="desiredOccupation"
          render={({ field }) => (
            <Autocomplete
              options={OCCUPATIONS}
              getOptionLabel={(o) => `${o[lang]} (${o.code})`}
              value={OCCUPATIONS.find((o) => o.code === field.value) ?? null}
              onChange={(_e, o) => field.onChange(o?.code ?? '')}
              renderInput={(params) => (
                <TextField
                  {...params}
                  label={t('jobseekers.desiredOccupation')}
                  {...err('desiredOccupation')}
                />
              )}
            />
          )}
        />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <TextField
          label={t('jobseekers.desiredWage')}
          {...register('desiredWage')}
          {...err('desiredWage')}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
        />
      </Grid>
      <Grid size={12}>
        <Controller
          control={control}
          name="mobile"
          render={({ field }) => (
            <FormControlLabel
              control={<Checkbox checked={field.value} onChange={(e) => field.onChange(e.target.checked)} />}
              label={t('jobseekers.mobile')}
            />
          )}
        />
      </Grid>
    </Grid>
  );
}
