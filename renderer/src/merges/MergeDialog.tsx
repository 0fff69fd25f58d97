import {
  Alert,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Radio,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicatePair, MergeDone, MergePreview } from '../../../shared/contract/merges.ts';
import type { Jobseeker } from '../../../shared/domain/jobseeker.ts';
import { occupationLabel, regionLabel, type Lang } from '../../../shared/reference/index.ts';
import type { MergeField } from '../../../shared/sync/merge.ts';
import { ApiError, call } from '../api.ts';
import { phoneLabel } from '../jobseekers/labels.ts';

// The two records side by side (issue 16 item 5): which record stays, and for each personal field which
// value stays (the kept record's by default, the other's where the kept one is empty). What moves is
// shown as counts per kind of record; the merge is one call, then the survivor opens.

type Side = 'a' | 'b';

const LABEL_KEYS: Record<MergeField, string> = {
  name: 'jobseekers.name',
  birth_year: 'jobseekers.birthYear',
  gender: 'jobseekers.gender',
  phone: 'jobseekers.phone',
  email: 'jobseekers.email',
  sido: 'jobseekers.sido',
  sigungu: 'jobseekers.sigungu',
  desired_occupation: 'jobseekers.desiredOccupation',
  desired_wage: 'jobseekers.desiredWage',
  mobile: 'jobseekers.mobile',
};

function valueOf(j: Jobseeker, f: MergeField): unknown {
  const map: Record<MergeField, unknown> = {
    name: j.name,
    birth_year: j.birthYear,
    gender: j.gender,
    phone: j.phone,
    email: j.email,
    sido: j.sido,
    sigungu: j.sigungu,
    desired_occupation: j.desiredOccupation,
    desired_wage: j.desiredWage,
    mobile: j.mobile,
  };
  return map[f];
}

function shown(t: TFunction, lang: Lang, j: Jobseeker, f: MergeField): string {
  const v = valueOf(j, f);
  if (v === null || v === undefined || v === '') return t('common.none');
  const text = typeof v === 'string' || typeof v === 'number' ? String(v) : '';
  switch (f) {
    case 'gender':
      return t(`jobseekers.gender_${text}`);
    case 'phone':
      return phoneLabel(t, j.phone);
    case 'sido':
      return regionLabel(j.sido, null, lang);
    case 'sigungu':
      return regionLabel(j.sido, j.sigungu, lang);
    case 'desired_occupation':
      return occupationLabel(j.desiredOccupation, lang) || text;
    case 'desired_wage':
      return Number(v).toLocaleString(lang);
    case 'mobile':
      return v ? t('merges.yes') : t('merges.no');
    default:
      return text;
  }
}

const empty = (v: unknown) => v === null || v === undefined || v === '';

function defaults(p: MergePreview, keep: Side): Record<MergeField, Side> {
  const other: Side = keep === 'a' ? 'b' : 'a';
  const out = {} as Record<MergeField, Side>;
  for (const f of p.fields)
    out[f] = empty(valueOf(p[keep].jobseeker, f)) && !empty(valueOf(p[other].jobseeker, f)) ? other : keep;
  return out;
}

export function MergeDialog({
  pair,
  onClose,
  onMerged,
}: {
  pair: DuplicatePair;
  onClose: () => void;
  onMerged: (done: MergeDone) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'ko';
  const [preview, setPreview] = useState<MergePreview | null>(null);
  const [keep, setKeep] = useState<Side>('a');
  const [choice, setChoice] = useState<Record<MergeField, Side> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call('merges:preview', { a: pair.a.id, b: pair.b.id }).then(
      (p) => {
        setPreview(p);
        setChoice(defaults(p, 'a'));
      },
      (e: unknown) => setError(e instanceof ApiError ? e.error.message : 'merges.loadFailed'),
    );
  }, [pair]);

  const chooseKeep = (side: Side) => {
    setKeep(side);
    if (preview) setChoice(defaults(preview, side));
  };

  const merge = async () => {
    if (!preview || !choice) return;
    const other: Side = keep === 'a' ? 'b' : 'a';
    setBusy(true);
    setError(null);
    try {
      const done = await call('merges:merge', {
        survivorId: preview[keep].jobseeker.id,
        mergedId: preview[other].jobseeker.id,
        take: preview.fields.filter((f) => choice[f] === other),
        survivorSeq: preview[keep].jobseeker.seq,
        mergedSeq: preview[other].jobseeker.seq,
      });
      onMerged(done);
    } catch (e) {
      setError(e instanceof ApiError ? e.error.message : 'errors.internal');
      setBusy(false);
    }
  };

  const sides: Side[] = ['a', 'b'];
  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="md" fullWidth aria-labelledby="merge-title">
      <DialogTitle id="merge-title">{t('merges.dialogTitle')}</DialogTitle>
      <DialogContent dividers data-testid="merge-dialog">
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {t('merges.dialogIntro')}
        </Typography>
        {error && (
          <Alert severity="error" sx={{ mb: 2 }} data-testid="merge-error">
            {t(error)}
          </Alert>
        )}
        {!preview && !error && <CircularProgress aria-label={t('a11y.loading')} />}
        {preview && choice && (
          <Table size="small" aria-label={t('merges.dialogTitle')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('merges.field')}</TableCell>
                {sides.map((s) => (
                  <TableCell key={s}>
                    <FormControlLabel
                      control={
                        <Radio
                          checked={keep === s}
                          onChange={() => chooseKeep(s)}
                          name="merge-keep"
                          data-testid={`merge-keep-${s}`}
                        />
                      }
                      label={
                        <span>
                          <strong>{t('merges.keep')}</strong> · {preview[s].jobseeker.regNo}
                        </span>
                      }
                    />
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {preview.fields.map((f) => (
                <TableRow key={f}>
                  <TableCell component="th" scope="row">
                    {t(LABEL_KEYS[f])}
                  </TableCell>
                  {sides.map((s) => (
                    <TableCell key={s}>
                      <FormControlLabel
                        control={
                          <Radio
                            size="small"
                            checked={choice[f] === s}
                            onChange={() => setChoice({ ...choice, [f]: s })}
                            name={`merge-field-${f}`}
                            data-testid={`merge-field-${f}-${s}`}
                          />
                        }
                        label={shown(t, lang, preview[s].jobseeker, f)}
                      />
                    </TableCell>
                  ))}
                </TableRow>
              ))}
              <TableRow>
                <TableCell component="th" scope="row">
                  {t('merges.records')}
                </TableCell>
                {sides.map((s) => (
                  <TableCell key={s} data-testid={`merge-records-${s}`}>
                    {Object.keys(preview[s].records).length === 0
                      ? t('merges.recordsNone')
                      : Object.entries(preview[s].records)
                          .map(
                            ([table, n]) =>
                              `${t(`merges.table.${table}`, { defaultValue: table })} ${t('merges.recordCount', { count: n })}`,
                          )
                          .join(', ')}
                  </TableCell>
                ))}
              </TableRow>
            </TableBody>
          </Table>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {t('merges.cancel')}
        </Button>
        <Button
          variant="contained"
          color="warning"
          onClick={() => void merge()}
          disabled={!preview || busy}
          data-testid="merge-confirm"
        >
          {t('merges.merge')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
