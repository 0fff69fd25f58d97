import type { auditChannels } from '../../../shared/contract/audit.ts';
import { auditList, auditOverview } from '../audit-review.ts';
import { auditSettingsFor, checkChain, purgeExpired, saveAuditSettings } from '../audit-trail.ts';
import { actor, type HandlerMap } from './types.ts';

export const auditHandlers: HandlerMap<keyof typeof auditChannels> = {
  'audit:list': (input, call) => auditList(call.services, actor(call), input),
  'audit:overview': ({ filter }, call) => auditOverview(call.services, actor(call), filter),
  'audit:verify': (_input, call) => checkChain(call.services, actor(call)),
  'audit:purge': (_input, call) => purgeExpired(call.services, actor(call)),
  'audit:settings': (_input, call) => auditSettingsFor(call.services, actor(call)),
  'audit:saveSettings': ({ settings }, call) => saveAuditSettings(call.services, actor(call), settings),
};
