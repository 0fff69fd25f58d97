import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { CaseDb } from '../../db/connection.ts';

// "A refused call changes nothing", checked cheaply enough to run after thousands of calls.
//
// SQLite's total_changes() counts every row inserted, updated or deleted on the connection (triggers
// included), committed or not. The services write only through this connection, so an unchanged count
// proves an unchanged store without reading a single row. Only when the count moved (a rolled-back
// write, or a write that should not have happened) is the full digest computed: every table, the
// outbox, the audit trail and the search index included, each row hashed, order-independent.

export async function changeCount(db: CaseDb): Promise<number> {
  const { rows } = await sql<{ n: number }>`select total_changes() as n`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** One hash per table over every row; equal maps mean equal stores. */
export async function storeDigest(db: CaseDb): Promise<Map<string, string>> {
  const { rows: tables } = await sql<{ name: string }>`
    select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(
    db,
  );
  const digest = new Map<string, string>();
  for (const { name } of tables) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    const lines = rows.map((r) => JSON.stringify(Object.entries(r), bufferSafe)).sort();
    const hash = createHash('sha256');
    for (const line of lines) hash.update(line).update('\n');
    digest.set(name, `${rows.length}:${hash.digest('hex')}`);
  }
  return digest;
}

function bufferSafe(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return `${value}n`;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return value;
}

/** The tables whose digests differ, for a readable failure. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((n) => before.get(n) !== after.get(n)).sort();
}

/**
 * Watches a store across calls: `before()` before a call, `unchanged()` after a refused one. The full
 * digest is only recomputed when the change count moved since it was last taken.
 */
export function storeWatch(db: CaseDb) {
  let digestAt = -1;
  let digest = new Map<string, string>();
  let countBefore = 0;
  return {
    async before(): Promise<void> {
      countBefore = await changeCount(db);
      if (countBefore !== digestAt) {
        digest = await storeDigest(db);
        digestAt = countBefore;
      }
    },
    /** The tables that differ from before the call; empty when nothing changed. */
    async changedSinceBefore(): Promise<string[]> {
      if ((await changeCount(db)) === countBefore) return [];
      return changedTables(digest, await storeDigest(db));
    },
  };
}
