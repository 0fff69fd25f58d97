import type { draftsChannels } from '../../../shared/contract/drafts.ts';
import { discardDraft, findDraft, keepDraft } from '../../../db/repositories/drafts.ts';
import { isoNow } from '../context.ts';
import { actor, type HandlerMap } from './types.ts';

// Drafts belong to the signed-in user: the key always takes the session's user, never one from input.

export const draftsHandlers: HandlerMap<keyof typeof draftsChannels> = {
  'drafts:get': async ({ form, recordKey }, call) => {
    const row = await findDraft(call.services.db, { userId: actor(call).userId, form, recordKey });
    return row ? { data: row.data, updatedAt: row.updated_at } : null;
  },
  'drafts:keep': async ({ form, recordKey, data }, call) => {
    const at = isoNow(call.services);
    await keepDraft(call.services.db, { userId: actor(call).userId, form, recordKey }, data, at);
    return { updatedAt: at };
  },
  'drafts:discard': async ({ form, recordKey }, call) => {
    await discardDraft(call.services.db, { userId: actor(call).userId, form, recordKey });
    return null;
  },
};
