import { lazy, Suspense } from 'react';
import { HashRouter, Route, Routes } from 'react-router';

// Two surfaces, two chunks: the lobby kiosk never loads the desk's code (sign-in, case screens,
// charts) and the desk never loads the kiosk's (on-screen keyboard, occupation tree). The kiosk route
// never mounts the desk providers either: its window has no desk bridge at all.

const KioskApp = lazy(() => import('./kiosk/KioskApp.tsx').then((m) => ({ default: m.KioskApp })));
const DeskApp = lazy(() => import('./DeskApp.tsx').then((m) => ({ default: m.DeskApp })));

export function App() {
  return (
    <HashRouter>
      <Suspense fallback={null}>
        <Routes>
          <Route path="/kiosk/*" element={<KioskApp />} />
          <Route path="/*" element={<DeskApp />} />
        </Routes>
      </Suspense>
    </HashRouter>
  );
}
