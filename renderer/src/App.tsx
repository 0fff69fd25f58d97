import { HashRouter, Navigate, Route, Routes } from 'react-router';
import { AuthProvider, RequireSession } from './auth/AuthProvider.tsx';
import { KioskApp } from './kiosk/KioskApp.tsx';
import { JobseekerListPage } from './jobseekers/JobseekerListPage.tsx';
import { JobseekerPage } from './jobseekers/JobseekerPage.tsx';
import { NewJobseekerPage } from './jobseekers/NewJobseekerPage.tsx';
import { ComingSoon } from './placeholders/ComingSoon.tsx';
import { AppShell } from './shell/AppShell.tsx';

/** The kiosk route never mounts the desk providers: its window has no desk bridge at all. */
export function App() {
  return (
    <HashRouter>
      <Routes>
        <Route path="/kiosk/*" element={<KioskApp />} />
        <Route
          path="/*"
          element={
            <AuthProvider>
              <RequireSession>
                <AppShell>
                  <Routes>
                    <Route path="/" element={<Navigate to="/jobseekers" replace />} />
                    <Route path="/jobseekers" element={<JobseekerListPage />} />
                    <Route path="/jobseekers/new" element={<NewJobseekerPage />} />
                    <Route path="/jobseekers/:id" element={<JobseekerPage />} />
                    <Route path="/employers" element={<ComingSoon area="employers" />} />
                    <Route path="/openings" element={<ComingSoon area="openings" />} />
                    <Route path="/referrals" element={<ComingSoon area="referrals" />} />
                    <Route path="/reports" element={<ComingSoon area="reports" />} />
                    <Route path="/queue" element={<ComingSoon area="queue" />} />
                    <Route path="/settings" element={<ComingSoon area="settings" />} />
                    <Route path="*" element={<Navigate to="/jobseekers" replace />} />
                  </Routes>
                </AppShell>
              </RequireSession>
            </AuthProvider>
          }
        />
      </Routes>
    </HashRouter>
  );
}
