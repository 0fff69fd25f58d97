import { z } from 'zod';
import { channel } from './channel.ts';

export interface AppInfo {
  version: string;
  schemaVersion: number;
  centerCode: string | null;
  centerName: string | null;
  /** True until the first account exists: the renderer then shows first-run setup. */
  needsSetup: boolean;
}

export const appChannels = {
  'app:info': channel<AppInfo>()({ surface: 'desk', access: 'public', input: z.object({}).strict() }),
};
