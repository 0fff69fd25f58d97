import { uuidv7 } from 'uuidv7';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { AuditAnchorReason, AuditChainHeadTable, ServerDatabase } from '../schema.ts';

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

export async function deleteAuditRows(db: Db, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 400) {
    await db
      .deleteFrom('sync_rows')
      .where('table_name', '=', 'audit_entries')
      .where('row_id', 'in', ids.slice(i, i + 400))
      .execute();
  }
}
