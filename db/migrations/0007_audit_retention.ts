import { sql, type Kysely } from 'kysely';
import type { Migration, SqlDialect } from './types.ts';

// FROZEN. The audit trail's retention and sync (domain.md §10: kept two years, changes of roles and
// permissions three; synced to the server).
//
// - `audit_entries.center_code`: the center an entry belongs to (sync's scope). The update trigger is
//   recreated so the new column is as unchangeable as the others.
// - The delete trigger no longer refuses every DELETE: it lets through a row older than the horizon
//   recorded in the single control row `audit_retention`, and only then. The purge sets the horizons,
//   deletes and clears them again in one transaction, so outside a purge every DELETE is still refused,
//   and the control row itself refuses a horizon less than a year old (the safety-measure standard's
//   floor), whatever the caller.
// - `audit_anchors`: for each run of purged entries, the hash its first entry linked to and the hash of
//   its last entry. The entry after the run names the last as its predecessor; verification accepts the
//   gap only when an anchor (or a series of them, from successive purges) leads from the entry before
//   the run to the one after it, so the chain stays checkable after a purge and removing an entry next
//   to a gap is still found. Anchors are append-only.

/* eslint-disable @typescript-eslint/no-explicit-any -- see types.ts */

const AUDIT_COLUMNS = [
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
  'center_code',
];

const REFUSED = 'audit_entries is append-only; only the retention purge removes expired entries';

export const migration: Migration = {
  async up(db: Kysely<any>, dialect: SqlDialect) {
    await db.schema.alterTable('audit_entries').addColumn('center_code', 'text').execute();
    // Chains are per device (entries from other desktops arrive by sync): the walk and the append read
    // a device's entries in insertion order through this index.
    await db.schema.createIndex('audit_device').on('audit_entries').column('device_id').execute();
    await db.schema.createIndex('audit_actor').on('audit_entries').columns(['actor_id', 'at']).execute();

    await db.schema
      .createTable('audit_retention')
      .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
      .addColumn('purge_before', 'text')
      .addColumn('access_purge_before', 'text')
      .execute();
    await db.insertInto('audit_retention').values({ id: 1 }).execute();

    await db.schema
      .createTable('audit_anchors')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('after_hash', 'text', (c) => c.notNull())
      .addColumn('last_hash', 'text', (c) => c.notNull())
      .addColumn('last_id', 'text', (c) => c.notNull())
      .addColumn('last_at', 'text', (c) => c.notNull())
      .addColumn('purged', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('audit_anchors_hash')
      .on('audit_anchors')
      .columns(['device_id', 'last_hash'])
      .execute();

    if (dialect === 'sqlite') await sqliteTriggers(db);
    else await postgresTriggers(db);
  },
};

async function sqliteTriggers(db: Kysely<any>): Promise<void> {
  const unchanged = AUDIT_COLUMNS.map((c) => `NEW.${c} IS OLD.${c}`).join(' AND ');
  await sql.raw('DROP TRIGGER audit_entries_no_update').execute(db);
  await sql
    .raw(
      `CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
       WHEN NOT (${unchanged})
       BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END`,
    )
    .execute(db);
  await sql.raw('DROP TRIGGER audit_entries_no_delete').execute(db);
  await sql
    .raw(
      `CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
       WHEN NOT EXISTS (
         SELECT 1 FROM audit_retention r WHERE r.id = 1 AND OLD.at < (
           CASE WHEN substr(OLD.action, 1, 8) = 'account.' THEN r.access_purge_before ELSE r.purge_before END))
       BEGIN SELECT RAISE(ABORT, '${REFUSED}'); END`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER audit_retention_floor BEFORE UPDATE ON audit_retention
       WHEN NEW.purge_before > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-1 year')
         OR NEW.access_purge_before > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-1 year')
       BEGIN SELECT RAISE(ABORT, 'an audit purge horizon must be at least one year in the past'); END`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER audit_retention_no_delete BEFORE DELETE ON audit_retention
       BEGIN SELECT RAISE(ABORT, 'audit_retention keeps its control row'); END`,
    )
    .execute(db);
  for (const op of ['UPDATE', 'DELETE']) {
    await sql
      .raw(
        `CREATE TRIGGER audit_anchors_no_${op.toLowerCase()} BEFORE ${op} ON audit_anchors
         BEGIN SELECT RAISE(ABORT, 'audit_anchors is append-only'); END`,
      )
      .execute(db);
  }
}

async function postgresTriggers(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger AS $$
       DECLARE horizon text;
       BEGIN
         IF TG_OP = 'DELETE' THEN
           SELECT CASE WHEN left(OLD.action, 8) = 'account.' THEN access_purge_before ELSE purge_before END
             INTO horizon FROM audit_retention WHERE id = 1;
           IF horizon IS NULL OR NOT (OLD.at < horizon) THEN RAISE EXCEPTION '${REFUSED}'; END IF;
           RETURN OLD;
         END IF;
         IF (to_jsonb(NEW) - 'seq') <> (to_jsonb(OLD) - 'seq') THEN
           RAISE EXCEPTION 'audit_entries is append-only';
         END IF;
         RETURN NEW;
       END $$ LANGUAGE plpgsql`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE OR REPLACE FUNCTION audit_retention_guard() RETURNS trigger AS $$
       DECLARE floor text := to_char((now() - interval '1 year') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
       BEGIN
         IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'audit_retention keeps its control row'; END IF;
         IF NEW.purge_before > floor OR NEW.access_purge_before > floor THEN
           RAISE EXCEPTION 'an audit purge horizon must be at least one year in the past';
         END IF;
         RETURN NEW;
       END $$ LANGUAGE plpgsql`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER audit_retention_guard BEFORE UPDATE OR DELETE ON audit_retention
       FOR EACH ROW EXECUTE FUNCTION audit_retention_guard()`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE OR REPLACE FUNCTION audit_anchors_append_only() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'audit_anchors is append-only'; END $$ LANGUAGE plpgsql`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER audit_anchors_append_only BEFORE UPDATE OR DELETE ON audit_anchors
       FOR EACH ROW EXECUTE FUNCTION audit_anchors_append_only()`,
    )
    .execute(db);
}
