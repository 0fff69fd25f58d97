import { decisionsOfJobseeker } from '../../../../db/repositories/programmes.ts';
import type { TimelineEvent } from '../../../../shared/domain/timeline.ts';
import type { TimelineSource } from '../source.ts';

// Obligation compliance decisions on the case timeline (issue 17 items 2, 5): each period's decision (met /
// not met with its reason), dated by the day it was decided; a correction shows as its own event.

export const obligationTimelineSource: TimelineSource = {
  kind: 'obligation',
  async events({ db, jobseekerId }) {
    const rows = await decisionsOfJobseeker(db, jobseekerId);
    return rows.map((d): TimelineEvent => ({
      key: `obligation:${d.id}`,
      kind: 'obligation',
      at: d.decided_on,
      title: {
        key: d.corrects ? 'timeline.obligation.corrected' : `timeline.obligation.${d.decision}`,
        values: {
          programme: d.programme_code,
          obligation: d.obligation_code,
          period: d.period_no,
          ...(d.reason_code ? { reason: d.reason_code } : {}),
        },
      },
      actorId: d.counselor_id,
      link: { tab: 'programmes', id: d.enrolment_id },
    }));
  },
};
