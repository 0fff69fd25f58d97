import { z } from 'zod';
import { channel } from './channel.ts';
import { searchQuerySchema } from './search.ts';
import { daySchema } from '../domain/day.ts';
import {
  MAX_BULK,
  jobseekerFilterSchema,
  savedFilterInputSchema,
  type SavedFilter,
} from '../domain/jobseeker-filters.ts';
import { taskFieldsSchema, type InboxCounts, type InboxPage, type Task } from '../domain/tasks.ts';
import type { ExportFile } from '../reports/definitions.ts';
import { closeCasesSchema } from '../casework/lifecycle.ts';

// The counselor's day around the list (issue 16 items 2, 6, 7): to-do items and the inbox, saved
// searches of the jobseeker list, and the supervisors' bulk actions on it.

const CASE_ROLES = ['counselor', 'supervisor'] as const;
const id = z.string().uuid('validation.id');
const baseSeq = z.number().int().min(0);

/** Cases picked one by one, or every case matching the list's search and filters. */
export const bulkSelectionSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('ids'),
      ids: z.array(id).min(1, 'bulk.validation.none').max(MAX_BULK, 'bulk.validation.tooMany'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('filter'),
      query: searchQuerySchema(50),
      filter: jobseekerFilterSchema.default({}),
      mine: z.boolean().default(false),
    })
    .strict(),
]);
export type BulkSelection = z.output<typeof bulkSelectionSchema>;

export interface BulkResult {
  /** Cases the selection named. */
  selected: number;
  /** Cases changed (the others already had that counselor). */
  changed: number;
  /** Cases left out: of another center, archived, or not found. */
  skipped: number;
}

export const worklistChannels = {
  'inbox:list': channel<InboxPage & { later: Task[] }>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z.object({}).strict(),
  }),
  'inbox:counts': channel<InboxCounts>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z.object({}).strict(),
    background: true,
  }),
  'tasks:create': channel<Task>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: taskFieldsSchema.extend({ assigneeId: id.optional() }).strict(),
  }),
  'tasks:setDone': channel<Task>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z.object({ id, baseSeq, done: z.boolean() }).strict(),
  }),
  'tasks:snooze': channel<Task>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z.object({ id, baseSeq, until: daySchema('validation.date').nullable() }).strict(),
  }),
  'tasks:reassign': channel<Task>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z.object({ id, baseSeq, assigneeId: id }).strict(),
  }),
  'filters:list': channel<SavedFilter[]>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z.object({}).strict(),
  }),
  'filters:save': channel<SavedFilter>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: savedFilterInputSchema,
  }),
  'filters:delete': channel<null>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z.object({ id }).strict(),
  }),
  'jobseekers:bulkAssign': channel<BulkResult>()({
    surface: 'desk',
    access: ['supervisor'],
    input: z.object({ selection: bulkSelectionSchema, counselorId: id.nullable() }).strict(),
  }),
  // 일괄 종결: the selection closed with one reason (issue 16 items 3 and 6), case by case as a single close.
  'jobseekers:bulkClose': channel<BulkResult>()({
    surface: 'desk',
    access: ['supervisor'],
    input: closeCasesSchema
      .omit({ jobseekerIds: true })
      .extend({ selection: bulkSelectionSchema })
      .strict()
      .refine((v) => v.reason !== 'no-contact' || v.noContactMonths !== null, {
        message: 'lifecycle.validation.months',
        path: ['noContactMonths'],
      })
      .refine((v) => v.reason !== 'other' || v.text.length > 0, {
        message: 'lifecycle.validation.otherText',
        path: ['text'],
      }),
  }),
  'jobseekers:bulkExport': channel<ExportFile & { skipped: number }>()({
    surface: 'desk',
    access: ['supervisor'],
    input: z
      .object({
        selection: bulkSelectionSchema,
        purpose: z.string().trim().min(2, 'reports.validation.purpose').max(500, 'validation.tooLong'),
      })
      .strict(),
  }),
};
