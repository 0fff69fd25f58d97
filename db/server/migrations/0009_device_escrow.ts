import type { Kysely } from 'kysely';
import type { Migration, SqlDialect } from '../../migrations/types.ts';

// FROZEN once landed. Shared PCs (issue #19 item 2): each device's half of its store-key escrow. The
// device keeps the store key sealed under a random secret (its own half, in its keyring file); the
// server keeps that secret and the device's public key, and hands the secret back only to that device,
// not revoked, after an online sign-in of a user of its center, sealed to the public key. Neither half
// opens a store alone (server/README.md § Shared PCs).

/* eslint-disable @typescript-eslint/no-explicit-any -- frozen migrations must not see today's schema */

export const migration: Migration = {
  async up(db: Kysely<any>, _dialect: SqlDialect) {
    await db.schema
      .createTable('device_escrow')
      .addColumn('device_id', 'text', (c) => c.primaryKey().references('devices.id'))
      .addColumn('center_code', 'text', (c) => c.notNull().references('centers.code'))
      // SPKI PEM of the device's RSA key: the secret leaves the server only sealed to it.
      .addColumn('public_key', 'text', (c) => c.notNull())
      // 32 random bytes, base64: the device's store key is sealed under it on the device only.
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('enrolled_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('enrolled_at', 'text', (c) => c.notNull())
      .addColumn('last_released_at', 'text')
      .addColumn('releases', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};
