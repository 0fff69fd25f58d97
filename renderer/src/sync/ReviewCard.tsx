import { Alert, Box, Button, Chip, Paper, Stack, Typography } from '@mui/material';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReviewView } from '../../../shared/contract/sync.ts';
import type { ReviewChoice } from '../../../shared/sync/protocol.ts';
import { fieldLabel, reasonLabel, tableLabel, timeLabel, valueLines } from './format.ts';

/**
 * One review item: what it is about, both values side by side with who wrote each and when, and the
 * choices. Buttons are ordinary focusable buttons (Tab, Enter/Space); the card is a labelled region.
 */
export function ReviewCard({
  item,
  onChoose,
  busy,
  showCaseLink = true,
}: {
  item: ReviewView;
  onChoose: (choice: ReviewChoice) => void;
  busy: boolean;
  showCaseLink?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const derived = item.kind === 'derived';
  const positions = item.table === 'job_openings' && derived;
  const keptTitle = positions
    ? t('reviews.keptPositions')
    : derived
      ? t('reviews.keptDerived')
      : t('reviews.kept');
  const heldTitle = positions
    ? t('reviews.heldHires')
    : derived
      ? t('reviews.heldDerived')
      : t('reviews.held');
  const who = (name: string | null, id: string, at: string | null) =>
    t('reviews.by', {
      name: name ?? (id || t('reviews.byUnknown')),
      time: timeLabel(at, i18n.language) ?? '-',
    });
  const rule = typeof item.detail?.['rule'] === 'string' ? item.detail['rule'] : null;
  const reason = typeof item.detail?.['reason'] === 'string' ? item.detail['reason'] : null;
  // A deleted record's held value can apply only once it was restored (it is back on this desktop).
  const choices = item.choices.filter(
    (c) => !(item.kind === 'deleted' && c === 'held' && item.recordLabel === null),
  );
  const choiceLabel = (c: ReviewChoice) =>
    item.kind === 'deleted' && c === 'kept' ? t('reviews.chooseKeptDeleted') : t(`reviews.choose.${c}`);

  return (
    <Paper
      variant="outlined"
      component="article"
      aria-labelledby={titleId}
      sx={{ p: 2 }}
      data-testid="review-item"
      data-review-id={item.id}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1, mb: 1 }}>
        <Chip
          size="small"
          color={item.kind === 'conflict' ? 'warning' : 'default'}
          label={t(`reviews.kind.${item.kind}`)}
        />
        <Typography id={titleId} component="h3" variant="subtitle1" sx={{ fontWeight: 700 }}>
          {item.recordLabel ??
            (item.kind === 'deleted' ? t('reviews.deletedRecord') : tableLabel(t, item.table))}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {tableLabel(t, item.table)} · {t('reviews.field', { field: fieldLabel(t, item.field) })}
        </Typography>
        <Box sx={{ flex: 1 }} />
        {showCaseLink && item.caseId && item.recordLabel !== null && (
          <Button size="small" component={Link} to={`/jobseekers/${item.caseId}`}>
            {t('reviews.openCase')}
          </Button>
        )}
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        {rule
          ? t(`reviews.rule.${rule}`, {
              hires: numberOf(item.detail?.['hires']),
              positions: numberOf(item.detail?.['positions']),
            })
          : t(`reviews.kindHelp.${item.kind}`)}
      </Typography>
      {reason && (
        <Alert severity="info" sx={{ mb: 1.5 }}>
          {t('reviews.reason', { reason: reasonLabel(t, reason) ?? reason })}
        </Alert>
      )}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
        <ValueBox
          title={keptTitle}
          lines={item.kind === 'deleted' ? [t('reviews.deletedRecord')] : valueLines(t, item, item.keptValue)}
          byline={
            item.kind === 'deleted'
              ? t('reviews.deletedBy', { time: timeLabel(item.keptAt, i18n.language) ?? '-' })
              : item.kind === 'refused'
                ? null
                : who(item.keptAuthorName, item.keptAuthor, item.keptAt)
          }
          testId="review-kept"
        />
        <ValueBox
          title={heldTitle}
          lines={valueLines(t, item, item.heldValue)}
          byline={who(item.heldAuthorName, item.heldAuthor, item.heldAt)}
          testId="review-held"
          emphasis
        />
      </Box>
      <Stack direction="row" spacing={1} sx={{ mt: 2, alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        {item.pendingChoice ? (
          <Chip
            color="info"
            label={t('reviews.pending', { choice: choiceLabel(item.pendingChoice) })}
            data-testid="review-pending"
          />
        ) : item.mayResolve ? (
          choices.map((c) => (
            <Button
              key={c}
              variant={c === 'held' ? 'contained' : 'outlined'}
              disabled={busy}
              onClick={() => onChoose(c)}
              data-testid={`review-choose-${c}`}
            >
              {choiceLabel(c)}
            </Button>
          ))
        ) : (
          <Typography variant="body2" color="text.secondary">
            {t('reviews.notYours')}
          </Typography>
        )}
      </Stack>
    </Paper>
  );
}

function numberOf(v: unknown): string {
  return typeof v === 'number' ? v.toLocaleString() : '';
}

function ValueBox({
  title,
  lines,
  byline,
  testId,
  emphasis = false,
}: {
  title: string;
  lines: string[];
  byline: string | null;
  testId: string;
  emphasis?: boolean;
}) {
  return (
    <Box
      sx={{
        border: 1,
        borderColor: emphasis ? 'warning.main' : 'divider',
        borderRadius: 1,
        p: 1.5,
        bgcolor: emphasis ? 'rgba(237, 108, 2, 0.04)' : undefined,
      }}
      data-testid={testId}
    >
      <Typography variant="caption" color="text.secondary" component="div">
        {title}
      </Typography>
      {lines.map((line, i) => (
        <Typography key={i} variant="body1" sx={{ fontWeight: 600, wordBreak: 'break-word' }}>
          {line}
        </Typography>
      ))}
      {byline && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          {byline}
        </Typography>
      )}
    </Box>
  );
}
