import { sql, type Kysely } from 'kysely';
import type { Migration, SqlDialect } from './types.ts';

// FROZEN once landed. Issue 6 (kiosk and visitor queue):
// - checkins gain the ticket's day (numbers restart daily per center, unique per center and day), the
//   visitor's language, optional name and phone with the consent notice they agreed to, and the
//   jobseeker the ticket turned out to be;
// - checkin_events: append-only history of each ticket (issued, called, redirected, done, left, linked)
//   with the counter and service at that moment, for waiting and service times in the reports.

/* eslint-disable @typescript-eslint/no-explicit-any -- see types.ts */

export const migration: Migration = {
  async up(db: Kysely<any>, dialect: SqlDialect) {
    // SQLite adds one column per statement.
    await db.schema.alterTable('checkins').addColumn('ticket_day', 'text').execute();
    await db.schema
      .alterTable('checkins')
      .addColumn('language', 'text', (c) => c.notNull().defaultTo('ko'))
      .execute();
    await db.schema.alterTable('checkins').addColumn('visitor_name', 'text').execute();
    await db.schema.alterTable('checkins').addColumn('visitor_phone', 'text').execute();
    await db.schema.alterTable('checkins').addColumn('consent_version', 'text').execute();
    await db.schema.alterTable('checkins').addColumn('consent_at', 'text').execute();
    await db.schema
      .alterTable('checkins')
      .addColumn('jobseeker_id', 'text', (c) => c.references('jobseekers.id'))
      .execute();
    await db.schema
      .alterTable('checkins')
      .addColumn('redirects', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createIndex('checkins_ticket_per_day')
      .on('checkins')
      .columns(['center_code', 'ticket_day', 'ticket_no'])
      .unique()
      .execute();

    await db.schema
      .createTable('checkin_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('seq', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('hlc', 'text', (c) => c.notNull())
      .addColumn('checkin_id', 'text', (c) => c.notNull().references('checkins.id'))
      .addColumn('kind', 'text', (c) =>
        c.notNull().check(sql`kind in ('issued', 'called', 'redirected', 'done', 'left', 'linked')`),
      )
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('service', 'text', (c) => c.notNull())
      .addColumn('counter', 'text')
      .addColumn('user_id', 'text', (c) => c.references('users.id'))
      .execute();
    await db.schema
      .createIndex('checkin_events_checkin')
      .on('checkin_events')
      .columns(['checkin_id', 'at'])
      .execute();
    // Append-only like the other event tables: only `seq` (the server's number) may change later.
    if (dialect === 'sqlite') {
      const unchanged = ['id', 'hlc', 'checkin_id', 'kind', 'at', 'service', 'counter', 'user_id']
        .map((c) => `NEW.${c} IS OLD.${c}`)
        .join(' AND ');
      await sql
        .raw(
          `CREATE TRIGGER checkin_events_no_update BEFORE UPDATE ON checkin_events
           WHEN NOT (${unchanged})
           BEGIN SELECT RAISE(ABORT, 'checkin_events is append-only'); END`,
        )
        .execute(db);
      await sql
        .raw(
          `CREATE TRIGGER checkin_events_no_delete BEFORE DELETE ON checkin_events
           BEGIN SELECT RAISE(ABORT, 'checkin_events is append-only'); END`,
        )
        .execute(db);
    } else {
      await sql
        .raw(
          `CREATE OR REPLACE FUNCTION checkin_events_append_only() RETURNS trigger AS $$
           BEGIN
             IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'checkin_events is append-only'; END IF;
             IF (to_jsonb(NEW) - 'seq') <> (to_jsonb(OLD) - 'seq') THEN
               RAISE EXCEPTION 'checkin_events is append-only';
             END IF;
             RETURN NEW;
           END $$ LANGUAGE plpgsql`,
        )
        .execute(db);
      await sql
        .raw(
          `CREATE TRIGGER checkin_events_append_only BEFORE UPDATE OR DELETE ON checkin_events
           FOR EACH ROW EXECUTE FUNCTION checkin_events_append_only()`,
        )
        .execute(db);
    }
  },
};
