import type { TimelineEvent } from '../../../../shared/domain/timeline.ts';
import { firstLine } from '../../../../shared/domain/timeline.ts';
import type { TimelineSource } from '../source.ts';
import { PLACEMENT_EVENT_KINDS } from './job-referrals.ts';

// Placements (취업): every hire of the case — a referral's hired event, or a placement found without a
// referral — and each retention check after it (3, 6, 12 months: still employed or not). Both are shown
// in the 알선 tab.

interface FollowUpData {
  months?: number;
  employed?: boolean;
  hiredOn?: string;
}

function dataOf(raw: unknown): FollowUpData {
  if (typeof raw === 'string') {
    try {
      return JSON.parse(raw) as FollowUpData;
    } catch {
      return {};
    }
  }
  return raw && typeof raw === 'object' ? raw : {};
}

export const placementsSource: TimelineSource = {
  kind: 'placement',
  async events({ db, jobseekerId }) {
    const [placements, followUps, referralEvents] = await Promise.all([
      db
        .selectFrom('placements')
        .select(['id', 'employer_name', 'occupation', 'hired_on', 'counselor_id', 'note'])
        .where('jobseeker_id', '=', jobseekerId)
        .where('archived', '=', 0)
        .execute(),
      db
        .selectFrom('placement_follow_ups as f')
        .innerJoin('placements as p', 'p.id', 'f.placement_id')
        .select([
          'f.id',
          'f.months',
          'f.employed',
          'f.at',
          'f.counselor_id',
          'p.id as placement_id',
          'p.employer_name',
        ])
        .where('p.jobseeker_id', '=', jobseekerId)
        .where('p.archived', '=', 0)
        .execute(),
      db
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
          'e.data',
          'r.id as referral_id',
          'o.title as opening',
          'm.name as employer',
        ])
        .where('r.jobseeker_id', '=', jobseekerId)
        .where('e.kind', 'in', PLACEMENT_EVENT_KINDS)
        .execute(),
    ]);
    const out: TimelineEvent[] = placements.map((p) => ({
      key: `placement:${p.id}`,
      kind: 'placement',
      at: p.hired_on,
      title: {
        key: 'timeline.placement.hiredWithout',
        values: { employer: p.employer_name, occupation: p.occupation ?? '' },
      },
      actorId: p.counselor_id,
      link: { tab: 'referrals', id: p.id },
      detail: firstLine(p.note),
    }));
    for (const f of followUps) {
      out.push({
        key: `placement:follow-up:${f.id}`,
        kind: 'placement',
        at: f.at,
        title: {
          key: f.employed ? 'timeline.placement.stillEmployed' : 'timeline.placement.notEmployed',
          values: { months: f.months, employer: f.employer_name },
        },
        actorId: f.counselor_id,
        link: { tab: 'referrals', id: f.placement_id },
      });
    }
    for (const e of referralEvents) {
      const data = dataOf(e.data);
      const employer = e.employer ?? '';
      out.push({
        key: `placement:referral:${e.id}`,
        kind: 'placement',
        // The day of hire when the counselor gave it (recorded later than it happened, often).
        at: e.kind === 'hired' && data.hiredOn ? data.hiredOn : e.at,
        title:
          e.kind === 'hired'
            ? { key: 'timeline.placement.hired', values: { employer, opening: e.opening ?? '' } }
            : {
                key:
                  data.employed === false
                    ? 'timeline.placement.notEmployed'
                    : 'timeline.placement.stillEmployed',
                values: { months: data.months ?? '', employer },
              },
        actorId: e.counselor_id,
        link: { tab: 'referrals', id: e.referral_id },
        detail: firstLine(e.note),
      });
    }
    return out;
  },
};
