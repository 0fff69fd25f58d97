import { Route, Routes } from 'react-router';
import { IntakePage } from '../casework/IntakePage.tsx';
import { JobseekerListPage } from './JobseekerListPage.tsx';
import { JobseekerPage } from './JobseekerPage.tsx';
import { NewJobseekerPage } from './NewJobseekerPage.tsx';

/** Routes under /jobseekers/*. */
export function JobseekersArea() {
  return (
    <Routes>
      <Route index element={<JobseekerListPage />} />
      <Route path="new" element={<NewJobseekerPage />} />
      <Route path=":id/intake" element={<IntakePage />} />
      <Route path=":id/*" element={<JobseekerPage />} />
    </Routes>
  );
}
