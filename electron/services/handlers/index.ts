import type { ChannelName } from '../../../shared/contract/index.ts';
import { accountsHandlers } from './accounts.ts';
import { attachmentsHandlers } from './attachments.ts';
import { appHandlers } from './app.ts';
import { appointmentsHandlers } from './appointments.ts';
import { auditHandlers } from './audit.ts';
import { authHandlers } from './auth.ts';
import { backupsHandlers } from './backups.ts';
import { caseworkHandlers } from './casework.ts';
import { checkinsHandlers } from './checkins.ts';
import { documentsHandlers } from './documents.ts';
import { draftsHandlers } from './drafts.ts';
import { employersHandlers } from './employers.ts';
import { groupsHandlers } from './groups.ts';
import { jobseekerHandlers } from './jobseekers.ts';
import { joinHandlers } from './join.ts';
import { kioskHandlers } from './kiosk.ts';
import { lifecycleHandlers } from './lifecycle.ts';
import { lobbyHandlers } from './lobby.ts';
import { mergesHandlers } from './merges.ts';
import { programmesHandlers } from './programmes.ts';
import { reportsHandlers } from './reports.ts';
import { serviceReferralsHandlers } from './service-referrals.ts';
import { syncHandlers } from './sync.ts';
import { settingsHandlers } from './settings.ts';
import { timelineHandlers } from './timeline.ts';
import type { HandlerMap } from './types.ts';
import { worklistHandlers } from './worklist.ts';

/** Every channel's handler. The type makes a missing handler a compile error; a test checks it too. */
export const handlers: HandlerMap<ChannelName> = {
  ...appHandlers,
  ...authHandlers,
  ...accountsHandlers,
  ...jobseekerHandlers,
  ...caseworkHandlers,
  ...employersHandlers,
  ...checkinsHandlers,
  ...settingsHandlers,
  ...syncHandlers,
  ...joinHandlers,
  ...reportsHandlers,
  ...auditHandlers,
  ...backupsHandlers,
  ...kioskHandlers,
  ...lobbyHandlers,
  ...draftsHandlers,
  ...lifecycleHandlers,
  ...documentsHandlers,
  ...attachmentsHandlers,
  ...appointmentsHandlers,
  ...mergesHandlers,
  ...worklistHandlers,
  ...serviceReferralsHandlers,
  ...programmesHandlers,
  ...timelineHandlers,
  ...groupsHandlers,
};

export type { CallContext, Handler, HandlerMap } from './types.ts';
