import { lazy, Suspense } from 'react';
import { createHashRouter, Route, RouterProvider, Routes } from 'react-router';
import { DeskApp } from './DeskApp.tsx';
import { prefetchAreaOf } from './desk-areas.ts';

// Two surfaces: the lobby kiosk is its own chunk, and the desk's areas are chunks of their own, so the
// kiosk never loads case screens or charts and the desk never loads the on-screen keyboard or the
// occupation tree. The desk's frame (sign-in, shell) stays in the entry: a reload of a desk page then
// waits for one download round (the area, started right away below), not two. The kiosk route
// never mounts the desk providers either: its window has no desk bridge at all.

const DisplayApp = lazy(() => import('./lobby/DisplayApp.tsx').then((m) => ({ default: m.DisplayApp })));
const KioskApp = lazy(() => import('./kiosk/KioskApp.tsx').then((m) => ({ default: m.KioskApp })));

// On a desk address, the area's chunk downloads alongside the desk's, not after it.
if (!location.hash.startsWith('#/kiosk')) prefetchAreaOf(location.hash);

// A data router (one splat route around the app's own <Routes>) so a form can block in-app navigation
// while it has unsaved changes (useBlocker, renderer/src/data/drafts.tsx).
const router = createHashRouter([{ path: '*', element: <AppRoutes /> }]);

export function App() {
  return <RouterProvider router={router} />;
}

function AppRoutes() {
  return (
    <Suspense fallback={null}>
      <Routes>
        {/* The lobby call display: a kiosk-surface page (window.kiosk, the kiosk's lock-down), no visitor input. */}
        <Route path="/kiosk/display" element={<DisplayApp />} />
        <Route path="/kiosk/*" element={<KioskApp />} />
        <Route path="/*" element={<DeskApp />} />
      </Routes>
    </Suspense>
  );
}
