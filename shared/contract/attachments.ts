import { z } from 'zod';
import {
  ATTACHMENT_PARENTS,
  type AttachmentContent,
  type AttachmentLimit,
  type AttachmentView,
} from '../attachments/types.ts';
import { ATTACHMENT_KINDS, MAX_SETTABLE_ATTACHMENT_BYTES } from '../attachments/limits.ts';
import { channel } from './channel.ts';
import { rule } from './messages.ts';

// Channels of document attachments (issue 18 item 3): list, add, open (preview or download, audited),
// remove with a reason, choose the files that go with a referral, and the size limit of this PC.

const CASE_ROLES = ['counselor', 'supervisor'] as const;
const id = z.string().uuid('validation.id');
const parent = z.object({ table: z.enum(ATTACHMENT_PARENTS), id }).strict();

/** Base64 of the largest file any setting allows: a bigger string is refused before it is decoded. */
const MAX_BASE64 = Math.ceil((MAX_SETTABLE_ATTACHMENT_BYTES * 4) / 3) + 4;

export const addAttachmentSchema = z
  .object({
    parent,
    kind: z.enum(ATTACHMENT_KINDS),
    fileName: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
    base64: z.string().max(MAX_BASE64, 'attachments.error.tooLarge'),
  })
  .strict();

export const attachmentsChannels = {
  'attachments:list': channel<AttachmentView[]>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z.object({ parent }).strict(),
  }),
  'attachments:add': channel<AttachmentView>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: addAttachmentSchema,
  }),
  /** The bytes for the preview or a download: both an audit entry. */
  'attachments:open': channel<AttachmentContent>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z.object({ id, purpose: z.enum(['preview', 'download']) }).strict(),
  }),
  'attachments:remove': channel<AttachmentView>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z
      .object({
        id,
        reason: z.string().trim().min(1, 'attachments.error.reasonRequired').max(500, 'validation.tooLong'),
      })
      .strict(),
  }),
  /** The case's files that go with a referral (the 알선장 package): adds the chosen ones. */
  'attachments:chooseForReferral': channel<AttachmentView[]>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z.object({ referralId: id, attachmentIds: z.array(id).max(20) }).strict(),
  }),
  'attachments:forReferral': channel<AttachmentView[]>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z.object({ referralId: id }).strict(),
  }),
  'attachments:getLimit': channel<AttachmentLimit>()({
    surface: 'desk',
    access: ['counselor', 'supervisor', 'admin'],
    input: z.object({}).strict(),
  }),
  'attachments:saveLimit': channel<AttachmentLimit>()({
    surface: 'desk',
    access: ['admin', 'supervisor'],
    input: z
      .object({
        maxBytes: z
          .number()
          .int()
          .min(1024 * 1024, rule('validation.range', { min: 1048576, max: MAX_SETTABLE_ATTACHMENT_BYTES }))
          .max(
            MAX_SETTABLE_ATTACHMENT_BYTES,
            rule('validation.range', { min: 1048576, max: MAX_SETTABLE_ATTACHMENT_BYTES }),
          ),
      })
      .strict(),
  }),
};
