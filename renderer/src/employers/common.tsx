import { Autocomplete, Chip, MenuItem, TextField, type ChipProps } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskChannel, Contract, InputOf, OutputOf } from '../../../shared/contract/index.ts';
import type { AppError } from '../../../shared/contract/result.ts';
import type { EmployerType } from '../../../shared/profiling/index.ts';
import { OCCUPATIONS, SIDO, sigunguOf, type Lang } from '../../../shared/reference/index.ts';
import { formatDateTime, formatDay } from '../../../shared/domain/day-format.ts';
import { ApiError, call } from '../api.ts';
import { useDataGeneration } from '../data/freshness.ts';

// Small pieces shared by the employer, opening and referral screens (issue 4).

export function errorOf(e: unknown): AppError {
  return e instanceof ApiError ? e.error : { code: 'internal', message: 'errors.internal' };
}

/** Loads a channel's answer; `reload` runs it again, `set` replaces it after a write that returned it. */
export function useChannel<K extends DeskChannel>(channel: K, input: InputOf<Contract[K]> | null) {
  const key = JSON.stringify(input);
  const [state, setState] = useState<{
    key: string;
    value: OutputOf<Contract[K]> | null;
    error: AppError | null;
  }>({
    key: '',
    value: null,
    error: null,
  });
  const [tick, setTick] = useState(0);
  // Any write on any screen makes this answer stale: load it again (renderer/src/data/freshness.ts).
  const generation = useDataGeneration();
  useEffect(() => {
    if (input === null) return;
    let live = true;
    call(channel, JSON.parse(key) as InputOf<Contract[K]>).then(
      (value) => live && setState({ key, value, error: null }),
      (e: unknown) => live && setState({ key, value: null, error: errorOf(e) }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for `input`
  }, [channel, key, tick, generation]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  const set = useCallback((value: OutputOf<Contract[K]>) => setState({ key, value, error: null }), [key]);
  const current = state.key === key;
  return { value: current ? state.value : null, error: current ? state.error : null, reload, set };
}

export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'ko';
}

export function won(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined) return '-';
  return value.toLocaleString(lang === 'en' ? 'en-US' : 'ko-KR');
}

// Dates read the same in both languages (shared/domain/day-format.ts); `_lang` stays for the callers.
export function dayLabel(iso: string | null | undefined, _lang: Lang): string {
  return formatDay(iso);
}

export function timeLabel(iso: string, _lang: Lang): string {
  return formatDateTime(iso);
}

export function todayLocal(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function businessNoLabel(digits: string): string {
  return digits.length === 10 ? `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}` : digits;
}

const TYPE_COLORS: Record<EmployerType, ChipProps['color']> = {
  'online-alert': 'info',
  talent: 'success',
  'large-scale': 'primary',
  recognition: 'secondary',
  'conditions-improvement': 'warning',
};

export function EmployerTypeChip({
  type,
  size = 'small',
}: {
  type: EmployerType | null;
  size?: ChipProps['size'];
}) {
  const { t } = useTranslation();
  if (!type) return <Chip size={size} variant="outlined" label={t('employers.unclassified')} />;
  return (
    <Chip
      size={size}
      color={TYPE_COLORS[type]}
      label={t(`employer.type.${type}`)}
      data-testid="employer-type"
    />
  );
}

export function JobseekerTypeChip({ type }: { type: 'ready' | 'needs-preparation' | null }) {
  const { t } = useTranslation();
  if (!type) return <Chip size="small" variant="outlined" label={t('employers.unclassified')} />;
  return (
    <Chip
      size="small"
      color={type === 'ready' ? 'success' : 'default'}
      variant={type === 'ready' ? 'filled' : 'outlined'}
      label={t(`jobseeker.type.${type}`)}
    />
  );
}

export function SidoSelect(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  testId: string;
}) {
  const lang = useLang();
  const { t } = useTranslation();
  return (
    <TextField
      select
      fullWidth
      label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      error={Boolean(props.error)}
      helperText={props.error ? t(props.error) : ' '}
      data-testid={props.testId}
    >
      {SIDO.map((s) => (
        <MenuItem key={s.code} value={s.code}>
          {s[lang]}
        </MenuItem>
      ))}
    </TextField>
  );
}

export function SigunguSelect(props: {
  label: string;
  sido: string;
  value: string;
  onChange: (v: string) => void;
  testId: string;
}) {
  const lang = useLang();
  const { t } = useTranslation();
  return (
    <TextField
      select
      fullWidth
      label={props.label}
      value={props.value}
      disabled={!props.sido}
      onChange={(e) => props.onChange(e.target.value)}
      helperText=" "
      data-testid={props.testId}
    >
      <MenuItem value="">{t('common.none')}</MenuItem>
      {sigunguOf(props.sido).map((g) => (
        <MenuItem key={g.code} value={g.code}>
          {g[lang]}
        </MenuItem>
      ))}
    </TextField>
  );
}

export function OccupationPicker(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  testId: string;
}) {
  const lang = useLang();
  const { t } = useTranslation();
  const selected = OCCUPATIONS.find((o) => o.code === props.value) ?? null;
  return (
    <Autocomplete
      data-testid={props.testId}
      options={OCCUPATIONS}
      value={selected}
      onChange={(_e, o) => props.onChange(o?.code ?? '')}
      getOptionLabel={(o) => `${o[lang]} (${o.code})`}
      isOptionEqualToValue={(a, b) => a.code === b.code}
      renderInput={(params) => (
        <TextField
          {...params}
          label={props.label}
          error={Boolean(props.error)}
          helperText={props.error ? t(props.error) : ' '}
        />
      )}
    />
  );
}
