import type { SqlDialect } from '../db/migrations/types.ts';
import { GENESIS_HASH, entryHash } from '../db/repositories/audit.ts';
import type { ServerDb } from '../db/server/connection.ts';
import {
  allChainHeads,
  auditRowsAfter,
  centerSettings,
  deleteAccountAuditBefore,
  insertAnchors,
  tombstoneAuditRows,
  type NewAnchor,
} from '../db/server/repositories/audit-chain.ts';
import { lockSequencer } from '../db/server/repositories/sync.ts';
import type { ServerDatabase } from '../db/server/schema.ts';
import type { Kysely, Transaction } from 'kysely';
import { auditSettingsFrom, isAccessAction, retentionHorizon } from '../shared/domain/audit.ts';

// The server's copy of the audit trail keeps the same retention as the desktops (domain.md §10: two
// years, three for changes of roles and permissions, or the center's own settings) and the same
// anchors (db/repositories/audit-retention.ts): for each run of consecutive expired entries of a
// device's chain, what its first entry linked to and its last entry's hash, so the chain that remains
// still verifies. A device's newest entry, and the entry its next one must link to, are always kept.
// `caseworker-server audit purge` runs it (and the server, daily); `audit verify` checks the copy.
//
// Checksums (issue #13 item 3, #14 item 2). The rule both sides follow: an audit entry counts in a
// scope's checksum while the server holds it live, and on a desktop while the desktop holds it or has
// purged it without having heard that the server purged it (`audit_purged` with its seq). The server
// purges by leaving a tombstone (key, scopes, a new seq, no content), which its checksums do not count;
// the pull brings it to the desktops, which then count the entry nowhere (`audit_purged` seq 0) and keep
// their own copy until their own purge cuts it with anchors (so their chain still verifies). Either
// order agrees at every moment the desktop compares (it compares only when caught up with the server):
// - desktop first: its purged entry still counts (from `audit_purged`) like the server's live row;
//   after the server's purge, the tombstone arrives with the pull and both stop counting it;
// - server first: the tombstone arrives, the desktop stops counting its still-held copy; its later
//   purge keeps the seq-0 mark (a re-download, which never carries live rows of it, brings nothing back).
// The server's account trail (account_audit) is kept three years (domain.md §10) in the same run.

const PAGE = 2000;

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

interface Entry {
  id: string;
  seq: number;
  center: string | null;
  device: string;
  at: string;
  action: string;
  prevHash: string;
  hash: string;
  fields: Record<string, unknown>;
}

async function* entries(db: Db): AsyncGenerator<Entry> {
  let after = 0;
  for (;;) {
    const rows = await auditRowsAfter(db, after, PAGE);
    for (const r of rows) {
      const d = JSON.parse(r.data) as Record<string, unknown>;
      yield {
        id: r.row_id,
        seq: Number(r.seq),
        center: r.scope_center,
        device: str(d['device_id']),
        at: str(d['at']),
        action: str(d['action']),
        prevHash: str(d['prev_hash']),
        hash: str(d['hash']),
        fields: d,
      };
    }
    if (rows.length < PAGE) return;
    after = Number(rows[rows.length - 1]?.seq);
  }
}

export interface ServerPurgeResult {
  purged: number;
  anchors: number;
  /** account_audit entries older than ACCOUNT_AUDIT_YEARS removed. */
  accountAudit: number;
}

/** domain.md §10: changes of roles and permissions are kept three years. */
export const ACCOUNT_AUDIT_YEARS = 3;

