import type { Insertable, Selectable, Transaction } from 'kysely';
import {
  childrenOf,
  insertSyncRow,
  nextSeq,
  updateSyncRow,
  type SyncRow,
} from '../../db/server/repositories/sync.ts';
import type { PushResultTable, ServerDatabase, ValueHistoryTable } from '../../db/server/schema.ts';

// The database work of one push request, batched: the rows the request touches and the device's
// earlier results are read once up front, sequence numbers are counted in memory under the sequencer
// lock, and history and results are written in bulk at the end. Row writes stay immediate so that the
// database always holds what later reads (children of a reassigned case) expect.

const CHUNK = 400;

export class PushWork {
  readonly trx: Transaction<ServerDatabase>;
  private readonly rows = new Map<string, SyncRow | null>();
  private readonly seen = new Map<number, Selectable<PushResultTable>>();
  private readonly history: Array<Insertable<ValueHistoryTable>> = [];
  private readonly results: Array<Selectable<PushResultTable>> = [];
  private seq: number | null = null;

  constructor(trx: Transaction<ServerDatabase>) {
    this.trx = trx;
  }

  private static key(table: string, rowId: string): string {
    return `${table}\u0000${rowId}`;
  }

  async prefetch(
    deviceId: string,
    mutations: Array<{ table: string; rowId: string; clientSeq: number }>,
  ): Promise<void> {
    for (const m of mutations) this.rows.set(PushWork.key(m.table, m.rowId), null);
    // By table, so the lookup uses the (table_name, row_id) primary key.
    const byTable = new Map<string, Set<string>>();
    for (const m of mutations) byTable.set(m.table, (byTable.get(m.table) ?? new Set()).add(m.rowId));
    for (const [table, idSet] of byTable) {
      const ids = [...idSet];
      for (let i = 0; i < ids.length; i += CHUNK) {
        const found = await this.trx
          .selectFrom('sync_rows')
          .selectAll()
          .where('table_name', '=', table)
          .where('row_id', 'in', ids.slice(i, i + CHUNK))
          .execute();
        for (const r of found) this.rows.set(PushWork.key(r.table_name, r.row_id), r);
      }
    }
    const seqs = mutations.map((m) => m.clientSeq);
    for (let i = 0; i < seqs.length; i += CHUNK) {
      const found = await this.trx
        .selectFrom('push_results')
        .selectAll()
        .where('device_id', '=', deviceId)
        .where('client_seq', 'in', seqs.slice(i, i + CHUNK))
        .execute();
      for (const r of found) this.seen.set(Number(r.client_seq), r);
    }
  }

  seenResult(clientSeq: number): Selectable<PushResultTable> | undefined {
    return this.seen.get(clientSeq);
  }

  async getRow(table: string, rowId: string): Promise<SyncRow | undefined> {
    const key = PushWork.key(table, rowId);
    if (this.rows.has(key)) return this.rows.get(key) ?? undefined;
    const row = await this.trx
      .selectFrom('sync_rows')
      .selectAll()
      .where('table_name', '=', table)
      .where('row_id', '=', rowId)
      .executeTakeFirst();
    this.rows.set(key, row ?? null);
    return row;
  }

  async nextSeq(): Promise<number> {
    this.seq = this.seq === null ? await nextSeq(this.trx) : this.seq + 1;
    return this.seq;
  }

  async insertRow(row: Omit<SyncRow, 'deleted_at'>): Promise<void> {
    await insertSyncRow(this.trx, row);
    this.rows.set(PushWork.key(row.table_name, row.row_id), { ...row, deleted_at: null });
  }

  async updateRow(
    table: string,
    rowId: string,
    patch: Partial<
      Pick<
        SyncRow,
        'seq' | 'data' | 'field_meta' | 'scope_center' | 'scope_owner' | 'scope_region' | 'updated_at'
      >
    >,
  ): Promise<void> {
    await updateSyncRow(this.trx, table, rowId, patch);
    const key = PushWork.key(table, rowId);
    const cached = this.rows.get(key);
    if (cached) this.rows.set(key, { ...cached, ...patch });
    else this.rows.delete(key); // not read in this request: the next read fetches it
  }

  children(parentKey: string): Promise<SyncRow[]> {
    return childrenOf(this.trx, parentKey);
  }

  addHistory(h: Insertable<ValueHistoryTable>): void {
    this.history.push(h);
  }

  addResult(r: Selectable<PushResultTable>): void {
    this.results.push(r);
    this.seen.set(Number(r.client_seq), r);
  }

  async flush(): Promise<void> {
    for (let i = 0; i < this.history.length; i += CHUNK) {
      await this.trx
        .insertInto('value_history')
        .values(this.history.slice(i, i + CHUNK))
        .execute();
    }
    for (let i = 0; i < this.results.length; i += CHUNK) {
      await this.trx
        .insertInto('push_results')
        .values(this.results.slice(i, i + CHUNK))
        .execute();
    }
  }
}
