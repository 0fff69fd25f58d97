import { sql, type Kysely } from 'kysely';
import type { Migration, SqlDialect } from './types.ts';

// FROZEN. The audit trail is append-only in the store itself (domain.md §10): the app offers no edit or
// delete, and the table refuses them even from a hand-written statement. Counseling notes, assessments
// and referral events are append-only records too: an edit is a new row.

/* eslint-disable @typescript-eslint/no-explicit-any -- see types.ts */

const APPEND_ONLY = [
  'audit_entries',
  'counseling_notes',
  'assessments',
  'employer_assessments',
  'referral_events',
];

export const migration: Migration = {
  async up(db: Kysely<any>, dialect: SqlDialect) {
    for (const table of APPEND_ONLY) {
      if (dialect === 'sqlite') {
        // `seq` is the one column sync may set after the fact (the server's number for the row).
        await sql
          .raw(
            `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
             WHEN NOT (${columnsUnchanged(table)})
             BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
          )
          .execute(db);
        await sql
          .raw(
            `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
             BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
          )
          .execute(db);
      } else {
        await sql
          .raw(
            `CREATE OR REPLACE FUNCTION ${table}_append_only() RETURNS trigger AS $$
             BEGIN
               IF TG_OP = 'DELETE' THEN RAISE EXCEPTION '${table} is append-only'; END IF;
               IF (to_jsonb(NEW) - 'seq') <> (to_jsonb(OLD) - 'seq') THEN
                 RAISE EXCEPTION '${table} is append-only';
               END IF;
               RETURN NEW;
             END $$ LANGUAGE plpgsql`,
          )
          .execute(db);
        await sql
          .raw(
            `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
             FOR EACH ROW EXECUTE FUNCTION ${table}_append_only()`,
          )
          .execute(db);
      }
    }
  },
};

/** SQLite has no row-to-JSON; compare every column except seq, NULL-safely (IS). */
function columnsUnchanged(table: string): string {
  const columns: Record<string, string[]> = {
    audit_entries: [
      'id',
      'at',
      'actor_id',
      'actor_login',
      'device_id',
      'action',
      'subject_type',
      'subject_id',
      'person_id',
      'detail',
      'prev_hash',
      'hash',
    ],
    counseling_notes: [
      'id',
      'hlc',
      'jobseeker_id',
      'kind',
      'body',
      'author_id',
      'created_at',
      'revision_of',
      'revision',
    ],
    assessments: [
      'id',
      'hlc',
      'jobseeker_id',
      'rule_set',
      'inputs',
      'result',
      'type',
      'track',
      'decision',
      'final_type',
      'final_track',
      'override_reason_code',
      'override_reason_text',
      'created_by',
      'created_at',
    ],
    employer_assessments: [
      'id',
      'hlc',
      'employer_id',
      'rule_set',
      'inputs',
      'result',
      'type',
      'decision',
      'final_type',
      'override_reason_code',
      'override_reason_text',
      'created_by',
      'created_at',
    ],
    referral_events: ['id', 'hlc', 'referral_id', 'kind', 'at', 'counselor_id', 'note', 'data'],
  };
  const list = columns[table];
  if (!list) throw new Error(`no column list for ${table}`);
  return list.map((c) => `NEW.${c} IS OLD.${c}`).join(' AND ');
}
