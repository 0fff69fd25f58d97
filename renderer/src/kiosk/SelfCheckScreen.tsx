import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ConfirmationNumberIcon from '@mui/icons-material/ConfirmationNumber';
import { Box, Button, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  SEARCH_ACTIVITIES_OPTIONS,
  START_WISH_OPTIONS,
  WILL_TO_WORK_OPTIONS,
} from '../../../shared/profiling/index.ts';
import type { SelfCheckAnswers } from '../../../shared/domain/kiosk.ts';
import { KioskPage } from './KioskPage.tsx';
import { useKiosk } from './visit.ts';

// 구직 준비 자가진단: the three motivation items of the intake checklist (domain.md §3), asked in plain
// words. The answers stay in this visit only; with the visitor's consent they go with the ticket to the
// counselor, who sees them in the intake form. No score or type is shown: that is the counselor's job.

type Draft = Partial<SelfCheckAnswers>;

const QUESTIONS = [
  { item: 'searchActivities4w', options: SEARCH_ACTIVITIES_OPTIONS },
  { item: 'startWish', options: START_WISH_OPTIONS },
  { item: 'willToWork', options: WILL_TO_WORK_OPTIONS },
] as const;

function complete(d: Draft): d is SelfCheckAnswers {
  return d.searchActivities4w !== undefined && d.startWish !== undefined && d.willToWork !== undefined;
}

export function SelfCheckForm({
  initial,
  onDone,
  doneLabel,
}: {
  initial: SelfCheckAnswers | null;
  onDone: (answers: SelfCheckAnswers) => void;
  doneLabel: string;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(initial ?? {});
  return (
    <Stack spacing={4}>
      <Typography sx={{ fontSize: '1.1em' }}>{t('kioskScreens.selfCheck.intro')}</Typography>
      {QUESTIONS.map((q, n) => (
        <Paper key={q.item} variant="outlined" sx={{ p: 3, borderWidth: 2 }} component="section">
          <Typography id={`q-${q.item}`} variant="h2" sx={{ mb: 2 }}>
            {n + 1}. {t(`kioskScreens.selfCheck.${q.item}.label`)}
          </Typography>
          <Box
            role="radiogroup"
            aria-labelledby={`q-${q.item}`}
            sx={{
              display: 'grid',
              gap: 1.5,
              gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 240px), 1fr))',
            }}
          >
            {q.options.map((o) => {
              const selected = draft[q.item] === o;
              return (
                <Button
                  key={String(o)}
                  role="radio"
                  aria-checked={selected}
                  variant={selected ? 'contained' : 'outlined'}
                  startIcon={selected ? <CheckCircleIcon /> : undefined}
                  onClick={() => setDraft((d) => ({ ...d, [q.item]: o }))}
                  data-testid={`answer-${q.item}-${String(o)}`}
                  sx={{
                    justifyContent: 'flex-start',
                    textAlign: 'left',
                    borderWidth: 2,
                    '&:hover': { borderWidth: 2 },
                  }}
                >
                  {t(`kioskScreens.selfCheck.${q.item}.option.${String(o)}`)}
                </Button>
              );
            })}
          </Box>
        </Paper>
      ))}
      <Button
        variant="contained"
        disabled={!complete(draft)}
        onClick={() => {
          if (complete(draft)) onDone(draft);
        }}
        data-testid="self-check-done"
        sx={{ minHeight: 88, fontSize: '1.2em' }}
      >
        {complete(draft) ? doneLabel : t('kioskScreens.selfCheck.answerAll')}
      </Button>
    </Stack>
  );
}

export function SelfCheckScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { visit, setVisit } = useKiosk();
  const [finished, setFinished] = useState(false);
  return (
    <KioskPage title={t('kioskScreens.selfCheck.title')} testId="kiosk-self-check">
      {finished ? (
        <Stack spacing={3} data-testid="self-check-finished">
          <Typography variant="h2">{t('kioskScreens.selfCheck.thanks')}</Typography>
          <Typography>{t('kioskScreens.selfCheck.next')}</Typography>
          <Button
            variant="contained"
            startIcon={<ConfirmationNumberIcon />}
            sx={{ minHeight: 96, fontSize: '1.3em' }}
            onClick={() => void navigate('/kiosk/ticket')}
            data-testid="self-check-ticket"
          >
            {t('kioskScreens.menu.ticket')}
          </Button>
        </Stack>
      ) : (
        <SelfCheckForm
          initial={visit.selfCheck}
          doneLabel={t('kioskScreens.selfCheck.save')}
          onDone={(answers) => {
            setVisit((v) => ({ ...v, selfCheck: answers }));
            setFinished(true);
            window.scrollTo(0, 0);
          }}
        />
      )}
    </KioskPage>
  );
}
