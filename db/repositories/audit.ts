import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { AuditEntryRow, Database } from '../schema.ts';
import { homeCenter } from './centers.ts';
import {
  appendOutbox,
  appendOutboxMany,
  hlcSequence,
  nextHlc,
  type HlcSequence,
  type OutboxWrite,
} from './outbox.ts';

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

/** An audit entry of a batch, ready to insert, with the outbox entry that carries it. */
export interface PreparedAudit {
  row: HashedFields & { prev_hash: string; hash: string };
  outbox: OutboxWrite;
}

/**
 * `appendAudit` for many entries of one transaction (a bulk action): the center and the chain's head
 * are read once, each entry is hashed onto the one before in memory, and its outbox entry takes the
 * next HLC of `clock` exactly where `appendAudit` would take one. The caller inserts the rows with
 * `insertAuditRows` (in this order) and the outbox entries in the order it interleaves them.
 */
export async function auditChain(
  trx: Transaction<Database>,
  deviceId: string,
  clock: HlcSequence,
): Promise<(w: AuditWrite) => PreparedAudit> {
  const home = (await homeCenter(trx))?.code ?? null;
  let prevHash = await chainHead(trx, deviceId);
  return (w) => {
    if (w.deviceId !== deviceId) throw new Error('auditChain: one device per chain');
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
      center_code: w.centerCode !== undefined ? w.centerCode : home,
    };
    const row = { ...entry, prev_hash: prevHash, hash: entryHash(prevHash, entry) };
    prevHash = row.hash;
    const { id, ...fields } = row;
    const at = Date.parse(w.at);
    const outbox: OutboxWrite = {
      table: 'audit_entries',
      rowId: id,
      op: 'insert',
      fields,
      hlc: clock.next(Number.isNaN(at) ? Date.now() : at),
      baseSeq: 0,
      createdAt: w.at,
    };
    return { row, outbox };
  };
}

/** The rows of `auditChain`, in their chain's order, in statements of 200. */
export async function insertAuditRows(
  trx: Transaction<Database>,
  rows: ReadonlyArray<PreparedAudit['row']>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await trx
      .insertInto('audit_entries')
      .values(rows.slice(i, i + 200))
      .execute();
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
  | { ok: true; count: number; devices: number; purgedGaps: number; awaiting: number }
  | { ok: false; count: number; broken: AuditBreak };

const VERIFY_PAGE = 5000;

interface LinkRow {
  id: string;
  at: string;
  device_id: string;
  seq: number;
  prev_hash: string;
  rid: number;
}

/**
 * Checks every device's chain and returns the first entry (in the store's insertion order) whose
 * content or link does not check out. Chains are followed by their links, not by insertion order:
 * entries of other desktops arrive by sync, and one that arrived late (a repair) sits after its
 * successor in the store.
 *
 * - `content`: the entry's hash does not match its content (it was changed).
 * - `link`: the entry names as its predecessor a hash that another entry of the device also names (one
 *   of them was inserted or replaced), or, on this device's own chain, a hash not held here (an entry
 *   was removed; this device's entries never arrive from elsewhere). A link to an entry the retention
 *   purge removed is accepted only when the purge's anchors lead from there to an entry held here (or
 *   the chain's start).
 * - Not a break: on another device's chain, a predecessor not held here and not anchored is an entry
 *   not received yet (sync is behind, or missed one that the hourly checksum comparison repairs); it is
 *   counted in `awaiting`. Without `ownDevice`, every chain is treated as this device's own.
 */
export async function verifyAuditChain(db: Db, ownDevice?: string): Promise<ChainCheck> {
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
  // Pass 1: every entry's content, and the hashes each device's chain holds here.
  const held = new Map<string, Set<string>>();
  let position = 0;
  let firstContent: AuditBreak | null = null;
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
      if (!firstContent && entryHash(row.prev_hash, row) !== row.hash) {
        firstContent = breakAt(position, row, 'content');
      }
      const hashes = held.get(row.device_id) ?? new Set<string>();
      hashes.add(row.hash);
      held.set(row.device_id, hashes);
    }
    if (rows.length < VERIFY_PAGE) break;
    after = Number(rows[rows.length - 1]?.rid);
  }
  const total = position;
  const end = firstContent ? firstContent.position : total + 1;
  /** Whether purged runs lead from `to` (what an entry links to) back to a held entry or the start. */
  const bridged = (device: string, to: string): boolean => {
    const runs = anchors.get(device);
    const mine = held.get(device);
    let at = to;
    for (let steps = 0; runs && steps <= runs.size; steps++) {
      const before = runs.get(at);
      if (before === undefined) return false;
      if (before === GENESIS_HASH || mine?.has(before)) return true;
      at = before;
    }
    return false;
  };
  // Pass 2: links, up to the first changed entry.
  const named = new Map<string, Set<string>>();
  let purgedGaps = 0;
  let awaiting = 0;
  position = 0;
  after = 0;
  for (;;) {
    const rows = (await db
      .selectFrom('audit_entries')
      .select(['id', 'at', 'device_id', 'seq', 'prev_hash', sql<number>`rowid`.as('rid')])
      .where(sql<boolean>`rowid > ${after}`)
      .orderBy(sql`rowid`)
      .limit(VERIFY_PAGE)
      .execute()) as LinkRow[];
    for (const row of rows) {
      position++;
      if (position >= end) return { ok: false, count: end, broken: firstContent as AuditBreak };
      const names = named.get(row.device_id) ?? new Set<string>();
      named.set(row.device_id, names);
      if (names.has(row.prev_hash))
        return { ok: false, count: position, broken: breakAt(position, row, 'link') };
      names.add(row.prev_hash);
      if (row.prev_hash === GENESIS_HASH || held.get(row.device_id)?.has(row.prev_hash)) continue;
      if (bridged(row.device_id, row.prev_hash)) {
        purgedGaps++;
        continue;
      }
      if (ownDevice === undefined || row.device_id === ownDevice) {
        return { ok: false, count: position, broken: breakAt(position, row, 'link') };
      }
      awaiting++;
    }
    if (rows.length < VERIFY_PAGE) break;
    after = Number(rows[rows.length - 1]?.rid);
  }
  if (firstContent) return { ok: false, count: end, broken: firstContent };
  return { ok: true, count: total, devices: held.size, purgedGaps, awaiting };
}

function breakAt(
  position: number,
  row: { id: string; at: string; device_id: string; seq: number },
  reason: AuditBreak['reason'],
): AuditBreak {
  return { position, id: row.id, at: row.at, deviceId: row.device_id, seq: Number(row.seq), reason };
}

/**
 * Many entries of one device in one transaction (a bulk action: one entry per person), chained and
 * stamped exactly as one `appendAudit` call each would, with their outbox rows (`auditChain`).
 */
export async function appendAuditMany(trx: Transaction<Database>, ws: readonly AuditWrite[]): Promise<void> {
  const first = ws[0];
  if (!first) return;
  const at = Date.parse(first.at);
  const clock = await hlcSequence(trx, first.deviceId, Number.isNaN(at) ? Date.now() : at);
  const chain = await auditChain(trx, first.deviceId, clock);
  const prepared = ws.map(chain);
  await insertAuditRows(
    trx,
    prepared.map((p) => p.row),
  );
  await appendOutboxMany(
    trx,
    prepared.map((p) => p.outbox),
  );
  await clock.save();
}
