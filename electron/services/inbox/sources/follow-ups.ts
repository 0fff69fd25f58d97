import { findPlacementFollowUps, findPlacements } from '../../../../db/repositories/referrals.ts';
import { hiresOfCaseload } from '../../../../db/repositories/casework.ts';
import { hireDayOf, parseFollowUp, type FollowUpMonths } from '../../../../shared/domain/follow-ups.ts';
import { nextFollowUp } from '../../../../shared/referrals/state-machine.ts';
import { dueStatus, type InboxItem } from '../../../../shared/domain/tasks.ts';
import type { InboxSource } from '../source.ts';

// 사후관리: the next 1/3/6-month follow-up of each placement of the person's cases (a hire through a
// referral, or a placement recorded without one) once its day has come. A follow-up saying the person
// no longer works there ends the series (shared/referrals/state-machine.ts `nextFollowUp`).

interface Hire {
  hiredAt: string | null;
  followUps: Array<{ months: FollowUpMonths; employed: boolean; at: string }>;
  jobseekerId: string;
}

export const followUpSource: InboxSource = {
  async items({ db, userId, today }) {
    const items: InboxItem[] = [];
    const names = new Map<string, string>();
    const byReferral = new Map<string, Hire>();
    for (const e of await hiresOfCaseload(db, userId)) {
      names.set(e.jobseeker_id, e.jobseeker_name);
      const hire = byReferral.get(e.referral_id) ?? {
        hiredAt: null,
        followUps: [],
        jobseekerId: e.jobseeker_id,
      };
      if (e.kind === 'hired') hire.hiredAt = hireDayOf(e);
      else {
        const f = parseFollowUp(e.data);
        if (f) hire.followUps.push({ ...f, at: e.at });
      }
      byReferral.set(e.referral_id, hire);
    }
    const due = (key: string, jobseekerId: string, next: { months: FollowUpMonths; dueOn: string }) => {
      const status = dueStatus(next.dueOn, today);
      if (!status) return;
      items.push({
        key,
        source: 'follow-up',
        dueOn: next.dueOn,
        status,
        subject: { kind: 'jobseeker', id: jobseekerId, label: names.get(jobseekerId) ?? '' },
        detail: { months: next.months },
      });
    };
    for (const [id, h] of byReferral) {
      const next = nextFollowUp(h);
      if (next) due(`follow-up:referral:${id}`, h.jobseekerId, next);
    }

    const filter = { by: 'counselor' as const, counselorId: userId };
    const [placed, followUps] = await Promise.all([
      findPlacements(db, filter),
      findPlacementFollowUps(db, filter),
    ]);
    const byPlacement = new Map<string, Hire['followUps']>();
    for (const f of followUps) {
      const list = byPlacement.get(f.placement_id) ?? [];
      list.push({ months: f.months as FollowUpMonths, employed: f.employed === 1, at: f.at });
      byPlacement.set(f.placement_id, list);
    }
    for (const p of placed) {
      names.set(p.jobseeker_id, p.jobseeker_name);
      const next = nextFollowUp({ hiredAt: p.hired_on, followUps: byPlacement.get(p.id) ?? [] });
      if (next) due(`follow-up:placement:${p.id}`, p.jobseeker_id, next);
    }
    return items;
  },
};
