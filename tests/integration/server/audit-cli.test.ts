import { uuidv7 } from 'uuidv7';
import { afterAll, describe, expect, it } from 'vitest';
import { entryHash, GENESIS_HASH } from '../../../db/repositories/audit.ts';
import { openServerDb } from '../../../db/server/connection.ts';
import { insertSyncRow } from '../../../db/server/repositories/sync.ts';
import { addCenter } from '../../../server/admin.ts';
import { runNode } from '../../support/run-node.ts';
import { freshDatabase, SERVER_DIALECTS } from '../../support/server-db.ts';

// `caseworker-server audit purge | verify` (server/audit-retention.ts), the way an operator runs them:
// expired entries leave with an anchor and the chain still verifies; an altered entry is found.

const CLI = 'server/cli/caseworker-server.ts';
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

describe.each(SERVER_DIALECTS)('caseworker-server audit over %s', (dialect) => {
  it('purges expired entries with anchors, verifies across them, and finds an altered entry', async () => {
    const database = await freshDatabase(dialect);
    cleanups.push(database.drop);
    const device = uuidv7();
    const years = (n: number) => new Date(Date.now() - n * 365.25 * 86_400_000).toISOString();
    const opened = await openServerDb(database.url);
    const ids: string[] = [];
    try {
      await addCenter(
        opened.db,
        { code: 'SEL01', name: '서울고용센터', region: '11' },
        new Date(),
        opened.dialect,
      );
      let prev = GENESIS_HASH;
      const plan: Array<[string, string]> = [
        [years(4), 'jobseeker.read'],
        [years(3.5), 'jobseeker.update'],
        [years(2.5), 'account.role'],
        [years(0.1), 'jobseeker.read'],
      ];
      for (const [i, [at, action]] of plan.entries()) {
        const id = uuidv7();
        const fields = {
          at,
          actor_id: 'u1',
          actor_login: 'kim01',
          device_id: device,
          action,
          subject_type: 'jobseeker',
          subject_id: null,
          person_id: null,
          detail: null,
          center_code: 'SEL01',
        };
        const hash = entryHash(prev, { ...fields, id });
        await insertSyncRow(opened.db, {
          table_name: 'audit_entries',
          row_id: id,
          seq: 100 + i,
          scope_center: 'SEL01',
          scope_owner: null,
          scope_region: null,
          parent_key: null,
          data: JSON.stringify({ id, ...fields, prev_hash: prev, hash }),
          field_meta: '{}',
          updated_at: at,
        });
        ids.push(id);
        prev = hash;
      }
    } finally {
      await opened.close();
    }

    const verified = await runNode(CLI, ['audit', 'verify', '--db', database.url]);
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(0);
    expect(verified.stdout.trim()).toBe('audit chains intact: 4 entries, 1 devices, 0 anchored gaps');

    const purged = await runNode(CLI, ['audit', 'purge', '--db', database.url]);
    expect(purged.stderr).toBe('');
    expect(purged.code).toBe(0);
    expect(purged.stdout.trim()).toBe('purged 2 expired audit entries (1 anchors), 0 account changes');
    const again = await runNode(CLI, ['audit', 'verify', '--db', database.url]);
    expect(again.stdout.trim()).toBe('audit chains intact: 2 entries, 1 devices, 1 anchored gaps');

    const check = await openServerDb(database.url);
    try {
      const left = await check.db
        .selectFrom('sync_rows')
        .select('row_id')
        .where('table_name', '=', 'audit_entries')
        .where('deleted_at', 'is', null)
        .execute();
      // The account change is kept three years; the newest entry stays (the others are tombstones).
      expect(left.map((r) => r.row_id).sort()).toEqual([ids[2], ids[3]].sort());
      const row = await check.db
        .selectFrom('sync_rows')
        .selectAll()
        .where('row_id', '=', ids[2] ?? '')
        .executeTakeFirstOrThrow();
      await check.db
        .updateTable('sync_rows')
        .set({ data: JSON.stringify({ ...(JSON.parse(row.data) as object), action: 'account.other' }) })
        .where('row_id', '=', row.row_id)
        .execute();
    } finally {
      await check.close();
    }
    const broken = await runNode(CLI, ['audit', 'verify', '--db', database.url]);
    expect(broken.code).toBe(3);
    expect(broken.stdout.trim()).toBe(`audit chain broken at entry ${ids[2]} of device ${device} (content)`);
  });
});
