import type { settingsChannels } from '../../../shared/contract/settings.ts';
import {
  getDeviceSettings,
  getKioskSettings,
  saveDeviceSettings,
  saveKioskSettings,
} from '../center-settings.ts';
import { getServerTrust, saveServerTrust } from '../server-trust.ts';
import { actor, type HandlerMap } from './types.ts';

export const settingsHandlers: HandlerMap<keyof typeof settingsChannels> = {
  'settings:getKiosk': (_input, call) => getKioskSettings(call.services, actor(call)),
  'settings:saveKiosk': ({ settings }, call) => saveKioskSettings(call.services, actor(call), settings),
  'settings:getDevice': async (_input, call) => ({
    ...(await getDeviceSettings(call.services)),
    deviceKey: call.gate?.deviceProtection() ?? null,
  }),
  'settings:saveDevice': async (input, call) => {
    const saved = await saveDeviceSettings(call.services, actor(call), input);
    // A kiosk PC must open its store with nobody signed in: seal the key for the device (and drop the
    // sealed copy when the PC goes back to being a desk).
    const deviceKey = call.gate ? call.gate.setDeviceUnlock(input.kioskMode) : null;
    return { ...saved, deviceKey };
  },
  'settings:getServerTrust': (_input, call) => getServerTrust(call.services),
  'settings:saveServerTrust': ({ caFile }, call) => saveServerTrust(call.services, actor(call), caFile),
};
