import { ComingSoon } from '../placeholders/ComingSoon.tsx';

// Routes under /openings/* (issue 4).
export function OpeningsArea() {
  return <ComingSoon area="openings" />;
}
