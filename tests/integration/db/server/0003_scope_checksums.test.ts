import { sql, type Insertable } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openServerDb, type OpenedServerDb } from '../../../../db/server/connection.ts';
import { serverMigrations } from '../../../../db/server/migrations/index.ts';
import { runMigrations } from '../../../../db/migrator.ts';
import type { SyncRowTable } from '../../../../db/server/schema.ts';
import { addToChecksum, rowHash } from '../../../../shared/sync/checksum.ts';
import { freshDatabase, SERVER_DIALECTS, type TestDatabase } from '../../../support/server-db.ts';

// Server migration 0003_scope_checksums: rows already on the server are summed when it runs, and from
// then on its triggers keep every scope's checksum equal to the sum recomputed from the live rows,
// through multi-row inserts, seq bumps, scope moves (a reassigned case), tombstones, restores and
// deletes, on SQLite and on PostgreSQL.

const opened: Array<{ db: OpenedServerDb; database: TestDatabase }> = [];
afterEach(async () => {
  for (const o of opened.splice(0)) {
    await o.db.close();
    await o.database.drop();
  }
});

async function serverAt0002(dialect: 'sqlite' | 'postgres') {
  const database = await freshDatabase(dialect);
  const db = await openServerDb(database.url, { migrate: false });
  opened.push({ db, database });
  await runMigrations(db.db, dialect, serverMigrations.slice(0, 2), 'server database');
  return db;
}

function row(
  table: string,
  id: string,
  seq: number,
  scope: { center?: string; owner?: string; region?: string },
): Insertable<SyncRowTable> {
  return {
    table_name: table,
    row_id: id,
    seq,
    scope_center: scope.center ?? null,
    scope_owner: scope.owner ?? null,
    scope_region: scope.region ?? null,
    parent_key: null,
    data: '{}',
    field_meta: '{}',
    updated_at: '2026-11-02T09:00:00.000Z',
  };
}

/** What the checksums must be: recomputed from the live rows, in JS. */
async function expected(db: OpenedServerDb) {
  const rows = await sql<{
    table_name: string;
    row_id: string;
    seq: number;
    scope_center: string | null;
    scope_owner: string | null;
    scope_region: string | null;
    deleted_at?: string | null;
  }>`select * from sync_rows`.execute(db.db);
  const sums = new Map<string, { checksum: number; count: number }>();
  for (const r of rows.rows) {
    if (r.deleted_at) continue;
    for (const scope of [
      r.scope_center && `center:${r.scope_center}`,
      r.scope_owner && `owner:${r.scope_owner}`,
      r.scope_region && `region:${r.scope_region}`,
    ]) {
      if (!scope) continue;
      const key = `${scope} ${r.table_name}`;
      const s = sums.get(key) ?? { checksum: 0, count: 0 };
      sums.set(key, {
        checksum: addToChecksum(s.checksum, rowHash(r.table_name, r.row_id, Number(r.seq))),
        count: s.count + 1,
      });
    }
  }
  return Object.fromEntries([...sums].sort(([a], [b]) => a.localeCompare(b)));
}

