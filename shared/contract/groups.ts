import { z } from 'zod';
import {
  ATTENDANCE_MARKS,
  GROUP_CAPACITY_MAX,
  GROUP_CAPACITY_MIN,
  GROUP_NOTE_MAX,
  GROUP_PLACE_MAX,
  GROUP_SESSIONS_MAX,
  GROUP_SESSION_MINUTES_MAX,
  GROUP_SESSION_MINUTES_MIN,
  GROUP_TITLE_MAX,
  type AttendanceMark,
  type ParticipantStatus,
} from '../domain/groups.ts';
import type { Completion } from '../programmes/group-completion.ts';
import { channel } from './channel.ts';
import { rule } from './messages.ts';
import { bulkSelectionSchema } from './worklist.ts';

// Group programmes (집단상담·프로그램, issue 17 item 3): a center's runs, a run with its sessions,
// participants and attendance grid, creating a run with its sessions, adding a session, enrolling cases
// (picked, or every case of a filter, in bulk), moving a participant between enrolled, waiting and
// withdrawn, marking attendance, and a person's decision on completion. A case's own participations.
// Verbs follow the refresh model (renderer/src/data/freshness.ts): writes are create/add/record/set.

const ROLES = ['counselor', 'supervisor'] as const;
const id = z.string().uuid('validation.id');
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const instant = z
  .string()
  .max(40, 'groups.v.startsAt')
  .regex(ISO, 'groups.v.startsAt')
  .refine((v) => !Number.isNaN(Date.parse(v)), 'groups.v.startsAt')
  .transform((v) => new Date(Date.parse(v)).toISOString());
const bounded = (key: string, min: number, max: number) =>
  z
    .number(rule(key, { min, max }))
    .int(rule(key, { min, max }))
    .min(min, rule(key, { min, max }))
    .max(max, rule(key, { min, max }));
const capacity = bounded('groups.v.capacity', GROUP_CAPACITY_MIN, GROUP_CAPACITY_MAX);
const minutes = bounded('groups.v.duration', GROUP_SESSION_MINUTES_MIN, GROUP_SESSION_MINUTES_MAX);
const optionalText = (max: number) =>
  z
    .string()
    .max(max, rule('validation.tooLongMax', { max }))
    .transform((v) => (v.trim() === '' ? null : v.trim()))
    .nullable()
    .default(null)
    .transform((v) => v ?? null);

export interface GroupRunSummary {
  id: string;
  programmeCode: string;
  catalogueVersion: string;
  title: string;
  facilitatorId: string;
  facilitatorName: string | null;
  place: string | null;
  capacity: number;
  completionPct: number;
  seated: number;
  waiting: number;
  sessions: number;
  firstStart: string | null;
  lastStart: string | null;
  /** More seats held than the capacity (two desktops enrolled offline into the last seats). */
  overCapacity: boolean;
  /** Archived (by a supervisor, with a reason): out of the lists, still in history and reports. */
  archived: boolean;
  archiveReason: string | null;
  archivedAt: string | null;
}

export interface GroupSessionView {
  id: string;
  sessionNo: number;
  startsAt: string;
  durationMin: number;
  place: string | null;
  /** Its own capacity; null: the run's applies. */
  capacity: number | null;
  /** People whose mark in force is attended. */
  attended: number;
  /** Any mark recorded (the session is history: archived, never deleted). */
  marked: boolean;
  /** More attended than its capacity (marks from two desktops made offline). */
  overCapacity: boolean;
}

export interface GroupParticipantView {
  id: string;
  jobseekerId: string;
  name: string;
  birthYear: number;
  status: ParticipantStatus;
  /** The mark in force per session id (the latest record). */
  marks: Record<string, AttendanceMark>;
  completion: Completion;
  decidedAt: string | null;
  note: string | null;
}

/** A mark's answer: the participant's row and the session's attended count as they are now. */
export interface GroupMarkResult extends GroupParticipantView {
  session: GroupSessionView;
}

export interface GroupRunDetail {
  run: GroupRunSummary;
  sessions: GroupSessionView[];
  participants: GroupParticipantView[];
}

export interface EnrolResult {
  enrolled: number;
  waiting: number;
  /** Already in the run, or not a case the caller may enrol. */
  skipped: number;
  detail: GroupRunDetail;
}

export interface CaseGroupView {
  participantId: string;
  programmeId: string;
  title: string;
  programmeCode: string;
  status: ParticipantStatus;
  enrolledAt: string;
  completion: Completion;
  decidedAt: string | null;
}

const sessionInput = z
  .object({
    startsAt: instant,
    durationMin: minutes,
    place: optionalText(GROUP_PLACE_MAX),
    capacity: capacity.nullable().default(null),
  })
  .strict();

const runTitle = z
  .string()
  .max(GROUP_TITLE_MAX, rule('validation.tooLongMax', { max: GROUP_TITLE_MAX }))
  .transform((v) => v.trim())
  .refine((v) => v.length > 0, 'groups.v.title');

