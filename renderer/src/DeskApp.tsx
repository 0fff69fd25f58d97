import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { AuthProvider, RequireSession, useAuth } from './auth/AuthProvider.tsx';
import { Loading } from './common/Loading.tsx';
import { DESK_AREAS } from './desk-areas.ts';
import { AppShell } from './shell/AppShell.tsx';

// The desk surface: sign-in, the shell and one area per route. Each area is its own chunk, loaded when
// first visited (issue 15: one 1.7 MB bundle for every screen and the kiosk); the shell stays on
// screen while an area's code arrives.

const area = (name: keyof typeof DESK_AREAS) =>
  lazy(() => (DESK_AREAS[name] as () => Promise<React.ComponentType>)().then((c) => ({ default: c })));

const AppointmentsArea = area('appointments');
const InboxPage = area('inbox');
const CaseloadPage = area('caseload');
const JobseekersArea = area('jobseekers');
const EmployersArea = area('employers');
const OpeningsArea = area('openings');
const ReferralsArea = area('referrals');
const ReportsArea = area('reports');
const AuditArea = area('audit');
const QueueArea = area('queue');
const SettingsArea = area('settings');
const ReviewsPage = area('reviews');
const TransferInboxPage = area('transfers');
const VerifyPage = area('verify');
const MergesArea = area('merges');
const GroupsArea = area('groups');

export function DeskApp() {
  const { t } = useTranslation();
  return (
    <AuthProvider>
      <RequireSession>
        <AppShell>
          <Suspense fallback={<Loading label={t('a11y.loading')} />}>
            <Routes>
              <Route path="/" element={<HomeRedirect />} />
              <Route path="/appointments/*" element={<AppointmentsArea />} />
              <Route path="/inbox" element={<InboxPage />} />
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
              <Route path="/transfers" element={<TransferInboxPage />} />
              <Route path="/verify" element={<VerifyPage />} />
              <Route path="/merges" element={<MergesArea />} />
              <Route path="/groups/*" element={<GroupsArea />} />
              <Route path="*" element={<HomeRedirect />} />
            </Routes>
          </Suspense>
        </AppShell>
      </RequireSession>
    </AuthProvider>
  );
}

/**
 * Where a signed-in person starts: a counselor or supervisor at today's agenda (issue 16 item 1);
 * admins have no case data, so they start at the settings.
 */
function HomeRedirect() {
  const { session } = useAuth();
  return <Navigate to={session.role === 'admin' ? '/settings' : '/appointments'} replace />;
}
