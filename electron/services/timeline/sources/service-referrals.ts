import type { TimelineEvent } from '../../../../shared/domain/timeline.ts';
import type { TimelineSource } from '../source.ts';

// 서비스 연계 on the case timeline (issue 17 items 4–5): every step of every referral of the case (referred,
// accepted, declined, started, completed, dropped), dated by the day it happened; opens the services tab
// on the referral. Title `services.timeline.<status>` with the target's kind and codes; the
// renderer words the programme or provider from the catalogue edition.

export const serviceReferralSource: TimelineSource = {
  kind: 'service-referral',
  async events({ db, jobseekerId }) {
    const rows = await db
      .selectFrom('service_referral_events as e')
      .innerJoin('service_referrals as s', 's.id', 'e.service_referral_id')
      .select([
        'e.id',
        'e.to_status',
        'e.happened_on',
        'e.counselor_id',
        's.id as referral_id',
        's.target_kind',
        's.programme_code',
        's.provider_code',
        's.provider_name',
        's.course_name',
        's.catalogue_version',
      ])
      .where('s.jobseeker_id', '=', jobseekerId)
      .where('s.archived', '=', 0)
      .execute();
    return rows.map((r): TimelineEvent => ({
      key: `service-referral:${r.referral_id}:${r.id}`,
      kind: 'service-referral',
      at: r.happened_on,
      title: {
        key: `services.timeline.${r.to_status}`,
        values: {
          targetKind: r.target_kind,
          programme: r.programme_code ?? '',
          provider: r.provider_code ?? '',
          providerName: r.provider_name ?? '',
          course: r.course_name ?? '',
          version: r.catalogue_version,
        },
      },
      actorId: r.counselor_id,
      link: { tab: 'services', id: r.referral_id },
    }));
  },
};
