import { Alert, Box, CircularProgress, Paper } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralSummary } from '../../../shared/domain/employers.ts';
import { dayLabel, useLang } from '../employers/common.tsx';
import { ReferralDialog, ReferralStateChip } from '../referrals/ReferralDialog.tsx';

// ---- The opening's referrals and their states ----

export function OpeningReferrals({
  rows,
  onChanged,
}: {
  rows: ReferralSummary[] | null;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [open, setOpen] = useState<string | null>(null);
  if (!rows) return <CircularProgress />;
  if (rows.length === 0) return <Alert severity="info">{t('referrals.empty')}</Alert>;
  return (
    <Paper variant="outlined" sx={{ overflow: 'auto' }}>
      <Box
        component="table"
        sx={{
          width: '100%',
          borderCollapse: 'collapse',
          '& td, & th': {
            px: 2,
            py: 1,
            borderBottom: 1,
            borderColor: 'divider',
            textAlign: 'left',
            fontSize: 14,
          },
        }}
      >
        <thead>
          <tr>
            <th>{t('referrals.column.jobseeker')}</th>
            <th>{t('referrals.column.state')}</th>
            <th>{t('referrals.column.since')}</th>
            <th>{t('referrals.column.interviewOn')}</th>
            <th>{t('referrals.column.createdAt')}</th>
            <th>{t('referrals.counselor')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <Box
              component="tr"
              key={r.id}
              tabIndex={0}
              onClick={() => setOpen(r.id)}
              onKeyDown={(e) => e.key === 'Enter' && setOpen(r.id)}
              sx={{ cursor: 'pointer', '&:hover': { bgcolor: 'action.hover' } }}
              data-testid="opening-referral-row"
            >
              <td>
                <b>{r.jobseekerName}</b>
              </td>
              <td>
                <ReferralStateChip state={r.state} />
              </td>
              <td>{dayLabel(r.stateAt, lang)}</td>
              <td>{dayLabel(r.interviewOn, lang)}</td>
              <td>{dayLabel(r.createdAt, lang)}</td>
              <td>{r.counselorName}</td>
            </Box>
          ))}
        </tbody>
      </Box>
      {open && <ReferralDialog referralId={open} onClose={() => setOpen(null)} onChanged={onChanged} />}
    </Paper>
  );
}
