import { z } from 'zod';
import { REFERENCES } from './references.ts';
import { SYNC_TABLES, type SyncedTable } from './tables.ts';

// Merging two records of one person (issue 16 item 5): a supervisor keeps one case (the survivor),
// picks the surviving value of each personal field, and every record of the other case moves to the
// survivor; the other becomes a tombstone that points to it (`merged_into`, archived). The merge travels
// as ONE queued write to the pseudo-table below and the server applies it as one sequenced write
// (server/sync/merge.ts); the desktop makes the same move locally (electron/services/merge.ts).

/** The outbox pseudo-table a merge travels to (like review_resolutions). */
export const MERGE_TABLE = 'case_merges';

/** The personal fields whose surviving value the supervisor chooses (descriptive, changeable by push). */
export const MERGE_FIELDS = [
  'name',
  'birth_year',
  'gender',
  'phone',
  'email',
  'sido',
  'sigungu',
  'desired_occupation',
  'desired_wage',
  'mobile',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

const id = z.string().min(1).max(64);

/** A merge as queued: the two cases, the values the survivor takes from the other, what each side saw. */
export const mergeFieldsSchema = z
  .object({
    survivor_id: id,
    merged_id: id,
    /**
     * The values the survivor takes, as JSON text (a change's fields are flat): an object of
     * MERGE_FIELDS only (mergeValuesSchema), each checked against the jobseeker's declaration.
     */
    values: z.string().max(20_000),
    survivor_base_seq: z.number().int().min(0),
    merged_base_seq: z.number().int().min(0),
  })
  .strict();
export type MergeFields = z.infer<typeof mergeFieldsSchema>;

export const mergeValuesSchema = z.partialRecord(
  z.enum(MERGE_FIELDS),
  z.union([z.string(), z.number(), z.null()]),
);
export type MergeValues = z.infer<typeof mergeValuesSchema>;

/** The values of a queued merge, or null when they are not an object of MERGE_FIELDS. */
export function parseMergeValues(text: string): MergeValues | null {
  try {
    const parsed = mergeValuesSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A table whose records belong to a case, and the column naming it. */
export interface CaseChild {
  table: SyncedTable;
  field: string;
  /** The case is the record's scope parent (its scope follows the case); else a plain reference. */
  parent: boolean;
}

/**
 * Every table holding records of a case, read from the sync declarations: the tables whose scope parent
 * is the jobseeker (notes, assessments, consents, referrals, placements, appointments...) and those
 * naming a jobseeker by reference (check-ins). A new child table declared there is moved by a merge
 * without touching this code.
 */
export function caseChildTables(): CaseChild[] {
  const out: CaseChild[] = [];
  for (const [table, rule] of Object.entries(SYNC_TABLES) as Array<
    [SyncedTable, (typeof SYNC_TABLES)[SyncedTable]]
  >) {
    const scope = rule.scope as { kind: string; parentTable?: string; parentField?: string };
    if (scope.kind === 'parent' && scope.parentTable === 'jobseekers' && scope.parentField)
      out.push({ table, field: scope.parentField, parent: true });
  }
  for (const [table, refs] of Object.entries(REFERENCES) as Array<[SyncedTable, Record<string, string>]>) {
    for (const [field, target] of Object.entries(refs))
      if (target === 'jobseekers' && !out.some((c) => c.table === table && c.field === field))
        out.push({ table, field, parent: false });
  }
  return out;
}
