import { eventsOfJobseeker } from '../../../../db/repositories/programmes.ts';
import type { TimelineEvent } from '../../../../shared/domain/timeline.ts';
import type { TimelineSource } from '../source.ts';

// Programme enrolments on the case timeline (issue 17 items 2, 5): enrolled, the pre-check recorded, the
// eligibility decision, each stage change (with the outcome when it ended) and the action plan agreed, from
// the enrolment's append-only events. Titles are message keys (renderer: timeline.programme.*).

export const programmeTimelineSource: TimelineSource = {
  kind: 'programme',
  async events({ db, jobseekerId }) {
    const rows = await eventsOfJobseeker(db, jobseekerId);
    return rows.map((e): TimelineEvent => ({
      key: `programme:${e.id}`,
      kind: 'programme',
      at: e.at,
      title: {
        key: `timeline.programme.${e.kind}`,
        values: {
          programme: e.programme_code,
          ...(e.to_stage ? { stage: e.to_stage } : {}),
          ...(e.from_stage ? { from: e.from_stage } : {}),
          ...(e.decision ? { decision: e.decision } : {}),
          ...(e.reason_code ? { reason: e.reason_code } : {}),
          ...(e.outcome ? { outcome: e.outcome } : {}),
        },
      },
      actorId: e.counselor_id,
      link: { tab: 'programmes', id: e.enrolment_id },
    }));
  },
};
