import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { AuditEntryRow, Database } from '../schema.ts';

// The audit trail (domain.md §10): append-only (the table's triggers refuse UPDATE and DELETE) and
// chained: each entry's hash covers the previous entry's hash, so removing or altering any entry
// breaks every link after it. Entries never hold personal data themselves, only ids.

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
}

function entryHash(prevHash: string, e: Omit<AuditEntryRow, 'hash' | 'seq' | 'prev_hash'>): string {
  const canonical = JSON.stringify([
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
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

export async function appendAudit(db: Db, w: AuditWrite): Promise<string> {
  const last = await db
    .selectFrom('audit_entries')
    .select('hash')
    .orderBy(sql`rowid`, 'desc')
    .limit(1)
    .executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const entry = {
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
  };
  await db
    .insertInto('audit_entries')
    .values({ ...entry, prev_hash: prevHash, hash: entryHash(prevHash, entry) })
    .execute();
  return entry.id;
}

/** Walks the chain in insertion order; returns the first entry whose link or content does not check out. */
export async function verifyAuditChain(
  db: Db,
): Promise<{ ok: true; count: number } | { ok: false; brokenAt: string; index: number }> {
  const rows = await db
    .selectFrom('audit_entries')
    .selectAll()
    .orderBy(sql`rowid`)
    .execute();
  let prev = GENESIS_HASH;
  for (const [index, row] of rows.entries()) {
    if (row.prev_hash !== prev || entryHash(prev, row) !== row.hash)
      return { ok: false, brokenAt: row.id, index };
    prev = row.hash;
  }
  return { ok: true, count: rows.length };
}
