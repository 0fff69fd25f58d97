import {
  Checkbox,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  Radio,
  RadioGroup,
  Stack,
  Typography,
} from '@mui/material';
import { Controller, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  BARRIER_OPTIONS,
  CHECKLIST_OPTIONS,
  ECONOMIC_HARDSHIP_OPTIONS,
  type ChecklistItem,
} from '../../../shared/profiling/index.ts';
import { pointsOf, type IntakeFormValues, type SetState } from './intakeForm.ts';
import { KioskChip } from './IntakeConsent.tsx';

// One checklist item: a single choice (SingleItem) or a set of choices with a "none" (SetItem).

export function SingleItem({
  item,
  control,
  fromKiosk,
  onTouched,
  missing,
}: {
  item: Exclude<ChecklistItem, 'barriers' | 'economicHardship'>;
  control: Control<IntakeFormValues>;
  fromKiosk: boolean;
  onTouched: () => void;
  missing: boolean;
}) {
  const { t } = useTranslation();
  const labelId = `intake-label-${item}`;
  return (
    <FormControl error={missing} data-testid={`intake-item-${item}`}>
      <FormLabel id={labelId} sx={{ color: 'text.primary', fontWeight: 500, mb: 0.5 }}>
        {t(`checklist.${item}.label`)}
        {fromKiosk && <KioskChip />}
      </FormLabel>
      <Controller
        control={control}
        name={item}
        render={({ field }) => (
          <RadioGroup
            row
            aria-labelledby={labelId}
            value={field.value}
            onChange={(e) => {
              field.onChange(e.target.value);
              onTouched();
            }}
          >
            {CHECKLIST_OPTIONS[item].map((option) => {
              const value = String(option);
              const points = pointsOf(item, value);
              return (
                <FormControlLabel
                  key={value}
                  value={value}
                  control={
                    <Radio slotProps={{ input: { 'data-testid': `intake-${item}-${value}` } as object }} />
                  }
                  label={
                    <span>
                      {t(`checklist.${item}.option.${value}`)}
                      {points !== null && (
                        <Typography
                          component="span"
                          variant="caption"
                          color="text.secondary"
                          sx={{ ml: 0.5 }}
                        >
                          ({t('intake.points', { points })})
                        </Typography>
                      )}
                    </span>
                  }
                  sx={{ mr: 3 }}
                />
              );
            })}
          </RadioGroup>
        )}
      />
      {missing && <FormHelperText>{t(`checklist.${item}.invalid`)}</FormHelperText>}
    </FormControl>
  );
}

export function SetItem({
  item,
  control,
  sensitiveAllowed,
  fromKiosk,
  onTouched,
  setState,
  getList,
  missing,
}: {
  item: 'barriers' | 'economicHardship';
  control: Control<IntakeFormValues>;
  sensitiveAllowed: boolean;
  fromKiosk: boolean;
  onTouched: () => void;
  setState: (s: SetState, list: string[]) => void;
  getList: () => string[];
  missing: boolean;
}) {
  const { t } = useTranslation();
  const state = useWatch({ control, name: `${item}State` });
  const list = useWatch({ control, name: item });
  const options: readonly string[] = item === 'barriers' ? BARRIER_OPTIONS : ECONOMIC_HARDSHIP_OPTIONS;
  const wholeItemSensitive = item === 'economicHardship';
  const blocked = wholeItemSensitive && !sensitiveAllowed;
  const toggle = (option: string, checked: boolean) => {
    const current = getList();
    const next = checked
      ? [...current.filter((o) => o !== option), option]
      : current.filter((o) => o !== option);
    setState(next.length > 0 ? 'some' : '', next);
    onTouched();
  };
  return (
    <FormControl component="div" error={missing} data-testid={`intake-item-${item}`}>
      <FormLabel sx={{ color: 'text.primary', fontWeight: 500, mb: 0.5 }}>
        {t(`checklist.${item}.label`)}
        {fromKiosk && <KioskChip />}
      </FormLabel>
      <Typography variant="caption" color="text.secondary" sx={{ mb: 0.5 }}>
        {blocked ? t('intake.sensitiveNoConsent') : t('intake.sensitiveHint')}
      </Typography>
      <Stack direction="row" sx={{ flexWrap: 'wrap' }}>
        {options.map((option) => {
          const healthBlocked = option === 'health' && !sensitiveAllowed;
          return (
            <FormControlLabel
              key={option}
              disabled={blocked || healthBlocked}
              control={
                <Checkbox
                  checked={state === 'some' && list.includes(option)}
                  onChange={(e) => toggle(option, e.target.checked)}
                  slotProps={{ input: { 'data-testid': `intake-${item}-${option}` } as object }}
                />
              }
              label={t(`checklist.${item}.option.${option}`)}
              title={healthBlocked ? t('intake.healthNeedsConsent') : undefined}
              sx={{ mr: 3 }}
            />
          );
        })}
      </Stack>
      {/* The two exclusive answers on their own line, apart from the list they exclude. */}
      <Stack
        direction="row"
        sx={{ flexWrap: 'wrap', borderTop: 1, borderColor: 'divider', pt: 0.5, mt: 0.5 }}
      >
        <FormControlLabel
          disabled={blocked}
          control={
            <Checkbox
              checked={state === 'none'}
              onChange={(e) => {
                setState(e.target.checked ? 'none' : '', []);
                onTouched();
              }}
              slotProps={{ input: { 'data-testid': `intake-${item}-none` } as object }}
            />
          }
          label={t('intake.none')}
          sx={{ mr: 3 }}
        />
        <FormControlLabel
          control={
            <Checkbox
              checked={state === 'declined'}
              onChange={(e) => {
                setState(e.target.checked ? 'declined' : '', []);
                onTouched();
              }}
              slotProps={{ input: { 'data-testid': `intake-${item}-declined` } as object }}
            />
          }
          label={t('intake.preferNotToSay')}
        />
      </Stack>
      {missing && <FormHelperText>{t(`checklist.${item}.invalid`)}</FormHelperText>}
    </FormControl>
  );
}
