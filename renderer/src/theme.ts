import { createTheme } from '@mui/material/styles';

// Calm public-service colours, generous type for long days at the counter, and Korean-first fonts
// (system fonts only: the renderer loads nothing from the network).
export const theme = createTheme({
  palette: {
    primary: { main: '#1d4f91' },
    secondary: { main: '#00796b' },
    background: { default: '#f5f7fa' },
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
