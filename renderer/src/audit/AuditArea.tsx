import { Alert } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthProvider.tsx';
import { AuditPage } from './AuditPage.tsx';

// Route /audit: the supervisor's audit screen. Other roles get a plain refusal here, and the channels
// behind the screen refuse them anyway (shared/contract/audit.ts).

export function AuditArea() {
  const { t } = useTranslation();
  const { session } = useAuth();
  if (session.role !== 'supervisor')
    return (
      <Alert severity="warning" data-testid="audit-forbidden">
        {t('audit.supervisorsOnly')}
      </Alert>
    );
  return <AuditPage />;
}
