import { sql, type RawBuilder } from 'kysely';
import type { JobseekerFilter } from '../../shared/domain/jobseeker-filters.ts';

// One SQL predicate per filter key of shared/domain/jobseeker-filters.ts, on a jobseeker row aliased
// `j`. The mapped type makes a key without a predicate a compile error. A count reads every case in
// scope (100k), so no predicate probes other tables once per case: the ones about notes, referrals and
// appointments are `j.id [not] in (one set)`, each set read once over an index (migrations 0013, 0022)
// and probed in memory; the column ones are answered by the covering index jobseekers_filter_scan. The
// `+` before "open referral"'s `j.id in` keeps SQLite from starting at the set and reading each of its
// cases' rows (16k row reads and a sort): the scan of the index in page order is cheaper. A week's
// appointments are few, so that set is where to start. "Open referral" reads a table the desktop keeps
// (migration 0024), so these predicates are SQLite's: the server never filters the list.

export interface FilterEnv {
  /** The person asking: 'me' means them. */
  userId: string;
  /** Today in Korea (YYYY-MM-DD). */
  today: string;
}

type Predicates = {
  [K in keyof JobseekerFilter]-?: (
    value: NonNullable<JobseekerFilter[K]>,
    env: FilterEnv,
  ) => RawBuilder<boolean>;
};

function daysBefore(today: string, days: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/**
 * Cases with a referral that no event has ended. The desktop keeps these referrals in `referrals_open`
 * (migration 0024, kept by triggers), so the set is one read of its jobseeker index rather than a seek
 * into every referral's events.
 */
const withOpenReferral = sql`select o.jobseeker_id from referrals_open o`;

/** This week's bounds in Korea (Monday 00:00 to the next Monday), as the UTC instants appointments keep. */
function weekOf(today: string): { from: string; to: string } {
  const d = new Date(`${today}T00:00:00+09:00`);
  const sinceMonday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  const from = new Date(d.getTime() - sinceMonday * 86_400_000);
  const to = new Date(from.getTime() + 7 * 86_400_000);
  return { from: from.toISOString(), to: to.toISOString() };
}

export const FILTER_PREDICATES: Predicates = {
  status: (v) => sql<boolean>`j.status = ${v}`,
  type: (v) => sql<boolean>`j.current_type = ${v}`,
  track: (v) => sql<boolean>`j.current_track = ${v}`,
  counselor: (v, env) =>
    v === 'none'
      ? sql<boolean>`j.assigned_counselor_id is null`
      : sql<boolean>`j.assigned_counselor_id = ${v === 'me' ? env.userId : v}`,
  // Notes are stored with a UTC timestamp; a day boundary in Korea is close enough for "older than N days".
  lastContactOlderThanDays: (v, env) =>
    sql<boolean>`j.id not in (select n.jobseeker_id from counseling_notes n where n.created_at >= ${daysBefore(env.today, v)})`,
  reassessmentDue: (_v, env) => sql<boolean>`j.reassess_due_on <= ${env.today}`,
  openReferral: (v) =>
    v ? sql<boolean>`+j.id in (${withOpenReferral})` : sql<boolean>`j.id not in (${withOpenReferral})`,
  appointmentThisWeek: (_v, env) => {
    const week = weekOf(env.today);
    return sql<boolean>`j.id in (select a.jobseeker_id from appointments a where a.archived = 0
      and a.starts_at >= ${week.from} and a.starts_at < ${week.to})`;
  },
  // Few people take part in one programme at a time: the set of them is where to start.
  programme: (v) =>
    sql<boolean>`j.id in (
      select e.jobseeker_id from programme_enrolments e
        where e.programme_code = ${v} and e.archived = 0 and e.stage <> 'ended'
      union select p.jobseeker_id from group_participants p join group_programmes g on g.id = p.programme_id
        where g.programme_code = ${v} and g.archived = 0 and p.status in ('enrolled', 'waiting')
      union select r.jobseeker_id from service_referrals r
        where r.programme_code = ${v} and r.archived = 0 and r.status in ('referred', 'accepted', 'started'))`,
};

/** The AND of every filter set in `f` (true when none is). */
export function filterPredicate(f: JobseekerFilter, env: FilterEnv): RawBuilder<boolean> {
  const parts: RawBuilder<boolean>[] = [];
  for (const key of Object.keys(f) as Array<keyof JobseekerFilter>) {
    const value = f[key];
    if (value === undefined) continue;
    const make = FILTER_PREDICATES[key] as (v: unknown, e: FilterEnv) => RawBuilder<boolean>;
    parts.push(make(value, env));
  }
  return parts.length === 0 ? sql<boolean>`1 = 1` : sql<boolean>`(${sql.join(parts, sql` and `)})`;
}
