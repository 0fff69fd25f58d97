import { sql } from 'kysely';
import type { OpenedServerDb } from '../../../db/server/connection.ts';
import type { Rng } from '../../../electron/services/demo/random.ts';
import { mergeCases } from '../../../electron/services/merges.ts';
import type { DesktopStore } from '../../../electron/services/store.ts';
import type { SessionInfo } from '../../../shared/contract/auth.ts';
import { AppFailure } from '../../../shared/contract/result.ts';
import { MERGE_FIELDS, caseChildTables } from '../../../shared/sync/merge.ts';

// The simulation's merge operation (issue 16 item 5): the center's supervisor merges two live cases it
// holds, choosing some fields from the merged one, while the counselors' desktops go on editing both
// (a record added to, or an edit of, the merged case arrives after the merge and is redirected to the
// survivor or held in review: server/sync/redirect.ts). And the invariants it adds: no record on any
// desktop or live on the server still names a merged-away case (every child moved exactly once), and
// every merged-away case is an archived tombstone pointing at a case.

interface SimDesk {
  name: string;
  store: DesktopStore;
  session: SessionInfo;
}

/** One merge on the supervisor's desktop; false when there was nothing to merge (or the app refused). */
export async function mergeSome(sup: SimDesk, rng: Rng): Promise<boolean> {
  const ctx = sup.store.context;
  const live = await ctx.db
    .selectFrom('jobseekers')
    .select(['id', 'seq'])
    .where('center_code', '=', sup.session.centerCode)
    .where('archived', '=', 0)
    .where('merged_into', 'is', null)
    .orderBy('id')
    .execute();
  if (live.length < 2) return false;
  const survivor = rng.pick(live);
  const merged = rng.pick(live.filter((r) => r.id !== survivor.id));
  if (!merged) return false;
  try {
    await mergeCases(ctx, sup.session, {
      survivorId: survivor.id,
      mergedId: merged.id,
      take: MERGE_FIELDS.filter(() => rng.chance(0.3)),
      survivorSeq: Number(survivor.seq),
      mergedSeq: Number(merged.seq),
    });
    return true;
  } catch (error) {
    // Changed meanwhile, referred to the same opening...: the supervisor's answer, nothing written.
    if (error instanceof AppFailure) return false;
    throw error;
  }
}

/** Server merges of the center, merged id → survivor id. */
export async function serverMerges(opened: OpenedServerDb): Promise<Map<string, string>> {
  const rows = await opened.db.selectFrom('case_merges').select(['merged_id', 'survivor_id']).execute();
  return new Map(rows.map((r) => [r.merged_id, r.survivor_id]));
}

/** Where a case now lives, following merges of merges (the id itself when it was never merged). */
export function survivorOf(merges: Map<string, string>, id: string): string {
  let current = id;
  for (let depth = 0; depth < 16; depth++) {
    const next = merges.get(current);
    if (!next) return current;
    current = next;
  }
  return current;
}

/** The case and every case it was merged into after it, in order (the last one is where it lives). */
export function mergeChain(merges: Map<string, string>, id: string): string[] {
  const out = [id];
  for (let depth = 0; depth < 16; depth++) {
    const next = merges.get(out[out.length - 1] ?? '');
    if (!next) break;
    out.push(next);
  }
  return out;
}

/** Records naming a merged-away case, on each desktop and live on the server; merged cases' shape. */
export async function mergeOrphans(
  desks: readonly SimDesk[],
  opened: OpenedServerDb,
  centers: string[],
): Promise<string[]> {
  const problems: string[] = [];
  const merges = await serverMerges(opened);
  for (const d of desks) {
    for (const c of caseChildTables()) {
      const rows = await sql<{ id: string }>`select c.id as id from ${sql.table(c.table)} c
        join jobseekers j on j.id = c.${sql.ref(c.field)} where j.merged_into is not null`.execute(
        d.store.db,
      );
      for (const r of rows.rows)
        problems.push(`${d.name}: ${c.table} ${r.id} still names a merged-away case (${c.field})`);
    }
    const tombstones = await d.store.db
      .selectFrom('jobseekers')
      .select(['id', 'archived', 'merged_into'])
      .where('merged_into', 'is not', null)
      .execute();
    for (const t of tombstones)
      if (t.archived !== 1) problems.push(`${d.name}: merged-away case ${t.id} is not archived`);
  }
  const tables = [...new Set(caseChildTables().map((c) => c.table))];
  const rows = await opened.db
    .selectFrom('sync_rows')
    .select(['table_name', 'row_id', 'data'])
    .where('deleted_at', 'is', null)
    .where('scope_center', 'in', centers)
    .where('table_name', 'in', [...tables, 'jobseekers'])
    .execute();
  for (const r of rows) {
    const data = JSON.parse(r.data) as Record<string, unknown>;
    if (r.table_name === 'jobseekers') {
      if (merges.has(r.row_id) && (data['merged_into'] !== merges.get(r.row_id) || data['archived'] !== 1))
        problems.push(`server: merged-away case ${r.row_id} is not an archived tombstone to its survivor`);
      continue;
    }
    for (const c of caseChildTables()) {
      if (c.table !== r.table_name) continue;
      const named = data[c.field];
      if (typeof named === 'string' && merges.has(named))
        problems.push(`server: live ${r.table_name} ${r.row_id} still names merged-away case ${named}`);
    }
  }
  return problems;
}
