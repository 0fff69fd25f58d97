import type { TaskLinkKind } from '../../../shared/domain/tasks.ts';

/** Where an inbox item's subject opens. */
export function subjectPath(kind: TaskLinkKind, id: string): string {
  switch (kind) {
    case 'jobseeker':
      return `/jobseekers/${id}`;
    case 'employer':
      return `/employers/${id}`;
    case 'opening':
      return `/openings/${id}`;
    case 'referral':
      return '/referrals';
  }
}
