import { ComingSoon } from '../placeholders/ComingSoon.tsx';

// Routes under /queue/* (issue 6): the visitor waiting list.
export function QueueArea() {
  return <ComingSoon area="queue" />;
}
