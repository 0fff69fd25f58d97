import { uuidv7 } from 'uuidv7';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { AuditAnchorReason, AuditChainHeadTable, ServerDatabase } from '../schema.ts';
import { nextSeq } from './sync.ts';

// SQL of the server's check of each device's audit chain (migration 0007): the last accepted link per
// device, and the anchors that bridge known gaps in the server's copy (server/sync/audit-chain.ts).

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>;
export type ChainHead = Selectable<AuditChainHeadTable>;

export async function getChainHead(db: Db, deviceId: string): Promise<ChainHead | undefined> {
  return db.selectFrom('audit_chain_heads').selectAll().where('device_id', '=', deviceId).executeTakeFirst();
}

export async function setChainHead(
  db: Db,
  h: { deviceId: string; hash: string; id: string; accepted: number; at: string },
): Promise<void> {
  await db
    .insertInto('audit_chain_heads')
    .values({
      device_id: h.deviceId,
      head_hash: h.hash,
      head_id: h.id,
      accepted: h.accepted,
      updated_at: h.at,
    })
    .onConflict((oc) =>
      oc.column('device_id').doUpdateSet({
        head_hash: h.hash,
        head_id: h.id,
        accepted: h.accepted,
        updated_at: h.at,
      }),
    )
    .execute();
}

export interface NewAnchor {
  deviceId: string;
  reason: AuditAnchorReason;
  afterHash: string;
  lastHash: string;
  lastId: string | null;
  lastAt: string | null;
  entries: number;
  at: string;
}

export async function insertAnchors(db: Db, anchors: NewAnchor[]): Promise<void> {
  if (anchors.length === 0) return;
  await db
    .insertInto('audit_anchors')
    .values(
      anchors.map((a) => ({
        id: uuidv7(),
        device_id: a.deviceId,
        reason: a.reason,
        after_hash: a.afterHash,
        last_hash: a.lastHash,
        last_id: a.lastId,
        last_at: a.lastAt,
        entries: a.entries,
        created_at: a.at,
      })),
    )
    .execute();
}

export async function anchorsOf(db: Db, deviceId: string) {
  return db.selectFrom('audit_anchors').selectAll().where('device_id', '=', deviceId).execute();
}

/** The login id of an account (what an audit entry's `actor_login` must be). */
export async function loginIdOf(db: Db, userId: string): Promise<string | undefined> {
  const row = await db.selectFrom('users').select('login_id').where('id', '=', userId).executeTakeFirst();
  return row?.login_id;
}

/** A page of the server's copy of the audit trail, in seq order (each device's entries in chain order). */
export async function auditRowsAfter(
  db: Db,
  afterSeq: number,
  limit: number,
): Promise<Array<{ row_id: string; seq: number; scope_center: string | null; data: string }>> {
  return db
    .selectFrom('sync_rows')
    .select(['row_id', 'seq', 'scope_center', 'data'])
    .where('table_name', '=', 'audit_entries')
    .where('deleted_at', 'is', null)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

export async function allChainHeads(db: Db): Promise<ChainHead[]> {
  return db.selectFrom('audit_chain_heads').selectAll().execute();
}

/** The audit settings JSON of each center (its synced settings row), by code. */
export async function centerSettings(db: Db): Promise<Map<string, string | null>> {
  const rows = await db
    .selectFrom('sync_rows')
    .select(['row_id', 'data'])
    .where('table_name', '=', 'centers')
    .execute();
  return new Map(
    rows.map((r) => {
      const settings = (JSON.parse(r.data) as { settings?: unknown }).settings;
      return [r.row_id, typeof settings === 'string' ? settings : null];
    }),
  );
}

/**
 * Purged entries become tombstones (key, scopes, a new seq, no content): the checksum triggers stop
 * counting them (server migration 0003) and the next pull tells each desktop holding them, which then
 * stops counting them too (electron/services/sync/audit-tombstones.ts). Deleting them outright would
 * leave a desktop that counts its own purged entries (`audit_purged`) differing forever.
 */
export async function tombstoneAuditRows(
  trx: Transaction<ServerDatabase>,
  ids: string[],
  at: string,
): Promise<void> {
  // Under the sequencer lock (the caller holds it): seqs in commit order, as every write's. One
  // statement per chunk (WITH … VALUES, UPDATE … FROM: both dialects): row by row, PostgreSQL took 14 s for
  // 20,000 entries, all the while holding the lock that pushes wait for.
  let seq = await nextSeq(trx);
  for (let i = 0; i < ids.length; i += 400) {
    const chunk = ids.slice(i, i + 400);
    const values = sql.join(chunk.map((id, k) => sql`(cast(${id} as text), cast(${seq + k} as bigint))`));
    await sql`with v (row_id, new_seq) as (values ${values})
      update sync_rows
      set seq = v.new_seq, data = '{}', field_meta = '{}', updated_at = ${at}, deleted_at = ${at}
      from v
      where sync_rows.table_name = 'audit_entries' and sync_rows.row_id = v.row_id
        and sync_rows.deleted_at is null`.execute(trx);
    seq += chunk.length;
  }
}

/** The server's account trail (account_audit) before this time: kept three years (domain.md §10). */
export async function deleteAccountAuditBefore(db: Db, before: string): Promise<number> {
  const done = await db.deleteFrom('account_audit').where('at', '<', before).executeTakeFirst();
  return Number(done.numDeletedRows);
}
