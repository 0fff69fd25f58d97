import { Box, Button, Checkbox, FormControlLabel, Stack, TextField, Typography, Alert } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/contract/result.ts';
import { issueMessage } from '../../../shared/contract/messages.ts';
import { openingFieldsSchema, type Opening, type OpeningFields } from '../../../shared/domain/employers.ts';
import { useFormDraft } from '../data/drafts.tsx';
import { OccupationPicker, SidoSelect, SigunguSelect } from '../employers/common.tsx';

// ---- The opening form ----

export interface Values {
  title: string;
  occupation: string;
  sido: string;
  sigungu: string;
  wage: string;
  positions: string;
  requiredQualifications: string;
  public: boolean;
}

export function OpeningForm(props: {
  initial: Values;
  /** The opening's id, or `new:<employer id>` for a new one (its draft's record key). */
  draftKey: string;
  onSubmit: (f: OpeningFields) => Promise<AppError | null>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [v, setV] = useState<Values>(props.initial);
  const [errors, setErrors] = useState<Partial<Record<keyof Values, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((old) => ({ ...old, [k]: value }));
  const draft = useFormDraft({
    form: 'opening',
    recordKey: props.draftKey,
    values: v,
    dirty: JSON.stringify(v) !== JSON.stringify(props.initial),
    restore: setV,
  });
  const err = (k: keyof Values) => ({
    error: Boolean(errors[k]),
    helperText: errors[k] ? t(errors[k]) : ' ',
  });

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const parsed = openingFieldsSchema.safeParse({
      title: v.title,
      occupation: v.occupation,
      sido: v.sido,
      sigungu: v.sigungu || null,
      wage: v.wage.trim() === '' ? undefined : Number(v.wage.replace(/[,\s]/g, '')),
      positions: v.positions.trim() === '' ? undefined : Number(v.positions),
      requiredQualifications: v.requiredQualifications
        .split(',')
        .map((q) => q.trim())
        .filter(Boolean),
      public: v.public,
    });
    if (!parsed.success) {
      const next: Partial<Record<keyof Values, string>> = {};
      for (const issue of parsed.error.issues)
        next[String(issue.path[0]) as keyof Values] = issueMessage(issue);
      setErrors(next);
      return;
    }
    setErrors({});
    setBusy(true);
    const error = await draft.saving(() => props.onSubmit(parsed.data));
    setBusy(false);
    if (!error) await draft.clear();
    if (error) {
      const field = error.field?.replace(/^fields\./, '') as keyof Values | undefined;
      if (field && field in props.initial) setErrors({ [field]: error.message });
      else setFormError(error.message);
    }
  }

  return (
    <Stack component="form" spacing={1} onSubmit={(e) => void submit(e)} noValidate>
      {draft.banner}
      {draft.guard}
      {formError && <Alert severity="error">{t(formError)}</Alert>}
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', columnGap: 2 }}>
        <TextField
          label={t('openings.field.title')}
          value={v.title}
          onChange={(e) => set('title', e.target.value)}
          {...err('title')}
          slotProps={{ htmlInput: { 'data-testid': 'field-title' } }}
        />
        <OccupationPicker
          label={t('openings.field.occupation')}
          value={v.occupation}
          onChange={(x) => set('occupation', x)}
          error={errors.occupation}
          testId="field-occupation"
        />
        <SidoSelect
          label={t('openings.field.sido')}
          value={v.sido}
          onChange={(x) => setV((old) => ({ ...old, sido: x, sigungu: '' }))}
          error={errors.sido}
          testId="field-openingSido"
        />
        <SigunguSelect
          label={t('openings.field.sigungu')}
          sido={v.sido}
          value={v.sigungu}
          onChange={(x) => set('sigungu', x)}
          testId="field-openingSigungu"
        />
        <TextField
          label={t('openings.field.wage')}
          value={v.wage}
          onChange={(e) => set('wage', e.target.value)}
          {...err('wage')}
          slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'field-wage' } }}
        />
        <TextField
          label={t('openings.field.positions')}
          value={v.positions}
          onChange={(e) => set('positions', e.target.value)}
          {...err('positions')}
          slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'field-positions' } }}
        />
        <TextField
          label={t('openings.field.requiredQualifications')}
          value={v.requiredQualifications}
          onChange={(e) => set('requiredQualifications', e.target.value)}
          error={Boolean(errors.requiredQualifications)}
          helperText={
            errors.requiredQualifications
              ? t(errors.requiredQualifications)
              : t('openings.field.qualificationsHint')
          }
          slotProps={{ htmlInput: { 'data-testid': 'field-qualifications' } }}
        />
        <Box>
          <FormControlLabel
            control={
              <Checkbox
                checked={v.public}
                onChange={(e) => set('public', e.target.checked)}
                data-testid="field-public"
              />
            }
            label={t('openings.field.public')}
          />
          <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
            {t('openings.field.publicHint')}
          </Typography>
        </Box>
      </Box>
      <Stack direction="row" spacing={1}>
        <Button type="submit" variant="contained" disabled={busy} data-testid="save-opening">
          {t('openings.save')}
        </Button>
        <Button onClick={props.onCancel}>{t('openings.cancel')}</Button>
      </Stack>
    </Stack>
  );
}

export function valuesOf(o: Opening): Values {
  return {
    title: o.title,
    occupation: o.occupation,
    sido: o.sido,
    sigungu: o.sigungu ?? '',
    wage: String(o.wage),
    positions: String(o.positions),
    requiredQualifications: o.requiredQualifications.join(', '),
    public: o.public,
  };
}
