import { sql } from 'kysely';
import type { CaseDb } from '../../../db/connection.ts';
import { getMeta, setMeta } from '../../../db/repositories/meta.ts';
import { countPendingChanges } from '../../../db/repositories/outbox.ts';
import {
  addToChecksum,
  parseScopeName,
  rowHash,
  type ScopeChecksums,
  type ScopeName,
} from '../../../shared/sync/checksum.ts';
import type { ScopesResponse } from '../../../shared/sync/snapshot.ts';
import {
  centerScopeHolds,
  SYNC_TABLES,
  syncRule,
  type ScopeRule,
  type SyncedTable,
} from '../../../shared/sync/tables.ts';
import { logCursor, VERIFY_DUE_KEY } from './snapshot.ts';
import { storeColumns } from './store-columns.ts';

// Checks after catch-up (sync.md § First download and checks). The desktop computes, per scope and
// table, the checksum of the rows it holds (shared/sync/checksum.ts) and compares it with the server's.
// A scope that differs is downloaded again, once; if it still differs, the mismatch is reported in the
// sync status and not downloaded again while it lasts (no loop). Comparisons are made only when both
// sides describe the same moment: no unsent changes here, and nothing of these scopes newer on the
// server than what this desktop pulled.

/** Whether and when: after every snapshot, and otherwise at most this often. */
export const VERIFY_INTERVAL_MS = 60 * 60_000;
const STATE_KEY = 'sync.verify';
// Every synced table is compared, the audit trail too (issue #14 item 2: a missed entry must be found
// and repaired like any row). Entries this desktop's retention purge removed still count, from the
// ids the purge keeps in `audit_purged` (desktop migration 0010), so a purge is not a mismatch, until
// the server's purge tombstones them: then they are marked there with seq 0 and count nowhere, on
// either side, whether this desktop still holds them or not (rule: server/audit-retention.ts).
/** Rows read per query while summing: the event loop turns between chunks. */
const READ_CHUNK = 5000;

export interface VerifyState {
  at: string | null;
  /** Scopes that still differed after being downloaded again: reported, not downloaded again. */
  mismatched: ScopeName[];
}

export interface VerifyDeps {
  db: CaseDb;
  now: () => Date;
  schemaVersion: number;
  get: (path: string) => Promise<unknown>;
  pull: () => Promise<unknown>;
  /** Downloads these scopes again (a snapshot up to `upTo`). */
  redownload: (scopes: ScopeName[], upTo: number) => Promise<unknown>;
}

export interface VerifyResult {
  /** False when the comparison could not be made now (unsent changes, a server still moving). */
  compared: boolean;
  /** Scopes that differed at first. */
  differed: ScopeName[];
  /** Scopes downloaded again in this run. */
  redownloaded: ScopeName[];
  /** Scopes reported as still different. */
  mismatched: ScopeName[];
}

export async function verifyState(db: CaseDb): Promise<VerifyState> {
  const text = await getMeta(db, STATE_KEY);
  return text ? (JSON.parse(text) as VerifyState) : { at: null, mismatched: [] };
}

/** Due after a snapshot, or when the last check is older than VERIFY_INTERVAL_MS. */
export async function verifyDue(db: CaseDb, now: Date, intervalMs = VERIFY_INTERVAL_MS): Promise<boolean> {
  if (await getMeta(db, VERIFY_DUE_KEY)) return true;
  const { at } = await verifyState(db);
  return at === null || now.getTime() - Date.parse(at) >= intervalMs;
}

export async function verifyScopes(d: VerifyDeps): Promise<VerifyResult> {
  const none: VerifyResult = { compared: false, differed: [], redownloaded: [], mismatched: [] };
  // Unsent changes make this desktop differ on purpose; compare once they are on the server.
  if ((await countPendingChanges(d.db)) > 0) return none;
  const first = await compare(d);
  if (!first) return none;
  const state = await verifyState(d.db);
  const differed = first.differing;
  // Download again what differs and was not already downloaded again for this same mismatch.
  const again = differed.filter((s) => !state.mismatched.includes(s));
  let mismatched = differed;
  if (again.length > 0) {
    await d.redownload(again, first.upTo);
    await d.pull();
    const second = await compare(d);
    if (!second) return { ...none, differed, redownloaded: again };
    mismatched = second.differing;
  }
  const result = { compared: true, differed, redownloaded: again, mismatched };
  await setMeta(
    d.db,
    STATE_KEY,
    JSON.stringify({ at: d.now().toISOString(), mismatched } satisfies VerifyState),
  );
  await d.db.deleteFrom('meta').where('key', '=', VERIFY_DUE_KEY).execute();
  return result;
}

