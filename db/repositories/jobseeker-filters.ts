import { sql, type RawBuilder } from 'kysely';
import type { JobseekerFilter } from '../../shared/domain/jobseeker-filters.ts';
import { CLOSED_STATES } from '../../shared/referrals/state-machine.ts';

// One SQL predicate per filter key of shared/domain/jobseeker-filters.ts, on a jobseeker row aliased
// `j`. The mapped type makes a key without a predicate a compile error. Each predicate is written so an
// index answers it (migration 0013 adds those the older ones lacked): notes by (jobseeker_id,
// created_at), referrals by jobseeker, events by (referral_id, kind).

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

/** Events that end a referral: hired or one of the closed outcomes. */
const ENDING_KINDS = ['hired', ...CLOSED_STATES];

function daysBefore(today: string, days: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

const openReferral = sql<boolean>`exists (select 1 from referrals r where r.jobseeker_id = j.id and not exists (
  select 1 from referral_events e where e.referral_id = r.id and e.kind in (${sql.join(ENDING_KINDS)})))`;

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
    sql<boolean>`not exists (select 1 from counseling_notes n where n.jobseeker_id = j.id and n.created_at >= ${daysBefore(env.today, v)})`,
  reassessmentDue: (_v, env) => sql<boolean>`j.reassess_due_on <= ${env.today}`,
  openReferral: (v) => (v ? openReferral : sql<boolean>`not ${openReferral}`),
  appointmentThisWeek: (_v, env) => {
    const week = weekOf(env.today);
    return sql<boolean>`exists (select 1 from appointments a where a.jobseeker_id = j.id and a.archived = 0
      and a.starts_at >= ${week.from} and a.starts_at < ${week.to})`;
  },
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
