import type { SyncRow } from '../../db/server/repositories/sync.ts';
import { caseChildTables } from '../../shared/sync/merge.ts';
import type { Mutation, MutationResult } from '../../shared/sync/protocol.ts';
import type { PushWork } from './push-work.ts';
import { Refusal, openReview, sameValue, type Meta, type SyncCaller } from './rows.ts';

// What a desktop that has not seen a merge yet still sends for the merged-away case (issue 16 item 5):
// nothing of it is lost.
// - A record added to, or pointed at, the merged case goes to the survivor (its case column rewritten
//   before any check, so it is checked and scoped as the survivor's).
// - An edit of the merged case lands on the survivor, field by field: a field the survivor has not
//   changed since the editor's view is applied there (by the usual rules); one the survivor changed
//   since (the merge chose a value, or someone edited it) becomes a review item on the survivor holding
//   both values and both authors, for a person to decide.

const CASE_FIELDS = new Map<string, string[]>();
for (const c of caseChildTables()) CASE_FIELDS.set(c.table, [...(CASE_FIELDS.get(c.table) ?? []), c.field]);

/** The case a merged case lives on in (following merges of merges), or null for a live case. */
export async function survivorRow(work: PushWork, row: SyncRow | undefined): Promise<SyncRow | null> {
  let current = row;
  let moved = false;
  for (let depth = 0; current && depth < 8; depth++) {
    const next = (JSON.parse(current.data) as Record<string, unknown>)['merged_into'];
    if (typeof next !== 'string') return moved ? current : null;
    current = await work.getRow('jobseekers', next);
    moved = true;
  }
  return moved && current ? current : null;
}

/** The mutation with every case column naming a merged case pointed at its survivor. */
export async function redirectCaseFields(work: PushWork, m: Mutation): Promise<Mutation> {
  const fields = CASE_FIELDS.get(m.table);
  if (!fields) return m;
  let out = m;
  for (const f of fields) {
    const id = m.fields[f];
    if (typeof id !== 'string') continue;
    const survivor = await survivorRow(work, await work.getRow('jobseekers', id));
    if (survivor) out = { ...out, fields: { ...out.fields, [f]: survivor.row_id } };
  }
  return out;
}

export async function redirectCaseEdit(
  work: PushWork,
  caller: SyncCaller,
  m: Mutation,
  merged: SyncRow,
  survivor: SyncRow,
  apply: (m: Mutation) => Promise<MutationResult>,
  now: string,
): Promise<MutationResult> {
  if (survivor.deleted_at) throw new Refusal('deleted');
  const data = JSON.parse(survivor.data) as Record<string, unknown>;
  const meta = JSON.parse(survivor.field_meta) as Meta;
  const lands: Mutation['fields'] = {};
  const held: string[] = [];
  for (const [field, value] of Object.entries(m.fields)) {
    if (sameValue(data[field], value)) continue;
    if ((meta[field]?.seq ?? 0) > m.baseSeq) {
      await openReview(
        work,
        {
          kind: 'conflict',
          table: 'jobseekers',
          rowId: survivor.row_id,
          about: survivor,
          scope: survivor,
          field,
          kept: data[field],
          keptAuthor: meta[field]?.author ?? '',
          keptHlc: meta[field]?.hlc ?? null,
          held: value,
          heldAuthor: caller.userId,
          heldHlc: m.hlc,
          detail: { mergedFrom: merged.row_id },
          caseId: survivor.row_id,
        },
        now,
      );
      held.push(field);
    } else lands[field] = value;
  }
  const landed =
    Object.keys(lands).length > 0
      ? await apply({ ...m, rowId: survivor.row_id, fields: lands, baseSeq: Number(survivor.seq) })
      : { clientSeq: m.clientSeq, status: 'applied' as const, seq: Number(survivor.seq) };
  if (held.length === 0 || landed.status === 'refused') return landed;
  return {
    clientSeq: m.clientSeq,
    status: 'review',
    seq: landed.seq ?? Number(survivor.seq),
    reviewFields: [...(landed.reviewFields ?? []), ...held],
  };
}
