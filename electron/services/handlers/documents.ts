import type { documentsChannels } from '../../../shared/contract/documents.ts';
import { printDocument, signDocument, verifyCode, viewDocument } from '../documents.ts';
import { actor, type HandlerMap } from './types.ts';

export const documentsHandlers: HandlerMap<keyof typeof documentsChannels> = {
  'documents:view': (input, call) => viewDocument(call.services, actor(call), input),
  'documents:print': (input, call) => printDocument(call.services, actor(call), input),
  'documents:sign': (input, call) => signDocument(call.services, actor(call), input),
  'documents:verify': ({ code }, call) => verifyCode(call.services, actor(call), code),
};
