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
