import SendIcon from '@mui/icons-material/Send';
import { Alert, Box, Button, Chip, CircularProgress, Paper, Stack, Tooltip, Typography } from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CandidateMatch, Opening } from '../../../shared/domain/employers.ts';
import type { MatchReason } from '../../../shared/matching/score.ts';
import { occupationLabel, regionLabel } from '../../../shared/reference/index.ts';
import { call } from '../api.ts';
import { errorOf, JobseekerTypeChip, useChannel, useLang, won } from '../employers/common.tsx';
import { keepInPlace, type KeptRow } from './stable-ranking.ts';

// ---- Ranked candidates (추천 구직자) ----

export function ReasonList({ reasons }: { reasons: MatchReason[] }) {
  const { t } = useTranslation();
  return (
    <Box component="ul" sx={{ m: 0, pl: 2 }}>
      {reasons.map((r) => (
        <Typography component="li" variant="body2" key={r.key}>
          {t(`matching.reason.${r.key}`, r.values ?? {})}
          {r.points !== 0 && (
            <Box component="span" sx={{ color: r.points > 0 ? 'success.main' : 'error.main', ml: 1 }}>
              {r.points > 0 ? '+' : ''}
              {t('matching.points', { points: r.points })}
            </Box>
          )}
        </Typography>
      ))}
    </Box>
  );
}

export function GapChip({ gap }: { gap: CandidateMatch['expectationGap'] }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!gap) return null;
  return (
    <Tooltip
      title={t('matching.gapDetail', {
        desired: won(gap.desiredWage, lang),
        offered: won(gap.offeredWage, lang),
        percent: gap.percentAbove,
      })}
    >
      <Chip
        size="small"
        color="warning"
        label={`${t('matching.gap')} +${gap.percentAbove}%`}
        data-testid="gap-chip"
      />
    </Tooltip>
  );
}

const CANDIDATE_ROW = 132;

export function CandidateList({
  opening,
  onReferred,
}: {
  opening: Opening;
  onReferred: (name: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const list = useChannel('matching:forOpening', { openingId: opening.id, limit: 500 });
  // Referred here: kept in place after the reload drops them (stable-ranking.ts says why).
  const [referred, setReferred] = useState<ReadonlyMap<string, KeptRow<CandidateMatch>>>(new Map());
  // A referral on its way: its button waits, so a second click cannot send it twice.
  const [sending, setSending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const rows = keepInPlace(list.value?.rows ?? [], referred);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CANDIDATE_ROW,
    overscan: 6,
  });

  async function refer(c: CandidateMatch, index: number) {
    setError(null);
    setSending(c.jobseekerId);
    try {
      await call('referrals:create', { jobseekerId: c.jobseekerId, openingId: opening.id });
      setReferred((old) => new Map(old).set(c.jobseekerId, { row: c, index }));
      onReferred(c.name);
    } catch (e) {
      setError(errorOf(e).message);
    } finally {
      setSending(null);
    }
  }

  if (list.error) return <Alert severity="error">{t(list.error.message)}</Alert>;
  if (!list.value) return <CircularProgress />;
  return (
    <Stack spacing={1} sx={{ flex: 1, minHeight: 360 }}>
      <Typography variant="body2" color="text.secondary" data-testid="match-summary">
        {/* The ranking's own figures: rows referred here and kept in place are not counted again. */}
        {t('matching.summary', {
          total: list.value.total,
          ready: list.value.readyTotal,
          shown: list.value.rows.length,
        })}
      </Typography>
      {opening.status !== 'open' && <Alert severity="info">{t('referrals.openingNotOpen')}</Alert>}
      {error && <Alert severity="error">{t(error)}</Alert>}
      {rows.length === 0 && <Alert severity="info">{t('matching.none')}</Alert>}
      <Paper
        variant="outlined"
        ref={scrollRef}
        sx={{ flex: 1, minHeight: 0, overflow: 'auto' }}
        data-testid="match-list"
      >
        <Box sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const c = rows[item.index];
            if (!c) return null;
            const done = referred.has(c.jobseekerId);
            const busy = sending === c.jobseekerId;
            const firstOther = c.pool === 'other' && rows[item.index - 1]?.pool === 'ready';
            return (
              <Box
                key={c.jobseekerId}
                data-index={item.index}
                ref={virtualizer.measureElement}
                data-testid="candidate-row"
                // Its place as a plain style, not a CSS class per row (common/VirtualTable.tsx says why).
                style={{ transform: `translateY(${item.start}px)` }}
                sx={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  borderBottom: 1,
                  borderTop: firstOther ? 3 : 0,
                  borderColor: 'divider',
                  px: 2,
                  py: 1.5,
                  display: 'grid',
                  gridTemplateColumns: '48px 1.3fr 2.4fr 110px',
                  gap: 2,
                  alignItems: 'start',
                }}
              >
                <Typography variant="h6" color="text.secondary" sx={{ textAlign: 'right' }}>
                  {item.index + 1}
                </Typography>
                <Stack spacing={0.5}>
                  <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                    <Box
                      component={Link}
                      to={`/jobseekers/${c.jobseekerId}`}
                      sx={{ fontWeight: 700, color: 'inherit' }}
                      data-testid="candidate-name"
                    >
                      {c.name}
                    </Box>
                    <Typography variant="body2" color="text.secondary">
                      {c.birthYear} · {c.regNo}
                    </Typography>
                  </Stack>
                  <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 0.5 }}>
                    <JobseekerTypeChip type={c.type} />
                    <GapChip gap={c.expectationGap} />
                  </Stack>
                  <Typography variant="body2" color="text.secondary">
                    {occupationLabel(c.desiredOccupation, lang)} · {regionLabel(c.sido, c.sigungu, lang)}
                    {c.desiredWage !== null &&
                      ` · ${t('openings.wage', { value: won(c.desiredWage, lang) })}`}
                  </Typography>
                  {c.missingQualifications.length > 0 && (
                    <Typography variant="body2" color="warning.main">
                      {t('matching.missing', { list: c.missingQualifications.join(', ') })}
                    </Typography>
                  )}
                </Stack>
                <ReasonList reasons={c.reasons} />
                <Stack spacing={1} sx={{ alignItems: 'flex-end' }}>
                  <Typography variant="h6" sx={{ fontWeight: 700 }} data-testid="candidate-score">
                    {t('matching.score', { score: c.score })}
                  </Typography>
                  <Button
                    variant={done ? 'outlined' : 'contained'}
                    size="small"
                    startIcon={<SendIcon />}
                    disabled={done || busy || opening.status !== 'open'}
                    onClick={() => void refer(c, item.index)}
                    data-testid="refer-candidate"
                    // The name starts with the visible text (WCAG 2.5.3) and tells the candidates apart.
                    aria-label={`${done ? t('matching.referred') : t('matching.refer')}: ${c.name}`}
                    title={t('matching.referTitle', { name: c.name })}
                  >
                    {done ? t('matching.referred') : t('matching.refer')}
                  </Button>
                </Stack>
              </Box>
            );
          })}
        </Box>
      </Paper>
    </Stack>
  );
}
