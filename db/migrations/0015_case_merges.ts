import { sql, type Kysely } from 'kysely';
import type { Migration, SqlDialect } from './types.ts';

// Issue 16 item 5 (merge duplicates). FROZEN once landed.
//
// - jobseekers.merged_into: a case merged into another is a tombstone pointing at the survivor (it is
//   archived too, so every list leaves it out; opening it shows the survivor).
// - Indexes for the duplicate list of a center (name + birth year, phone, registration number body):
//   one covering index scan per cue on 100k cases (the id
//   is in each index so no row is read).
// - The append-only records that name a case (notes, assessments) may change exactly one column after
//   the fact: their case, and only from a merged case to its survivor. The update triggers refused every
//   change but `seq`; they now also let `jobseeker_id` move when the old case's `merged_into` is the new
//   one (the merge itself, here or pulled from the server). Everything else stays refused.

/* eslint-disable @typescript-eslint/no-explicit-any -- see types.ts */

const SAME_CASE = 'NEW.jobseeker_id IS OLD.jobseeker_id';
const MOVED_TO_SURVIVOR = `(${SAME_CASE} OR NEW.jobseeker_id = (SELECT j.merged_into FROM jobseekers j WHERE j.id = OLD.jobseeker_id))`;

export const migration: Migration = {
  async up(db: Kysely<any>, dialect: SqlDialect) {
    await db.schema.alterTable('jobseekers').addColumn('merged_into', 'text').execute();
    await db.schema
      .createIndex('jobseekers_dup_name')
      .on('jobseekers')
      .columns(['center_code', 'archived', 'name', 'birth_year', 'id'])
      .execute();
    await db.schema
      .createIndex('jobseekers_dup_phone')
      .on('jobseekers')
      .columns(['center_code', 'archived', 'phone', 'id'])
      .execute();
    await sql
      .raw('CREATE INDEX jobseekers_dup_reg ON jobseekers (center_code, archived, substr(reg_no, 4), id)')
      .execute(db);
    await db.schema.createIndex('jobseekers_merged_into').on('jobseekers').column('merged_into').execute();

    if (dialect === 'sqlite') {
      const triggers = await sql<{ name: string; sql: string }>`
        select name, sql from sqlite_master where type = 'trigger' and name like '%_no_update'`.execute(db);
      for (const t of triggers.rows) {
        if (!t.sql.includes(SAME_CASE)) continue;
        await sql.raw(`DROP TRIGGER ${t.name}`).execute(db);
        await sql.raw(t.sql.replace(SAME_CASE, MOVED_TO_SURVIVOR)).execute(db);
      }
    } else {
      for (const table of ['counseling_notes', 'assessments']) {
        const purged = `EXISTS (SELECT 1 FROM sync_purge WHERE table_name = '${table}' AND row_id = OLD.id)`;
        await sql
          .raw(
            `CREATE OR REPLACE FUNCTION ${table}_append_only() RETURNS trigger AS $$
             BEGIN
               IF TG_OP = 'DELETE' THEN
                 IF ${purged} THEN RETURN OLD; END IF;
                 RAISE EXCEPTION '${table} is append-only';
               END IF;
               IF (to_jsonb(NEW) - 'seq' - 'jobseeker_id') <> (to_jsonb(OLD) - 'seq' - 'jobseeker_id')
                  OR NOT (NEW.jobseeker_id IS NOT DISTINCT FROM OLD.jobseeker_id OR NEW.jobseeker_id =
                    (SELECT j.merged_into FROM jobseekers j WHERE j.id = OLD.jobseeker_id)) THEN
                 RAISE EXCEPTION '${table} is append-only';
               END IF;
               RETURN NEW;
             END $$ LANGUAGE plpgsql`,
          )
          .execute(db);
      }
    }
  },
};
