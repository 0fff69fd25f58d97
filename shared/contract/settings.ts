import { z } from 'zod';
import { rule } from './messages.ts';
import { kioskSettingsSchema, type KioskSettings } from '../domain/kiosk.ts';
import { channel } from './channel.ts';

/** The idle lock's range in minutes, said in its message (issue 15 item 8). */
const IDLE_RANGE = rule('validation.range', { min: 1, max: 60 });

// Center and device settings (admin). Issue 6: the kiosk's settings and this PC's start mode; the
// accounts issue adds its own channels here.

const SETTINGS_ROLES = ['admin', 'supervisor'] as const;

export interface KioskSettingsView {
  centerName: string;
  settings: KioskSettings;
  /** False while the center still runs on the built-in defaults. */
  saved: boolean;
}

export interface DeviceSettings {
  /** This PC starts as the lobby kiosk (the `--desk` switch starts the desk anyway, for IT staff). */
  kioskMode: boolean;
  /** Minutes without activity before the session locks (domain.md §10: 15). */
  idleLockMinutes: number;
  /**
   * How this PC's kiosk opens the encrypted store without a sign-in: sealed by the OS keyring (`os`),
   * only obfuscated because the OS offers no keyring (`plain`, the screen warns), or not at all.
   */
  deviceKey?: 'os' | 'plain' | null;
}

/** How this PC reaches its server securely (issue #13 item 8): a center's own CA, when it has one. */
export interface ServerTrust {
  /** The server this PC syncs with, or null when none is configured (shown, not changed, here). */
  serverUrl: string | null;
  /** A PEM file of the center's certificate authority, trusted besides the public ones. */
  caFile: string | null;
}

export const settingsChannels = {
  'settings:getKiosk': channel<KioskSettingsView>()({
    surface: 'desk',
    access: SETTINGS_ROLES,
    input: z.object({}).strict(),
  }),
  'settings:saveKiosk': channel<KioskSettingsView>()({
    surface: 'desk',
    access: SETTINGS_ROLES,
    input: z.object({ settings: kioskSettingsSchema }).strict(),
  }),
  'settings:getDevice': channel<DeviceSettings>()({
    surface: 'desk',
    access: ['admin'],
    input: z.object({}).strict(),
  }),
  'settings:saveDevice': channel<DeviceSettings>()({
    surface: 'desk',
    access: ['admin'],
    input: z
      .object({
        kioskMode: z.boolean(),
        idleLockMinutes: z
          .number({ message: IDLE_RANGE })
          .int(IDLE_RANGE)
          .min(1, IDLE_RANGE)
          .max(60, IDLE_RANGE)
          .optional(),
      })
      .strict(),
  }),
  'settings:getServerTrust': channel<ServerTrust>()({
    surface: 'desk',
    access: ['admin'],
    input: z.object({}).strict(),
  }),
  'settings:saveServerTrust': channel<ServerTrust>()({
    surface: 'desk',
    access: ['admin'],
    input: z.object({ caFile: z.string().trim().min(1).max(4096).nullable() }).strict(),
  }),
};
