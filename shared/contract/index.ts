import { accountsChannels } from './accounts.ts';
import { attachmentsChannels } from './attachments.ts';
import { appChannels } from './app.ts';
import { appointmentsChannels } from './appointments.ts';
import { auditChannels } from './audit.ts';
import { authChannels } from './auth.ts';
import { backupsChannels } from './backups.ts';
import { caseworkChannels } from './casework.ts';
import { checkinsChannels } from './checkins.ts';
import { documentsChannels } from './documents.ts';
import { draftsChannels } from './drafts.ts';
import { employersChannels } from './employers.ts';
import type { InputOf, OutputOf } from './channel.ts';
import { groupsChannels } from './groups.ts';
import { jobseekerChannels } from './jobseekers.ts';
import { joinChannels } from './join.ts';
import { kioskChannels } from './kiosk.ts';
import { lifecycleChannels } from './lifecycle.ts';
import { lobbyChannels } from './lobby.ts';
import { mergesChannels } from './merges.ts';
import { programmesChannels } from './programmes.ts';
import { reportsChannels } from './reports.ts';
import { serviceReferralsChannels } from './service-referrals.ts';
import type { Result } from './result.ts';
import { settingsChannels } from './settings.ts';
import { syncChannels } from './sync.ts';
import { timelineChannels } from './timeline.ts';
import { worklistChannels } from './worklist.ts';

export * from './channel.ts';
export * from './result.ts';
export type { AppInfo } from './app.ts';
export type { SessionInfo } from './auth.ts';
export type { KioskWelcome } from './kiosk.ts';

/**
 * Every channel, declared once. The preload allow-lists, the main-process handler table and the
 * renderer's `window.caseworker` / `window.kiosk` types are all derived from this object.
 */
export const contract = {
  ...appChannels,
  ...authChannels,
  ...accountsChannels,
  ...jobseekerChannels,
  ...caseworkChannels,
  ...employersChannels,
  ...checkinsChannels,
  ...settingsChannels,
  ...syncChannels,
  ...joinChannels,
  ...reportsChannels,
  ...auditChannels,
  ...backupsChannels,
  ...kioskChannels,
  ...lobbyChannels,
  ...draftsChannels,
  ...lifecycleChannels,
  ...documentsChannels,
  ...attachmentsChannels,
  ...appointmentsChannels,
  ...mergesChannels,
  ...worklistChannels,
  ...serviceReferralsChannels,
  ...programmesChannels,
  ...timelineChannels,
  ...groupsChannels,
};

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type DeskChannel = {
  [K in ChannelName]: Contract[K]['surface'] extends 'desk' ? K : never;
}[ChannelName];
export type KioskChannel = {
  [K in ChannelName]: Contract[K]['surface'] extends 'kiosk' ? K : never;
}[ChannelName];

export const channelNames = Object.keys(contract) as ChannelName[];
export const deskChannelNames = channelNames.filter((n) => contract[n].surface === 'desk') as DeskChannel[];
export const kioskChannelNames = channelNames.filter(
  (n) => contract[n].surface === 'kiosk',
) as KioskChannel[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** The bridge a window sees: one typed `invoke`, restricted to the window's surface. */
export interface Bridge<C extends ChannelName> {
  invoke<K extends C>(channel: K, input: InputOf<Contract[K]>): Promise<Result<OutputOf<Contract[K]>>>;
}
export type CaseworkerApi = Bridge<DeskChannel>;
export type KioskApi = Bridge<KioskChannel>;

/** The IPC channel names the preloads use; one per surface keeps the main-side guard simple. */
export const IPC_DESK = 'caseworker:invoke';
export const IPC_KIOSK = 'kiosk:invoke';
