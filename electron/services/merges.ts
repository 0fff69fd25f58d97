import { uuidv7 } from 'uuidv7';
import { getJobseeker, getJobseekerRow } from '../../db/repositories/jobseekers.ts';
import {
  countCaseChildren,
  findDuplicatePairs,
  moveCaseChildren,
  sharedOpening,
} from '../../db/repositories/merges.ts';
import { dismissedPairKeys, pairKey } from '../../db/repositories/merge-dismissals.ts';
import { nextHlc } from '../../db/repositories/outbox.ts';
import { appendSyncOutbox } from '../../db/repositories/sync-lifecycle.ts';
import type { JobseekerRow } from '../../db/schema.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import type {
  DuplicatePair,
  DuplicateSide,
  MergeDone,
  MergePreview,
  MergeSide,
} from '../../shared/contract/merges.ts';
import { AppFailure } from '../../shared/contract/result.ts';
import {
  MERGE_FIELDS,
  MERGE_TABLE,
  type MergeField,
  type MergeFields,
  type MergeValues,
} from '../../shared/sync/merge.ts';
import { accessibleJobseeker, caseScope } from './case-access.ts';
import { isoNow, type ServiceContext } from './context.ts';
import { auditAction } from './synced-writes.ts';

// Merging duplicate cases (issue 16 item 5). The list shows likely pairs of the caller's center; a
// supervisor opens a pair side by side, picks the surviving value of each personal field, and merges:
// in ONE local transaction the survivor takes the chosen values, the other case becomes a tombstone
// pointing at it (merged_into, archived), every record of the other case moves to the survivor, one
// outbox entry carries the whole merge to the server (shared/sync/merge.ts), and the audit entry names
// both ids. The server applies it as one sequenced write and sends every desktop the moved rows.

const PAIR_LIMIT = 200;

export function side(row: JobseekerRow, names: Map<string, string>): DuplicateSide {
  return {
    id: row.id,
    regNo: row.reg_no,
    name: row.name,
    birthYear: row.birth_year,
    phone: row.phone,
    registeredAt: row.registered_at,
    assignedCounselorName: row.assigned_counselor_id ? (names.get(row.assigned_counselor_id) ?? null) : null,
  };
}

export async function listDuplicatePairs(ctx: ServiceContext, actor: SessionInfo): Promise<DuplicatePair[]> {
  caseScope(actor);
  // Pairs a supervisor judged to be two people (다른 사람) are left out for everyone at the center.
  const dismissed = await dismissedPairKeys(ctx.db, actor.centerCode);
  const pairs = (await findDuplicatePairs(ctx.db, actor.centerCode, PAIR_LIMIT)).filter(
    (p) => !dismissed.has(pairKey(p.aId, p.bId)),
  );
  const ids = [...new Set(pairs.flatMap((p) => [p.aId, p.bId]))];
  const rows = new Map<string, JobseekerRow>();
  for (let i = 0; i < ids.length; i += 400) {
    const found = await ctx.db
      .selectFrom('jobseekers')
      .selectAll()
      .where('id', 'in', ids.slice(i, i + 400))
      .execute();
    for (const r of found) rows.set(r.id, r);
  }
  const users = await ctx.db.selectFrom('users').select(['id', 'display_name']).execute();
  const names = new Map(users.map((u) => [u.id, u.display_name]));
  const out: DuplicatePair[] = [];
  for (const p of pairs) {
    const a = rows.get(p.aId);
    const b = rows.get(p.bId);
    if (a && b) out.push({ a: side(a, names), b: side(b, names), cues: p.cues });
  }
  out.sort((x, y) => y.cues.length - x.cues.length || x.a.name.localeCompare(y.a.name, 'ko'));
  // A list of names and phones of several people: one audit entry with the count, never the names.
  await auditAction(ctx.db, ctx, actor, {
    action: 'jobseeker.merge.list',
    subjectType: 'jobseeker-list',
    subjectId: null,
    detail: { rows: out.length },
  });
  return out;
}

async function mergeSide(ctx: ServiceContext, id: string): Promise<MergeSide> {
  const jobseeker = await getJobseeker(ctx.db, id);
  if (!jobseeker) throw new AppFailure({ code: 'not-found', message: 'jobseekers.notFound' });
  return { jobseeker, records: await countCaseChildren(ctx.db, id) };
}

function supervisorOnly(actor: SessionInfo): void {
  caseScope(actor);
  if (actor.role !== 'supervisor')
    throw new AppFailure({ code: 'forbidden', message: 'merges.supervisorOnly' });
}

