import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { entryHash, GENESIS_HASH, verifyAuditChain } from '../../../../db/repositories/audit.ts';
import { migrations } from '../../../../db/migrations/index.ts';
import { runMigrations } from '../../../../db/migrator.ts';
import type { Database } from '../../../../db/schema.ts';
import { tempDir } from '../../../support/temp-store.ts';

// 0007_audit_retention: the delete trigger lets only the retention purge's expired rows through, the new
// center column is as frozen as the others, the control row refuses a horizon under a year, anchors are
// append-only, and a trail written before the migration still verifies after it.

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

const UP_TO_0006 = migrations.slice(0, 6);
const YEAR_MS = 365 * 86_400_000;

/** A store at 0006 on a plain file (this test is about the schema, not the encryption). */
async function storeAt0006() {
  const { dir, remove } = tempDir();
  const raw = new BetterSqlite3(join(dir, 'store.db'));
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  cleanups.push(() => {
    void db.destroy();
    remove();
  });
  await runMigrations(db, 'sqlite', UP_TO_0006, 'case store');
  return { raw, db };
}

/** Entries as the code before 0007 wrote them: one chain, no center. */
function writeOldTrail(raw: BetterSqlite3.Database, rows: Array<{ id: string; at: string; action: string }>) {
  let prev = GENESIS_HASH;
  const insert = raw.prepare(`insert into audit_entries
    (id, at, actor_id, actor_login, device_id, action, subject_type, subject_id, person_id, detail, prev_hash, hash)
    values (@id, @at, null, 'kim', 'dev1', @action, 'jobseeker', null, null, null, @prev, @hash)`);
  for (const r of rows) {
    const fields = {
      id: r.id,
      at: r.at,
      actor_id: null,
      actor_login: 'kim',
      device_id: 'dev1',
      action: r.action,
      subject_type: 'jobseeker',
      subject_id: null,
      person_id: null,
      detail: null,
      center_code: null,
    };
    const hash = entryHash(prev, fields);
    insert.run({ ...r, prev, hash });
    prev = hash;
  }
}

const old = new Date(Date.now() - 4 * YEAR_MS).toISOString();
const recent = new Date(Date.now() - 30 * 86_400_000).toISOString();
const yearsAgo = (n: number) => new Date(Date.now() - n * YEAR_MS).toISOString();

describe('0007_audit_retention', () => {
  it('keeps a trail written before it verifiable, and adds the center column', async () => {
    const { raw, db } = await storeAt0006();
    writeOldTrail(raw, [
      { id: 'e1', at: old, action: 'jobseeker.read' },
      { id: 'e2', at: recent, action: 'jobseeker.update' },
    ]);
    await runMigrations(db, 'sqlite', migrations, 'case store');
    const columns = raw.prepare(`select name from pragma_table_info('audit_entries')`).pluck().all();
    expect(columns).toContain('center_code');
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, count: 2 });
    expect(raw.prepare('select purge_before, access_purge_before from audit_retention').all()).toEqual([
      { purge_before: null, access_purge_before: null },
    ]);
  });

  it('still refuses every ordinary UPDATE and DELETE, the new column included, but lets sync set seq', async () => {
    const { raw, db } = await storeAt0006();
    writeOldTrail(raw, [{ id: 'e1', at: old, action: 'jobseeker.read' }]);
    await runMigrations(db, 'sqlite', migrations, 'case store');
    expect(() => raw.exec(`delete from audit_entries where id = 'e1'`)).toThrow(/append-only/);
    expect(() => raw.exec(`update audit_entries set center_code = 'X1' where id = 'e1'`)).toThrow(
      /append-only/,
    );
    expect(() => raw.exec(`update audit_entries set action = 'x' where id = 'e1'`)).toThrow(/append-only/);
    raw.exec(`update audit_entries set seq = 9 where id = 'e1'`);
    expect(raw.prepare(`select seq from audit_entries`).pluck().get()).toBe(9);
  });

  it('lets a DELETE through only for rows older than the horizon in the control row, by kind', async () => {
    const { raw, db } = await storeAt0006();
    writeOldTrail(raw, [
      { id: 'read-4y', at: yearsAgo(4), action: 'jobseeker.read' },
      { id: 'role-4y', at: yearsAgo(4), action: 'account.role' },
      { id: 'role-2.5y', at: yearsAgo(2.5), action: 'account.role' },
      { id: 'read-2.5y', at: yearsAgo(2.5), action: 'jobseeker.read' },
      { id: 'read-1.5y', at: yearsAgo(1.5), action: 'jobseeker.read' },
    ]);
    await runMigrations(db, 'sqlite', migrations, 'case store');
    const purge = raw.transaction(() => {
      raw
        .prepare('update audit_retention set purge_before = ?, access_purge_before = ? where id = 1')
        .run(yearsAgo(2), yearsAgo(3));
      for (const id of ['read-4y', 'role-4y', 'read-2.5y'])
        raw.prepare('delete from audit_entries where id = ?').run(id);
      // Not expired: an account change kept three years, an entry under two years.
      for (const id of ['role-2.5y', 'read-1.5y'])
        expect(() => raw.prepare('delete from audit_entries where id = ?').run(id)).toThrow(/append-only/);
      raw
        .prepare('update audit_retention set purge_before = null, access_purge_before = null where id = 1')
        .run();
    });
    purge();
    expect(raw.prepare('select id from audit_entries order by rowid').pluck().all()).toEqual([
      'role-2.5y',
      'read-1.5y',
    ]);
    // Outside the purge's transaction the horizon is gone again: nothing can be deleted.
    expect(() => raw.exec(`delete from audit_entries`)).toThrow(/append-only/);
  });

  it('refuses a horizon less than a year old, a second control row, and deleting the control row', async () => {
    const { raw, db } = await storeAt0006();
    await runMigrations(db, 'sqlite', migrations, 'case store');
    expect(() =>
      raw.prepare('update audit_retention set purge_before = ? where id = 1').run(yearsAgo(0.5)),
    ).toThrow(/at least one year/);
    expect(() =>
      raw
        .prepare('update audit_retention set access_purge_before = ? where id = 1')
        .run(new Date().toISOString()),
    ).toThrow(/at least one year/);
    expect(() => raw.exec(`insert into audit_retention (id) values (2)`)).toThrow(/CHECK/);
    expect(() => raw.exec(`delete from audit_retention`)).toThrow(/control row/);
    raw.prepare('update audit_retention set purge_before = ? where id = 1').run(yearsAgo(1.1));
  });

  it('keeps anchors append-only', async () => {
    const { raw, db } = await storeAt0006();
    await runMigrations(db, 'sqlite', migrations, 'case store');
    raw.exec(`insert into audit_anchors (id, device_id, after_hash, last_hash, last_id, last_at, purged, created_at)
              values ('a1', 'dev1', 'g', 'h', 'e', '2020-01-01', 3, '2026-01-01')`);
    expect(() => raw.exec(`update audit_anchors set last_hash = 'x'`)).toThrow(/append-only/);
    expect(() => raw.exec(`delete from audit_anchors`)).toThrow(/append-only/);
  });
});
