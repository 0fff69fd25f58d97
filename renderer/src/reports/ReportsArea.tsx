import { ComingSoon } from '../placeholders/ComingSoon.tsx';

// Routes under /reports/* (issue 7).
export function ReportsArea() {
  return <ComingSoon area="reports" />;
}
