import type { Insertable, Selectable, Transaction } from 'kysely';
import {
  childrenOf,
  insertSyncRows,
  nextSeq,
  updateSyncRow,
  updateSyncRows,
  type SyncRow,
} from '../../db/server/repositories/sync.ts';
import type { PushResultTable, ServerDatabase, ValueHistoryTable } from '../../db/server/schema.ts';

// The database work of one push request, batched: the rows the request touches and the device's
// earlier results are read once up front, sequence numbers are counted in memory under the sequencer
// lock, and rows, history and results are written in bulk (a few statements per request instead of one
// per mutation: on PostgreSQL each is a round trip and runs the checksum trigger). During a push,
// sync_rows is read only through this class (getRow, children), which sees the rows not yet written:
// getRow from its cache, children after writing them out. A row changed without having been read
// first is written at once, as before.

const CHUNK = 400;

export class PushWork {
  readonly trx: Transaction<ServerDatabase>;
  private readonly rows = new Map<string, SyncRow | null>();
  private readonly seen = new Map<number, Selectable<PushResultTable>>();
  private readonly history: Array<Insertable<ValueHistoryTable>> = [];
  private readonly results: Array<Selectable<PushResultTable>> = [];
  /** Rows inserted or changed by this request and not yet written, with their whole new state. */
  private readonly unwritten = new Map<string, { insert: boolean; row: SyncRow }>();
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

  insertRow(row: Omit<SyncRow, 'deleted_at'>): Promise<void> {
    const key = PushWork.key(row.table_name, row.row_id);
    const full = { ...row, deleted_at: null };
    this.rows.set(key, full);
    this.unwritten.set(key, { insert: true, row: full });
    return Promise.resolve();
  }

  async updateRow(
    table: string,
    rowId: string,
    patch: Partial<
      Pick<
        SyncRow,
        | 'seq'
        | 'data'
        | 'field_meta'
        | 'scope_center'
        | 'scope_owner'
        | 'scope_region'
        | 'parent_key'
        | 'updated_at'
      >
    >,
  ): Promise<void> {
    const key = PushWork.key(table, rowId);
    const cached = this.rows.get(key);
    if (cached) {
      const row = { ...cached, ...patch };
      this.rows.set(key, row);
      this.unwritten.set(key, { insert: this.unwritten.get(key)?.insert ?? false, row });
      return;
    }
    // Not read in this request: written at once, and the next read fetches it.
    await this.writeRows();
    await updateSyncRow(this.trx, table, rowId, patch);
    this.rows.delete(key);
  }

  async children(parentKey: string): Promise<SyncRow[]> {
    await this.writeRows();
    return childrenOf(this.trx, parentKey);
  }

  /**
   * A case's records read for a merge (sync/merge.ts), kept in this request's cache so their changes
   * are written a chunk per statement like every other row: its scope children, or the rows of `table`
   * in the center whose `field` names the case (a check-in's jobseeker).
   */
  async caseRecords(
    parentKey: string,
    naming?: { table: string; field: string; id: string; center: string | null },
  ): Promise<SyncRow[]> {
    await this.writeRows();
    const found = naming
      ? (
          await this.trx
            .selectFrom('sync_rows')
            .selectAll()
            .where('table_name', '=', naming.table)
            .where('scope_center', naming.center === null ? 'is' : '=', naming.center)
            .where('deleted_at', 'is', null)
            .where('data', 'like', `%${JSON.stringify(naming.field)}:${JSON.stringify(naming.id)}%`)
            .execute()
        ).filter((r) => (JSON.parse(r.data) as Record<string, unknown>)[naming.field] === naming.id)
      : await childrenOf(this.trx, parentKey);
    for (const r of found) {
      const key = PushWork.key(r.table_name, r.row_id);
      if (!this.rows.get(key)) this.rows.set(key, r);
    }
    return found.map((r) => this.rows.get(PushWork.key(r.table_name, r.row_id)) ?? r);
  }

  /**
   * The live rows of `table` whose `field` names `id`, in any scope, as this request sees them (its own
   * unwritten rows included): one open transfer per case (sync/transfer.ts) looks across centers.
   */
  async namingRows(table: string, field: string, id: string): Promise<SyncRow[]> {
    await this.writeRows();
    const found = (
      await this.trx
        .selectFrom('sync_rows')
        .selectAll()
        .where('table_name', '=', table)
        .where('deleted_at', 'is', null)
        .where('data', 'like', `%${JSON.stringify(field)}:${JSON.stringify(id)}%`)
        .execute()
    ).filter((r) => (JSON.parse(r.data) as Record<string, unknown>)[field] === id);
    for (const r of found) {
      const key = PushWork.key(r.table_name, r.row_id);
      if (!this.rows.get(key)) this.rows.set(key, r);
    }
    return found.map((r) => this.rows.get(PushWork.key(r.table_name, r.row_id)) ?? r);
  }

  /** Writes out the rows changed so far (new ones first, then changed ones), a chunk per statement. */
  private async writeRows(): Promise<void> {
    if (this.unwritten.size === 0) return;
    const pending = [...this.unwritten.values()];
    this.unwritten.clear();
    const inserts = pending.filter((p) => p.insert).map((p) => p.row);
    const updates = pending.filter((p) => !p.insert).map((p) => p.row);
    for (let i = 0; i < inserts.length; i += CHUNK)
      await insertSyncRows(this.trx, inserts.slice(i, i + CHUNK));
    for (let i = 0; i < updates.length; i += CHUNK)
      await updateSyncRows(this.trx, updates.slice(i, i + CHUNK));
  }

  addHistory(h: Insertable<ValueHistoryTable>): void {
    this.history.push(h);
  }

  addResult(r: Selectable<PushResultTable>): void {
    this.results.push(r);
    this.seen.set(Number(r.client_seq), r);
  }

  async flush(): Promise<void> {
    await this.writeRows();
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
