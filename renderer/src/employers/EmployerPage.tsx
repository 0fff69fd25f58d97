import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import EditIcon from '@mui/icons-material/Edit';
import {
  Alert,
  Box,
  Button,
  Chip,
  CircularProgress,
  Paper,
  Snackbar,
  Stack,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type EmployerDetail } from '../../../shared/domain/employers.ts';
import { formatPhone } from '../../../shared/domain/phone.ts';
import { regionLabel } from '../../../shared/reference/index.ts';
import ksic from '../../../resources/reference/ksic.json' with { type: 'json' };
import { call } from '../api.ts';
import { businessNoLabel, EmployerTypeChip, errorOf, useChannel, useLang } from './common.tsx';
import { EmployerForm } from './EmployerForm.tsx';
import { ContactsCard, OpeningsCard } from './EmployerContacts.tsx';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel.tsx';
import { PackageCard } from './EmployerPackageCard.tsx';
import { ProfilingCard } from './EmployerProfilingCard.tsx';

const SECTIONS = (ksic as { sections: Array<{ code: string; ko: string; en: string }> }).sections;
function industryLabel(code: string, lang: 'ko' | 'en'): string {
  const s = SECTIONS.find((x) => x.code === code);
  return s ? `${code}. ${s[lang]}` : code;
}

export function EmployerPage() {
  const { id = '' } = useParams();
  return <EmployerView key={id} id={id} />;
}

function EmployerView({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const detail = useChannel('employers:get', { id });
  const [editing, setEditing] = useState(false);
  const [toast, setToast] = useState<string | null>(null);
  const d = detail.value;
  if (detail.error) return <Alert severity="error">{t(detail.error.message)}</Alert>;
  if (!d) return <CircularProgress />;
  const e = d.employer;
  const applied = (next: EmployerDetail, message = 'employers.saved') => {
    detail.set(next);
    setToast(message);
  };
  const showPackage = e.currentType === 'conditions-improvement' || d.package.started;

  return (
    <Stack spacing={2} sx={{ overflow: 'auto', pb: 4 }}>
      <Box>
        <Button component={Link} to="/employers" startIcon={<ArrowBackIcon />}>
          {t('employers.back')}
        </Button>
      </Box>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }} data-testid="employer-name">
          {e.name}
        </Typography>
        <EmployerTypeChip type={e.currentType} size="medium" />
        {e.potentialClient && <Chip variant="outlined" label={t('employers.field.potentialClient')} />}
        {e.focusSupport && (
          <Chip variant="outlined" color="primary" label={t('employers.field.focusSupport')} />
        )}
        <Box sx={{ flex: 1 }} />
        {!editing && (
          <Button
            variant="outlined"
            startIcon={<EditIcon />}
            onClick={() => setEditing(true)}
            data-testid="edit-employer"
          >
            {t('employers.edit')}
          </Button>
        )}
      </Stack>

      <Paper variant="outlined" sx={{ p: 2 }}>
        {editing ? (
          <EmployerForm
            employer={e}
            onCancel={() => setEditing(false)}
            onSubmit={async (fields) => {
              try {
                applied(await call('employers:update', { id: e.id, baseSeq: e.seq, fields }));
                setEditing(false);
                return null;
              } catch (err) {
                return errorOf(err);
              }
            }}
          />
        ) : (
          <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(4, minmax(0, 1fr))', gap: 2 }}>
            <Field label={t('employers.field.businessNo')} value={businessNoLabel(e.businessNo)} />
            <Field label={t('employers.field.industry')} value={industryLabel(e.industry, lang)} />
            <Field label={t('employers.field.employees')} value={e.employees.toLocaleString()} />
            <Field label={t('employers.field.region')} value={regionLabel(e.sido, e.sigungu, lang)} />
            <Field label={t('employers.field.contactName')} value={e.contactName ?? '-'} />
            <Field
              label={t('employers.field.contactPhone')}
              value={e.contactPhone ? formatPhone(e.contactPhone) : '-'}
            />
            <Field label={t('employers.field.contactEmail')} value={e.contactEmail ?? '-'} />
          </Box>
        )}
      </Paper>

      <ProfilingCard detail={d} onSaved={(next) => applied(next)} />
      {showPackage && <PackageCard detail={d} onSaved={(next) => applied(next)} />}
      <OpeningsCard detail={d} />
      <ContactsCard detail={d} onSaved={(next) => applied(next)} />
      {/* The employer's own papers (business registration, signed forms): issue 18 item 3. */}
      <AttachmentsPanel parent={{ table: 'employers', id: e.id }} />
      <Snackbar
        open={toast !== null}
        autoHideDuration={3000}
        onClose={() => setToast(null)}
        message={toast ? t(toast) : ''}
      />
    </Stack>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography>{value}</Typography>
    </Box>
  );
}
