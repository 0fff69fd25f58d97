import { createTheme } from '@mui/material/styles';

// Calm public-service colours, generous type for long days at the counter, and Korean-first fonts
// (system fonts only: the renderer loads nothing from the network).
export const theme = createTheme({
  palette: {
    primary: { main: '#1d4f91' },
    secondary: { main: '#00695c' },
    background: { default: '#f5f7fa' },
    // MUI's default orange (#ed6c02) and light blue (#0288d1) reach only 3.1:1 and 3.9:1 against white,
    // under WCAG AA's 4.5:1 for text, and its red and green fall under it on a hovered or selected row
    // (#ebedf0). Every chip, button and coloured text takes these darker tones instead: each reaches
    // 4.5:1 on white, on the page background and on a tinted row (tests/unit/renderer/theme.test.ts).
    warning: { main: '#9a4a00', contrastText: '#ffffff' },
    info: { main: '#01579b', contrastText: '#ffffff' },
    error: { main: '#b3261e', contrastText: '#ffffff' },
    success: { main: '#276b2b', contrastText: '#ffffff' },
  },
  typography: {
    fontFamily:
      '"Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans CJK KR", system-ui, sans-serif',
    fontSize: 15,
  },
  shape: { borderRadius: 8 },
  components: {
    // Korean line breaking (issue 15): browsers break Korean between any two syllables, so words split
    // in notes, side panels, the kiosk's large text and narrow table columns ("유형분/류", "경/력").
    // keep-all breaks only between words, everywhere at once (the kiosk and every dialog inherit it
    // from body); break-word still lets a word longer than its box wrap rather than overflow.
    // Dates and figures must not break at their hyphens either ("2024-06-/30", "15-/29"): they are
    // drawn in <time> or marked data-nowrap, which never wrap.
    MuiCssBaseline: {
      styleOverrides: {
        body: { wordBreak: 'keep-all', overflowWrap: 'break-word' },
        'time, [data-nowrap]': { whiteSpace: 'nowrap' },
      },
    },
    MuiButton: {
      defaultProps: { disableElevation: true },
      // A button's label is one line: squeezed beside a long name, "수정" broke into "수/정".
      styleOverrides: { root: { textTransform: 'none', whiteSpace: 'nowrap' } },
    },
    MuiTextField: { defaultProps: { size: 'small', fullWidth: true } },
    MuiFormControl: { defaultProps: { size: 'small', fullWidth: true } },
  },
});
