import { Route, Routes } from 'react-router';
import { CalendarPage } from './CalendarPage.tsx';

// /appointments: the calendar, which opens on today's agenda (the counselor's home page).

export function AppointmentsArea() {
  return (
    <Routes>
      <Route index element={<CalendarPage />} />
      <Route path="*" element={<CalendarPage />} />
    </Routes>
  );
}
