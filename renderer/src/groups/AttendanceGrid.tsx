import { Box, Button, Chip, Stack, Typography } from '@mui/material';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupParticipantView, GroupSessionView } from '../../../shared/contract/groups.ts';
import type { AttendanceMark } from '../../../shared/domain/groups.ts';
import { shortDayClock } from './labels.ts';

// The attendance grid (출석부): participants down, sessions across. A roving tab stop: Tab enters the grid
// once, the arrows move between cells (Home/End to a row's ends), space or Enter cycles the focused cell
// attended → absent → excused → attended. Only enrolled participants' cells take a mark. Each change is
// a new record (the latest wins), sent at once; the completion column follows the marks in force.

const NEXT: Record<AttendanceMark | 'none', AttendanceMark> = {
  none: 'attended',
  attended: 'absent',
  absent: 'excused',
  excused: 'attended',
};

const COLOR: Record<AttendanceMark, 'success' | 'error' | 'info'> = {
  attended: 'success',
  absent: 'error',
  excused: 'info',
};

export function AttendanceGrid(props: {
  sessions: GroupSessionView[];
  participants: GroupParticipantView[];
  onMark: (participantId: string, sessionId: string, mark: AttendanceMark) => Promise<void>;
  onDecide: (participantId: string, outcome: 'completed' | 'not_completed') => void;
  onStatus: (participantId: string, status: 'enrolled' | 'waiting' | 'withdrawn') => void;
}) {
  const { t } = useTranslation();
  const [focus, setFocus] = useState<[number, number]>([0, 0]);
  const cells = useRef(new Map<string, HTMLElement>());
  const rows = props.participants;
  const cols = props.sessions;

  function move(r: number, c: number) {
    const row = Math.max(0, Math.min(rows.length - 1, r));
    const col = Math.max(0, Math.min(cols.length - 1, c));
    setFocus([row, col]);
    cells.current.get(`${row}:${col}`)?.focus();
  }

  function onKey(e: KeyboardEvent, r: number, c: number) {
    const p = rows[r];
    const s = cols[c];
    switch (e.key) {
      case 'ArrowRight':
        move(r, c + 1);
        break;
      case 'ArrowLeft':
        move(r, c - 1);
        break;
      case 'ArrowDown':
        move(r + 1, c);
        break;
      case 'ArrowUp':
        move(r - 1, c);
        break;
      case 'Home':
        move(r, 0);
        break;
      case 'End':
        move(r, cols.length - 1);
        break;
      case ' ':
      case 'Enter':
        if (p && s && p.status === 'enrolled') void props.onMark(p.id, s.id, NEXT[p.marks[s.id] ?? 'none']);
        break;
      default:
        return;
    }
    e.preventDefault();
  }

  const template = `minmax(140px, 1.4fr) repeat(${cols.length}, minmax(64px, 1fr)) minmax(220px, 2fr)`;
  return (
    <Box>
      <Typography variant="body2" color="text.secondary" id="groups-grid-help" sx={{ mb: 1 }}>
        {t('groups.grid.help')}
      </Typography>
      <Box
        role="grid"
        aria-label={t('groups.grid.label')}
        aria-describedby="groups-grid-help"
        aria-rowcount={rows.length + 1}
        aria-colcount={cols.length + 2}
        data-testid="groups-grid"
        sx={{ overflowX: 'auto', border: 1, borderColor: 'divider', borderRadius: 1 }}
      >
        <Box role="row" sx={{ display: 'grid', gridTemplateColumns: template, bgcolor: 'action.hover' }}>
          <Box role="columnheader" sx={{ p: 1, fontWeight: 600 }}>
            {t('groups.grid.name')}
          </Box>
          {cols.map((s) => (
            <Box role="columnheader" key={s.id} sx={{ p: 1, fontWeight: 600, textAlign: 'center' }}>
              <div>{t('groups.run.sessionNo', { n: s.sessionNo })}</div>
              <Typography variant="caption">{shortDayClock(s.startsAt)}</Typography>
            </Box>
          ))}
          <Box role="columnheader" sx={{ p: 1, fontWeight: 600 }}>
            {t('groups.grid.completion')}
          </Box>
        </Box>
        {rows.map((p, r) => (
          <Box
            role="row"
            key={p.id}
            data-testid="groups-grid-row"
            data-participant={p.id}
            sx={{ display: 'grid', gridTemplateColumns: template, borderTop: 1, borderColor: 'divider' }}
          >
            <Box role="rowheader" sx={{ p: 1 }}>
              <div>{p.name}</div>
              <Chip size="small" label={t(`groups.status.${p.status}`)} data-testid="groups-status" />
            </Box>
            {cols.map((s, c) => {
              const mark = p.marks[s.id];
              const active = focus[0] === r && focus[1] === c;
              return (
                <Box
                  role="gridcell"
                  key={s.id}
                  tabIndex={active ? 0 : -1}
                  ref={(el: HTMLElement | null) => {
                    if (el) cells.current.set(`${r}:${c}`, el);
                  }}
                  onKeyDown={(e) => onKey(e, r, c)}
                  onClick={() => {
                    setFocus([r, c]);
                    if (p.status === 'enrolled') void props.onMark(p.id, s.id, NEXT[mark ?? 'none']);
                  }}
                  aria-readonly={p.status !== 'enrolled'}
                  aria-label={`${p.name} ${t('groups.run.sessionNo', { n: s.sessionNo })}: ${t(`groups.mark.${mark ?? 'none'}`)}`}
                  data-testid="groups-cell"
                  data-mark={mark ?? 'none'}
                  sx={{
                    p: 1,
                    display: 'flex',
                    alignItems: 'center',
                    justifyContent: 'center',
                    cursor: p.status === 'enrolled' ? 'pointer' : 'default',
                    '&:focus-visible': {
                      outline: '3px solid',
                      outlineColor: 'primary.main',
                      outlineOffset: -3,
                    },
                  }}
                >
                  {mark ? (
                    <Chip size="small" color={COLOR[mark]} label={t(`groups.mark.${mark}`)} />
                  ) : (
                    <Typography variant="caption" color="text.secondary">
                      –
                    </Typography>
                  )}
                </Box>
              );
            })}
            <Box role="gridcell" sx={{ p: 1 }}>
              <Stack spacing={0.5}>
                <Typography variant="body2" data-testid="groups-rate">
                  {t('groups.grid.rate', {
                    attended: p.completion.attended,
                    sessions: p.completion.sessions,
                    pct: p.completion.pct,
                  })}
                  {p.status === 'enrolled' ? ` · ${t(`groups.state.${p.completion.state}`)}` : ''}
                </Typography>
                <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap' }}>
                  {p.status === 'enrolled' && p.completion.state === 'reached' && (
                    <Button
                      size="small"
                      variant="contained"
                      onClick={() => props.onDecide(p.id, 'completed')}
                      data-testid="groups-complete"
                    >
                      {t('groups.grid.complete')}
                    </Button>
                  )}
                  {p.status === 'enrolled' && p.completion.state === 'unreachable' && (
                    <Button
                      size="small"
                      variant="outlined"
                      onClick={() => props.onDecide(p.id, 'not_completed')}
                    >
                      {t('groups.grid.notComplete')}
                    </Button>
                  )}
                  {p.status === 'enrolled' && (
                    <Button size="small" onClick={() => props.onStatus(p.id, 'waiting')}>
                      {t('groups.grid.toWaiting')}
                    </Button>
                  )}
                  {(p.status === 'waiting' || p.status === 'withdrawn') && (
                    <Button size="small" onClick={() => props.onStatus(p.id, 'enrolled')}>
                      {t('groups.grid.toEnrolled')}
                    </Button>
                  )}
                  {(p.status === 'enrolled' || p.status === 'waiting') && (
                    <Button size="small" color="inherit" onClick={() => props.onStatus(p.id, 'withdrawn')}>
                      {t('groups.grid.withdraw')}
                    </Button>
                  )}
                </Stack>
              </Stack>
            </Box>
          </Box>
        ))}
      </Box>
    </Box>
  );
}
