import AddIcon from '@mui/icons-material/AddTask';
import {
  Alert,
  Box,
  Button,
  Chip,
  List,
  ListItem,
  ListItemText,
  Paper,
  Snackbar,
  Stack,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { InboxItem, InboxPage as Page, Task } from '../../../shared/domain/tasks.ts';
import { formatDay } from '../../../shared/domain/day-format.ts';
import { call } from '../api.ts';
import { useDataGeneration } from '../data/freshness.ts';
import { subjectPath } from './links.ts';
import { NewTaskDialog, ReassignDialog, SnoozeDialog } from './TaskDialogs.tsx';

// 오늘 할 일 (issue 16 item 2): everything due for me, overdue first, then my to-dos that come later.
// Each line says what it is and opens what it is about; my own to-dos are done, snoozed or handed on
// here.

function itemText(t: TFunction, item: InboxItem): string {
  if (item.source === 'task') return item.detail.title ?? '';
  const name = item.subject?.label ?? '';
  return t(`inbox.line.${item.source}`, { name, months: item.detail.months, period: item.detail.period });
}

function TaskActions({
  task,
  onSnooze,
  onReassign,
}: {
  task: Task;
  onSnooze: () => void;
  onReassign: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack direction="row" spacing={1}>
      <Button
        size="small"
        variant="outlined"
        data-testid="task-done"
        onClick={() => void call('tasks:setDone', { id: task.id, baseSeq: task.seq, done: true })}
      >
        {t('tasks.done')}
      </Button>
      <Button size="small" data-testid="task-snooze" onClick={onSnooze}>
        {t('tasks.snooze')}
      </Button>
      <Button size="small" data-testid="task-reassign" onClick={onReassign}>
        {t('tasks.reassign')}
      </Button>
    </Stack>
  );
}

export function InboxPage() {
  const { t } = useTranslation();
  const generation = useDataGeneration();
  const [page, setPage] = useState<(Page & { later: Task[] }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [snoozing, setSnoozing] = useState<Task | null>(null);
  const [handing, setHanding] = useState<Task | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    call('inbox:list', {}).then(
      (p) => live && setPage(p),
      (e: unknown) => live && setError(e instanceof Error ? e.message : 'errors.internal'),
    );
    return () => {
      live = false;
    };
  }, [generation]);

  const today = page?.today ?? new Date().toISOString().slice(0, 10);
  const line = (item: InboxItem) => (
    <ListItem
      key={item.key}
      divider
      data-testid="inbox-item"
      data-source={item.source}
      data-status={item.status}
      secondaryAction={
        item.task ? (
          <TaskActions
            task={item.task}
            onSnooze={() => setSnoozing(item.task ?? null)}
            onReassign={() => setHanding(item.task ?? null)}
          />
        ) : undefined
      }
      sx={{ pr: item.task ? 36 : 2 }}
    >
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', minWidth: 0, flex: 1 }}>
        <Chip
          size="small"
          color={item.status === 'overdue' ? 'error' : 'primary'}
          variant={item.status === 'overdue' ? 'filled' : 'outlined'}
          label={t(`inbox.${item.status}`)}
          sx={{ minWidth: 72 }}
        />
        <Chip size="small" label={t(`inbox.source.${item.source}`)} sx={{ minWidth: 96 }} />
        <ListItemText
          primary={itemText(t, item)}
          secondary={
            <>
              {t('inbox.dueOn', { day: formatDay(item.dueOn) })}
              {item.subject && item.source === 'task' && (
                <>
                  {' · '}
                  <Box
                    component={Link}
                    to={subjectPath(item.subject.kind, item.subject.id)}
                    sx={{ color: 'inherit' }}
                  >
                    {item.subject.label}
                  </Box>
                </>
              )}
            </>
          }
        />
        {item.subject && item.source !== 'task' && (
          <Button size="small" component={Link} to={subjectPath(item.subject.kind, item.subject.id)}>
            {t('inbox.open')}
          </Button>
        )}
      </Stack>
    </ListItem>
  );

  return (
    <Stack spacing={2} sx={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
          {t('inbox.title')}
        </Typography>
        {page && (
          <Chip
            data-testid="inbox-summary"
            color={page.counts.overdue > 0 ? 'error' : 'default'}
            label={t('inbox.summary', { total: page.counts.total, overdue: page.counts.overdue })}
          />
        )}
        <Box sx={{ flex: 1 }} />
        <Button
          variant="contained"
          startIcon={<AddIcon />}
          onClick={() => setAdding(true)}
          data-testid="task-new"
        >
          {t('tasks.new')}
        </Button>
      </Stack>
      {error && <Alert severity="error">{t(error)}</Alert>}
      <Paper variant="outlined">
        <List aria-label={t('inbox.title')} data-testid="inbox-list" disablePadding>
          {page?.items.map(line)}
          {page && page.items.length === 0 && (
            <ListItem>
              <ListItemText primary={t('inbox.empty')} />
            </ListItem>
          )}
        </List>
      </Paper>
      <Typography variant="h6" component="h2">
        {t('inbox.later')}
      </Typography>
      <Paper variant="outlined">
        <List aria-label={t('inbox.later')} data-testid="inbox-later" disablePadding>
          {page?.later.map((task) => (
            <ListItem
              key={task.id}
              divider
              data-testid="later-item"
              secondaryAction={
                <TaskActions
                  task={task}
                  onSnooze={() => setSnoozing(task)}
                  onReassign={() => setHanding(task)}
                />
              }
              sx={{ pr: 36 }}
            >
              <ListItemText
                primary={task.title}
                secondary={
                  task.snoozedUntil && task.snoozedUntil > task.dueOn
                    ? t('inbox.snoozedUntil', { day: formatDay(task.snoozedUntil) })
                    : t('inbox.dueOn', { day: formatDay(task.dueOn) })
                }
              />
            </ListItem>
          ))}
          {page && page.later.length === 0 && (
            <ListItem>
              <ListItemText primary={t('inbox.laterEmpty')} />
            </ListItem>
          )}
        </List>
      </Paper>
      {adding && (
        <NewTaskDialog
          open
          today={today}
          onClose={(created) => {
            setAdding(false);
            if (created) setNotice('tasks.created');
          }}
        />
      )}
      {snoozing && (
        <SnoozeDialog
          task={snoozing}
          today={today}
          onClose={(changed) => {
            setSnoozing(null);
            if (changed) setNotice('tasks.snoozed');
          }}
        />
      )}
      <ReassignDialog
        task={handing}
        onClose={(changed) => {
          setHanding(null);
          if (changed) setNotice('tasks.reassigned');
        }}
      />
      <Snackbar
        open={notice !== null}
        autoHideDuration={4000}
        onClose={() => setNotice(null)}
        message={notice ? t(notice) : ''}
      />
    </Stack>
  );
}
