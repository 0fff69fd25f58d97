import type { backupsChannels, DamagedStoreView } from '../../../shared/contract/backups.ts';
import { AppFailure } from '../../../shared/contract/result.ts';
import type { StoreBackups } from '../backups/manager.ts';
import { actor, type CallContext, type HandlerMap } from './types.ts';

/** Backups live with the encrypted store's gate (it holds the key); a bare store has none to offer. */
function backupsOf(call: CallContext): StoreBackups {
  if (!call.gate) throw new AppFailure({ code: 'unavailable', message: 'backups.unavailable' });
  return call.gate.backups;
}

const NOT_DAMAGED: DamagedStoreView = { damaged: false, backups: [], latestGood: null };

export const backupsHandlers: HandlerMap<keyof typeof backupsChannels> = {
  'backups:list': (_input, call) => backupsOf(call).view(),
  'backups:progress': (_input, call) => backupsOf(call).view(),
  'backups:make': (_input, call) => backupsOf(call).make(actor(call)),
  'backups:verify': ({ name }, call) => backupsOf(call).verify(actor(call), name),
  'backups:restore': async ({ name }, call) => {
    const result = await backupsOf(call).restore(actor(call), name);
    // The store is another one now (accounts and roles as the backup had them): everyone signs in again.
    call.setSession(null);
    return result;
  },
  'backups:saveSettings': (settings, call) => backupsOf(call).saveSettings(actor(call), settings),
  'auth:damagedStore': (_input, call) => Promise.resolve(call.gate?.backups.damagedView() ?? NOT_DAMAGED),
  'auth:restoreDamaged': ({ loginId, password, name }, call) =>
    backupsOf(call).restoreDamaged(loginId, password, name),
};
