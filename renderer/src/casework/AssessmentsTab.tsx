import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Alert,
  Box,
  Button,
  Chip,
  FormControlLabel,
  Paper,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Assessment, CaseFile, ClassificationReview } from '../../../shared/casework/types.ts';
import { CHECKLIST_ITEMS, jobseekerService, type ChecklistItem } from '../../../shared/profiling/index.ts';
import { call } from '../api.ts';
import { dateTime, errorKey } from './useCaseFile.ts';

export function AssessmentsTab({ file, onChange }: { file: CaseFile; onChange: (f: CaseFile) => void }) {
  const { t } = useTranslation();
  const latest = file.assessments[0];
  const conversions = file.assessments.filter((a) => a.conversion).length;
  return (
    <Stack spacing={2}>
      <Alert severity="info" variant="outlined">
        {t('case.noAdviceHides')}
      </Alert>
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
          <Typography variant="h6" component="h2" sx={{ fontWeight: 700, flex: 1 }}>
            {t('assessments.current')}
          </Typography>
          <Button
            component={Link}
            to={`/jobseekers/${file.jobseeker.id}/intake`}
            variant="contained"
            data-testid="start-intake"
          >
            {latest ? t('case.reassess') : t('case.startIntake')}
          </Button>
        </Stack>
        {latest ? (
          <Current a={latest} reassessDueOn={file.reassessDueOn} />
        ) : (
          <Typography>{t('assessments.none')}</Typography>
        )}
      </Paper>
      {file.assessments.length > 0 && (
        <Paper variant="outlined" sx={{ p: 3 }}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
            <Typography variant="h6" component="h2" sx={{ fontWeight: 700 }}>
              {t('assessments.history')}
            </Typography>
            {conversions > 0 && (
              <Chip
                size="small"
                color="success"
                label={t('assessments.conversions', { count: conversions })}
              />
            )}
          </Stack>
          <Box data-testid="assessment-history">
            {file.assessments.map((a) => (
              <HistoryItem key={a.id} a={a} />
            ))}
          </Box>
        </Paper>
      )}
      {latest && <Reviews file={file} onChange={onChange} />}
    </Stack>
  );
}

function Current({ a, reassessDueOn }: { a: Assessment; reassessDueOn: string | null }) {
  const { t } = useTranslation();
  return (
    <Stack spacing={1} data-testid="current-assessment">
      <Typography variant="h5" sx={{ fontWeight: 700 }} data-testid="current-classification">
        {t(`jobseeker.type.${a.finalType}`)} · {t(`jobseeker.track.${a.finalTrack}`)}
      </Typography>
      <Typography>{t(jobseekerService(a.finalTrack))}</Typography>
      {a.decision === 'overridden' && (
        <Alert severity="warning" variant="outlined" data-testid="current-override">
          {t('assessments.computed')}: {t(`jobseeker.track.${a.result.track}`)} → {t('assessments.final')}:{' '}
          {t(`jobseeker.track.${a.finalTrack}`)}. {t('assessments.overrideReason')}:{' '}
          {a.overrideReasonCode ? t(`intake.reasonCode.${a.overrideReasonCode}`) : ''} —{' '}
          {a.overrideReasonText}
        </Alert>
      )}
      <Typography variant="body2" color="text.secondary">
        {t('assessments.scores', {
          motivation: t(`level.${a.result.motivation}`),
          motivationScore: a.result.motivationScore,
          ability: t(`level.${a.result.ability}`),
          abilityScore: a.result.abilityScore,
          economic: t(`jobseeker.economic.${a.result.economic}`),
        })}
      </Typography>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {a.result.reasons.map((r) => (
          <Typography component="li" variant="body2" key={r}>
            {t(r)}
          </Typography>
        ))}
      </Box>
      {reassessDueOn && (
        <Typography variant="body2" data-testid="current-reassess">
          {t('assessments.reassessDueOn')}: {reassessDueOn}
        </Typography>
      )}
    </Stack>
  );
}

