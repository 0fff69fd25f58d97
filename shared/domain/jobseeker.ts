import { z } from 'zod';
import { birthYearSchema } from './day.ts';
import { isKoreanPhone, phoneDigits } from './phone.ts';

// The jobseeker record of domain.md §2. The app never asks for a resident registration number
// (주민등록번호): the registration number here is issued by the app itself.

export const GENDERS = ['female', 'male', 'other'] as const;
export type Gender = (typeof GENDERS)[number];

export const JOBSEEKER_STATUSES = ['active', 'placed', 'closed'] as const;
export type JobseekerStatus = (typeof JOBSEEKER_STATUSES)[number];

export const JOBSEEKER_TYPES = ['ready', 'needs-preparation'] as const;
export type JobseekerType = (typeof JOBSEEKER_TYPES)[number];

export const TRACKS = ['wide-area', 'local', 'integrated-case-management', 'training', 'counseling'] as const;
export type Track = (typeof TRACKS)[number];

/** Fields a counselor types; shared by the form (client-side hints) and main (the real check). */
export const jobseekerFieldsSchema = z.object({
  name: z.string().trim().min(1, 'validation.required').max(50, 'validation.tooLong'),
  birthYear: birthYearSchema(),
  gender: z.enum(GENDERS).nullable().default(null),
  phone: z
    .string()
    .trim()
    .max(20, 'validation.phone')
    .refine((v) => v === '' || isKoreanPhone(v), 'validation.phone')
    .transform((v) => (v === '' ? null : phoneDigits(v)))
    .nullable()
    .default(null),
  email: z
    .string()
    .trim()
    .max(100, 'validation.email')
    .refine((v) => v === '' || z.email().safeParse(v).success, 'validation.email')
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null),
  sido: z.string().regex(/^\d{2}$/, 'validation.region'),
  sigungu: z
    .string()
    .regex(/^\d{5}$/, 'validation.region')
    .nullable()
    .default(null),
  desiredOccupation: z
    .string()
    .regex(/^\d{2,4}$/, 'validation.occupation')
    .nullable()
    .default(null),
  desiredWage: z
    .number({ message: 'validation.wage' })
    .int('validation.wage')
    .min(0, 'validation.wage')
    .max(100_000_000, 'validation.wage')
    .nullable()
    .default(null),
  mobile: z.boolean().default(false),
});

export type JobseekerFields = z.output<typeof jobseekerFieldsSchema>;
export type JobseekerFieldsInput = z.input<typeof jobseekerFieldsSchema>;

export interface Jobseeker extends JobseekerFields {
  id: string;
  regNo: string;
  centerCode: string;
  assignedCounselorId: string | null;
  assignedCounselorName: string | null;
  status: JobseekerStatus;
  currentType: JobseekerType | null;
  currentTrack: Track | null;
  registeredAt: string;
  updatedAt: string;
  archived: boolean;
  /** The server sequence of the version shown; sync uses it as the edit's base. */
  seq: number;
}

export const JOBSEEKER_SORTS = ['name', 'registeredAt', 'birthYear', 'updatedAt'] as const;
export type JobseekerSort = (typeof JOBSEEKER_SORTS)[number];

export interface JobseekerListRow {
  id: string;
  regNo: string;
  name: string;
  birthYear: number;
  phone: string | null;
  sido: string;
  desiredOccupation: string | null;
  currentType: JobseekerType | null;
  currentTrack: Track | null;
  assignedCounselorName: string | null;
  registeredAt: string;
}

export interface JobseekerListPage {
  rows: JobseekerListRow[];
  total: number;
  offset: number;
}

export interface DuplicateCandidate {
  id: string;
  regNo: string;
  name: string;
  birthYear: number;
  phone: string | null;
  /** Why it looks like the same person. */
  matchedOn: Array<'name-birthYear' | 'phone'>;
}
