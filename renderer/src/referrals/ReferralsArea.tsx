import { ComingSoon } from '../placeholders/ComingSoon.tsx';

// Routes under /referrals/* (issue 4): board, due follow-ups.
export function ReferralsArea() {
  return <ComingSoon area="referrals" />;
}
