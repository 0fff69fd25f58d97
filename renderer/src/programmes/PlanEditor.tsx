import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import {
  Alert,
  Box,
  Button,
  Chip,
  IconButton,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAN_ACTORS, type EnrolmentView } from '../../../shared/contract/programmes.ts';
import type { AppError } from '../../../shared/contract/result.ts';
import type { PlanItem } from '../../../shared/programmes/action-plan.ts';
import { call } from '../api.ts';
import { DateField } from '../common/DateField.tsx';
import { errorOf, useLang } from '../employers/common.tsx';
import { providerOf } from '../../../shared/programmes/catalogue.ts';
import { PlanSignature } from './PlanSignature.tsx';

// The Individual Action Plan (취업활동계획): goals and planned activities (who does what, from when to
// when), saved as a draft and agreed with the jobseeker on a day. An agreed plan reads as agreed; changing
// it starts a new draft that is agreed again.

const emptyItem = (today: string): PlanItem => ({
  activity: '',
  who: 'jobseeker',
  partner: null,
  from: today,
  to: today,
});

export function PlanEditor({
  e,
  today,
  onDone,
}: {
  e: EnrolmentView;
  today: string;
  onDone: (v: EnrolmentView) => void;
}) {
  const { t } = useTranslation();
  const plan = e.plan;
  const [editing, setEditing] = useState(plan === null || plan.agreedOn === null);
  const [goals, setGoals] = useState<string[]>(plan?.goals.length ? plan.goals : ['']);
  const [items, setItems] = useState<PlanItem[]>(plan?.items.length ? plan.items : [emptyItem(today)]);
  const [agreedOn, setAgreedOn] = useState(today);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  // Agreeing the plan offers the jobseeker's signature on it (PlanSignature).
  const [justAgreed, setJustAgreed] = useState(false);
  const open = ['plan', 'service', 'follow-up'].includes(e.stage);

  async function run(action: () => Promise<EnrolmentView>) {
    setBusy(true);
    setError(null);
    try {
      const v = await action();
      onDone(v);
      return v;
    } catch (err) {
      setError(errorOf(err));
      return null;
    } finally {
      setBusy(false);
    }
  }
  const save = () =>
    run(() =>
      call('programmes:savePlan', {
        enrolmentId: e.id,
        goals: goals.filter((g) => g.trim() !== ''),
        items: items.map((i) => ({ ...i, partner: i.who === 'partner' ? i.partner : null })),
      }),
    );
  const setItem = (n: number, patch: Partial<PlanItem>) =>
    setItems(items.map((it, i) => (i === n ? { ...it, ...patch } : it)));

  return (
    <Box component="section" aria-labelledby={`plan-${e.id}`} data-testid="plan-editor">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="subtitle1" component="h4" id={`plan-${e.id}`} sx={{ flex: 1 }}>
          {t('programmes.plan.title')}
        </Typography>
        {plan && (
          <Chip
            size="small"
            color={plan.agreedOn ? 'success' : 'default'}
            label={
              plan.agreedOn
                ? t('programmes.plan.agreed', { day: plan.agreedOn, name: plan.agreedByName ?? '' })
                : t('programmes.plan.draft')
            }
            data-testid="plan-state"
          />
        )}
        {plan?.agreedOn && !editing && open && (
          <Button size="small" onClick={() => setEditing(true)}>
            {t('programmes.plan.revise')}
          </Button>
        )}
      </Stack>
      {!editing && plan ? (
        <>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {plan.goals.join(' · ')}
          </Typography>
          <PlanTable items={plan.items} />
        </>
      ) : (
        <Stack spacing={1.5}>
          {goals.map((g, n) => (
            <TextField
              key={n}
              size="small"
              label={t('programmes.plan.goal', { n: n + 1 })}
              value={g}
              onChange={(ev) => setGoals(goals.map((x, i) => (i === n ? ev.target.value : x)))}
              slotProps={{ htmlInput: { maxLength: 300, 'data-testid': `plan-goal-${n}` } }}
            />
          ))}
          <Box>
            <Button
              size="small"
              startIcon={<AddIcon />}
              onClick={() => setGoals([...goals, ''])}
              disabled={goals.length >= 10}
            >
              {t('programmes.plan.addGoal')}
            </Button>
          </Box>
          <Typography variant="body2" component="h5" sx={{ fontWeight: 600 }}>
            {t('programmes.plan.items')}
          </Typography>
          {items.map((it, n) => (
            <Stack
              key={n}
              direction="row"
              spacing={1}
              useFlexGap
              sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}
            >
              <TextField
                size="small"
                label={t('programmes.plan.activity')}
                value={it.activity}
                onChange={(ev) => setItem(n, { activity: ev.target.value })}
                sx={{ flex: 2, minWidth: 220 }}
                slotProps={{ htmlInput: { maxLength: 300, 'data-testid': `plan-activity-${n}` } }}
              />
              <TextField
                select
                size="small"
                label={t('programmes.plan.who')}
                value={it.who}
                onChange={(ev) => setItem(n, { who: ev.target.value as PlanItem['who'] })}
                sx={{ width: 130 }}
                data-testid={`plan-who-${n}`}
              >
                {PLAN_ACTORS.map((a) => (
                  <MenuItem key={a} value={a}>
                    {t(`programmes.plan.actors.${a}`)}
                  </MenuItem>
                ))}
              </TextField>
              {it.who === 'partner' && (
                <TextField
                  size="small"
                  label={t('programmes.plan.partner')}
                  value={it.partner ?? ''}
                  onChange={(ev) => setItem(n, { partner: ev.target.value })}
                  sx={{ width: 180 }}
                  slotProps={{ htmlInput: { maxLength: 100 } }}
                />
              )}
              <DateField
                size="small"
                label={t('programmes.plan.from')}
                value={it.from}
                onChange={(d) => setItem(n, { from: d })}
                sx={{ width: 170 }}
              />
              <DateField
                size="small"
                label={t('programmes.plan.to')}
                value={it.to}
                onChange={(d) => setItem(n, { to: d })}
                sx={{ width: 170 }}
              />
              <IconButton
                aria-label={t('programmes.plan.remove')}
                title={t('programmes.plan.remove')}
                onClick={() => setItems(items.filter((_, i) => i !== n))}
                disabled={items.length <= 1}
              >
                <DeleteIcon />
              </IconButton>
            </Stack>
          ))}
          <Stack direction="row" spacing={1}>
            <Button
              size="small"
              startIcon={<AddIcon />}
              onClick={() => setItems([...items, emptyItem(today)])}
              disabled={items.length >= 40}
            >
              {t('programmes.plan.addItem')}
            </Button>
            <Box sx={{ flex: 1 }} />
            <Button
              variant="outlined"
              disabled={busy || !open}
              onClick={() => void save().then((v) => v && setEditing(v.plan?.agreedOn === null))}
              data-testid="plan-save"
            >
              {t('programmes.plan.save')}
            </Button>
          </Stack>
        </Stack>
      )}
      {plan && plan.agreedOn === null && (
        <Stack direction="row" spacing={1} sx={{ mt: 1.5, alignItems: 'center' }}>
          <DateField
            size="small"
            label={t('programmes.plan.agreedOn')}
            value={agreedOn}
            onChange={setAgreedOn}
            sx={{ width: 170 }}
            slotProps={{ htmlInput: { 'data-testid': 'plan-agreed-on' } }}
          />
          <Button
            variant="contained"
            disabled={busy}
            onClick={() =>
              void run(() => call('programmes:agreePlan', { enrolmentId: e.id, on: agreedOn })).then((v) => {
                if (!v) return;
                setEditing(false);
                setJustAgreed(true);
              })
            }
            data-testid="plan-agree"
          >
            {t('programmes.plan.agree')}
          </Button>
        </Stack>
      )}
      {plan && <PlanSignature enrolmentId={e.id} plan={plan} justAgreed={justAgreed} />}
      {error && (
        <Alert severity="error" role="alert" sx={{ mt: 1 }}>
          {t(error.message)}
        </Alert>
      )}
    </Box>
  );
}

function PlanTable({ items }: { items: PlanItem[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  // A partner named by its catalogue code reads as the agency's name.
  const partnerName = (p: string) => {
    const known = providerOf(p);
    return known ? (lang === 'en' ? known.en : known.ko) : p;
  };
  return (
    <Table size="small" aria-label={t('programmes.plan.items')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('programmes.plan.activity')}</TableCell>
          <TableCell>{t('programmes.plan.who')}</TableCell>
          <TableCell>{t('programmes.plan.from')}</TableCell>
          <TableCell>{t('programmes.plan.to')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {items.map((i, n) => (
          <TableRow key={n}>
            <TableCell>{i.activity}</TableCell>
            <TableCell>
              {t(`programmes.plan.actors.${i.who}`)}
              {i.partner ? ` (${partnerName(i.partner)})` : ''}
            </TableCell>
            <TableCell>{i.from}</TableCell>
            <TableCell>{i.to}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
