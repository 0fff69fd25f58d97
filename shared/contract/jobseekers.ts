import { z } from 'zod';
import { channel } from './channel.ts';
import { searchQuerySchema } from './search.ts';
import { patchSchema } from './patch.ts';
import { jobseekerFilterSchema } from '../domain/jobseeker-filters.ts';
import {
  JOBSEEKER_SORTS,
  TRACKS,
  JOBSEEKER_TYPES,
  jobseekerFieldsSchema,
  type DuplicateCandidate,
  type Jobseeker,
  type JobseekerListPage,
} from '../domain/jobseeker.ts';

const CASE_ROLES = ['counselor', 'supervisor'] as const;
const id = z.string().uuid('validation.id');

export const jobseekerListInputSchema = z
  .object({
    query: searchQuerySchema(50),
    sort: z.enum(JOBSEEKER_SORTS).default('registeredAt'),
    direction: z.enum(['asc', 'desc']).default('desc'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
    mine: z.boolean().default(false),
    type: z.enum(JOBSEEKER_TYPES).optional(),
    track: z.enum(TRACKS).optional(),
    /** The 보관함: archived cases only (false: the cases in work, as always). */
    archived: z.boolean().default(false),
    /** The filter bar (issue 16 item 7): every filter set must hold. */
    filter: jobseekerFilterSchema.default({}),
  })
  .strict();

export const duplicateQuerySchema = z
  .object({
    name: jobseekerFieldsSchema.shape.name,
    birthYear: jobseekerFieldsSchema.shape.birthYear.optional(),
    phone: jobseekerFieldsSchema.shape.phone,
    /** The record being edited, so it is not reported as its own duplicate. */
    excludeId: id.optional(),
  })
  .strict();

export const jobseekerCreateSchema = z
  .object({
    fields: jobseekerFieldsSchema.strict(),
    /** The counselor saw the likely duplicates and confirmed this is another person. */
    confirmedNotDuplicate: z.boolean().default(false),
  })
  .strict();

export const jobseekerUpdateSchema = z
  .object({
    id,
    /** The `seq` of the version the counselor edited: sync's base for conflict detection. */
    baseSeq: z.number().int().min(0),
    fields: patchSchema(jobseekerFieldsSchema),
  })
  .strict();

/** 담당 상담사 변경: a supervisor assigns (or clears); a counselor takes an unassigned case for themselves. */
export const jobseekerAssignSchema = z
  .object({
    id,
    baseSeq: z.number().int().min(0),
    counselorId: id.nullable(),
  })
  .strict();

/** 보관 / 보관 해제: archiving is how a case is deleted (sync.md), and it can be undone. */
export const jobseekerArchiveSchema = z
  .object({
    id,
    baseSeq: z.number().int().min(0),
    archived: z.boolean(),
  })
  .strict();

/** An account a case can be assigned to (the dialog's choices): no credentials, no contact data. */
export interface Assignee {
  id: string;
  name: string;
  role: 'counselor' | 'supervisor';
}

export const jobseekerChannels = {
  'jobseekers:list': channel<JobseekerListPage>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: jobseekerListInputSchema,
  }),
  'jobseekers:get': channel<Jobseeker>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z.object({ id }).strict(),
  }),
  'jobseekers:findDuplicates': channel<DuplicateCandidate[]>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: duplicateQuerySchema,
  }),
  'jobseekers:create': channel<Jobseeker>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: jobseekerCreateSchema,
  }),
  'jobseekers:update': channel<Jobseeker>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: jobseekerUpdateSchema,
  }),
  'jobseekers:assignees': channel<Assignee[]>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z.object({ id }).strict(),
  }),
  'jobseekers:assign': channel<Jobseeker>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: jobseekerAssignSchema,
  }),
  'jobseekers:archive': channel<Jobseeker>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: jobseekerArchiveSchema,
  }),
};
