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
    MuiButton: {
      defaultProps: { disableElevation: true },
      styleOverrides: { root: { textTransform: 'none' } },
    },
    MuiTextField: { defaultProps: { size: 'small', fullWidth: true } },
    MuiFormControl: { defaultProps: { size: 'small', fullWidth: true } },
  },
});
