import { sql, type Kysely } from 'kysely';
import type { Migration, SqlDialect } from './types.ts';

// FROZEN. Issue 16's inbox aim at 100k (≤ 100 ms): its two largest sources read far more than they list.
// SQLite only, like 0024: the desktop's inbox and caseload are the only readers.
//
// 1. follow_up_series: the hires whose follow-up series (사후관리, 1/3/6 months) can still fall due. The
// follow-up source and the caseload read the hired and follow-up events of a counselor's cases: 20k
// cases, each a seek into its referrals and their events, about 26 ms for 5,700 events of which most
// belong to series long finished. The table keeps one row per referral with a hired event whose series
// has not ended, with its case; the readers now start from it and read only those referrals' events.
// The due day itself is still worked out in TypeScript (shared/referrals/state-machine.ts
// `nextFollowUp`) from those events: the table only leaves out series that cannot produce one.
//
// A series has ended when a follow-up of month 1, 3 or 6 says the person no longer works there, or when
// all three have been recorded. The rule is written out here (its kinds, months and fields), not
// imported; tests/integration/db/migrations/0026_inbox_due_sources.test.ts holds it to nextFollowUp.
// A follow-up whose data is not valid JSON, or whose months is not 1, 3 or 6, ends nothing: the readers
// ignore it too. Triggers keep the table in step with every way a desktop changes referrals and their
// events, as for referrals_open (0024): an event added (also one pulled before its referral), removed or
// moved; a referral added, moved to a merge survivor, or removed when its case leaves.
//
// 2. programme_enrolments_service: a covering index of the enrolments in the service stage with what the
// obligation source needs (case, programme, edition, service day, fixed figures), so the few thousand of
// a center are read from the index rather than their wide rows.
//
// 3. service_referrals_completed: the completed service referrals (훈련·일경험·복지 연계) with their case and
// day, so the after-service reassessment source passes over the center's few thousand without reading
// each wide row; only the few hundred of the counselor's cases that are due are read in full.

/* eslint-disable @typescript-eslint/no-explicit-any -- see types.ts */

export const FOLLOW_UP_MONTHS_0026 = [1, 3, 6] as const;

const months = sql.raw(FOLLOW_UP_MONTHS_0026.join(', '));

// JSON is read only once json_valid has said it is JSON: json_type and json_extract raise an error on
// anything else, and an error in a trigger would refuse the event itself. CASE evaluates in order.
const json = (path: string, fn: 'json_type' | 'json_extract') =>
  sql.raw(`(case when json_valid(f.data) then ${fn}(f.data, '${path}') end)`);

/** Follow-up events of referral `id` (an SQL expression) whose month the readers understand: the number
 * 1, 3 or 6 (1.0 too, as JSON.parse reads it), not the text "1". */
const followUps = (id: string) =>
  sql`from referral_events f where f.referral_id = ${sql.raw(id)} and f.kind = 'follow-up'
      and ${json('$.months', 'json_type')} in ('integer', 'real') and ${json('$.months', 'json_extract')} in (${months})`;

/** Whether referral `id` has a hire whose series has not ended. */
const open = (id: string) =>
  sql`exists (select 1 from referral_events h where h.referral_id = ${sql.raw(id)} and h.kind = 'hired')
    and not exists (select 1 ${followUps(id)} and ${json('$.employed', 'json_type')} = 'false')
    and (select count(distinct ${json('$.months', 'json_extract')}) ${followUps(id)}) < ${sql.lit(FOLLOW_UP_MONTHS_0026.length)}`;

/** Decides referral `id` again: in the table with its case if its series is open, else out. */
const decide = (id: string) => sql`
  delete from follow_up_series where referral_id = ${sql.raw(id)};
  insert into follow_up_series (referral_id, jobseeker_id)
    select r.id, r.jobseeker_id from referrals r where r.id = ${sql.raw(id)} and ${open('r.id')};`;

async function followUpSeries(db: Kysely<any>): Promise<void> {
  await sql`create table follow_up_series (
      referral_id text primary key not null,
      jobseeker_id text not null)`.execute(db);
  await sql`insert into follow_up_series (referral_id, jobseeker_id)
      select r.id, r.jobseeker_id from referrals r where ${open('r.id')}`.execute(db);

  await sql`create trigger follow_up_series_event_insert after insert on referral_events
      when new.kind in ('hired', 'follow-up') begin ${decide('new.referral_id')} end`.execute(db);
  await sql`create trigger follow_up_series_event_delete after delete on referral_events
      when old.kind in ('hired', 'follow-up') begin ${decide('old.referral_id')} end`.execute(db);
  await sql`create trigger follow_up_series_event_update after update of referral_id, kind, data on referral_events
      begin ${decide('old.referral_id')} ${decide('new.referral_id')} end`.execute(db);
  await sql`create trigger follow_up_series_referral_insert after insert on referrals
      begin ${decide('new.id')} end`.execute(db);
  await sql`create trigger follow_up_series_referral_move after update of jobseeker_id on referrals begin
      update follow_up_series set jobseeker_id = new.jobseeker_id where referral_id = new.id;
    end`.execute(db);
  await sql`create trigger follow_up_series_referral_delete after delete on referrals begin
      delete from follow_up_series where referral_id = old.id;
    end`.execute(db);
}

export const migration: Migration = {
  async up(db: Kysely<any>, dialect: SqlDialect) {
    if (dialect !== 'sqlite') return;
    await followUpSeries(db);
    await sql`create index programme_enrolments_service on programme_enrolments
        (jobseeker_id, id, programme_code, catalogue_version, service_on, obligation_figures)
        where stage = 'service' and archived = 0`.execute(db);
    await sql`create index service_referrals_completed on service_referrals (jobseeker_id, completed_on)
        where status = 'completed' and archived = 0`.execute(db);
  },
};
