import type { TimelineEvent } from '../../../../shared/domain/timeline.ts';
import { firstLine } from '../../../../shared/domain/timeline.ts';
import type { TimelineSource } from '../source.ts';

// Assessments (profiling, 구직자 분류) and the reviews a jobseeker asked for: each profiling is one event
// (its final type and track, and whether the counselor overrode the rule set), each review request and
// its decision one more. All open the 진단·분류 tab.

export const assessmentsSource: TimelineSource = {
  kind: 'assessment',
  async events({ db, jobseekerId }) {
    const [assessments, reviews] = await Promise.all([
      db
        .selectFrom('assessments')
        .select(['id', 'final_type', 'final_track', 'decision', 'conversion', 'created_by', 'created_at'])
        .where('jobseeker_id', '=', jobseekerId)
        .execute(),
      db
        .selectFrom('classification_reviews')
        .select(['id', 'status', 'recorded_by', 'requested_at', 'decided_by', 'decided_at', 'request_text'])
        .where('jobseeker_id', '=', jobseekerId)
        .execute(),
    ]);
    const out: TimelineEvent[] = assessments.map((a) => ({
      key: `assessment:${a.id}`,
      kind: 'assessment',
      at: a.created_at,
      title: {
        key: a.decision === 'overridden' ? 'timeline.assessment.overridden' : 'timeline.assessment.done',
        values: { type: a.final_type, track: a.final_track, conversion: Number(a.conversion) },
      },
      actorId: a.created_by,
      link: { tab: 'assessments', id: a.id },
    }));
    for (const r of reviews) {
      out.push({
        key: `assessment:review:${r.id}`,
        kind: 'assessment',
        at: r.requested_at,
        title: { key: 'timeline.assessment.reviewRequested' },
        actorId: r.recorded_by,
        link: { tab: 'assessments', id: r.id },
        detail: firstLine(r.request_text),
      });
      if (r.decided_at !== null && r.status !== 'open')
        out.push({
          key: `assessment:review:${r.id}:decided`,
          kind: 'assessment',
          at: r.decided_at,
          title: { key: `timeline.assessment.review_${r.status}` },
          actorId: r.decided_by,
          link: { tab: 'assessments', id: r.id },
        });
    }
    return out;
  },
};
