import { z } from 'zod';
import { channel } from './channel.ts';

export interface AppInfo {
  version: string;
  schemaVersion: number;
  centerCode: string | null;
  centerName: string | null;
  /** True until the first account exists: the renderer then shows first-run setup. */
  needsSetup: boolean;
  /** The encrypted store is shut until someone signs in (center name unknown until then). */
  storeLocked: boolean;
  /** Whether a sync server is configured (a new desktop with one signs in online instead of setup). */
  serverConfigured: boolean;
}

export const appChannels = {
  'app:info': channel<AppInfo>()({
    surface: 'desk',
    access: 'public',
    beforeUnlock: true,
    whileLocked: true,
    input: z.object({}).strict(),
  }),
};
