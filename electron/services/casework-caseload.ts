import { caseloadPage, hiresOfCaseload } from '../../db/repositories/casework.ts';
import { type CaseloadPage } from '../../shared/casework/types.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import {
  followUpDueDate,
  FOLLOW_UP_MONTHS,
  hireDayOf,
  type FollowUpMonths,
} from '../../shared/domain/follow-ups.ts';
import { type JobseekerTrack, type JobseekerType } from '../../shared/profiling/index.ts';
import { type ServiceContext } from './context.ts';
import { todayKst, audit } from './casework-case-file.ts';

// The caseload (내 담당 사례): cases with their due reassessments and overdue follow-ups (사후관리).

// ---- Caseload ----

interface FollowUpDue {
  dueOn: string;
  months: FollowUpMonths;
}

/** The earliest overdue follow-up (사후관리) per jobseeker, from hired and follow-up events (read only). */
export function overdueFollowUps(
  events: Array<{ referral_id: string; jobseeker_id: string; kind: string; at: string; data: string }>,
  today: string,
): Map<string, FollowUpDue> {
  const byReferral = new Map<
    string,
    { jobseekerId: string; hiredAt: string | null; done: Set<number>; ended: boolean }
  >();
  for (const e of events) {
    const entry = byReferral.get(e.referral_id) ?? {
      jobseekerId: e.jobseeker_id,
      hiredAt: null,
      done: new Set(),
      ended: false,
    };
    if (e.kind === 'hired') {
      // The first day of work the hire names, else when it was recorded (issue 15 item 4).
      const day = hireDayOf(e);
      entry.hiredAt = entry.hiredAt && entry.hiredAt > day ? entry.hiredAt : day;
    } else {
      try {
        const data = JSON.parse(e.data) as { months?: number; employed?: boolean };
        if (typeof data.months === 'number') entry.done.add(data.months);
        if (data.employed === false) entry.ended = true; // no longer employed: the series ends
      } catch {
        // a malformed event is ignored here; the referrals area shows it
      }
    }
    byReferral.set(e.referral_id, entry);
  }
  const due = new Map<string, FollowUpDue>();
  for (const entry of byReferral.values()) {
    if (!entry.hiredAt || entry.ended) continue;
    for (const months of FOLLOW_UP_MONTHS) {
      if (entry.done.has(months)) continue;
      const dueOn = followUpDueDate(entry.hiredAt, months);
      if (dueOn < today) {
        const known = due.get(entry.jobseekerId);
        if (!known || dueOn < known.dueOn) due.set(entry.jobseekerId, { dueOn, months });
      }
      break; // only the next follow-up of a placement is due
    }
  }
  return due;
}

export async function caseload(
  ctx: ServiceContext,
  actor: SessionInfo,
  q: {
    query: string;
    type?: JobseekerType | undefined;
    track?: JobseekerTrack | undefined;
    unclassified: boolean;
    attentionOnly: boolean;
    offset: number;
    limit: number;
  },
): Promise<CaseloadPage> {
  const today = todayKst(ctx);
  const followUps = overdueFollowUps(await hiresOfCaseload(ctx.db, actor.userId), today);
  const page = await caseloadPage(ctx.db, {
    counselorId: actor.userId,
    today,
    query: q.query,
    type: q.type,
    track: q.track,
    unclassified: q.unclassified,
    attentionOnly: q.attentionOnly,
    followUpIds: [...followUps.keys()],
    offset: q.offset,
    limit: q.limit,
  });
  await audit(
    ctx.db,
    ctx,
    actor,
    'caseload.list',
    { type: 'caseload', id: actor.userId, personId: null },
    {
      rows: page.rows.length,
      offset: q.offset,
      searched: q.query !== '',
    },
  );
  return {
    groups: page.groups.map((g) => ({
      type: g.current_type,
      track: g.current_track,
      count: Number(g.n),
    })),
    overdueReassessments: page.overdueReassessments,
    overdueFollowUps: followUps.size,
    total: page.total,
    offset: q.offset,
    rows: page.rows.map((r) => {
      const f = followUps.get(r.id);
      return {
        id: r.id,
        regNo: r.reg_no,
        name: r.name,
        birthYear: r.birth_year,
        currentType: r.current_type,
        currentTrack: r.current_track,
        reassessDueOn: r.reassess_due_on,
        reassessOverdue: r.reassess_due_on !== null && r.reassess_due_on < today,
        followUpDueOn: f?.dueOn ?? null,
        followUpMonths: f?.months ?? null,
        lastContactAt: r.last_contact_at,
      };
    }),
  };
}
