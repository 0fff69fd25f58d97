import { Autocomplete, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api.ts';

// Finds the jobseeker to book for by name (the case list's own search, so the same scope applies).

export interface PickedJobseeker {
  id: string;
  name: string;
}

type Option = PickedJobseeker & { regNo?: string; birthYear?: number };

export function JobseekerPicker({
  value,
  onChange,
  error,
}: {
  value: PickedJobseeker | null;
  onChange: (v: PickedJobseeker | null) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<Option[]>([]);
  useEffect(() => {
    if (query.trim().length === 0) return;
    let live = true;
    call('jobseekers:list', { query: query.trim(), limit: 20 }).then(
      (page) =>
        live &&
        setOptions(
          page.rows.map((r) => ({ id: r.id, name: r.name, regNo: r.regNo, birthYear: r.birthYear })),
        ),
      () => live && setOptions([]),
    );
    return () => {
      live = false;
    };
  }, [query]);
  return (
    <Autocomplete
      data-testid="appointment-jobseeker"
      value={value}
      options={options}
      filterOptions={(o) => o}
      getOptionLabel={(o: Option) => (o.regNo ? `${o.name} (${String(o.birthYear)}, ${o.regNo})` : o.name)}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      onInputChange={(_e, v) => setQuery(v)}
      onChange={(_e, v) => onChange(v ? { id: v.id, name: v.name } : null)}
      noOptionsText={t('appointments.jobseekerSearch')}
      renderInput={(params) => (
        <TextField
          {...params}
          required
          label={t('appointments.jobseeker')}
          placeholder={t('appointments.jobseekerSearch')}
          error={Boolean(error)}
          helperText={error ? t(error) : undefined}
        />
      )}
    />
  );
}
