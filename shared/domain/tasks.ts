import { z } from 'zod';
import { daySchema } from './day.ts';

// A to-do item (오늘 할 일, issue 16 item 2) and the inbox that lists it beside the due items the app
// already knows (reassessments, follow-ups, employer call-backs...).

export const TASK_TITLE_MAX = 200;
export const TASK_LINK_KINDS = ['jobseeker', 'employer', 'opening', 'referral'] as const;
export type TaskLinkKind = (typeof TASK_LINK_KINDS)[number];

const day = daySchema('validation.date');

export const taskFieldsSchema = z
  .object({
    title: z.string().trim().min(1, 'tasks.validation.title').max(TASK_TITLE_MAX, 'validation.tooLong'),
    dueOn: day,
    link: z
      .object({
        kind: z.enum(TASK_LINK_KINDS),
        id: z.string().uuid('validation.id'),
      })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();
export type TaskFields = z.infer<typeof taskFieldsSchema>;

export interface Task {
  id: string;
  seq: number;
  title: string;
  dueOn: string;
  link: { kind: TaskLinkKind; id: string; label: string | null } | null;
  assigneeId: string;
  assigneeName: string | null;
  createdBy: string;
  done: boolean;
  doneAt: string | null;
  snoozedUntil: string | null;
}

/** Where an inbox item comes from: one small file each (electron/services/inbox/sources/). */
export type InboxSourceKind =
  'task' | 'reassessment' | 'follow-up' | 'employer-callback' | 'no-show' | 'obligation' | (string & {});

export type DueStatus = 'overdue' | 'today';

export interface InboxItem {
  /** Unique within the inbox: source and record. */
  key: string;
  source: InboxSourceKind;
  dueOn: string;
  status: DueStatus;
  /** What to open: a case, an employer, an opening, a referral; null for a task about nothing else. */
  subject: { kind: TaskLinkKind; id: string; label: string } | null;
  /** Text the source adds (the task's title, the follow-up's month): never translated here. */
  detail: { title?: string; months?: number; employer?: string; period?: number };
  /** The task behind the item, for done / snooze / reassign. */
  task?: Task;
}

export interface InboxCounts {
  total: number;
  overdue: number;
}

export interface InboxPage {
  today: string;
  items: InboxItem[];
  counts: InboxCounts;
}

export function dueStatus(dueOn: string, today: string): DueStatus | null {
  if (dueOn < today) return 'overdue';
  if (dueOn === today) return 'today';
  return null;
}

/** Overdue first (oldest first), then today's; ties by source and key so the order never flickers. */
export function compareInboxItems(a: InboxItem, b: InboxItem): number {
  if (a.dueOn !== b.dueOn) return a.dueOn < b.dueOn ? -1 : 1;
  if (a.source !== b.source) return a.source < b.source ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