function answerText(t: (k: string) => string, a: Assessment, item: ChecklistItem): string {
  if ((a.inputs.declined as string[]).includes(item)) return t('assessments.declined');
  const value = a.inputs[item];
  if (Array.isArray(value))
    return value.length === 0
      ? t('intake.none')
      : value.map((v) => t(`checklist.${item}.option.${v}`)).join(', ');
  return t(`checklist.${item}.option.${String(value)}`);
}

function HistoryItem({ a }: { a: Assessment }) {
  const { t, i18n } = useTranslation();
  return (
    <Accordion disableGutters variant="outlined" data-testid="assessment-entry" data-record-id={a.id}>
      <AccordionSummary expandIcon={<ExpandMoreIcon />}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}>
          <Typography sx={{ minWidth: 170 }}>{dateTime(a.createdAt, i18n.language)}</Typography>
          <Typography sx={{ fontWeight: 700 }}>
            {t(`jobseeker.type.${a.finalType}`)} · {t(`jobseeker.track.${a.finalTrack}`)}
          </Typography>
          <Chip
            size="small"
            variant="outlined"
            color={a.decision === 'overridden' ? 'warning' : 'default'}
            label={t(`assessments.${a.decision}`)}
          />
          {a.conversion && (
            <Chip
              size="small"
              color="success"
              label={t('assessments.conversion')}
              data-testid="conversion-chip"
            />
          )}
          <Typography variant="body2" color="text.secondary">
            {a.createdByName}
          </Typography>
        </Stack>
      </AccordionSummary>
      <AccordionDetails>
        <Stack spacing={1}>
          {a.sensitiveWithheld && (
            <Alert severity="info" variant="outlined" data-testid="sensitive-withheld">
              {t('consent.sensitiveWithheld')}
            </Alert>
          )}
          <Typography variant="body2">
            {t('assessments.computed')}: {t(`jobseeker.type.${a.result.type}`)} ·{' '}
            {t(`jobseeker.track.${a.result.track}`)} ({t('assessments.ruleSet')} {a.ruleSet})
          </Typography>
          {a.decision === 'overridden' && (
            <Typography variant="body2">
              {t('assessments.overrideReason')}:{' '}
              {a.overrideReasonCode ? t(`intake.reasonCode.${a.overrideReasonCode}`) : ''} —{' '}
              {a.overrideReasonText}
            </Typography>
          )}
          <Typography variant="body2" color="text.secondary">
            {t('assessments.scores', {
              motivation: t(`level.${a.result.motivation}`),
              motivationScore: a.result.motivationScore,
              ability: t(`level.${a.result.ability}`),
              abilityScore: a.result.abilityScore,
              economic: a.sensitiveWithheld
                ? t('assessments.declined')
                : t(`jobseeker.economic.${a.result.economic}`),
            })}
          </Typography>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {a.result.reasons.map((r) => (
              <Typography component="li" variant="body2" key={r}>
                {t(r)}
              </Typography>
            ))}
          </Box>
          <Typography variant="subtitle2">{t('assessments.answers')}</Typography>
          <Box
            component="dl"
            sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1fr)', gap: 0.5, m: 0 }}
          >
            {CHECKLIST_ITEMS.map((item) => (
              <Box key={item} sx={{ display: 'contents' }}>
                <Box component="dt" sx={{ color: 'text.secondary', fontSize: 14 }}>
                  {t(`intake.short.${item}`)}
                  {(a.inputs.kioskItems as string[]).includes(item) && ` (${t('assessments.fromKiosk')})`}
                </Box>
                <Box component="dd" sx={{ m: 0, fontSize: 14 }}>
                  {answerText(t, a, item)}
                </Box>
              </Box>
            ))}
          </Box>
          {a.reassessDueOn && (
            <Typography variant="body2">
              {t('assessments.reassessDueOn')}: {a.reassessDueOn}
            </Typography>
          )}
        </Stack>
      </AccordionDetails>
    </Accordion>
  );
}

