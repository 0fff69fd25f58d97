import { Button } from '@mui/material';
import TranslateIcon from '@mui/icons-material/Translate';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n/index.ts';

/**
 * One button that flips Korean ⇄ English; it names the language it switches to. Its accessible name is
 * its visible text (WCAG 2.5.3: a voice user says what they see); "언어/Language" is its description.
 */
export function LanguageSwitch({ color = 'primary' }: { color?: 'primary' | 'inherit' }) {
  const { t, i18n } = useTranslation();
  const toEnglish = i18n.language !== 'en';
  return (
    <Button
      color={color}
      startIcon={<TranslateIcon />}
      onClick={() => setLanguage(toEnglish ? 'en' : 'ko')}
      lang={toEnglish ? 'en' : 'ko'}
      title={t('shell.language')}
      data-testid="language-switch"
    >
      {toEnglish ? t('shell.switchToEnglish') : t('shell.switchToKorean')}
    </Button>
  );
}
