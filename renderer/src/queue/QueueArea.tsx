import { Route, Routes } from 'react-router';
import { QueuePage } from './QueuePage.tsx';

// Routes under /queue/* (issue 6): the visitors' waiting list of the center.
export function QueueArea() {
  return (
    <Routes>
      <Route index element={<QueuePage />} />
    </Routes>
  );
}
