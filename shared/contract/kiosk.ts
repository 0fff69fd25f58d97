import { z } from 'zod';
import { channel } from './channel.ts';

/** Public facts only: the kiosk never receives case data. */
export interface KioskWelcome {
  centerName: string;
  languages: Array<'ko' | 'en'>;
}

export const kioskChannels = {
  'kiosk:welcome': channel<KioskWelcome>()({
    surface: 'kiosk',
    access: 'kiosk',
    input: z.object({}).strict(),
  }),
};
