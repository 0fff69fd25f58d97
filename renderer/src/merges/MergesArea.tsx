import { Alert } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthProvider.tsx';
import { MergesPage } from './MergesPage.tsx';

// Route /merges: the supervisor's duplicate list. Other roles get a plain refusal here, and the merge
// channels refuse them anyway (shared/contract/merges.ts).

export function MergesArea() {
  const { t } = useTranslation();
  const { session } = useAuth();
  if (session.role !== 'supervisor')
    return (
      <Alert severity="warning" data-testid="merges-forbidden">
        {t('merges.supervisorsOnly')}
      </Alert>
    );
  return <MergesPage />;
}
