import { createTheme } from '@mui/material/styles';

// Calm public-service colours, generous type for long days at the counter, and Korean-first fonts
// (system fonts only: the renderer loads nothing from the network).
export const theme = createTheme({
  palette: {
    primary: { main: '#1d4f91' },
    secondary: { main: '#00796b' },
    background: { default: '#f5f7fa' },
    // MUI's default orange (#ed6c02) and light blue (#0288d1) reach only 3.1:1 and 3.9:1 against white,
    // under WCAG AA's 4.5:1 for text: every warning/info chip, outlined chip and `warning.main` text
    // inherits these darker tones instead (5.5:1 and 7.4:1 on white, over 5:1 on the page background).
    warning: { main: '#a84f00', contrastText: '#ffffff' },
    info: { main: '#01579b', contrastText: '#ffffff' },
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
