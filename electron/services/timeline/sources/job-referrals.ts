import { firstLine } from '../../../../shared/domain/timeline.ts';
import type { TimelineSource } from '../source.ts';

/** The referral events the placement source shows instead. */
export const PLACEMENT_EVENT_KINDS = ['hired', 'follow-up'];

// Job referrals (알선): every event of every referral of the case (proposed, referred, interview, hired,
// declined…), each naming the opening and its employer, so the timeline reads "면접 — ○○물류 지게차 운전원".
// Referral events are append-only; each one is its own entry. The hire and the retention checks after it
// are the placement kind's (./placements.ts), so filtering by 취업 shows every hire, through a referral
// or not, and nothing shows twice.

export const jobReferralsSource: TimelineSource = {
  kind: 'job-referral',
  async events({ db, jobseekerId }) {
    const rows = await db
      .selectFrom('referral_events as e')
      .innerJoin('referrals as r', 'r.id', 'e.referral_id')
      .leftJoin('job_openings as o', 'o.id', 'r.opening_id')
      .leftJoin('employers as m', 'm.id', 'o.employer_id')
      .select([
        'e.id',
        'e.kind',
        'e.at',
        'e.counselor_id',
        'e.note',
        'r.id as referral_id',
        'o.title as opening',
        'm.name as employer',
      ])
      .where('r.jobseeker_id', '=', jobseekerId)
      .where('e.kind', 'not in', PLACEMENT_EVENT_KINDS)
      .execute();
    return rows.map((e) => ({
      key: `job-referral:${e.id}`,
      kind: 'job-referral' as const,
      at: e.at,
      title: {
        key: `timeline.referral.${e.kind}`,
        values: { opening: e.opening ?? '', employer: e.employer ?? '' },
      },
      actorId: e.counselor_id,
      link: { tab: 'referrals', id: e.referral_id },
      detail: firstLine(e.note),
    }));
  },
};
