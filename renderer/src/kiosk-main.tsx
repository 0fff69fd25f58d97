import { CssBaseline, ThemeProvider } from '@mui/material';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import './i18n/kiosk.ts';
import { KioskApp } from './kiosk/KioskApp.tsx';
import { DisplayApp } from './lobby/DisplayApp.tsx';
import { theme } from './theme.ts';

// The lobby kiosk's own entry (kiosk.html; issue 15: its first paint waited for the desk's 1.7 MB).
// Only the kiosk is in this bundle: no sign-in, shell, desk areas or their providers, and the window has
// no desk bridge at all. Its routes keep the /kiosk prefix the screens navigate by.

const router = createHashRouter([
  // The lobby call display (issue 18): a kiosk-surface page (window.kiosk, the kiosk's lock-down), no
  // visitor input; started with --display.
  { path: '/kiosk/display', element: <DisplayApp /> },
  { path: '/kiosk/*', element: <KioskApp /> },
  { path: '*', element: <Navigate to="/kiosk" replace /> },
]);

const root = document.getElementById('root');
if (!root) throw new Error('no #root element');
createRoot(root).render(
  <StrictMode>
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <RouterProvider router={router} />
    </ThemeProvider>
  </StrictMode>,
);
