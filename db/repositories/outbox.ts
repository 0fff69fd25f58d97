import type { Kysely, Transaction } from 'kysely';
import { MAX_CLOCK_LEAD_MS, formatHlc, parseHlc, tickHlc, type Hlc } from '../../shared/sync/hlc.ts';
import { getClockOffset } from './clock-offset.ts';
import type { Database, SyncedTableName } from '../schema.ts';
import { getMeta, setMeta } from './meta.ts';

// Every local write that must reach the server is recorded here in the same transaction as the write
// itself (sync.md): if the transaction commits, the change will be pushed; if not, neither exists.

type Db = Kysely<Database> | Transaction<Database>;

const HLC_KEY = 'hlc';

/**
 * The next HLC time on this device, persisted in the caller's transaction. The local clock is corrected
 * by its offset from the server's (clock-offset.ts). A last HLC more than an hour ahead of the corrected
 * time came from a clock that ran ahead: the server re-stamps such times, so this device starts again
 * from the corrected time, and first re-stamps its unsent writes that far ahead (in their order), so a
 * later write here never sorts before an earlier one.
 */
export async function nextHlc(trx: Db, deviceId: string, nowMs: number): Promise<string> {
  const now = nowMs + (await getClockOffset(trx));
  const stored = await getMeta(trx, HLC_KEY);
  let last = stored ? parseHlc(stored) : null;
  if (last && last.wall > now + MAX_CLOCK_LEAD_MS) last = await restampAhead(trx, deviceId, now);
  const next = formatHlc(tickHlc(last, now, deviceId));
  await setMeta(trx, HLC_KEY, next);
  return next;
}

/** HLCs for many writes of one transaction (a bulk action), without three statements each. */
export interface HlcSequence {
  /** The next HLC for a write at `nowMs` (local clock, as `nextHlc` takes it). */
  next(nowMs: number): string;
  /** Persists the last HLC handed out, as `nextHlc` does after each; call once before commit. */
  save(): Promise<void>;
}

/**
 * `nextHlc` for a batch: the clock offset and the last HLC are read once (restamping unsent writes
 * that ran ahead, as `nextHlc` does, against the batch's start), each write's HLC is ticked in
 * memory, and the last one is stored by `save`. Gives the same HLCs as one `nextHlc` per write.
 */
export async function hlcSequence(trx: Db, deviceId: string, nowMs: number): Promise<HlcSequence> {
  const offset = await getClockOffset(trx);
  const stored = await getMeta(trx, HLC_KEY);
  let last = stored ? parseHlc(stored) : null;
  if (last && last.wall > nowMs + offset + MAX_CLOCK_LEAD_MS)
    last = await restampAhead(trx, deviceId, nowMs + offset);
  const handedOut = { last };
  return {
    next(ms) {
      const next = tickHlc(handedOut.last, ms + offset, deviceId);
      handedOut.last = next;
      return formatHlc(next);
    },
    async save() {
      if (handedOut.last) await setMeta(trx, HLC_KEY, formatHlc(handedOut.last));
    },
  };
}

async function restampAhead(trx: Db, deviceId: string, now: number): Promise<Hlc | null> {
  const pending = await trx
    .selectFrom('outbox')
    .select(['client_seq', 'hlc'])
    .where('status', '=', 'pending')
    .orderBy('client_seq')
    .execute();
  let last: Hlc | null = null;
  for (const e of pending) {
    if (parseHlc(e.hlc).wall <= now + MAX_CLOCK_LEAD_MS) continue;
    last = tickHlc(last, now, deviceId);
    await trx
      .updateTable('outbox')
      .set({ hlc: formatHlc(last) })
      .where('client_seq', '=', e.client_seq)
      .execute();
  }
  return last;
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

/** Many outbox entries, in the given order (their client_seq follows it), in statements of 200 rows. */
export async function appendOutboxMany(trx: Db, writes: readonly OutboxWrite[]): Promise<void> {
  for (let i = 0; i < writes.length; i += 200) {
    await trx
      .insertInto('outbox')
      .values(
        writes.slice(i, i + 200).map((w) => ({
          table_name: w.table,
          row_id: w.rowId,
          op: w.op,
          fields: JSON.stringify(w.fields),
          hlc: w.hlc,
          base_seq: w.baseSeq,
          created_at: w.createdAt,
          error: null,
        })),
      )
      .execute();
  }
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

/** `n` HLCs for one batch of writes at `nowMs`, the last persisted: the same as `n` calls of `nextHlc`. */
export async function nextHlcs(trx: Db, deviceId: string, nowMs: number, n: number): Promise<string[]> {
  if (n <= 0) return [];
  const clock = await hlcSequence(trx, deviceId, nowMs);
  const out = Array.from({ length: n }, () => clock.next(nowMs));
  await clock.save();
  return out;
}
