import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import { IconButton, InputAdornment, TextField, type TextFieldProps } from '@mui/material';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { DAY_PATTERN, dayAsTyped } from './day-input.ts';

// A day, typed and shown as YYYY-MM-DD in both languages (issue 15: one date format everywhere). The
// browser's own <input type="date"> shows the day in the computer's locale (2026. 12. 01., 12/01/2026),
// unlike every screen, PDF and export (shared/domain/day-format.ts). Digits typed get their dashes as
// they come (20261201 → 2026-12-01); the button beside it opens the browser's calendar on a hidden
// date input, so a day can still be picked with the mouse. The contract bounds the day (its message
// names the allowed range).

export type DateFieldProps = Omit<TextFieldProps, 'type' | 'value' | 'onChange'> & {
  value: string;
  onChange: (day: string) => void;
};

export function DateField({ value, onChange, slotProps, ...rest }: DateFieldProps) {
  const { t } = useTranslation();
  const picker = useRef<HTMLInputElement>(null);
  const html = (slotProps?.htmlInput ?? {}) as Record<string, unknown>;
  const input = (slotProps?.input ?? {}) as Record<string, unknown>;
  const label = (slotProps?.inputLabel ?? {}) as Record<string, unknown>;
  return (
    <TextField
      {...rest}
      type="text"
      value={value}
      placeholder={DAY_PATTERN}
      onChange={(e) => onChange(dayAsTyped(e.target.value))}
      slotProps={{
        ...slotProps,
        inputLabel: { shrink: true, ...label },
        htmlInput: { inputMode: 'numeric', maxLength: 10, autoComplete: 'off', ...html },
        input: {
          ...input,
          endAdornment: (
            <InputAdornment position="end">
              <input
                ref={picker}
                type="date"
                tabIndex={-1}
                aria-hidden
                value={/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : ''}
                onChange={(e) => onChange(e.target.value)}
                style={{ position: 'absolute', width: 1, height: 1, opacity: 0, pointerEvents: 'none' }}
              />
              <IconButton
                edge="end"
                size="small"
                disabled={rest.disabled}
                aria-label={t('forms.pickDate')}
                title={t('forms.pickDate')}
                onClick={() => picker.current?.showPicker()}
              >
                <CalendarMonthIcon fontSize="small" />
              </IconButton>
            </InputAdornment>
          ),
        },
      }}
    />
  );
}