/** The server's checksums and this desktop's, at the same moment; null if that moment is not reached. */
async function compare(d: VerifyDeps): Promise<{ differing: ScopeName[]; upTo: number } | null> {
  for (let round = 0; round < 3; round++) {
    const cursor = await logCursor(d.db);
    const server = (await d.get(
      `/v1/sync/scopes?cursor=${cursor}&schemaVersion=${d.schemaVersion}`,
    )) as ScopesResponse;
    if (server.behind) {
      await d.pull();
      continue;
    }
    const local = await localChecksums(
      d.db,
      server.scopes.map((s) => s.scope),
    );
    const differing = server.scopes
      .filter((s) => !sameChecksums(s.tables, local.get(s.scope) ?? {}))
      .map((s) => s.scope);
    return { differing, upTo: server.upTo };
  }
  return null;
}

function sameChecksums(server: ScopeChecksums, local: ScopeChecksums): boolean {
  const tables = new Set([...Object.keys(server), ...Object.keys(local)]);
  for (const table of tables) {
    if (!comparable(table)) continue;
    const a = server[table] ?? { checksum: 0, count: 0 };
    const b = local[table] ?? { checksum: 0, count: 0 };
    if (a.checksum !== b.checksum || a.count !== b.count) return false;
  }
  return true;
}

/** Tables this desktop mirrors fully (an unknown one from a newer server is kept aside, not compared). */
function comparable(table: string): table is SyncedTable {
  return Object.hasOwn(SYNC_TABLES, table);
}

function keyOf(table: SyncedTable): string {
  return (syncRule(table) as { key?: string }).key ?? 'id';
}

/** Where a row belongs: the values of its center, owner and region scopes (null: none). */
type Place = readonly [center: string | null, owner: string | null, region: string | null];

/**
 * The checksums of the rows this desktop holds, for the given scopes. A row's scopes are worked out
 * from the store as the server does when it writes the row: a case's center and assigned counselor,
 * an employer's region, and for a note, a referral's event … those of the record it belongs to (read
 * first and kept in memory, which is cheaper than joining every child to its parent). Rows never
 * accepted by the server (seq 0) do not count.
 */
