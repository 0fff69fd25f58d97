import { sql, type Kysely } from 'kysely';
import type { Migration, SqlDialect } from './types.ts';

// FROZEN. Issue 16's speed aims at 100k cases. Two answers the desktop's lists need on every page, kept
// by triggers as the records change instead of read out of 100k records each time, and a covering index
// for the to-do inbox. SQLite only: the desktop's list, duplicate and inbox screens are their
// only readers, so PostgreSQL (the server) gets nothing here.
//
// 1. referrals_open. The saved filter at 100k: "open referral or not" asked, on every list and count, which
// referrals no event has ended — 43k referrals, each a seek into their events, read twice per list (page
// and count) and most of its 144 ms. The answer now is kept as it changes: `referrals_open` holds one
// row per referral without an ending event (hired or a closed outcome), with its case. Triggers keep it
// in step with every way a referral or its events change on a desktop: a new referral, an ending event
// (also one pulled before its referral), an event removed or moved, a referral moved to a merge
// survivor, a referral removed when its case leaves the desktop.
//
// The ending kinds are written out, not imported: a later change to the referral state machine must come
// with a migration of its own (tests/integration/db/migrations/0024_derived_lists.test.ts compares them).
//
// 2. duplicate_keys. The duplicate list of a center groups its cases by three cues (name + birth year,
// phone, registration-number body); the phone and number cues find a few dozen groups in 100k cases, so
// each grouping read the whole of its index. The table counts the live cases of a center under each
// cue's key; the keys two or more cases share are in the partial index duplicate_keys_shared. Triggers on
// jobseekers count a case in when it is added or comes back, out when it is archived, merged away,
// removed or moved to another center, and move it when a key changes.
//
// 3. A covering index for the to-do inbox: jobseekers_case_facts answers "whose, which center, live,
// status, type, name" for a case id without reading its wide row (the obligation and after-service
// sources look up a few thousand cases by id on every visit).

/* eslint-disable @typescript-eslint/no-explicit-any -- see types.ts */

export const ENDING_KINDS_0024 = ['hired', 'not-hired', 'declined', 'no-show', 'cancelled'] as const;

const ending = sql.raw(ENDING_KINDS_0024.map((k) => `'${k}'`).join(', '));

/** Whether referral `id` (an SQL expression of the statement) has an ending event. */
const ended = (id: string) =>
  sql`exists (select 1 from referral_events e where e.referral_id = ${sql.raw(id)} and e.kind in (${ending}))`;

/** Each cue's key (k1, k2) of a jobseeker row `r` (NEW, OLD or a table alias), and when it counts. */
const CUES = {
  'name-birthYear': {
    k1: (r: string) => `${r}.name`,
    k2: (r: string) => `cast(${r}.birth_year as text)`,
    when: () => '1',
  },
  phone: {
    k1: (r: string) => `${r}.phone`,
    k2: () => `''`,
    when: (r: string) => `${r}.phone is not null and ${r}.phone <> ''`,
  },
  regNo: { k1: (r: string) => `substr(${r}.reg_no, 4)`, k2: () => `''`, when: () => '1' },
} as const;

const cueNames = Object.keys(CUES) as Array<keyof typeof CUES>;

/** Counts row `r` in (+1) or out (−1) under every cue, if it is a live case. */
function countStatements(r: 'new' | 'old', delta: 1 | -1): string {
  return cueNames
    .map((cue) => {
      const c = CUES[cue];
      const live = `${r}.archived = 0 and ${c.when(r)}`;
      if (delta === 1) {
        return `insert into duplicate_keys (center_code, cue, k1, k2, n)
            select ${r}.center_code, '${cue}', ${c.k1(r)}, ${c.k2(r)}, 1 where ${live}
            on conflict (center_code, cue, k1, k2) do update set n = n + 1;`;
      }
      const key = `center_code = ${r}.center_code and cue = '${cue}' and k1 = ${c.k1(r)} and k2 = ${c.k2(r)}`;
      return `update duplicate_keys set n = n - 1 where ${key} and ${live};
          delete from duplicate_keys where ${key} and n <= 0;`;
    })
    .join('\n');
}

