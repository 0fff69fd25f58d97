import { z } from 'zod';
import type { Jobseeker } from '../domain/jobseeker.ts';
import { MERGE_FIELDS, type MergeField } from '../sync/merge.ts';
import { channel } from './channel.ts';

// Merging duplicate cases (issue 16 item 5): the likely pairs of the center, both records side by side,
// and the merge itself (supervisors only; electron/services/merges.ts).

export type DuplicateCue = 'name-birthYear' | 'phone' | 'regNo';

/** One side of a likely pair, as the list shows it. */
export interface DuplicateSide {
  id: string;
  regNo: string;
  name: string;
  birthYear: number;
  phone: string | null;
  registeredAt: string;
  assignedCounselorName: string | null;
}

export interface DuplicatePair {
  a: DuplicateSide;
  b: DuplicateSide;
  cues: DuplicateCue[];
}

export interface MergeSide {
  jobseeker: Jobseeker;
  /** Records per child table (notes, assessments, referrals...): what moves to the survivor. */
  records: Record<string, number>;
}

export interface MergePreview {
  a: MergeSide;
  b: MergeSide;
  fields: readonly MergeField[];
}

export interface MergeDone {
  survivorId: string;
  mergedId: string;
  moved: number;
}

const caseId = z.string().uuid('validation.required');

export const mergesChannels = {
  /** Where a merged-away case now lives (opening the old record shows the survivor); null: a live case. */
  'merges:survivor': channel<{ survivorId: string | null }>()({
    surface: 'desk',
    access: ['counselor', 'supervisor'],
    input: z.object({ id: caseId }).strict(),
  }),
  'merges:duplicates': channel<DuplicatePair[]>()({
    surface: 'desk',
    access: ['counselor', 'supervisor'],
    input: z.object({}).strict(),
  }),
  'merges:preview': channel<MergePreview>()({
    surface: 'desk',
    access: ['supervisor'],
    input: z
      .object({ a: caseId, b: caseId })
      .strict()
      .refine((v) => v.a !== v.b, { message: 'merges.sameCase', path: ['b'] }),
  }),
  /** `take`: the fields whose surviving value is the merged case's (the others keep the survivor's). */
  'merges:merge': channel<MergeDone>()({
    surface: 'desk',
    access: ['supervisor'],
    input: z
      .object({
        survivorId: caseId,
        mergedId: caseId,
        take: z.array(z.enum(MERGE_FIELDS, { message: 'merges.unknownField' })).max(MERGE_FIELDS.length),
        survivorSeq: z.number().int().min(0),
        mergedSeq: z.number().int().min(0),
      })
      .strict()
      .refine((v) => v.survivorId !== v.mergedId, { message: 'merges.sameCase', path: ['mergedId'] }),
  }),
};
