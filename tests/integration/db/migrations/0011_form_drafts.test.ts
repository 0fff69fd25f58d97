import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../../db/migrations/index.ts';
import { runMigrations } from '../../../../db/migrator.ts';
import type { Database } from '../../../../db/schema.ts';
import { tempDir } from '../../../support/temp-store.ts';

// 0011_form_drafts: a store at 0010 gains the drafts table, which holds one draft per user, form and
// record (keeping again replaces, never duplicates).

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

describe('0011_form_drafts', () => {
  it('adds form_drafts keyed by user, form and record', async () => {
    const { dir, remove } = tempDir();
    const raw = new BetterSqlite3(join(dir, 'store.db'));
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
    cleanups.push(() => {
      void db.destroy();
      remove();
    });
    const upTo0010 = migrations.slice(0, 10);
    expect(upTo0010.at(-1)?.[0]).toBe('0010_audit_purged');
    await runMigrations(db, 'sqlite', upTo0010, 'case store');
    expect(raw.prepare("select name from sqlite_master where name = 'form_drafts'").get()).toBeUndefined();
    await runMigrations(db, 'sqlite', migrations.slice(0, 11), 'case store');
    const row = { user_id: 'u1', form: 'intake', record_key: 'new', data: '{}', updated_at: 'now' };
    await db.insertInto('form_drafts').values(row).execute();
    await expect(db.insertInto('form_drafts').values(row).execute()).rejects.toThrow(/UNIQUE/);
    await db
      .insertInto('form_drafts')
      .values({ ...row, user_id: 'u2' })
      .execute();
    expect(await db.selectFrom('form_drafts').selectAll().execute()).toHaveLength(2);
  });
});