async function duplicateKeys(db: Kysely<any>): Promise<void> {
  await sql`create table duplicate_keys (
      center_code text not null, cue text not null, k1 text not null, k2 text not null, n integer not null,
      primary key (center_code, cue, k1, k2)) without rowid`.execute(db);
  await sql`create index duplicate_keys_shared on duplicate_keys (center_code, cue, k1, k2) where n > 1`.execute(
    db,
  );
  for (const cue of cueNames) {
    const c = CUES[cue];
    await sql
      .raw(
        `insert into duplicate_keys (center_code, cue, k1, k2, n)
         select j.center_code, '${cue}', ${c.k1('j')}, ${c.k2('j')}, count(*) from jobseekers j
           where j.archived = 0 and ${c.when('j')} group by 1, 2, 3, 4`,
      )
      .execute(db);
  }
  await sql
    .raw(
      `create trigger duplicate_keys_insert after insert on jobseekers begin
      ${countStatements('new', 1)}
    end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger duplicate_keys_update
      after update of center_code, archived, name, birth_year, phone, reg_no on jobseekers begin
      ${countStatements('old', -1)}
      ${countStatements('new', 1)}
    end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger duplicate_keys_delete after delete on jobseekers begin
      ${countStatements('old', -1)}
    end`,
    )
    .execute(db);
}

export const migration: Migration = {
  async up(db: Kysely<any>, dialect: SqlDialect) {
    if (dialect !== 'sqlite') return;
    await duplicateKeys(db);
    await sql`create index jobseekers_case_facts on jobseekers
        (id, assigned_counselor_id, archived, center_code, status, current_type, name)`.execute(db);
    await sql`create table referrals_open (
        referral_id text primary key not null,
        jobseeker_id text not null)`.execute(db);
    await sql`create index referrals_open_jobseeker on referrals_open (jobseeker_id)`.execute(db);
    await sql`insert into referrals_open (referral_id, jobseeker_id)
        select r.id, r.jobseeker_id from referrals r where not ${ended('r.id')}`.execute(db);

    await sql`create trigger referrals_open_insert after insert on referrals begin
        insert or replace into referrals_open (referral_id, jobseeker_id)
          select new.id, new.jobseeker_id where not ${ended('new.id')};
      end`.execute(db);
    await sql`create trigger referrals_open_move after update of jobseeker_id on referrals begin
        update referrals_open set jobseeker_id = new.jobseeker_id where referral_id = new.id;
      end`.execute(db);
    await sql`create trigger referrals_open_delete after delete on referrals begin
        delete from referrals_open where referral_id = old.id;
      end`.execute(db);

    await sql`create trigger referrals_open_ended after insert on referral_events
        when new.kind in (${ending}) begin
        delete from referrals_open where referral_id = new.referral_id;
      end`.execute(db);
    // An event removed (its case left the desktop) or changed: the referrals it touched are decided again.
    await sql`create trigger referrals_open_event_delete after delete on referral_events
        when old.kind in (${ending}) begin
        insert or replace into referrals_open (referral_id, jobseeker_id)
          select r.id, r.jobseeker_id from referrals r
            where r.id = old.referral_id and not ${ended('r.id')};
      end`.execute(db);
    await sql`create trigger referrals_open_event_update after update of referral_id, kind on referral_events begin
        delete from referrals_open where referral_id in (old.referral_id, new.referral_id);
        insert or replace into referrals_open (referral_id, jobseeker_id)
          select r.id, r.jobseeker_id from referrals r
            where r.id in (old.referral_id, new.referral_id) and not ${ended('r.id')};
      end`.execute(db);
  },
};
