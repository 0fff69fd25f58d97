import BackspaceIcon from '@mui/icons-material/Backspace';
import { Box, Button } from '@mui/material';
import Hangul from 'hangul-js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

// The kiosk has no physical keyboard: an on-screen one, Korean (두벌식) and English, with a number row,
// or a telephone keypad for numbers. Keys are kept as a list of jamo and letters; hangul-js composes
// them into syllables (ㄱ ㅏ ㅇ → 강), and backspace takes back the last key pressed.

const KO = [
  ['ㅂ', 'ㅈ', 'ㄷ', 'ㄱ', 'ㅅ', 'ㅛ', 'ㅕ', 'ㅑ', 'ㅐ', 'ㅔ'],
  ['ㅁ', 'ㄴ', 'ㅇ', 'ㄹ', 'ㅎ', 'ㅗ', 'ㅓ', 'ㅏ', 'ㅣ'],
  ['ㅋ', 'ㅌ', 'ㅊ', 'ㅍ', 'ㅠ', 'ㅜ', 'ㅡ'],
];
const KO_SHIFT: Record<string, string> = {
  ㅂ: 'ㅃ',
  ㅈ: 'ㅉ',
  ㄷ: 'ㄸ',
  ㄱ: 'ㄲ',
  ㅅ: 'ㅆ',
  ㅐ: 'ㅒ',
  ㅔ: 'ㅖ',
};
const EN = [
  ['q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p'],
  ['a', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l'],
  ['z', 'x', 'c', 'v', 'b', 'n', 'm'],
];
const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];

export function composeKeys(keys: readonly string[]): string {
  return Hangul.assemble([...keys]);
}

interface KeyboardProps {
  keys: string[];
  onChange: (keys: string[]) => void;
  onDone: () => void;
  /** Digits only: a telephone keypad. */
  digits?: boolean;
  maxKeys?: number;
}

const keySx = { minWidth: 0, minHeight: 76, fontSize: '1.5em', px: 0, flex: 1 } as const;

export function KoreanKeyboard({ keys, onChange, onDone, digits = false, maxKeys = 60 }: KeyboardProps) {
  const { t, i18n } = useTranslation();
  const [layout, setLayout] = useState<'ko' | 'en'>(i18n.language === 'en' ? 'en' : 'ko');
  const [shift, setShift] = useState(false);
  const press = (k: string) => {
    if (keys.length >= maxKeys) return;
    onChange([...keys, k]);
    if (shift) setShift(false);
  };
  const back = () => onChange(keys.slice(0, -1));

  const key = (k: string) => {
    const shown = shift ? (layout === 'ko' ? (KO_SHIFT[k] ?? k) : k.toUpperCase()) : k;
    return (
      <Button key={k} variant="outlined" sx={keySx} data-testid={`key-${shown}`} onClick={() => press(shown)}>
        {shown}
      </Button>
    );
  };
  const row = (items: string[], i: number) => (
    <Box key={i} sx={{ display: 'flex', gap: 1, px: i * 3 }}>
      {items.map(key)}
    </Box>
  );

  return (
    <Box
      role="group"
      aria-label={t('kioskScreens.keyboard.label')}
      data-testid="onscreen-keyboard"
      sx={{
        display: 'flex',
        flexDirection: 'column',
        gap: 1,
        p: 2,
        borderRadius: 3,
        bgcolor: 'action.hover',
        maxWidth: digits ? 560 : 1100,
        width: '100%',
        mx: 'auto',
      }}
    >
      {digits ? (
        <>
          {[DIGITS.slice(0, 3), DIGITS.slice(3, 6), DIGITS.slice(6, 9)].map(row)}
          <Box sx={{ display: 'flex', gap: 1 }}>
            <Button
              variant="outlined"
              sx={keySx}
              onClick={back}
              aria-label={t('kioskScreens.keyboard.backspace')}
              data-testid="key-backspace"
            >
              <BackspaceIcon />
            </Button>
            {key('0')}
            <Button variant="contained" sx={keySx} onClick={onDone} data-testid="key-done">
              {t('kioskScreens.keyboard.done')}
            </Button>
          </Box>
        </>
      ) : (
        <>
          {row(DIGITS, 0)}
          {(layout === 'ko' ? KO : EN).map((r, i) => row(r, i))}
          <Box sx={{ display: 'flex', gap: 1 }}>
            <Button
              variant={shift ? 'contained' : 'outlined'}
              sx={{ ...keySx, flex: 1.5, fontSize: '1em' }}
              aria-pressed={shift}
              onClick={() => setShift((s) => !s)}
              data-testid="key-shift"
            >
              {layout === 'ko' ? t('kioskScreens.keyboard.double') : t('kioskScreens.keyboard.shift')}
            </Button>
            <Button
              variant="outlined"
              sx={{ ...keySx, flex: 1.5, fontSize: '1em' }}
              onClick={() => {
                setLayout((l) => (l === 'ko' ? 'en' : 'ko'));
                setShift(false);
              }}
              data-testid="key-layout"
            >
              {layout === 'ko' ? 'ABC' : '한글'}
            </Button>
            <Button
              variant="outlined"
              sx={{ ...keySx, flex: 4, fontSize: '1em' }}
              onClick={() => press(' ')}
              data-testid="key-space"
            >
              {t('kioskScreens.keyboard.space')}
            </Button>
            <Button
              variant="outlined"
              sx={{ ...keySx, flex: 1.5 }}
              onClick={back}
              aria-label={t('kioskScreens.keyboard.backspace')}
              data-testid="key-backspace"
            >
              <BackspaceIcon />
            </Button>
            <Button
              variant="contained"
              sx={{ ...keySx, flex: 2, fontSize: '1em' }}
              onClick={onDone}
              data-testid="key-done"
            >
              {t('kioskScreens.keyboard.done')}
            </Button>
          </Box>
        </>
      )}
    </Box>
  );
}

/** A text box the on-screen keyboard types into: it shows the composed text and opens the keyboard. */
export function KeyboardField({
  id,
  label,
  hint,
  value,
  active,
  onActivate,
  testId,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  active: boolean;
  onActivate: () => void;
  testId: string;
}) {
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 0.5, width: '100%' }}>
      <Box component="label" htmlFor={id} sx={{ fontWeight: 700, fontSize: '1.1em' }}>
        {label}
      </Box>
      <Box
        component="input"
        id={id}
        readOnly
        inputMode="none"
        value={value}
        onClick={onActivate}
        onFocus={onActivate}
        data-testid={testId}
        aria-describedby={hint ? `${id}-hint` : undefined}
        sx={{
          font: 'inherit',
          fontSize: '1.4em',
          minHeight: 80,
          px: 2,
          borderRadius: 2,
          border: '3px solid',
          borderColor: active ? 'primary.main' : 'text.secondary',
          bgcolor: 'background.paper',
          color: 'text.primary',
          outline: 'none',
          cursor: 'pointer',
        }}
      />
      {hint && (
        <Box id={`${id}-hint`} sx={{ color: 'text.secondary', fontSize: '0.9em' }}>
          {hint}
        </Box>
      )}
    </Box>
  );
}