async function stored(db: OpenedServerDb): Promise<Record<string, { checksum: number; count: number }>> {
  const rows = await db.db.selectFrom('scope_checksums').selectAll().execute();
  const entries: Array<[string, { checksum: number; count: number }]> = rows
    .filter((r) => Number(r.row_count) !== 0)
    .map((r) => [`${r.scope} ${r.table_name}`, { checksum: Number(r.checksum), count: Number(r.row_count) }]);
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

describe.each(SERVER_DIALECTS)('server migration 0003_scope_checksums on %s', (dialect) => {
  it('sums the rows already there and keeps every scope in step with each later write', async () => {
    const db = await serverAt0002(dialect);
    await db.db
      .insertInto('sync_rows')
      .values([
        row('jobseekers', 'j1', 1, { center: 'SEL01', owner: 'u1' }),
        row('jobseekers', 'j2', 2, { center: 'SEL01' }),
        row('counseling_notes', 'n1', 3, { center: 'SEL01', owner: 'u1' }),
        row('employers', 'e1', 4, { region: '11' }),
      ])
      .execute();

    await runMigrations(db.db, dialect, serverMigrations, 'server database');
    expect(await stored(db)).toEqual(await expected(db));
    expect(await stored(db)).toMatchObject({
      'center:SEL01 jobseekers': { count: 2 },
      'owner:u1 counseling_notes': { count: 1 },
      'region:11 employers': { count: 1 },
    });

    // A multi-row insert (one statement: PostgreSQL's statement trigger sees both rows at once).
    await db.db
      .insertInto('sync_rows')
      .values([
        row('counseling_notes', 'n2', 5, { center: 'SEL01', owner: 'u1' }),
        row('counseling_notes', 'n3', 6, { center: 'BUS01', owner: 'u1' }),
      ])
      .execute();
    expect(await stored(db)).toEqual(await expected(db));

    // A pushed edit: new seq, same scopes.
    await db.db
      .updateTable('sync_rows')
      .set({ seq: 7, data: '{"a":1}' })
      .where('row_id', '=', 'j1')
      .execute();
    expect(await stored(db)).toEqual(await expected(db));

    // A data-only write changes nothing that counts.
    const before = await stored(db);
    await db.db.updateTable('sync_rows').set({ data: '{"a":2}' }).where('row_id', '=', 'j1').execute();
    expect(await stored(db)).toEqual(before);

    // A case reassigned to another center and counselor, its note moving along (one statement).
    await db.db
      .updateTable('sync_rows')
      .set((eb) => ({ scope_center: 'BUS01', scope_owner: 'u2', seq: eb('seq', '+', 100) }))
      .where('row_id', 'in', ['j2', 'n1'])
      .execute();
    expect(await stored(db)).toEqual(await expected(db));

    // A tombstone stops counting; a restore counts again.
    await db.db
      .updateTable('sync_rows')
      .set({ seq: 200, deleted_at: '2026-11-03T00:00:00.000Z', data: '{}' })
      .where('row_id', '=', 'n2')
      .execute();
    expect(await stored(db)).toEqual(await expected(db));
    expect((await stored(db))['center:SEL01 counseling_notes']).toBeUndefined();
    await db.db
      .updateTable('sync_rows')
      .set({ seq: 201, deleted_at: null })
      .where('row_id', '=', 'n2')
      .execute();
    expect(await stored(db)).toEqual(await expected(db));

    // Deleting rows outright (the bench and tests reset tables) takes them out too.
    await db.db.deleteFrom('sync_rows').where('table_name', '=', 'employers').execute();
    expect(await stored(db)).toEqual(await expected(db));
    expect((await stored(db))['region:11 employers']).toBeUndefined();

    // Everything in one transaction (a push): the triggers run inside it and roll back with it.
    const snapshot = await stored(db);
    await expect(
      db.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('sync_rows')
          .values(row('jobseekers', 'j9', 300, { center: 'SEL01' }))
          .execute();
        throw new Error('crash mid-push');
      }),
    ).rejects.toThrow('crash mid-push');
    expect(await stored(db)).toEqual(snapshot);
  });

  it('uses the same row hash as the desktop', async () => {
    const db = await serverAt0002(dialect);
    await runMigrations(db.db, dialect, serverMigrations, 'server database');
    const samples: Array<[string, string, number]> = [
      ['jobseekers', '0193b6f4-7c1e-7abc-9def-0123456789ab', 1],
      ['centers', '서울01', 123_456_789_012],
      ['counseling_notes', '', 0],
    ];
    for (const [t, id, seq] of samples) {
      const r = await sql<{
        h: number | string | bigint;
      }>`select sync_row_hash(${t}, ${id}, ${seq}) as h`.execute(db.db);
      expect(Number(r.rows[0]?.h)).toBe(rowHash(t, id, seq));
    }
  });
});
