import { ComingSoon } from '../placeholders/ComingSoon.tsx';

// Routes under /employers/* (issue 4).
export function EmployersArea() {
  return <ComingSoon area="employers" />;
}
