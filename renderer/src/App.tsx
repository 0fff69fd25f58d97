import { lazy, Suspense } from 'react';
import { createHashRouter, Route, RouterProvider, Routes } from 'react-router';
import { DeskApp } from './DeskApp.tsx';
import { prefetchAreaOf } from './desk-areas.ts';

// The desk. The lobby kiosk is a page of its own (kiosk.html, kiosk-main.tsx; public/surface.js moves
// an index.html#/kiosk address there), so neither surface downloads the other's code. The desk's areas
// are chunks of their own; its frame (sign-in, shell) stays in the entry: a reload of a desk page then
// waits for one download round (the area, started right away below), not two.

// The second screen's signing page (issue 18): its window has only the signing bridge.
const SigningSurface = lazy(() =>
  import('./documents/SigningSurface.tsx').then((m) => ({ default: m.SigningSurface })),
);

// On a desk address, the area's chunk downloads alongside the desk's, not after it.
if (!location.hash.startsWith('#/signing')) prefetchAreaOf(location.hash);

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
        <Route path="/signing" element={<SigningSurface />} />
        <Route path="/*" element={<DeskApp />} />
      </Routes>
    </Suspense>
  );
}
