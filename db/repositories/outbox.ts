import type { Kysely, Transaction } from 'kysely';
import { formatHlc, parseHlc, tickHlc } from '../../shared/sync/hlc.ts';
import type { Database, SyncedTableName } from '../schema.ts';
import { getMeta, setMeta } from './meta.ts';

// Every local write that must reach the server is recorded here in the same transaction as the write
// itself (sync.md): if the transaction commits, the change will be pushed; if not, neither exists.

type Db = Kysely<Database> | Transaction<Database>;

const HLC_KEY = 'hlc';

/** The next HLC time on this device, persisted in the caller's transaction. */
export async function nextHlc(trx: Db, deviceId: string, nowMs: number): Promise<string> {
  const stored = await getMeta(trx, HLC_KEY);
  const next = formatHlc(tickHlc(stored ? parseHlc(stored) : null, nowMs, deviceId));
  await setMeta(trx, HLC_KEY, next);
  return next;
}

export interface OutboxWrite {
  table: SyncedTableName;
  rowId: string;
  op: 'insert' | 'update';
  /** Only the fields that changed, as stored (snake_case columns). */
  fields: Record<string, unknown>;
  hlc: string;
  /** The `seq` of the row the counselor was looking at (0 for an insert). */
  baseSeq: number;
  createdAt: string;
}

export async function appendOutbox(trx: Db, w: OutboxWrite): Promise<void> {
  await trx
    .insertInto('outbox')
    .values({
      table_name: w.table,
      row_id: w.rowId,
      op: w.op,
      fields: JSON.stringify(w.fields),
      hlc: w.hlc,
      base_seq: w.baseSeq,
      created_at: w.createdAt,
      error: null,
    })
    .execute();
}

/** The person's own unsent changes: audit entries travel in the outbox too but are bookkeeping, not edits. */
export async function countPendingChanges(db: Db): Promise<number> {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'pending')
    .where('table_name', '!=', 'audit_entries')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
