import { Alert, Box, Chip, Stack, Typography } from '@mui/material';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { TIMELINE_KINDS, type TimelineEvent, type TimelineKind } from '../../../shared/domain/timeline.ts';
import { VirtualTable } from '../common/VirtualTable.tsx';
import { clockOf, dayHeading, dayOf, hrefOf, titleOf } from './labels.ts';
import { useTimelinePages } from './useTimelinePages.ts';

// The case page's 사례 타임라인 tab (issue 17 item 5): everything on the case in one list, newest first,
// grouped by day, filtered by kind with toggle chips, each entry opening its record in its own tab. The
// list is the shared virtual grid (one tab stop, arrow keys, Enter opens), fed a page at a time.

type Row = { type: 'day'; day: string } | { type: 'event'; event: TimelineEvent };

export function TimelineTab({ jobseekerId }: { jobseekerId: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [kinds, setKinds] = useState<TimelineKind[]>([]);
  const pages = useTimelinePages(jobseekerId, kinds);
  // The chips keep the counts of the unfiltered first answer: choosing a kind must not hide the others.
  const [counts, setCounts] = useState<Partial<Record<TimelineKind, number>> | null>(null);
  if (pages.counts && counts === null) setCounts(pages.counts);

  const rows = useMemo(() => {
    const out: Row[] = [];
    let day = '';
    for (const event of pages.events) {
      const d = dayOf(event.at);
      if (d !== day) {
        out.push({ type: 'day', day: d });
        day = d;
      }
      out.push({ type: 'event', event });
    }
    return out;
    // The events array grows in place as pages arrive: its length is what changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pages.events, pages.events.length]);

  const shown = TIMELINE_KINDS.filter((k) => (counts?.[k] ?? 0) > 0 || kinds.includes(k));
  const toggle = (k: TimelineKind) =>
    setKinds((now) => (now.includes(k) ? now.filter((x) => x !== k) : [...now, k]));

  return (
    <Stack spacing={2} sx={{ pt: 2 }} data-testid="case-timeline">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'baseline', flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h2">
          {t('timeline.heading')}
        </Typography>
        {pages.total !== null && (
          <Typography color="text.secondary" data-testid="timeline-total">
            {t('timeline.count', { count: pages.total })}
          </Typography>
        )}
      </Stack>
      <Typography color="text.secondary" variant="body2">
        {t('timeline.intro')}
      </Typography>
      <KindChips shown={shown} chosen={kinds} counts={counts} onToggle={toggle} onAll={() => setKinds([])} />
      {pages.error && <Alert severity="error">{t(pages.error)}</Alert>}
      <Box sx={{ height: 'max(360px, calc(100vh - 420px))', display: 'flex', flexDirection: 'column' }}>
        <VirtualTable<Row>
          label={t('timeline.listLabel')}
          columns="90px 150px 1fr 140px"
          headers={[
            t('timeline.columns.time'),
            t('timeline.columns.kind'),
            t('timeline.columns.what'),
            t('timeline.columns.who'),
          ]}
          count={rows.length + (pages.more ? 1 : 0)}
          rowAt={(i) => {
            if (i >= rows.length) {
              queueMicrotask(pages.loadMore); // the placeholder at the end is in view: the next page
              return undefined;
            }
            return rows[i];
          }}
          rowHeight={56}
          ellipsis
          rowTestId="timeline-row"
          scrollTestId="timeline-scroll"
          empty={
            pages.total === null
              ? t('timeline.loading')
              : kinds.length > 0
                ? t('timeline.emptyFiltered')
                : t('timeline.empty')
          }
          onOpen={(row) => {
            if (row.type !== 'event') return;
            const href = hrefOf(jobseekerId, row.event);
            if (href) void navigate(href);
          }}
          renderCells={(row) =>
            row.type === 'day' ? (
              <Box
                role="gridcell"
                sx={{ gridColumn: '1 / -1', fontWeight: 700, color: 'text.secondary' }}
                data-testid="timeline-day"
              >
                {dayHeading(row.day, i18n.language)}
              </Box>
            ) : (
              <EventCells event={row.event} actors={pages.actors} />
            )
          }
        />
      </Box>
    </Stack>
  );
}

function EventCells({ event, actors }: { event: TimelineEvent; actors: Record<string, string> }) {
  const { t } = useTranslation();
  const clock = clockOf(event.at);
  return (
    <>
      <Box role="gridcell" sx={{ color: 'text.secondary', fontSize: 14 }}>
        {clock ?? t('timeline.dayOnly')}
      </Box>
      <Box role="gridcell">
        <Chip size="small" variant="outlined" label={t(`timeline.kinds.${event.kind}`)} />
      </Box>
      <Box role="gridcell" data-testid="timeline-title" data-kind={event.kind}>
        <Typography component="span" sx={{ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis' }}>
          {titleOf(t, event)}
        </Typography>
        {event.detail && (
          <Typography
            component="span"
            variant="body2"
            color="text.secondary"
            sx={{ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis' }}
          >
            {event.detail}
          </Typography>
        )}
      </Box>
      <Box role="gridcell" sx={{ color: 'text.secondary', fontSize: 14 }}>
        {event.actorId ? (actors[event.actorId] ?? '') : ''}
      </Box>
    </>
  );
}

/** The kind filter: toggle chips (several at once); 전체 clears. Arrow keys move along the chips. */
function KindChips(p: {
  shown: readonly TimelineKind[];
  chosen: readonly TimelineKind[];
  counts: Partial<Record<TimelineKind, number>> | null;
  onToggle: (k: TimelineKind) => void;
  onAll: () => void;
}) {
  const { t } = useTranslation();
  const group = useRef<HTMLDivElement>(null);
  function onKeyDown(e: KeyboardEvent) {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const chips = [...(group.current?.querySelectorAll<HTMLElement>('[data-chip]') ?? [])];
    const at = chips.indexOf(document.activeElement as HTMLElement);
    if (at === -1) return;
    e.preventDefault();
    chips[(at + (e.key === 'ArrowRight' ? 1 : chips.length - 1)) % chips.length]?.focus();
  }
  return (
    <Stack
      ref={group}
      direction="row"
      role="group"
      aria-label={t('timeline.filterLabel')}
      onKeyDown={onKeyDown}
      sx={{ flexWrap: 'wrap', gap: 1 }}
    >
      <Chip
        data-chip
        clickable
        label={t('timeline.all')}
        color={p.chosen.length === 0 ? 'primary' : 'default'}
        variant={p.chosen.length === 0 ? 'filled' : 'outlined'}
        aria-pressed={p.chosen.length === 0}
        onClick={p.onAll}
        data-testid="timeline-kind-all"
      />
      {p.shown.map((k) => {
        const on = p.chosen.includes(k);
        return (
          <Chip
            key={k}
            data-chip
            clickable
            label={`${t(`timeline.kinds.${k}`)} ${p.counts?.[k] ?? 0}`}
            color={on ? 'primary' : 'default'}
            variant={on ? 'filled' : 'outlined'}
            aria-pressed={on}
            onClick={() => p.onToggle(k)}
            data-testid={`timeline-kind-${k}`}
          />
        );
      })}
    </Stack>
  );
}
