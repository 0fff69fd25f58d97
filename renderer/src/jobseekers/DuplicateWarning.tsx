import { Alert, AlertTitle, Button, List, ListItem, ListItemText, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicateCandidate } from '../../../shared/domain/jobseeker.ts';
import { maskedPhoneLabel } from './labels.ts';

export function DuplicateWarning({ candidates }: { candidates: DuplicateCandidate[] }) {
  const { t } = useTranslation();
  if (candidates.length === 0) return null;
  return (
    <Alert severity="warning" data-testid="duplicate-warning">
      <AlertTitle>{t('jobseekers.duplicateTitle')}</AlertTitle>
      {t('jobseekers.duplicateBody')}
      <List dense>
        {candidates.map((c) => (
          // The button sits in the row's flow, after the text (a ListItem secondaryAction is placed
          // over the row's right end and covered the registration number: issue 15).
          <ListItem key={c.id} sx={{ gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
            <ListItemText
              sx={{ flex: '1 1 20rem', m: 0 }}
              primary={`${c.name} · ${c.birthYear} · ${maskedPhoneLabel(t, c.phone)} · ${c.regNo}`}
              secondary={
                <Stack component="span" direction="row" spacing={1}>
                  {c.matchedOn.map((m) => (
                    <span key={m}>{t(`jobseekers.duplicateMatched_${m}`)}</span>
                  ))}
                </Stack>
              }
            />
            <Button component={Link} to={`/jobseekers/${c.id}`} size="small" variant="outlined">
              {t('jobseekers.openExisting')}
            </Button>
          </ListItem>
        ))}
      </List>
    </Alert>
  );
}
