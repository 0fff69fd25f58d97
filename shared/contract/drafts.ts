import { z } from 'zod';
import { channel } from './channel.ts';

// Drafts of half-done forms (issue 15 item 3): kept in this PC's encrypted store for the signed-in user,
// per form and record, never synced; the form offers "continue draft" where it opens.

const CASE_ROLES = ['counselor', 'supervisor'] as const;

export const DRAFT_FORMS = ['intake', 'jobseeker', 'employer', 'opening'] as const;
export type DraftForm = (typeof DRAFT_FORMS)[number];

/** What a draft may hold: a form's values, JSON; far above any of these forms, far below a flood. */
export const DRAFT_MAX_CHARS = 100_000;

const where = {
  form: z.enum(DRAFT_FORMS),
  /** The record's id, or `new` (a record not created yet), or a parent's id for a new child. */
  recordKey: z.string().regex(/^(new|[0-9a-f-]{36}|new:[0-9a-f-]{36})$/, 'validation.id'),
};

export interface Draft {
  data: string;
  updatedAt: string;
}

export const draftsChannels = {
  'drafts:get': channel<Draft | null>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z.object(where).strict(),
  }),
  'drafts:keep': channel<{ updatedAt: string }>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z
      .object({
        ...where,
        data: z.string().min(2, 'validation.required').max(DRAFT_MAX_CHARS, 'validation.tooLong'),
      })
      .strict(),
  }),
  'drafts:discard': channel<null>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z.object(where).strict(),
  }),
};