export async function purgeServerAudit(
  db: ServerDb,
  dialect: SqlDialect,
  now: Date,
): Promise<ServerPurgeResult> {
  return db.transaction().execute(async (trx) => {
    // Under the sequencer lock: no push adds to a chain while its runs are cut.
    await lockSequencer(trx, dialect);
    const horizons = new Map<string | null, { before: string; accessBefore: string }>();
    const settings = await centerSettings(trx);
    const horizonOf = (center: string | null) => {
      let h = horizons.get(center);
      if (!h) {
        const s = auditSettingsFrom(center === null ? null : settings.get(center));
        h = {
          before: retentionHorizon(now, s.retentionYears),
          accessBefore: retentionHorizon(now, s.accessRetentionYears),
        };
        horizons.set(center, h);
      }
      return h;
    };
    // Kept whatever their age: each device's newest entry here, and the head its next entry links to.
    const keep = new Set((await allChainHeads(trx)).map((h) => h.head_id));
    const newest = new Map<string, string>();
    for await (const e of entries(trx)) newest.set(e.device, e.id);
    for (const id of newest.values()) keep.add(id);

    const runs = new Map<string, { after: string; id: string; at: string; hash: string; count: number }>();
    const anchors: NewAnchor[] = [];
    const gone: string[] = [];
    const at = now.toISOString();
    const close = (device: string) => {
      const run = runs.get(device);
      if (!run) return;
      anchors.push({
        deviceId: device,
        reason: 'purged',
        afterHash: run.after,
        lastHash: run.hash,
        lastId: run.id,
        lastAt: run.at,
        entries: run.count,
        at,
      });
      runs.delete(device);
    };
    for await (const e of entries(trx)) {
      const h = horizonOf(e.center);
      const expired = e.at < (isAccessAction(e.action) ? h.accessBefore : h.before);
      if (!expired || keep.has(e.id)) {
        close(e.device);
        continue;
      }
      const run = runs.get(e.device);
      runs.set(e.device, {
        after: run ? run.after : e.prevHash,
        id: e.id,
        at: e.at,
        hash: e.hash,
        count: (run?.count ?? 0) + 1,
      });
      gone.push(e.id);
    }
    for (const device of [...runs.keys()]) close(device);
    await insertAnchors(trx, anchors);
    await tombstoneAuditRows(trx, gone, at);
    const accountAudit = await deleteAccountAuditBefore(trx, retentionHorizon(now, ACCOUNT_AUDIT_YEARS));
    return { purged: gone.length, anchors: anchors.length, accountAudit };
  });
}

export type ServerChainCheck =
  | { ok: true; entries: number; devices: number; gaps: number }
  | { ok: false; entries: number; id: string; deviceId: string; reason: 'link' | 'content' };

/**
 * Walks each device's chain in the server's copy (seq order) and returns the first entry whose content
 * or link does not check out; a link across a gap is accepted when the anchors lead across it.
 */
export async function verifyServerAudit(db: ServerDb): Promise<ServerChainCheck> {
  const bridges = new Map<string, Map<string, string>>();
  for (const a of await db
    .selectFrom('audit_anchors')
    .select(['device_id', 'after_hash', 'last_hash'])
    .execute()) {
    const m = bridges.get(a.device_id) ?? new Map<string, string>();
    m.set(a.last_hash, a.after_hash);
    bridges.set(a.device_id, m);
  }
  const bridged = (device: string, from: string, to: string): boolean => {
    const m = bridges.get(device);
    let hash = to;
    for (let steps = 0; m && steps <= m.size; steps++) {
      const before = m.get(hash);
      if (before === undefined) return false;
      if (before === from) return true;
      hash = before;
    }
    return false;
  };
  const heads = new Map<string, string>();
  let count = 0;
  let gaps = 0;
  for await (const e of entries(db)) {
    count++;
    const prev = heads.get(e.device) ?? GENESIS_HASH;
    if (e.prevHash !== prev) {
      if (!bridged(e.device, prev, e.prevHash))
        return { ok: false, entries: count, id: e.id, deviceId: e.device, reason: 'link' };
      gaps++;
    }
    const recomputed = entryHash(e.prevHash, { ...(e.fields as Parameters<typeof entryHash>[1]), id: e.id });
    if (recomputed !== e.hash)
      return { ok: false, entries: count, id: e.id, deviceId: e.device, reason: 'content' };
    heads.set(e.device, e.hash);
  }
  return { ok: true, entries: count, devices: heads.size, gaps };
}
