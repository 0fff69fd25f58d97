import { ComingSoon } from '../placeholders/ComingSoon.tsx';

// My caseload (issue 3).
export function CaseloadPage() {
  return <ComingSoon area="caseload" />;
}
