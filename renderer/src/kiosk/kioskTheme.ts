import { createTheme, type Theme } from '@mui/material/styles';
import { theme as deskTheme } from '../theme.ts';

// The lobby screen is read from a step away by people who may not read small print: big type, big
// touch targets (at least 72 px high), and a high-contrast variant (white and yellow on black).

export function kioskTheme(opts: { largeText: boolean; highContrast: boolean }): Theme {
  const base = opts.largeText ? 26 : 21;
  const contrast = opts.highContrast;
  return createTheme({
    palette: contrast
      ? {
          mode: 'dark',
          primary: { main: '#ffe14d', contrastText: '#000000' },
          secondary: { main: '#7fe8ff', contrastText: '#000000' },
          background: { default: '#000000', paper: '#000000' },
          text: { primary: '#ffffff', secondary: '#f2f2f2' },
          divider: '#ffffff',
          error: { main: '#ff8a80' },
        }
      : {
          primary: { main: '#1d4f91' },
          secondary: { main: '#00695c' },
          background: { default: '#f3f6fa', paper: '#ffffff' },
          text: { primary: '#111827', secondary: '#374151' },
        },
    typography: {
      fontFamily: deskTheme.typography.fontFamily,
      fontSize: base * 0.875, // MUI's body1 is 1rem at fontSize 14
      h1: { fontSize: base * 2.1, fontWeight: 800, lineHeight: 1.25 },
      h2: { fontSize: base * 1.5, fontWeight: 700, lineHeight: 1.3 },
      h3: { fontSize: base * 1.25, fontWeight: 700 },
      body1: { fontSize: base, lineHeight: 1.55 },
      body2: { fontSize: base * 0.9, lineHeight: 1.5 },
      button: { fontSize: base, fontWeight: 700, textTransform: 'none' },
    },
    shape: { borderRadius: 16 },
    components: {
      MuiButton: {
        defaultProps: { disableElevation: true },
        styleOverrides: {
          root: {
            minHeight: 72,
            paddingLeft: 28,
            paddingRight: 28,
            ...(contrast ? { border: '3px solid currentColor' } : {}),
          },
        },
      },
      MuiPaper: {
        styleOverrides: { root: contrast ? { border: '2px solid #ffffff', backgroundImage: 'none' } : {} },
      },
      MuiButtonBase: { defaultProps: { disableRipple: false } },
    },
  });
}
