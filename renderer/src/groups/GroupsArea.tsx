import { Route, Routes } from 'react-router';
import { GroupListPage } from './GroupListPage.tsx';
import { GroupRunPage } from './GroupRunPage.tsx';

// /groups: the center's group programme runs (집단상담·프로그램); /groups/:id one run's page.

export function GroupsArea() {
  return (
    <Routes>
      <Route index element={<GroupListPage />} />
      <Route path=":id" element={<GroupRunPage />} />
      <Route path="*" element={<GroupListPage />} />
    </Routes>
  );
}
