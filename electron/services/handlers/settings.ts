import type { settingsChannels } from '../../../shared/contract/settings.ts';
import {
  getDeviceSettings,
  getKioskSettings,
  saveDeviceSettings,
  saveKioskSettings,
} from '../center-settings.ts';
import { actor, type HandlerMap } from './types.ts';

export const settingsHandlers: HandlerMap<keyof typeof settingsChannels> = {
  'settings:getKiosk': (_input, call) => getKioskSettings(call.services, actor(call)),
  'settings:saveKiosk': ({ settings }, call) => saveKioskSettings(call.services, actor(call), settings),
  'settings:getDevice': (_input, call) => getDeviceSettings(call.services),
  'settings:saveDevice': (input, call) => saveDeviceSettings(call.services, actor(call), input),
};
