import AddIcon from '@mui/icons-material/Add';
import {
  Alert,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Divider,
  MenuItem,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { AppError } from '../../../shared/contract/result.ts';
import {
  CONTACT_KINDS,
  CONTACT_OUTCOMES,
  type ContactKind,
  type ContactOutcome,
  type EmployerDetail,
} from '../../../shared/domain/employers.ts';
import { occupationLabel } from '../../../shared/reference/index.ts';
import { call } from '../api.ts';
import { dayLabel, errorOf, todayLocal, useLang, won } from './common.tsx';
import { SectionTitle } from './SectionTitle.tsx';
import { DateField } from '../common/DateField.tsx';

// The employer's openings and contact people.

export function OpeningsCard({ detail }: { detail: EmployerDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <SectionTitle
        action={
          <Button
            variant="contained"
            startIcon={<AddIcon />}
            component={Link}
            to={`/openings/new?employerId=${detail.employer.id}`}
            data-testid="new-opening"
          >
            {t('employers.newOpening')}
          </Button>
        }
      >
        {t('employers.openings')}
      </SectionTitle>
      {detail.openings.length === 0 && (
        <Typography color="text.secondary">{t('employers.noOpenings')}</Typography>
      )}
      <Stack divider={<Divider />}>
        {detail.openings.map((o) => (
          <Stack
            key={o.id}
            direction="row"
            spacing={2}
            tabIndex={0}
            onClick={() => void navigate(`/openings/${o.id}`)}
            onKeyDown={(e) => e.key === 'Enter' && void navigate(`/openings/${o.id}`)}
            sx={{ py: 1, alignItems: 'center', cursor: 'pointer', '&:hover': { bgcolor: 'action.hover' } }}
            data-testid="employer-opening"
          >
            <Typography sx={{ fontWeight: 600, flex: 2 }}>{o.title}</Typography>
            <Typography sx={{ flex: 2 }}>{occupationLabel(o.occupation, lang)}</Typography>
            <Typography sx={{ flex: 1 }}>{t('openings.wage', { value: won(o.wage, lang) })}</Typography>
            <Typography sx={{ flex: 1 }}>
              {t('openings.filledOf', { filled: o.filled, positions: o.positions })}
            </Typography>
            <Chip
              size="small"
              color={o.status === 'open' ? 'primary' : 'default'}
              label={t(`openings.status.${o.status}`)}
            />
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}

// ---- Discovery contacts (구인애로 기업 발굴) ----

export function ContactsCard({
  detail,
  onSaved,
}: {
  detail: EmployerDetail;
  onSaved: (d: EmployerDetail) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [open, setOpen] = useState(false);
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <SectionTitle
        action={
          <Button startIcon={<AddIcon />} onClick={() => setOpen(true)} data-testid="log-contact">
            {t('discovery.log')}
          </Button>
        }
      >
        {t('discovery.contacts')}
      </SectionTitle>
      {detail.contacts.length === 0 && (
        <Typography color="text.secondary">{t('discovery.noContacts')}</Typography>
      )}
      <Stack divider={<Divider />}>
        {detail.contacts.map((c) => (
          <Stack key={c.id} direction="row" spacing={2} sx={{ py: 1, alignItems: 'baseline' }}>
            <Typography sx={{ width: 100 }}>{dayLabel(c.contactedOn, lang)}</Typography>
            <Chip size="small" variant="outlined" label={t(`discovery.kind.${c.kind}`)} />
            <Chip size="small" label={t(`discovery.outcome.${c.outcome}`)} />
            <Typography sx={{ flex: 1 }} variant="body2">
              {c.note}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {c.nextOn ? `${t('discovery.nextOn')} ${dayLabel(c.nextOn, lang)}` : ''} · {c.counselorName}
            </Typography>
          </Stack>
        ))}
      </Stack>
      {open && (
        <ContactDialog
          employerId={detail.employer.id}
          onClose={() => setOpen(false)}
          onSaved={(d) => {
            setOpen(false);
            onSaved(d);
          }}
        />
      )}
    </Paper>
  );
}

export function ContactDialog(props: {
  employerId: string;
  onClose: () => void;
  onSaved: (d: EmployerDetail) => void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ContactKind>('call');
  const [outcome, setOutcome] = useState<ContactOutcome>('interested');
  const [contactedOn, setContactedOn] = useState(todayLocal());
  const [nextOn, setNextOn] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  async function save() {
    try {
      props.onSaved(
        await call('employers:logContact', {
          employerId: props.employerId,
          kind,
          outcome,
          contactedOn,
          nextOn: nextOn || null,
          note,
        }),
      );
    } catch (e) {
      setError(errorOf(e));
    }
  }
  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="sm">
      <DialogTitle>{t('discovery.logTitle')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {error && <Alert severity="error">{t(error.message)}</Alert>}
          <Stack direction="row" spacing={2}>
            <TextField
              select
              fullWidth
              label={t('discovery.kindLabel')}
              value={kind}
              onChange={(e) => setKind(e.target.value as ContactKind)}
            >
              {CONTACT_KINDS.map((k) => (
                <MenuItem key={k} value={k}>
                  {t(`discovery.kind.${k}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              fullWidth
              label={t('discovery.outcomeLabel')}
              value={outcome}
              onChange={(e) => setOutcome(e.target.value as ContactOutcome)}
            >
              {CONTACT_OUTCOMES.map((k) => (
                <MenuItem key={k} value={k}>
                  {t(`discovery.outcome.${k}`)}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
          <Stack direction="row" spacing={2}>
            <DateField
              fullWidth
              label={t('discovery.contactedOn')}
              value={contactedOn}
              onChange={(day) => setContactedOn(day)}
              slotProps={{ inputLabel: { shrink: true } }}
            />
            <DateField
              fullWidth
              label={t('discovery.nextOn')}
              value={nextOn}
              onChange={(day) => setNextOn(day)}
              slotProps={{ inputLabel: { shrink: true } }}
            />
          </Stack>
          <TextField
            label={t('discovery.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            multiline
            minRows={2}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('employers.cancel')}</Button>
        <Button variant="contained" onClick={() => void save()} data-testid="save-contact">
          {t('employers.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
