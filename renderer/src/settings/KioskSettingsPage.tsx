import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  IconButton,
  MenuItem,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useState, type ReactNode } from 'react';
import { Controller, useFieldArray, useForm, type FieldErrors, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  FLOOR_IMAGE_PATTERN,
  kioskSettingsSchema,
  MAX_FLOOR_IMAGE_CHARS,
  type KioskSettings,
} from '../../../shared/domain/kiosk.ts';
import { ApiError, call } from '../api.ts';

// The center's kiosk settings (admin, supervisor): counters, services and their counter, floor guide
// (text and an image kept as a small data URL), idle seconds and the kiosk's own texts, each in Korean
// and English. The same zod schema checks the form here and the input in main.

function errorAt(errors: FieldErrors<KioskSettings>, path: string): string | undefined {
  let node: unknown = errors;
  for (const part of path.split('.')) {
    if (node === undefined || node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  const message = (node as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : undefined;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section">
      <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

export function KioskSettingsPage() {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<{ saved: boolean } | null>(null);
  const [status, setStatus] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const form = useForm<KioskSettings>({ resolver: zodResolver(kioskSettingsSchema), mode: 'onBlur' });
  const { register, control, handleSubmit, reset, formState, setValue, watch, setError } = form;
  const counters = useFieldArray({ control, name: 'counters' });
  const services = useFieldArray({ control, name: 'services' });

  useEffect(() => {
    call('settings:getKiosk', {}).then(
      (view) => {
        reset(view.settings);
        setLoaded({ saved: view.saved });
      },
      () => setStatus({ severity: 'error', text: t('errors.internal') }),
    );
  }, [reset, t]);

  const field = (
    path: Path<KioskSettings>,
    label: string,
    extra: { multiline?: boolean; testId?: string } = {},
  ) => {
    const message = errorAt(formState.errors, path);
    return (
      <TextField
        label={label}
        {...register(path)}
        error={message !== undefined}
        helperText={message ? t(message) : undefined}
        multiline={extra.multiline}
        minRows={extra.multiline ? 3 : undefined}
        slotProps={{ htmlInput: extra.testId ? { 'data-testid': extra.testId } : {} }}
      />
    );
  };

  const onSubmit = handleSubmit(async (values) => {
    setStatus(null);
    try {
      const view = await call('settings:saveKiosk', { settings: values });
      reset(view.settings);
      setLoaded({ saved: true });
      setStatus({ severity: 'success', text: t('settings.kiosk.saved') });
    } catch (e) {
      if (e instanceof ApiError && e.error.issues) {
        for (const issue of e.error.issues)
          setError(issue.field.replace(/^settings\./, '') as Path<KioskSettings>, { message: issue.message });
      }
      setStatus({
        severity: 'error',
        text: e instanceof ApiError ? t(e.error.message) : t('errors.internal'),
      });
    }
  });

  const image = watch('floorGuide.image');
  const counterOptions = watch('counters') ?? [];

  if (!loaded) return <Typography>{t('common.loading')}</Typography>;

  return (
    <Box component="form" onSubmit={(e) => void onSubmit(e)} noValidate sx={{ maxWidth: 1100 }}>
      <Stack spacing={2}>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
          {t('settings.kiosk.title')}
        </Typography>
        {!loaded.saved && <Alert severity="info">{t('settings.kiosk.defaults')}</Alert>}

        <Section title={t('settings.kiosk.idleSeconds')}>
          <TextField
            type="number"
            label={t('settings.kiosk.idleSeconds')}
            sx={{ maxWidth: 240 }}
            {...register('idleSeconds', { valueAsNumber: true })}
            error={formState.errors.idleSeconds !== undefined}
            helperText={
              formState.errors.idleSeconds?.message
                ? t(formState.errors.idleSeconds.message)
                : t('settings.kiosk.idleHelp')
            }
            slotProps={{ htmlInput: { 'data-testid': 'settings-idle', min: 5, max: 600 } }}
          />
        </Section>

        <Section title={t('settings.kiosk.counters')}>
          <Stack spacing={2}>
            {counters.fields.map((c, i) => (
              <Box
                key={c.id}
                sx={{
                  display: 'grid',
                  gap: 1,
                  gridTemplateColumns: '120px 1fr 1fr 1fr 1fr auto',
                  alignItems: 'start',
                }}
              >
                {field(`counters.${i}.id`, t('settings.kiosk.id'))}
                {field(`counters.${i}.label.ko`, t('settings.kiosk.labelKo'))}
                {field(`counters.${i}.label.en`, t('settings.kiosk.labelEn'))}
                {field(`counters.${i}.location.ko`, t('settings.kiosk.locationKo'))}
                {field(`counters.${i}.location.en`, t('settings.kiosk.locationEn'))}
                <IconButton aria-label={t('settings.kiosk.remove')} onClick={() => counters.remove(i)}>
                  <DeleteIcon />
                </IconButton>
              </Box>
            ))}
            <Button
              startIcon={<AddIcon />}
              sx={{ alignSelf: 'flex-start' }}
              onClick={() =>
                counters.append({
                  id: `c${counters.fields.length + 1}`,
                  label: {
                    ko: `${counters.fields.length + 1}번 창구`,
                    en: `Counter ${counters.fields.length + 1}`,
                  },
                  location: { ko: '', en: '' },
                })
              }
            >
              {t('settings.kiosk.addCounter')}
            </Button>
            {formState.errors.counters?.root?.message && (
              <Alert severity="error">{t(formState.errors.counters.root.message)}</Alert>
            )}
          </Stack>
        </Section>

        <Section title={t('settings.kiosk.services')}>
          <Stack spacing={3}>
            {services.fields.map((s, i) => (
              <Box
                key={s.id}
                sx={{ display: 'grid', gap: 1, gridTemplateColumns: '160px 1fr 1fr 200px auto' }}
              >
                {field(`services.${i}.id`, t('settings.kiosk.id'))}
                {field(`services.${i}.name.ko`, t('settings.kiosk.nameKo'))}
                {field(`services.${i}.name.en`, t('settings.kiosk.nameEn'))}
                <Controller
                  control={control}
                  name={`services.${i}.counterId`}
                  render={({ field: f, fieldState }) => (
                    <TextField
                      select
                      label={t('settings.kiosk.counter')}
                      {...f}
                      error={fieldState.error !== undefined}
                      helperText={fieldState.error?.message ? t(fieldState.error.message) : undefined}
                    >
                      {counterOptions.map((c) => (
                        <MenuItem key={c.id} value={c.id}>
                          {c.label.ko || c.id}
                        </MenuItem>
                      ))}
                    </TextField>
                  )}
                />
                <IconButton aria-label={t('settings.kiosk.remove')} onClick={() => services.remove(i)}>
                  <DeleteIcon />
                </IconButton>
                <Box sx={{ gridColumn: '2 / 3' }}>
                  {field(`services.${i}.description.ko`, t('settings.kiosk.descriptionKo'))}
                </Box>
                <Box sx={{ gridColumn: '3 / 4' }}>
                  {field(`services.${i}.description.en`, t('settings.kiosk.descriptionEn'))}
                </Box>
                <Controller
                  control={control}
                  name={`services.${i}.selfCheck`}
                  render={({ field: f }) => (
                    <FormControlLabel
                      sx={{ gridColumn: '4 / 6' }}
                      control={<Checkbox checked={f.value} onChange={(e) => f.onChange(e.target.checked)} />}
                      label={t('settings.kiosk.selfCheck')}
                    />
                  )}
                />
              </Box>
            ))}
            <Button
              startIcon={<AddIcon />}
              sx={{ alignSelf: 'flex-start' }}
              onClick={() =>
                services.append({
                  id: `service-${services.fields.length + 1}`,
                  name: { ko: '', en: '' },
                  description: { ko: '', en: '' },
                  counterId: counterOptions[0]?.id ?? '',
                  selfCheck: false,
                })
              }
            >
              {t('settings.kiosk.addService')}
            </Button>
          </Stack>
        </Section>

        <Section title={t('settings.kiosk.floor')}>
          <Stack spacing={2}>
            <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: '1fr 1fr' }}>
              {field('floorGuide.text.ko', t('settings.kiosk.floorTextKo'), { multiline: true })}
              {field('floorGuide.text.en', t('settings.kiosk.floorTextEn'), { multiline: true })}
            </Box>
            <Typography variant="body2">{t('settings.kiosk.image')}</Typography>
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <Button variant="outlined" component="label">
                {t('settings.kiosk.chooseImage')}
                <input
                  hidden
                  type="file"
                  accept="image/png,image/jpeg,image/webp"
                  data-testid="settings-floor-image"
                  onChange={(e) => {
                    const file = e.target.files?.[0];
                    if (!file) return;
                    const reader = new FileReader();
                    reader.onload = () => {
                      const url = typeof reader.result === 'string' ? reader.result : '';
                      if (url.length > MAX_FLOOR_IMAGE_CHARS)
                        setError('floorGuide.image', { message: 'settings.imageTooLarge' });
                      else if (!FLOOR_IMAGE_PATTERN.test(url))
                        setError('floorGuide.image', { message: 'settings.imageFormat' });
                      else setValue('floorGuide.image', url, { shouldDirty: true });
                    };
                    reader.readAsDataURL(file);
                  }}
                />
              </Button>
              {image && (
                <Button
                  color="error"
                  onClick={() => setValue('floorGuide.image', null, { shouldDirty: true })}
                >
                  {t('settings.kiosk.removeImage')}
                </Button>
              )}
            </Stack>
            {formState.errors.floorGuide?.image?.message && (
              <Alert severity="error">{t(formState.errors.floorGuide.image.message)}</Alert>
            )}
            {image && (
              <Box
                component="img"
                src={image}
                alt=""
                sx={{ maxWidth: 480, border: 1, borderColor: 'divider' }}
              />
            )}
          </Stack>
        </Section>

        <Section title={t('settings.kiosk.texts')}>
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: '1fr 1fr' }}>
            {field('texts.welcome.ko', t('settings.kiosk.welcomeKo'))}
            {field('texts.welcome.en', t('settings.kiosk.welcomeEn'))}
            {field('texts.notice.ko', t('settings.kiosk.noticeKo'), { multiline: true })}
            {field('texts.notice.en', t('settings.kiosk.noticeEn'), { multiline: true })}
            {field('texts.consent.ko', t('settings.kiosk.consentKo'), { multiline: true })}
            {field('texts.consent.en', t('settings.kiosk.consentEn'), { multiline: true })}
          </Box>
        </Section>

        {status && <Alert severity={status.severity}>{status.text}</Alert>}
        <Button
          type="submit"
          variant="contained"
          size="large"
          sx={{ alignSelf: 'flex-start' }}
          disabled={formState.isSubmitting}
          data-testid="settings-save"
        >
          {t('settings.kiosk.save')}
        </Button>
      </Stack>
    </Box>
  );
}
