import { sql } from 'kysely';
import type { OpenedServerDb } from '../../../db/server/connection.ts';
import type { DesktopStore } from '../../../electron/services/store.ts';
import type { SessionInfo } from '../../../shared/contract/auth.ts';
import { SYNC_TABLES, syncRule, type SyncedTable } from '../../../shared/sync/tables.ts';

// The simulation's invariant from issue #13: no desktop ever holds a row outside its scopes (its
// center, its own caseload, its region). Every synced row a desktop has must be a live row of the
// server in one of those scopes, unless the desktop still has its own change to it waiting in its
// outbox (a row with unsent edits stays until they are pushed: sync.md § Scopes), or it is a new row
// the server refused (kept and shown to the counselor).
// The server database is shared by every seed of a run, so other seeds' centers are right there to
// leak; and the center's directory (users) must hold only the center's people.

const REGION = '11';

export async function outsideScopes(
  desk: { name: string; store: DesktopStore; session: SessionInfo },
  opened: OpenedServerDb,
  center: string,
): Promise<string[]> {
  const problems: string[] = [];
  const visible = await opened.db
    .selectFrom('sync_rows')
    .select(['table_name', 'row_id'])
    .where('deleted_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('scope_center', '=', center),
        eb('scope_owner', '=', desk.session.userId),
        eb('scope_region', '=', REGION),
      ]),
    )
    .execute();
  const inScope = new Set(visible.map((r) => `${r.table_name}:${r.row_id}`));
  const unsent = new Set(
    (
      await desk.store.db
        .selectFrom('outbox')
        .select(['table_name', 'row_id'])
        .where((eb) =>
          eb.or([
            eb('status', '=', 'pending'),
            eb.and([eb('op', '=', 'insert'), eb('status', '=', 'refused')]),
          ]),
        )
        .execute()
    ).map((e) => `${e.table_name}:${e.row_id}`),
  );
  for (const table of Object.keys(SYNC_TABLES) as SyncedTable[]) {
    if (table === 'centers') continue; // checked below, with the directory
    const key = (syncRule(table) as { key?: string }).key ?? 'id';
    const ids = await sql<{ k: string }>`select ${sql.ref(key)} as k from ${sql.table(table)}`.execute(
      desk.store.db,
    );
    for (const { k } of ids.rows) {
      const id = `${table}:${k}`;
      if (inScope.has(id) || unsent.has(id)) continue;
      const row = await opened.db
        .selectFrom('sync_rows')
        .select(['scope_center', 'scope_owner', 'deleted_at', 'seq'])
        .where('table_name', '=', table)
        .where('row_id', '=', k)
        .executeTakeFirst();
      const where = row
        ? `server: ${row.deleted_at ? 'deleted' : 'live'} at seq ${row.seq}, center ${row.scope_center}, owner ${row.scope_owner}`
        : 'not on the server';
      problems.push(`${desk.name}: holds ${id} outside its scopes (${where})`);
    }
  }
  const otherCenters = await desk.store.db
    .selectFrom('centers')
    .select('code')
    .where('code', '!=', center)
    .execute();
  for (const c of otherCenters) problems.push(`${desk.name}: holds center ${c.code} (not its own)`);
  const strangers = await desk.store.db
    .selectFrom('users')
    .select('id')
    .where('center_code', '!=', center)
    .execute();
  for (const u of strangers) problems.push(`${desk.name}: holds account ${u.id} of another center`);
  return problems;
}
