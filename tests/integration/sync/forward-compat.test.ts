import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrations } from '../../../db/migrations/index.ts';
import type { Migration } from '../../../db/migrations/types.ts';
import { runMigrations } from '../../../db/migrator.ts';
import { createJobseeker } from '../../../electron/services/jobseekers.ts';
import { applyKeptAside } from '../../../electron/services/sync/kept-aside.ts';
import { SERVER_DIALECTS } from '../../support/server-db.ts';
import { openSyncDesk, startSyncServer, type SyncDesk, type SyncServer } from '../../support/sync-desktop.ts';

// Forward compatibility (sync.md § Versions; issue 13 item 10). A newer server sends a field this
// desktop has no column for and rows of a table it does not know: nothing fails, both are kept aside
// (sync_aside) through the log pull and through a first download; once an update's migration adds the
// column, the kept value lands in the store and leaves sync_aside, while the still unknown table stays
// kept. The newer server is the real one with rows written into its sync_rows directly.

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** Writes rows as a newer server version would have: a new field on a case, and a new table's rows. */
async function newerServerWrites(server: SyncServer, jobseekerId: string): Promise<void> {
  await server.opened.db.transaction().execute(async (trx) => {
    const max = await trx
      .selectFrom('sync_rows')
      .select((eb) => eb.fn.max('seq').as('m'))
      .executeTakeFirstOrThrow();
    let seq = Number(max.m ?? 0);
    const row = await trx
      .selectFrom('sync_rows')
      .selectAll()
      .where('table_name', '=', 'jobseekers')
      .where('row_id', '=', jobseekerId)
      .executeTakeFirstOrThrow();
    const data = { ...(JSON.parse(row.data) as Record<string, unknown>), preferred_channel: 'kakao' };
    await trx
      .updateTable('sync_rows')
      .set({ data: JSON.stringify(data), seq: ++seq })
      .where('table_name', '=', 'jobseekers')
      .where('row_id', '=', jobseekerId)
      .execute();
    for (const [id, label] of [
      ['0190a000-0000-7000-8000-000000000001', '화상상담실 A'],
      ['0190a000-0000-7000-8000-000000000002', '화상상담실 B'],
    ] as const) {
      await trx
        .insertInto('sync_rows')
        .values({
          table_name: 'video_rooms',
          row_id: id,
          seq: ++seq,
          scope_center: 'SEL01',
          scope_owner: null,
          scope_region: null,
          parent_key: null,
          data: JSON.stringify({ id, center_code: 'SEL01', label }),
          field_meta: '{}',
          updated_at: new Date().toISOString(),
        })
        .execute();
    }
  });
}

async function aside(desk: SyncDesk) {
  return desk.store.db
    .selectFrom('sync_aside')
    .select(['table_name', 'row_id', 'data', 'whole'])
    .orderBy('table_name')
    .orderBy('row_id')
    .execute();
}

/** The update: one more migration than this version has, adding the column the newer server sent. */
const addPreferredChannel: Migration = {
  async up(db) {
    await db.schema.alterTable('jobseekers').addColumn('preferred_channel', 'text').execute();
  },
};

describe.each(SERVER_DIALECTS)('fields and tables from a newer server (%s)', (dialect) => {
  it('are kept aside by pull and first download, never fail a batch, and land after the update', async () => {
    const server = await startSyncServer(
      dialect,
      [{ code: 'SEL01', name: '서울고용센터', region: '11' }],
      [
        { loginId: 'kim01', role: 'counselor', center: 'SEL01' },
        { loginId: 'lee02', role: 'counselor', center: 'SEL01' },
      ],
    );
    cleanups.push(server.close);
    const desk = await openSyncDesk(server.url, 'kim01');
    cleanups.push(desk.close);
    await desk.client.syncOnce();
    const js = await createJobseeker(
      desk.store.context,
      desk.session,
      {
        name: '한미래',
        birthYear: 1990,
        gender: null,
        phone: null,
        email: null,
        sido: '11',
        sigungu: null,
        desiredOccupation: null,
        desiredWage: null,
        mobile: false,
      },
      true,
    );
    expect(await desk.client.syncOnce()).toMatchObject({ pushed: 1, refused: 0 });
    // Between versions that agree, nothing is ever kept aside.
    expect(await aside(desk)).toEqual([]);

    await newerServerWrites(server, js.id);

    // The log pull: the page applies, the known fields are as before, the rest is kept.
    const counts = await desk.client.syncOnce();
    expect(counts.refused).toBe(0);
    expect(counts.pulled).toBeGreaterThanOrEqual(3);
    const local = await desk.store.db
      .selectFrom('jobseekers')
      .select(['name', 'seq'])
      .where('id', '=', js.id)
      .executeTakeFirstOrThrow();
    expect(local.name).toBe('한미래');
    const kept = await aside(desk);
    expect(kept).toEqual([
      {
        table_name: 'jobseekers',
        row_id: js.id,
        data: JSON.stringify({ preferred_channel: 'kakao' }),
        whole: 0,
      },
      {
        table_name: 'video_rooms',
        row_id: '0190a000-0000-7000-8000-000000000001',
        data: JSON.stringify({
          id: '0190a000-0000-7000-8000-000000000001',
          center_code: 'SEL01',
          label: '화상상담실 A',
        }),
        whole: 1,
      },
      expect.objectContaining({ table_name: 'video_rooms', row_id: '0190a000-0000-7000-8000-000000000002' }),
    ]);
    // Pulled again (re-delivery), nothing doubles or fails.
    await desk.store.db.updateTable('sync_cursors').set({ cursor: 0 }).execute();
    expect((await desk.client.syncOnce()).refused).toBe(0);
    expect(await aside(desk)).toHaveLength(3);

    // A first download (a colleague's new desktop): the snapshot keeps the same, and the checksums agree.
    const other = await openSyncDesk(server.url, 'lee02');
    cleanups.push(other.close);
    await other.client.syncOnce();
    expect((await aside(other)).map((r) => [r.table_name, r.whole])).toEqual([
      ['jobseekers', 0],
      ['video_rooms', 1],
      ['video_rooms', 1],
    ]);
    const verified = await other.client.verifyIfDue();
    expect(verified?.mismatched ?? []).toEqual([]);

    // The update: a migration adds the column, and the kept value is applied and removed.
    for (const d of [desk, other]) {
      await runMigrations(
        d.store.db,
        'sqlite',
        [...migrations, ['0099_test_preferred_channel', addPreferredChannel]],
        'case store',
      );
      expect(await applyKeptAside(d.store.db)).toEqual({ applied: 1, kept: 2 });
      const row = await sql<{
        preferred_channel: string | null;
        name: string;
      }>`select preferred_channel, name from jobseekers where id = ${js.id}`.execute(d.store.db);
      expect(row.rows[0]).toEqual({ preferred_channel: 'kakao', name: '한미래' });
      expect((await aside(d)).map((r) => r.table_name)).toEqual(['video_rooms', 'video_rooms']);
      // Sync goes on as before: nothing refused, and the field is not kept aside again.
      await d.store.db
        .updateTable('sync_cursors')
        .set({ cursor: 0 })
        .where('scope', 'not like', 'snapshot:%')
        .execute();
      expect((await d.client.syncOnce()).refused).toBe(0);
      expect((await aside(d)).map((r) => r.table_name)).toEqual(['video_rooms', 'video_rooms']);
    }
  });
});
