import { z } from 'zod';
import { TIMELINE_KINDS, type TimelineEvent, type TimelineKind } from '../domain/timeline.ts';
import { channel } from './channel.ts';
import { rule } from './messages.ts';

// The case timeline (issue 17 item 5): one page of a case's events, newest first, optionally of some
// kinds only. A long case (1,000+ events) is read a page at a time: `after` is the cursor the previous
// page answered, so a page never repeats or skips an event even when one was added meanwhile.

export const TIMELINE_PAGE_MAX = 500;
export const TIMELINE_PAGE_DEFAULT = 200;

/** Where a page ends: the last event's `at` and `key` (the sort order's two keys), opaque to the screen. */
const cursor = z.string().max(400, 'timeline.v.cursor');

export const timelineListInput = z
  .object({
    jobseekerId: z.string().uuid('validation.id'),
    /** Only these kinds; omitted or empty, every kind. */
    kinds: z
      .array(z.enum(TIMELINE_KINDS, 'timeline.v.kind'))
      .max(TIMELINE_KINDS.length, 'timeline.v.kind')
      .optional(),
    after: cursor.nullable().optional(),
    limit: z
      .number(rule('timeline.v.limit', { max: TIMELINE_PAGE_MAX }))
      .int(rule('timeline.v.limit', { max: TIMELINE_PAGE_MAX }))
      .min(1, rule('timeline.v.limit', { max: TIMELINE_PAGE_MAX }))
      .max(TIMELINE_PAGE_MAX, rule('timeline.v.limit', { max: TIMELINE_PAGE_MAX }))
      .optional(),
  })
  .strict();

export interface TimelinePage {
  items: TimelineEvent[];
  /** The cursor of the next (older) page; null when this page reached the case's first event. */
  next: string | null;
  /** Events of the chosen kinds on the whole case (every page). */
  total: number;
  /** Events per kind on the whole case, whatever the filter: the filter chips show them. */
  counts: Partial<Record<TimelineKind, number>>;
  /** The names of the users this page's `actorId`s name (a user no longer on this PC is left out). */
  actors: Record<string, string>;
}

export const timelineChannels = {
  'timeline:list': channel<TimelinePage>()({
    surface: 'desk',
    access: ['counselor', 'supervisor'] as const,
    input: timelineListInput,
  }),
};
