import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openServerDb } from '../../../db/server/connection.ts';
import { insertSyncRow } from '../../../db/server/repositories/sync.ts';
import { addCenter } from '../../../server/admin.ts';
import { runNode } from '../../support/run-node.ts';
import { freshDatabase, SERVER_DIALECTS } from '../../support/server-db.ts';
import { tempDir } from '../../support/temp-dir.ts';

// `caseworker-server record delete | restore` (server/records.ts), the way an operator runs them.

const CLI = 'server/cli/caseworker-server.ts';
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

const JOBSEEKER = {
  reg_no: 'J2026-0001-AB',
  center_code: 'SEL01',
  name: '한지민',
  birth_year: 1990,
  phone: '01012345678',
  sido: '11',
  assigned_counselor_id: null,
  status: 'active',
  registered_at: '2026-11-01T00:00:00.000Z',
  created_at: '2026-11-01T00:00:00.000Z',
  updated_at: '2026-11-01T00:00:00.000Z',
};

describe.each(SERVER_DIALECTS)('caseworker-server record over %s', (dialect) => {
  it('deletes to a tombstone without personal data and restores only with the fields given', async () => {
    const database = await freshDatabase(dialect);
    cleanups.push(database.drop);
    const { dir, remove } = tempDir('caseworker-records-');
    cleanups.push(remove);
    const id = '01960000-0000-7000-8000-000000000001';
    const opened = await openServerDb(database.url);
    try {
      await addCenter(
        opened.db,
        { code: 'SEL01', name: '서울고용센터', region: '11' },
        new Date(),
        opened.dialect,
      );
      await insertSyncRow(opened.db, {
        table_name: 'jobseekers',
        row_id: id,
        seq: 100,
        scope_center: 'SEL01',
        scope_owner: null,
        scope_region: null,
        parent_key: null,
        data: JSON.stringify({ id, ...JOBSEEKER }),
        field_meta: '{}',
        updated_at: new Date().toISOString(),
      });
    } finally {
      await opened.close();
    }
    const base = ['--db', database.url, '--table', 'jobseekers', '--id', id];

    const missingReason = await runNode(CLI, ['record', 'delete', ...base]);
    expect(missingReason.code).not.toBe(0);
    expect(missingReason.stderr.trim().split('\n')).toHaveLength(1);

    const del = await runNode(CLI, ['record', 'delete', ...base, '--reason', '보존기간 만료']);
    expect(del.stderr).toBe('');
    expect(del.code).toBe(0);
    expect(del.stdout).toMatch(new RegExp(`^deleted jobseekers ${id} \\(tombstones up to seq \\d+\\)`));

    const twice = await runNode(CLI, ['record', 'delete', ...base, '--reason', 'again']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/already deleted/);

    const bare = await runNode(CLI, ['record', 'restore', ...base, '--reason', '잘못 삭제']);
    expect(bare.code).toBe(2);
    expect(bare.stderr.trim()).toMatch(
      /^caseworker-server: The server kept no personal data .*missing: .*name/,
    );

    const file = join(dir, 'record.json');
    writeFileSync(file, JSON.stringify(JOBSEEKER));
    const restored = await runNode(CLI, [
      'record',
      'restore',
      ...base,
      '--reason',
      '잘못 삭제',
      '--data',
      file,
    ]);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);

    const check = await openServerDb(database.url);
    try {
      const row = await check.db
        .selectFrom('sync_rows')
        .selectAll()
        .where('row_id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.deleted_at).toBeNull();
      expect(JSON.parse(row.data)).toMatchObject({ name: '한지민' });
      const log = await check.db.selectFrom('record_deletions').selectAll().orderBy('seq').execute();
      expect(log.map((l) => [l.action, l.reason, l.actor])).toEqual([
        ['delete', '보존기간 만료', 'server-admin'],
        ['restore', '잘못 삭제', 'server-admin'],
      ]);
    } finally {
      await check.close();
    }

    const unknown = await runNode(CLI, [
      'record',
      'delete',
      '--db',
      database.url,
      '--table',
      'audit_entries',
      '--id',
      id,
      '--reason',
      'x',
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe(
      'caseworker-server: Records of kind audit_entries cannot be deleted or restored here.',
    );
  });
});
