import {
  Alert,
  Box,
  Button,
  Chip,
  Snackbar,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FigureView, ProgrammeFiguresView } from '../../../shared/contract/programmes.ts';
import type { AppError } from '../../../shared/contract/result.ts';
import { call } from '../api.ts';
import { errorOf, useChannel, useLang } from '../employers/common.tsx';

// Settings › 프로그램 기준값 (issue 17 item 1): the catalogue's figures a center may set (stage deadlines,
// obligation interval and periods, group programme figures), each with the catalogue's value, its
// allowed range and whether it is still to confirm; the center's value is typed beside it. A value
// outside the range is refused with the range in the message, on the field.

function figureLabel(t: ReturnType<typeof useTranslation>['t'], f: FigureView): string {
  const [head, a, b] = f.path;
  if (head === 'stageDeadlineDays')
    return t('programmes.figures.labels.stageDeadlineDays', { stage: t(`programmes.stage.${a}`) });
  if (head === 'obligations')
    return t(`programmes.figures.labels.${b}`, { obligation: t('programmes.periods.title') });
  return t(`programmes.figures.labels.${head}`);
}

export function FiguresForm() {
  const { t } = useTranslation();
  const loaded = useChannel('programmes:getFigures', {});
  const [notice, setNotice] = useState(false);
  if (!loaded.value) return loaded.error ? <Alert severity="error">{t(loaded.error.message)}</Alert> : null;
  // Keyed by what was loaded: the form starts from the saved values each time they change.
  return (
    <>
      <FiguresTable
        key={JSON.stringify(loaded.value.figures.map((f) => f.centerValue))}
        view={loaded.value}
        onSaved={(v) => {
          loaded.set(v);
          setNotice(true);
        }}
      />
      <Snackbar
        open={notice}
        autoHideDuration={3000}
        onClose={() => setNotice(false)}
        message={t('programmes.figures.saved')}
      />
    </>
  );
}

function FiguresTable({
  view,
  onSaved,
}: {
  view: ProgrammeFiguresView;
  onSaved: (v: ProgrammeFiguresView) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(view.figures.map((f) => [f.key, f.centerValue === null ? '' : String(f.centerValue)])),
  );
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  async function save() {
    setBusy(true);
    setError(null);
    try {
      const figures = Object.fromEntries(
        Object.entries(values)
          .filter(([, v]) => v.trim() !== '')
          .map(([k, v]) => [k, Number(v)]),
      );
      onSaved(await call('programmes:saveFigures', { figures }));
    } catch (e) {
      setError(errorOf(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Box data-testid="programme-figures">
      <Typography variant="h6" component="h2">
        {t('programmes.figures.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('programmes.figures.intro', { version: view.catalogueVersion })}
      </Typography>
      <Table size="small" aria-label={t('programmes.figures.title')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('programmes.figures.programme')}</TableCell>
            <TableCell>{t('programmes.figures.figure')}</TableCell>
            <TableCell align="right">{t('programmes.figures.catalogue')}</TableCell>
            <TableCell align="right">{t('programmes.figures.range')}</TableCell>
            <TableCell>{t('programmes.figures.center')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {view.figures.map((f) => {
            const wrong = error?.field === f.key;
            return (
              <TableRow key={f.key}>
                <TableCell>{lang === 'en' ? f.programmeEn : f.programmeKo}</TableCell>
                <TableCell>{figureLabel(t, f)}</TableCell>
                <TableCell align="right">
                  {f.catalogueValue}
                  {f.toConfirm && (
                    <Chip
                      size="small"
                      variant="outlined"
                      color="warning"
                      label={t('programmes.figures.toConfirm')}
                      sx={{ ml: 1 }}
                    />
                  )}
                </TableCell>
                <TableCell align="right">
                  {f.min}–{f.max}
                </TableCell>
                <TableCell>
                  <TextField
                    size="small"
                    value={values[f.key] ?? ''}
                    placeholder={String(f.catalogueValue)}
                    onChange={(e) => setValues({ ...values, [f.key]: e.target.value.replace(/\D/g, '') })}
                    error={wrong}
                    helperText={wrong ? t(error.message) : undefined}
                    slotProps={{
                      htmlInput: {
                        inputMode: 'numeric',
                        'aria-label': `${lang === 'en' ? f.programmeEn : f.programmeKo} ${figureLabel(t, f)}`,
                        'data-testid': `figure-${f.key}`,
                      },
                    }}
                    sx={{ width: 120 }}
                  />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {error && !view.figures.some((f) => f.key === error.field) && (
        <Alert severity="error" role="alert" sx={{ mt: 1 }}>
          {t(error.message)}
        </Alert>
      )}
      <Button
        variant="contained"
        sx={{ mt: 2 }}
        onClick={() => void save()}
        disabled={busy}
        data-testid="figures-save"
      >
        {t('programmes.figures.save')}
      </Button>
    </Box>
  );
}
