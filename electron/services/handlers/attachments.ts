import type { attachmentsChannels } from '../../../shared/contract/attachments.ts';
import {
  addAttachment,
  attachmentLimit,
  listAttachments,
  openAttachment,
  removeAttachment,
  saveAttachmentLimit,
} from '../attachments/files.ts';
import { chooseReferralAttachments, referralAttachments } from '../attachments/referral-files.ts';
import { actor, type HandlerMap } from './types.ts';

export const attachmentsHandlers: HandlerMap<keyof typeof attachmentsChannels> = {
  'attachments:list': ({ parent }, call) => listAttachments(call.services, actor(call), parent),
  'attachments:add': ({ parent, kind, fileName, base64 }, call) =>
    addAttachment(call.services, actor(call), {
      parent,
      kind,
      fileName,
      bytes: Buffer.from(base64, 'base64'),
    }),
  'attachments:open': (input, call) => openAttachment(call.services, actor(call), input),
  'attachments:remove': (input, call) => removeAttachment(call.services, actor(call), input),
  'attachments:chooseForReferral': (input, call) =>
    chooseReferralAttachments(call.services, actor(call), input),
  'attachments:forReferral': ({ referralId }, call) =>
    referralAttachments(call.services, actor(call), referralId),
  'attachments:getLimit': async (_input, call) => ({ maxBytes: await attachmentLimit(call.services) }),
  'attachments:saveLimit': async ({ maxBytes }, call) => ({
    maxBytes: await saveAttachmentLimit(call.services, actor(call), maxBytes),
  }),
};