const archiveReason = z
  .string()
  .max(GROUP_NOTE_MAX, rule('validation.tooLongMax', { max: GROUP_NOTE_MAX }))
  .transform((v) => v.trim())
  .refine((v) => v.length > 0, 'groups.v.archiveReason');

export const createRunSchema = z
  .object({
    programmeCode: z.string().min(1, 'groups.v.programme').max(60, 'groups.v.programme'),
    title: runTitle,
    facilitatorId: id,
    place: optionalText(GROUP_PLACE_MAX),
    /** Omitted: the catalogue's figure (within the center's limits). */
    capacity: capacity.optional(),
    sessions: z
      .array(sessionInput)
      .min(1, 'groups.v.sessionsNone')
      .max(GROUP_SESSIONS_MAX, rule('groups.v.sessionsMax', { max: GROUP_SESSIONS_MAX })),
  })
  .strict();

const enrolMode = z.object({
  programmeId: id,
  /** When the seats run out: false refuses the whole enrolment with a clear message; true puts the rest on the waiting list. */
  waitlist: z.boolean().default(false),
});

export const groupsChannels = {
  'groups:list': channel<GroupRunSummary[]>()({
    surface: 'desk',
    access: ROLES,
    input: z.object({ archived: z.boolean().default(false) }).strict(),
  }),
  'groups:get': channel<GroupRunDetail>()({
    surface: 'desk',
    access: ROLES,
    input: z.object({ id }).strict(),
  }),
  /** The center's staff who may run a group (the facilitator picker). */
  'groups:staff': channel<Array<{ id: string; name: string }>>()({
    surface: 'desk',
    access: ROLES,
    input: z.object({}).strict(),
  }),
  'groups:create': channel<GroupRunDetail>()({
    surface: 'desk',
    access: ROLES,
    input: createRunSchema,
  }),
  'groups:addSession': channel<GroupRunDetail>()({
    surface: 'desk',
    access: ROLES,
    input: sessionInput.extend({ programmeId: id }).strict(),
  }),
  /** Changes a run's title, place, facilitator and capacity (not below the seats held). */
  'groups:updateRun': channel<GroupRunDetail>()({
    surface: 'desk',
    access: ROLES,
    input: z
      .object({ id, title: runTitle, facilitatorId: id, place: optionalText(GROUP_PLACE_MAX), capacity })
      .strict(),
  }),
  /** Archives a run with a reason (a supervisor's): it leaves the lists, stays in history and reports. */
  'groups:archiveRun': channel<null>()({
    surface: 'desk',
    access: ['supervisor'],
    input: z.object({ id, reason: archiveReason }).strict(),
  }),
  'groups:updateSession': channel<GroupRunDetail>()({
    surface: 'desk',
    access: ROLES,
    input: sessionInput.extend({ id }).strict(),
  }),
  /** Archives a session with a reason (sessions are never deleted: marks are history). */
  'groups:archiveSession': channel<GroupRunDetail>()({
    surface: 'desk',
    access: ROLES,
    input: z.object({ id, reason: archiveReason }).strict(),
  }),
  /** Enrols cases picked one by one (from a case, or a list). */
  'groups:addParticipants': channel<EnrolResult>()({
    surface: 'desk',
    access: ROLES,
    input: enrolMode.extend({ jobseekerIds: z.array(id).min(1, 'bulk.validation.none').max(5_000) }).strict(),
  }),
  /** Enrols every case a filter of the jobseeker list matches (a saved filter, or the list's own). */
  'groups:addFromFilter': channel<EnrolResult>()({
    surface: 'desk',
    access: ROLES,
    input: enrolMode.extend({ selection: bulkSelectionSchema }).strict(),
  }),
  /** Moves a participant between enrolled, waiting and withdrawn (enrolled takes a free seat). */
  'groups:setStatus': channel<GroupRunDetail>()({
    surface: 'desk',
    access: ROLES,
    input: z
      .object({ participantId: id, status: z.enum(['enrolled', 'waiting', 'withdrawn'], 'groups.v.status') })
      .strict(),
  }),
  'groups:recordAttendance': channel<GroupMarkResult>()({
    surface: 'desk',
    access: ROLES,
    input: z
      .object({
        participantId: id,
        sessionId: id,
        mark: z.enum(ATTENDANCE_MARKS, 'groups.v.mark'),
        note: optionalText(GROUP_NOTE_MAX),
      })
      .strict(),
  }),
  /** A person's decision: completed (the plan step is recorded done) or not completed. */
  'groups:recordCompletion': channel<GroupRunDetail>()({
    surface: 'desk',
    access: ROLES,
    input: z
      .object({
        participantId: id,
        outcome: z.enum(['completed', 'not_completed'], 'groups.v.outcome'),
        note: optionalText(GROUP_NOTE_MAX),
      })
      .strict(),
  }),
  'groups:ofJobseeker': channel<CaseGroupView[]>()({
    surface: 'desk',
    access: ROLES,
    input: z.object({ jobseekerId: id }).strict(),
  }),
};
