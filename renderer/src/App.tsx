import { createHashRouter, Navigate, Route, RouterProvider, Routes } from 'react-router';
import { AuditArea } from './audit/AuditArea.tsx';
import { AuthProvider, RequireSession, useAuth } from './auth/AuthProvider.tsx';
import { KioskApp } from './kiosk/KioskApp.tsx';
import { CaseloadPage } from './caseload/CaseloadPage.tsx';
import { EmployersArea } from './employers/EmployersArea.tsx';
import { JobseekersArea } from './jobseekers/JobseekersArea.tsx';
import { OpeningsArea } from './openings/OpeningsArea.tsx';
import { QueueArea } from './queue/QueueArea.tsx';
import { ReferralsArea } from './referrals/ReferralsArea.tsx';
import { ReportsArea } from './reports/ReportsArea.tsx';
import { SettingsArea } from './settings/SettingsArea.tsx';
import { ReviewsPage } from './sync/ReviewsPage.tsx';
import { AppShell } from './shell/AppShell.tsx';

// A data router (one splat route around the app's own <Routes>) so a form can block in-app navigation
// while it has unsaved changes (useBlocker, renderer/src/data/drafts.tsx).
const router = createHashRouter([{ path: '*', element: <AppRoutes /> }]);

export function App() {
  return <RouterProvider router={router} />;
}

/** The kiosk route never mounts the desk providers: its window has no desk bridge at all. */
function AppRoutes() {
  return (
    <Routes>
      <Route path="/kiosk/*" element={<KioskApp />} />
      <Route
        path="/*"
        element={
          <AuthProvider>
            <RequireSession>
              <AppShell>
                <Routes>
                  <Route path="/" element={<HomeRedirect />} />
                  <Route path="/caseload" element={<CaseloadPage />} />
                  <Route path="/jobseekers/*" element={<JobseekersArea />} />
                  <Route path="/employers/*" element={<EmployersArea />} />
                  <Route path="/openings/*" element={<OpeningsArea />} />
                  <Route path="/referrals/*" element={<ReferralsArea />} />
                  <Route path="/reports/*" element={<ReportsArea />} />
                  <Route path="/audit/*" element={<AuditArea />} />
                  <Route path="/queue/*" element={<QueueArea />} />
                  <Route path="/settings/*" element={<SettingsArea />} />
                  <Route path="/reviews" element={<ReviewsPage />} />
                  <Route path="*" element={<HomeRedirect />} />
                </Routes>
              </AppShell>
            </RequireSession>
          </AuthProvider>
        }
      />
    </Routes>
  );
}

/** Where a signed-in person starts: admins have no case data, so they start at the settings. */
function HomeRedirect() {
  const { session } = useAuth();
  return <Navigate to={session.role === 'admin' ? '/settings' : '/jobseekers'} replace />;
}
