import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { inScope, placementsOf, rows, type ReportScope } from './reports.ts';

// The SQL of the programme report (issue 17 item 6). Like ./reports.ts every query reads the jobseekers
// in scope (one center, not archived, optionally one caseload); the period is applied in
// electron/services/reports/programmes.ts, which also counts the windows (six months after an end, the
// linked-placement days) with the same date arithmetic as the other reports.

type Db = Kysely<Database>;

/**
 * One participation in a catalogue programme, whatever record holds it: a 국민취업지원제도 enrolment (its
 * stage), a group-programme place (under way while enrolled, ended when completed, not completed or
 * withdrawn) or a service referral to a training course or work experience (under way once started,
 * ended when completed, dropped or declined). `stage` is the enrolment's own; the other two give
 * 'service' while under way, 'ended' at the end and null before they start.
 */
export interface ParticipationRow {
  source: 'enrolment' | 'group' | 'service';
  programme_code: string;
  jobseeker_id: string;
  started_on: string;
  ended_on: string | null;
  stage: string | null;
  /** Ended as completed (an enrolment ended employed, self-employed or completed; a group place completed). */
  completed: number;
  /** The enrolment ended because the person was hired (a placement the app may not hold). */
  employed_outcome: number;
}

export function participations(db: Db, s: ReportScope): Promise<ParticipationRow[]> {
  return rows(
    db,
    sql<ParticipationRow>`
      select 'enrolment' as source, e.programme_code, e.jobseeker_id, e.enrolled_on as started_on,
        e.ended_on, e.stage,
        case when e.stage = 'ended' and e.outcome in ('employed', 'self-employed', 'completed')
          then 1 else 0 end as completed,
        case when e.outcome in ('employed', 'self-employed') then 1 else 0 end as employed_outcome
      from programme_enrolments e join jobseekers j on j.id = e.jobseeker_id
      where e.archived = 0 and (e.decision is null or e.decision = 'admit') and ${inScope(s)}
      union all
      select 'group', g.programme_code, p.jobseeker_id, substr(p.enrolled_at, 1, 10),
        case when p.status in ('completed', 'not_completed', 'withdrawn')
          then substr(coalesce(p.decided_at, p.enrolled_at), 1, 10) end,
        case when p.status in ('completed', 'not_completed', 'withdrawn') then 'ended'
          when p.status = 'enrolled' then 'service' end,
        case when p.status = 'completed' then 1 else 0 end, 0
      from group_participants p join group_programmes g on g.id = p.programme_id
      join jobseekers j on j.id = p.jobseeker_id
      where g.archived = 0 and ${inScope(s)}
      union all
      select 'service', r.programme_code, r.jobseeker_id, r.referred_on,
        case when r.status in ('completed', 'dropped', 'declined')
          then coalesce(r.completed_on, r.dropped_on, r.declined_on) end,
        case when r.status in ('completed', 'dropped', 'declined') then 'ended'
          when r.status = 'started' then 'service' end,
        case when r.status = 'completed' then 1 else 0 end, 0
      from service_referrals r join jobseekers j on j.id = r.jobseeker_id
      where r.archived = 0 and r.programme_code is not null and ${inScope(s)}`,
  );
}

/** Every placement (the reports' one definition) of a jobseeker in scope, whenever it happened. */
export function placementDays(db: Db, s: ReportScope): Promise<Array<{ jobseeker_id: string; day: string }>> {
  const always = { ...s, fromTs: '0000-01-01T00:00:00.000Z', toTs: '9999-12-31T00:00:00.000Z' };
  return rows(
    db,
    sql<{ jobseeker_id: string; day: string }>`
      select p.jobseeker_id, substr(p.hired_at, 1, 10) as day from ${placementsOf(always)} p`,
  );
}

/** The final type of each assessment of a jobseeker who took part in a programme, by day. */
export function assessmentsOfParticipants(
  db: Db,
  s: ReportScope,
): Promise<Array<{ jobseeker_id: string; day: string; final_type: string }>> {
  return rows(
    db,
    sql<{ jobseeker_id: string; day: string; final_type: string }>`
      select a.jobseeker_id, substr(a.created_at, 1, 10) as day, a.final_type
      from assessments a join jobseekers j on j.id = a.jobseeker_id
      where ${inScope(s)} and a.jobseeker_id in (
        select jobseeker_id from programme_enrolments
        union select jobseeker_id from group_participants
        union select jobseeker_id from service_referrals)
      order by a.jobseeker_id, a.created_at`,
  );
}

export interface PartnerReferralRow {
  provider_code: string | null;
  provider_name: string | null;
  jobseeker_id: string;
  referred_on: string;
  accepted_on: string | null;
  status: string;
}

/** Service referrals to a partner agency, welfare resource or training provider (not to a course alone). */
export function partnerReferrals(db: Db, s: ReportScope): Promise<PartnerReferralRow[]> {
  return rows(
    db,
    sql<PartnerReferralRow>`
      select r.provider_code, r.provider_name, r.jobseeker_id, r.referred_on, r.accepted_on, r.status
      from service_referrals r join jobseekers j on j.id = r.jobseeker_id
      where r.archived = 0 and (r.provider_code is not null or r.provider_name is not null)
        and ${inScope(s)}`,
  );
}

/**
 * Each obligation period's decision in force, of an enrolment of a jobseeker in scope: decisions that no
 * other corrects; where two desktops decided the same period apart, the first recorded stands.
 */
export async function decisionsInForce(
  db: Db,
  s: ReportScope,
): Promise<Array<{ period_to: string; decision: 'met' | 'not-met' }>> {
  // Which decisions a correction replaced is found here rather than with a NOT EXISTS on `corrects`
  // (no index: a center's tens of thousands of decisions made that a quadratic scan of a minute).
  const all = await rows(
    db,
    sql<{
      id: string;
      corrects: string | null;
      period: string;
      period_to: string;
      decision: 'met' | 'not-met';
    }>`
      select d.id, d.corrects, d.enrolment_id || ':' || d.obligation_code || ':' || d.period_no as period,
        d.period_to, d.decision
      from obligation_decisions d join programme_enrolments e on e.id = d.enrolment_id
      join jobseekers j on j.id = e.jobseeker_id
      where e.archived = 0 and ${inScope(s)}
      order by d.created_at, d.id`,
  );
  const corrected = new Set(all.flatMap((d) => (d.corrects ? [d.corrects] : [])));
  const first = new Map<string, { period_to: string; decision: 'met' | 'not-met' }>();
  for (const d of all)
    if (!corrected.has(d.id) && !first.has(d.period))
      first.set(d.period, { period_to: d.period_to, decision: d.decision });
  return [...first.values()];
}
