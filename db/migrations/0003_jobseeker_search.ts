import { sql, type Kysely } from 'kysely';
import type { Migration, SqlDialect } from './types.ts';

// FROZEN. Jobseeker search: SQLite FTS5 with the trigram tokenizer finds any substring of three or more
// characters, which is what a Korean name fragment ("민준") or a phone fragment ("5678") needs; word
// tokenizers do not split Hangul names. Contentless with delete support keeps the index small (the names
// are not stored twice) while triggers keep it in step with the table. Phones are indexed as digits.
// PostgreSQL (the server) searches differently and gets nothing here.

/* eslint-disable @typescript-eslint/no-explicit-any -- see types.ts */

export const migration: Migration = {
  async up(db: Kysely<any>, dialect: SqlDialect) {
    if (dialect !== 'sqlite') return;
    await sql`CREATE VIRTUAL TABLE jobseeker_search USING fts5(
        name, phone, reg_no, content='', contentless_delete=1, tokenize='trigram')`.execute(db);
    await sql`CREATE TRIGGER jobseeker_search_insert AFTER INSERT ON jobseekers BEGIN
        INSERT INTO jobseeker_search(rowid, name, phone, reg_no) VALUES (NEW.rowid, NEW.name, coalesce(NEW.phone, ''), NEW.reg_no);
      END`.execute(db);
    await sql`CREATE TRIGGER jobseeker_search_update AFTER UPDATE OF name, phone, reg_no ON jobseekers BEGIN
        DELETE FROM jobseeker_search WHERE rowid = OLD.rowid;
        INSERT INTO jobseeker_search(rowid, name, phone, reg_no) VALUES (NEW.rowid, NEW.name, coalesce(NEW.phone, ''), NEW.reg_no);
      END`.execute(db);
    await sql`CREATE TRIGGER jobseeker_search_delete AFTER DELETE ON jobseekers BEGIN
        DELETE FROM jobseeker_search WHERE rowid = OLD.rowid;
      END`.execute(db);
  },
};
