import { sql } from 'kysely';
import type { CaseDb } from '../../../db/connection.ts';
import type { PulledRow } from '../../../shared/sync/protocol.ts';
import { isSyncedTable, syncRule } from '../../../shared/sync/tables.ts';
import { applyPulledPage } from './apply-pulled.ts';
import { forgetStoreColumns } from './store-columns.ts';
import { withoutForeignKeys } from './lifecycle.ts';

// Applying what a newer server sent before this desktop was updated (sync.md § Versions). Pulls keep
// unknown tables' rows and unknown fields in sync_aside (apply-pulled.ts); once a migration has added
// the table or the column, this lays the kept values into the store and removes them from sync_aside,
// in one transaction. What is still unknown stays kept. Run after the store's migrations applied
// something (store.ts), and safe to run at any time.

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

async function columnsOf(db: Parameters<typeof applyPulledPage>[0], table: string): Promise<Set<string>> {
  if (!IDENTIFIER.test(table)) return new Set();
  const rows = await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db);
  return new Set(rows.rows.map((r) => r.name));
}

export interface KeptAsideResult {
  /** Entries whose values are all in the store now. */
  applied: number;
  /** Entries still kept (their table or some of their fields still unknown here). */
  kept: number;
}

export async function applyKeptAside(db: CaseDb): Promise<KeptAsideResult> {
  // A migration in this process may have added columns since pulls last looked.
  forgetStoreColumns();
  const entries = await db.selectFrom('sync_aside').selectAll().orderBy('seq').execute();
  if (entries.length === 0) return { applied: 0, kept: 0 };
  await withoutForeignKeys(db, () =>
    db.transaction().execute(async (trx) => {
      const wholeRows: PulledRow[] = [];
      for (const e of entries) {
        const data = JSON.parse(e.data) as Record<string, unknown>;
        if (e.whole === 1) {
          // A whole row: applied as the pull would have applied it (the rest stays aside if still unknown).
          wholeRows.push({ table: e.table_name, id: e.row_id, seq: Number(e.seq), data });
          continue;
        }
        const columns = isSyncedTable(e.table_name) ? await columnsOf(trx, e.table_name) : new Set<string>();
        const known = Object.entries(data).filter(([f]) => columns.has(f) && IDENTIFIER.test(f));
        const still = Object.fromEntries(Object.entries(data).filter(([f]) => !columns.has(f)));
        if (known.length > 0) {
          const key = (syncRule(e.table_name as never) as { key?: string }).key ?? 'id';
          // Fields this version did not have cannot have local edits; the row keeps its seq and HLC.
          await sql`update ${sql.table(e.table_name)} set ${sql.join(
            known.map(([f, v]) => sql`${sql.ref(f)} = ${v as never}`),
          )} where ${sql.ref(key)} = ${e.row_id}`.execute(trx);
        }
        if (Object.keys(still).length === 0)
          await trx
            .deleteFrom('sync_aside')
            .where('table_name', '=', e.table_name)
            .where('row_id', '=', e.row_id)
            .execute();
        else if (known.length > 0)
          await trx
            .updateTable('sync_aside')
            .set({ data: JSON.stringify(still) })
            .where('table_name', '=', e.table_name)
            .where('row_id', '=', e.row_id)
            .execute();
      }
      if (wholeRows.length > 0) await applyPulledPage(trx, wholeRows);
    }),
  );
  const left = await db
    .selectFrom('sync_aside')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const kept = Number(left.n);
  return { applied: entries.length - kept, kept };
}