function Reviews({ file, onChange }: { file: CaseFile; onChange: (f: CaseFile) => void }) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = file.reviews.find((r) => r.status === 'open');
  const latest = file.assessments[0];
  async function request() {
    if (!latest) return;
    setError(null);
    try {
      onChange(
        await call('casework:requestReview', {
          jobseekerId: file.jobseeker.id,
          assessmentId: latest.id,
          text,
        }),
      );
      setText('');
      setAsking(false);
    } catch (e) {
      setError(errorKey(e));
    }
  }
  return (
    <Paper variant="outlined" sx={{ p: 3 }} data-testid="reviews">
      <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="h6" component="h2" sx={{ fontWeight: 700, flex: 1 }}>
          {t('review.title')}
        </Typography>
        {!open && !asking && (
          <Button onClick={() => setAsking(true)} data-testid="request-review">
            {t('review.request')}
          </Button>
        )}
      </Stack>
      {asking && (
        <Stack spacing={1} sx={{ mb: 2 }}>
          <Typography variant="body2" color="text.secondary">
            {t('review.requestHint')}
          </Typography>
          <TextField
            label={t('review.requestText')}
            multiline
            minRows={2}
            value={text}
            onChange={(e) => setText(e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'review-text', maxLength: 1000 } }}
          />
          <Stack direction="row" spacing={1}>
            <Button
              variant="contained"
              disabled={!text.trim()}
              onClick={() => void request()}
              data-testid="submit-review"
            >
              {t('review.submit')}
            </Button>
            <Button onClick={() => setAsking(false)}>{t('review.cancel')}</Button>
          </Stack>
        </Stack>
      )}
      {error && <Alert severity="error">{t(error)}</Alert>}
      {file.reviews.length === 0 && !asking && (
        <Typography color="text.secondary">{t('review.none')}</Typography>
      )}
      <Stack spacing={1.5}>
        {file.reviews.map((r) => (
          <ReviewEntry key={r.id} r={r} lang={i18n.language} onChange={onChange} />
        ))}
      </Stack>
    </Paper>
  );
}

function ReviewEntry({
  r,
  lang,
  onChange,
}: {
  r: ClassificationReview;
  lang: string;
  onChange: (f: CaseFile) => void;
}) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<'upheld' | 'changed'>('upheld');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function decide() {
    setError(null);
    try {
      onChange(await call('casework:decideReview', { reviewId: r.id, outcome, text }));
    } catch (e) {
      setError(errorKey(e));
    }
  }
  return (
    <Box
      sx={{ borderLeft: 3, borderColor: r.status === 'open' ? 'warning.main' : 'divider', pl: 2 }}
      data-testid="review-entry"
      data-record-id={r.id}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Chip
          size="small"
          label={t(`review.status_${r.status}`)}
          color={r.status === 'open' ? 'warning' : 'default'}
        />
        <Typography variant="body2" color="text.secondary">
          {t('review.requestedAt', { date: dateTime(r.requestedAt, lang), name: r.recordedByName ?? '' })}
        </Typography>
      </Stack>
      <Typography sx={{ mt: 0.5, whiteSpace: 'pre-wrap' }}>{r.requestText}</Typography>
      {r.status !== 'open' && (
        <Typography variant="body2" sx={{ mt: 0.5 }}>
          {t('review.decidedAt', {
            date: r.decidedAt ? dateTime(r.decidedAt, lang) : '',
            name: r.decidedByName ?? '',
          })}
          : {r.outcomeText}
        </Typography>
      )}
      {r.status === 'open' && (
        <Stack spacing={1} sx={{ mt: 1 }}>
          <RadioGroup
            row
            value={outcome}
            onChange={(e) => setOutcome(e.target.value as 'upheld' | 'changed')}
          >
            <FormControlLabel value="upheld" control={<Radio />} label={t('review.outcome_upheld')} />
            <FormControlLabel value="changed" control={<Radio />} label={t('review.outcome_changed')} />
          </RadioGroup>
          {outcome === 'changed' && (
            <Typography variant="body2" color="text.secondary">
              {t('review.changedHint')}
            </Typography>
          )}
          <TextField
            label={t('review.outcomeText')}
            size="small"
            value={text}
            onChange={(e) => setText(e.target.value)}
            slotProps={{ htmlInput: { maxLength: 1000 } }}
          />
          <Box>
            <Button variant="outlined" disabled={!text.trim()} onClick={() => void decide()}>
              {t('review.decide')}
            </Button>
          </Box>
          {error && <Alert severity="error">{t(error)}</Alert>}
        </Stack>
      )}
    </Box>
  );
}
