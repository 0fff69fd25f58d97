import { z } from 'zod';
import type { Jobseeker } from '../domain/jobseeker.ts';
import { MERGE_FIELDS, type MergeField } from '../sync/merge.ts';
import { DISMISS_REASON_MAX } from '../sync/tables/merges.ts';
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

/** A pair a supervisor judged to be two different people (다른 사람), until taken back. */
export interface DismissedPair {
  id: string;
  seq: number;
  /** Null: the case is no longer on this desktop (transferred, or merged into another). */
  a: DuplicateSide | null;
  b: DuplicateSide | null;
  reason: string;
  dismissedByName: string | null;
  dismissedAt: string;
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
  /** The pair is two people (다른 사람): it leaves the duplicate list of everyone at the center. */
  'merges:dismiss': channel<{ id: string }>()({
    surface: 'desk',
    access: ['supervisor'],
    input: z
      .object({
        a: caseId,
        b: caseId,
        reason: z
          .string()
          .trim()
          .min(1, 'merges.dismiss.reasonRequired')
          .max(DISMISS_REASON_MAX, 'merges.dismiss.reasonTooLong'),
      })
      .strict()
      .refine((v) => v.a !== v.b, { message: 'merges.sameCase', path: ['b'] }),
  }),
  /** The center's dismissed pairs, to take one back. */
  'merges:dismissed': channel<DismissedPair[]>()({
    surface: 'desk',
    access: ['supervisor'],
    input: z.object({}).strict(),
  }),
  /** Takes a dismissal back: the pair is suggested again. */
  'merges:undoDismiss': channel<{ id: string }>()({
    surface: 'desk',
    access: ['supervisor'],
    input: z.object({ id: z.string().uuid('validation.required'), seq: z.number().int().min(0) }).strict(),
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
