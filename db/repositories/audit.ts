import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { AuditEntryRow, Database } from '../schema.ts';
import { homeCenter } from './centers.ts';
import { appendOutbox, nextHlc } from './outbox.ts';

// The audit trail (domain.md §10): append-only (the table's triggers refuse UPDATE and DELETE, except
// the retention purge's deletes of expired entries) and chained: each entry's hash covers the previous
// entry's hash, so removing or altering any entry breaks the link after it. There is one chain per
// device: entries made on other desktops arrive by sync with their own device's chain. Entries never
// hold personal data themselves, only ids. Each entry goes to the outbox in the same transaction, so
// the server gets a copy (sync.md: append-only, scoped to the center).

type Db = Kysely<Database> | Transaction<Database>;

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditWrite {
  at: string;
  actorId: string | null;
  actorLogin: string | null;
  deviceId: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  personId: string | null;
  detail?: Record<string, unknown> | null;
  /** The center the entry belongs to (sync's scope); by default this desktop's home center. */
  centerCode?: string | null;
}

type HashedFields = Omit<AuditEntryRow, 'hash' | 'seq' | 'prev_hash'>;

/** The center is covered when present; entries made before it existed keep their original hash. */
export function entryHash(prevHash: string, e: HashedFields): string {
  const fields: unknown[] = [
    e.id,
    e.at,
    e.actor_id,
    e.actor_login,
    e.device_id,
    e.action,
    e.subject_type,
    e.subject_id,
    e.person_id,
    e.detail,
  ];
  if (e.center_code !== null && e.center_code !== undefined) fields.push(e.center_code);
  return createHash('sha256').update(prevHash).update('\n').update(JSON.stringify(fields)).digest('hex');
}

/** The hash of the device's newest entry (the purge always keeps it), or the genesis hash. */
export async function chainHead(db: Db, deviceId: string): Promise<string> {
  const last = await db
    .selectFrom('audit_entries')
    .select('hash')
    .where('device_id', '=', deviceId)
    .orderBy(sql`rowid`, 'desc')
    .limit(1)
    .executeTakeFirst();
  return last?.hash ?? GENESIS_HASH;
}

export async function appendAudit(db: Db, w: AuditWrite): Promise<string> {
  // The entry and its outbox row commit together, inside the caller's transaction when there is one.
  if (!db.isTransaction) return db.transaction().execute((trx) => appendAudit(trx, w));
  const centerCode = w.centerCode !== undefined ? w.centerCode : ((await homeCenter(db))?.code ?? null);
  const prevHash = await chainHead(db, w.deviceId);
  const entry: HashedFields = {
    id: uuidv7(),
    at: w.at,
    actor_id: w.actorId,
    actor_login: w.actorLogin,
    device_id: w.deviceId,
    action: w.action,
    subject_type: w.subjectType,
    subject_id: w.subjectId,
    person_id: w.personId,
    detail: w.detail ? JSON.stringify(w.detail) : null,
    center_code: centerCode,
  };
  const row = { ...entry, prev_hash: prevHash, hash: entryHash(prevHash, entry) };
  await db.insertInto('audit_entries').values(row).execute();
  const { id, ...fields } = row;
  const at = Date.parse(w.at);
  await appendOutbox(db, {
    table: 'audit_entries',
    rowId: id,
    op: 'insert',
    fields,
    hlc: await nextHlc(db, w.deviceId, Number.isNaN(at) ? Date.now() : at),
    baseSeq: 0,
    createdAt: w.at,
  });
  return id;
}

export interface AuditBreak {
  /** 1-based position of the entry in the store's insertion order (what `audit verify` prints). */
  position: number;
  id: string;
  at: string;
  deviceId: string;
  /** The server's number for the entry (0 until synced). */
  seq: number;
  /** `link`: the entry before it is missing or was changed; `content`: this entry was changed. */
  reason: 'link' | 'content';
}

export type ChainCheck =
  | { ok: true; count: number; devices: number; purgedGaps: number }
  | { ok: false; count: number; broken: AuditBreak };

const VERIFY_PAGE = 5000;

/**
 * Walks every device's chain in insertion order and returns the first entry whose link or content does
 * not check out. A link to an entry the retention purge removed is accepted only when the purge's anchors
 * lead from the entry before the gap to that entry.
 */
export async function verifyAuditChain(db: Db): Promise<ChainCheck> {
  // Per device: the last hash of each purged run → the hash its first entry linked to.
  const anchors = new Map<string, Map<string, string>>();
  for (const a of await db
    .selectFrom('audit_anchors')
    .select(['device_id', 'after_hash', 'last_hash'])
    .execute()) {
    const runs = anchors.get(a.device_id) ?? new Map<string, string>();
    runs.set(a.last_hash, a.after_hash);
    anchors.set(a.device_id, runs);
  }
  /** Whether purged runs lead from `from` (the entry before) to `to` (what the entry after links to). */
  const bridged = (device: string, from: string, to: string): boolean => {
    const runs = anchors.get(device);
    let at = to;
    for (let steps = 0; runs && steps <= runs.size; steps++) {
      const before = runs.get(at);
      if (before === undefined) return false;
      if (before === from) return true;
      at = before;
    }
    return false;
  };
  const heads = new Map<string, string>();
  let position = 0;
  let purgedGaps = 0;
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_entries')
      .selectAll()
      .select(sql<number>`rowid`.as('rid'))
      .where(sql<boolean>`rowid > ${after}`)
      .orderBy(sql`rowid`)
      .limit(VERIFY_PAGE)
      .execute();
    for (const row of rows) {
      position++;
      const broken = (reason: AuditBreak['reason']): ChainCheck => ({
        ok: false,
        count: position,
        broken: {
          position,
          id: row.id,
          at: row.at,
          deviceId: row.device_id,
          seq: Number(row.seq),
          reason,
        },
      });
      const prev = heads.get(row.device_id) ?? GENESIS_HASH;
      if (row.prev_hash !== prev) {
        if (!bridged(row.device_id, prev, row.prev_hash)) return broken('link');
        purgedGaps++;
      }
      if (entryHash(row.prev_hash, row) !== row.hash) return broken('content');
      heads.set(row.device_id, row.hash);
    }
    if (rows.length < VERIFY_PAGE) break;
    after = Number(rows[rows.length - 1]?.rid);
  }
  return { ok: true, count: position, devices: heads.size, purgedGaps };
}
