import { sql, type Kysely, type RawBuilder } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../schema.ts';

// The retention purge (domain.md §10: entries kept two years, changes of roles and permissions three).
// The only way rows leave `audit_entries`: inside one transaction it records the horizons in the control
// row (which the delete trigger reads), removes the expired entries, leaves an anchor for each run of
// removed entries (what its first entry linked to, and its last entry's hash) so the chain stays
// verifiable, and clears the horizons again. A device's newest entry
// is always kept: it is the head the device's next entry links to.

export interface PurgeHorizons {
  /** Ordinary entries older than this instant have expired. */
  before: string;
  /** Changes of roles and permissions (`account.*`) older than this instant have expired. */
  accessBefore: string;
}

export interface PurgeResult {
  purged: number;
  anchors: number;
}

const PAGE = 5000;

function expired(h: PurgeHorizons): RawBuilder<boolean> {
  return sql<boolean>`(case when substr(action, 1, 8) = 'account.' then at < ${h.accessBefore} else at < ${h.before} end)`;
}

/** How many entries have expired (what a purge would remove, heads of chains aside). */
export async function countExpiredAudit(db: Kysely<Database>, h: PurgeHorizons): Promise<number> {
  const row = await db
    .selectFrom('audit_entries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(sql<boolean>`(at < ${h.before} or at < ${h.accessBefore})`)
    .where(expired(h))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function purgeExpiredAudit(
  db: Kysely<Database>,
  h: PurgeHorizons,
  now: string,
): Promise<PurgeResult> {
  return db.transaction().execute(async (trx) => {
    // The `at < earliest-of-both` prefilter lets the `at` index find the candidates.
    const candidates = await trx
      .selectFrom('audit_entries')
      .select(['device_id', sql<number>`max(rowid)`.as('last_expired')])
      .where(sql<boolean>`(at < ${h.before} or at < ${h.accessBefore})`)
      .where(expired(h))
      .groupBy('device_id')
      .execute();
    if (candidates.length === 0) return { purged: 0, anchors: 0 };

    await trx
      .updateTable('audit_retention')
      .set({ purge_before: h.before, access_purge_before: h.accessBefore })
      .where('id', '=', 1)
      .execute();
    let purged = 0;
    let anchors = 0;
    for (const c of candidates) {
      const head = await trx
        .selectFrom('audit_entries')
        .select(sql<number>`max(rowid)`.as('rid'))
        .where('device_id', '=', c.device_id)
        .executeTakeFirstOrThrow();
      const limit = Math.min(Number(c.last_expired), Number(head.rid) - 1);
      if (limit < 1) continue;
      // Runs of consecutive expired entries in the device's chain; each run's last entry is the anchor.
      const empty = { after: '', id: '', at: '', hash: '', count: 0 };
      const runEnds: Array<typeof empty> = [];
      let run = empty;
      let after = 0;
      for (;;) {
        const rows = await trx
          .selectFrom('audit_entries')
          .select(['id', 'at', 'prev_hash', 'hash', sql<number>`rowid`.as('rid'), expired(h).as('gone')])
          .where('device_id', '=', c.device_id)
          .where(sql<boolean>`rowid > ${after} and rowid <= ${limit}`)
          .orderBy(sql`rowid`)
          .limit(PAGE)
          .execute();
        for (const r of rows) {
          if (r.gone) {
            const after = run.count > 0 ? run.after : r.prev_hash;
            run = { after, id: r.id, at: r.at, hash: r.hash, count: run.count + 1 };
          } else if (run.count > 0) {
            runEnds.push(run);
            run = empty;
          }
        }
        if (rows.length < PAGE) break;
        after = Number(rows[rows.length - 1]?.rid);
      }
      if (run.count > 0) runEnds.push(run);
      if (runEnds.length === 0) continue;
      await trx
        .insertInto('audit_anchors')
        .values(
          runEnds.map((e) => ({
            id: uuidv7(),
            device_id: c.device_id,
            after_hash: e.after,
            last_hash: e.hash,
            last_id: e.id,
            last_at: e.at,
            purged: e.count,
            created_at: now,
          })),
        )
        .execute();
      anchors += runEnds.length;
      // Synced entries leave their key behind: the checksums count them while the server holds them (a
      // seq-0 mark, left when the server's tombstone came first, stays: electron/services/sync/audit-tombstones.ts).
      await trx
        .insertInto('audit_purged')
        .columns(['id', 'seq', 'center_code', 'actor_id'])
        .expression((eb) =>
          eb
            .selectFrom('audit_entries')
            .select(['id', 'seq', 'center_code', 'actor_id'])
            .where('device_id', '=', c.device_id)
            .where(sql<boolean>`rowid <= ${limit}`)
            .where(expired(h))
            .where('seq', '>', 0),
        )
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      const deleted = await trx
        .deleteFrom('audit_entries')
        .where('device_id', '=', c.device_id)
        .where(sql<boolean>`rowid <= ${limit}`)
        .where(expired(h))
        .executeTakeFirst();
      purged += Number(deleted.numDeletedRows);
    }
    await trx
      .updateTable('audit_retention')
      .set({ purge_before: null, access_purge_before: null })
      .where('id', '=', 1)
      .execute();
    return { purged, anchors };
  });
}