/** A live case of the supervisor's own center (a merge never crosses centers). */
async function mergeable(ctx: ServiceContext, actor: SessionInfo, id: string, field: string) {
  const row = await accessibleJobseeker(ctx.db, actor, id, { field });
  if (row.center_code !== actor.centerCode)
    throw new AppFailure({ code: 'not-found', message: 'jobseekers.notFound', field });
  if (row.merged_into !== null)
    throw new AppFailure({ code: 'conflict', message: 'merges.alreadyMerged', field });
  return row;
}

export async function previewMerge(
  ctx: ServiceContext,
  actor: SessionInfo,
  a: string,
  b: string,
): Promise<MergePreview> {
  supervisorOnly(actor);
  await mergeable(ctx, actor, a, 'a');
  await mergeable(ctx, actor, b, 'b');
  const preview = { a: await mergeSide(ctx, a), b: await mergeSide(ctx, b), fields: MERGE_FIELDS };
  for (const id of [a, b]) {
    await auditAction(ctx.db, ctx, actor, {
      action: 'jobseeker.read',
      subjectType: 'jobseeker',
      subjectId: id,
      personId: id,
      detail: { for: 'merge' },
    });
  }
  return preview;
}

export async function mergeCases(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { survivorId: string; mergedId: string; take: MergeField[]; survivorSeq: number; mergedSeq: number },
): Promise<MergeDone> {
  supervisorOnly(actor);
  const done = await ctx.db.transaction().execute(async (trx) => {
    const survivor = await mergeable({ ...ctx, db: trx }, actor, input.survivorId, 'survivorId');
    const merged = await mergeable({ ...ctx, db: trx }, actor, input.mergedId, 'mergedId');
    // What the supervisor looked at must still be what is here (a pull may have changed either since).
    if (Number(survivor.seq) !== input.survivorSeq || Number(merged.seq) !== input.mergedSeq)
      throw new AppFailure({ code: 'conflict', message: 'merges.changedMeanwhile' });
    if (await sharedOpening(trx, survivor.id, merged.id))
      throw new AppFailure({ code: 'conflict', message: 'merges.sameOpening' });
    const values: MergeValues = {};
    for (const f of new Set(input.take)) {
      if (merged[f] !== survivor[f]) values[f] = merged[f];
    }
    const hlc = await nextHlc(trx, ctx.deviceId, ctx.now().getTime());
    const at = isoNow(ctx);
    if (Object.keys(values).length > 0)
      await trx
        .updateTable('jobseekers')
        .set({ ...values, hlc, updated_at: at } as never)
        .where('id', '=', survivor.id)
        .execute();
    await trx
      .updateTable('jobseekers')
      .set({ merged_into: survivor.id, archived: 1, hlc })
      .where('id', '=', merged.id)
      .execute();
    const moved = await moveCaseChildren(trx, merged.id, survivor.id);
    const fields: MergeFields = {
      survivor_id: survivor.id,
      merged_id: merged.id,
      values: JSON.stringify(values),
      survivor_base_seq: input.survivorSeq,
      merged_base_seq: input.mergedSeq,
    };
    await appendSyncOutbox(trx, {
      table: MERGE_TABLE,
      rowId: uuidv7(),
      op: 'insert',
      fields,
      hlc,
      baseSeq: 0,
      createdAt: at,
    });
    await auditAction(trx, ctx, actor, {
      action: 'jobseeker.merge',
      subjectType: 'jobseeker',
      subjectId: survivor.id,
      personId: survivor.id,
      detail: { mergedId: merged.id, moved, fields: Object.keys(values) },
    });
    return { survivorId: survivor.id, mergedId: merged.id, moved };
  });
  ctx.sync?.scheduler.kick();
  return done;
}

/** The case a merged-away id now lives in (opening the old record shows the survivor). */
export async function survivorOf(ctx: ServiceContext, id: string): Promise<string | null> {
  let current = await getJobseekerRow(ctx.db, id);
  for (let depth = 0; current?.merged_into && depth < 8; depth++) {
    const next = await getJobseekerRow(ctx.db, current.merged_into);
    if (!next) return current.merged_into;
    current = next;
  }
  return current && current.id !== id ? current.id : null;
}

/** The survivor of a merged case the caller may see (else not-found, as for any case), or null. */
export async function survivorFor(
  ctx: ServiceContext,
  actor: SessionInfo,
  id: string,
): Promise<string | null> {
  await accessibleJobseeker(ctx.db, actor, id, { archived: true });
  return survivorOf(ctx, id);
}