export async function localChecksums(
  db: CaseDb,
  scopes: string[],
  role?: string,
): Promise<Map<string, ScopeChecksums>> {
  const holderRole = role ?? (await syncedRole(db));
  const wanted = { center: new Set<string>(), owner: new Set<string>(), region: new Set<string>() };
  for (const name of scopes) {
    const s = parseScopeName(name);
    if (s) wanted[s.kind].add(s.value);
  }
  const sums = new Map<string, ScopeChecksums>(scopes.map((s) => [s, {}]));
  const add = (scope: string, table: string, hash: number) => {
    const tables = sums.get(scope);
    if (!tables) return;
    const t = tables[table] ?? { checksum: 0, count: 0 };
    tables[table] = { checksum: addToChecksum(t.checksum, hash), count: t.count + 1 };
  };
  const present = new Set(
    (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)).rows.map(
      (r) => r.name,
    ),
  );
  const all = Object.keys(SYNC_TABLES) as SyncedTable[];
  const parents = new Set(all.flatMap((t) => (syncRule(t).scope.kind === 'parent' ? [parentOf(t)] : [])));
  const places = new Map<string, Map<string, Place>>();
  for (const table of inParentOrder(all)) {
    if (!present.has(table)) continue;
    const rule: ScopeRule = syncRule(table).scope;
    const keepPlaces = parents.has(table);
    const count = comparable(table);
    if (!keepPlaces && !count) continue;
    const mine = new Map<string, Place>();
    if (keepPlaces) places.set(table, mine);
    const parentPlaces = rule.kind === 'parent' ? places.get(rule.parentTable) : undefined;
    if (rule.kind === 'parent' && !parentPlaces) continue;
    const select = await placeColumns(db, table, rule, present.has('audit_purged'));
    let after = 0;
    for (;;) {
      const rows = (
        await sql<{
          r: number;
          k: string;
          s: number;
          a: string | null;
          b: string | null;
          c: string | null;
        }>`${sql.raw(select)} where rowid > ${after} order by rowid limit ${READ_CHUNK}`.execute(db)
      ).rows;
      for (const row of rows) {
        const place: Place | undefined =
          rule.kind === 'parent'
            ? row.a === null
              ? undefined
              : parentPlaces?.get(row.a)
            : [row.a, row.b, row.c];
        if (!place) continue; // its parent is not here: it counts nowhere (and the server will differ)
        if (keepPlaces) mine.set(String(row.k), place);
        if (!count || Number(row.s) <= 0) continue;
        const hash = rowHash(table, String(row.k), Number(row.s));
        const [center, owner, region] = place;
        if (center !== null && wanted.center.has(center) && centerScopeHolds(table, holderRole))
          add(`center:${center}`, table, hash);
        if (owner !== null && wanted.owner.has(owner)) add(`owner:${owner}`, table, hash);
        if (region !== null && wanted.region.has(region)) add(`region:${region}`, table, hash);
      }
      if (rows.length < READ_CHUNK) break;
      after = Number(rows[rows.length - 1]?.r);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  // Audit entries the retention purge removed here that the server still has (seq 0: it has not).
  if (present.has('audit_purged')) {
    const purged = await db
      .selectFrom('audit_purged')
      .select(['id', 'seq', 'center_code', 'actor_id'])
      .where('seq', '>', 0)
      .where(sql<boolean>`not exists (select 1 from audit_entries e where e.id = audit_purged.id)`)
      .execute();
    for (const p of purged) {
      const hash = rowHash('audit_entries', p.id, Number(p.seq));
      if (
        p.center_code !== null &&
        wanted.center.has(p.center_code) &&
        centerScopeHolds('audit_entries', holderRole)
      )
        add(`center:${p.center_code}`, 'audit_entries', hash);
      if (p.actor_id !== null && wanted.owner.has(p.actor_id))
        add(`owner:${p.actor_id}`, 'audit_entries', hash);
    }
  }
  return sums;
}

/** The role of the account this desktop syncs as (what its center scope brings depends on it). */
async function syncedRole(db: CaseDb): Promise<string> {
  const userId = await getMeta(db, 'sync.user');
  if (!userId) return 'counselor';
  const user = await db.selectFrom('users').select('role').where('id', '=', userId).executeTakeFirst();
  return user?.role ?? 'counselor';
}

function parentOf(table: SyncedTable): string {
  const rule = syncRule(table).scope;
  return rule.kind === 'parent' ? rule.parentTable : table;
}

/** Tables ordered so that every record's parent comes before it. */
function inParentOrder(tables: SyncedTable[]): SyncedTable[] {
  const depth = (t: SyncedTable, n = 0): number => {
    const rule = syncRule(t).scope;
    if (rule.kind !== 'parent' || n > 5 || !Object.hasOwn(SYNC_TABLES, rule.parentTable)) return n;
    return depth(rule.parentTable as SyncedTable, n + 1);
  };
  return [...tables].sort((x, y) => depth(x) - depth(y));
}

async function placeColumns(
  db: CaseDb,
  table: SyncedTable,
  rule: ScopeRule,
  purgedMarks = false,
): Promise<string> {
  const columns = await storeColumns(db, table);
  let place: string;
  if (rule.kind === 'parent') place = `"${rule.parentField}" as a, null as b, null as c`;
  else if (rule.kind === 'center') {
    const owner = rule.ownerField
      ? `"${rule.ownerField}"`
      : columns.has('assigned_counselor_id')
        ? 'assigned_counselor_id'
        : 'null';
    place = `"${rule.field ?? 'center_code'}" as a, ${owner} as b, null as c`;
  } else place = 'null as a, null as b, sido as c';
  // An audit entry the server has tombstoned (marked with seq 0 in audit_purged) counts as not synced.
  const seq =
    table === 'audit_entries' && purgedMarks
      ? `case when exists (select 1 from audit_purged p where p.id = "${table}".id and p.seq = 0) then 0 else seq end`
      : 'seq';
  return `select rowid as r, "${keyOf(table)}" as k, ${seq} as s, ${place} from "${table}"`;
}
