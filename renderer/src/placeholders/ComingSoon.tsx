import { Alert, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';

/** An area of the menu whose screens arrive with a later issue; says so plainly instead of a blank page. */
export function ComingSoon({ area }: { area: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography variant="h5" component="h1" gutterBottom>
        {t('placeholder.title', { area: t(`nav.${area}`) })}
      </Typography>
      <Alert severity="info">{t('placeholder.body')}</Alert>
    </>
  );
}
