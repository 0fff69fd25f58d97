import { sql, type Kysely } from 'kysely';
import type { Migration, SqlDialect } from '../../migrations/types.ts';

// FROZEN once landed. Accounts on the server as a trust boundary (issue #13 item 7):
// - users.session_epoch: access tokens carry the epoch they were issued under; a password reset,
//   deactivation or unlock-by-reset bumps it, so older access tokens die at their next request;
// - token_families: every sign-in starts a family of refresh tokens (one device's session). A replayed
//   (already used) refresh token revokes its whole family, and access tokens name their family, so a
//   thief's copy and the device's own both stop;
// - refresh_tokens.family_id / used_at: a refresh consumes its token with one conditional UPDATE;
// - account_audit: who did what to which account, when, from which device (never a password).

/* eslint-disable @typescript-eslint/no-explicit-any -- frozen migrations must not see today's schema */

export const migration: Migration = {
  async up(db: Kysely<any>, _dialect: SqlDialect) {
    await db.schema
      .alterTable('users')
      .addColumn('session_epoch', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable('token_families')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .addColumn('revoked_reason', 'text')
      .execute();
    await db.schema.createIndex('token_families_user').on('token_families').column('user_id').execute();
    await db.schema.alterTable('refresh_tokens').addColumn('family_id', 'text').execute();
    await db.schema.alterTable('refresh_tokens').addColumn('used_at', 'text').execute();
    await db.schema.createIndex('refresh_tokens_family').on('refresh_tokens').column('family_id').execute();
    // Tokens issued before this migration belong to no family: they stop working (one sign-in again).
    await sql`update refresh_tokens set revoked_at = created_at where revoked_at is null`.execute(db);
    await db.schema
      .createTable('account_audit')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('actor_label', 'text', (c) => c.notNull())
      .addColumn('device_id', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addColumn('center_code', 'text', (c) => c.notNull())
      .addColumn('detail', 'text')
      .execute();
    await db.schema
      .createIndex('account_audit_center_at')
      .on('account_audit')
      .columns(['center_code', 'at'])
      .execute();
  },
};
