import { homeCenter } from '../../../db/repositories/centers.ts';
import type { kioskChannels } from '../../../shared/contract/kiosk.ts';
import type { HandlerMap } from './types.ts';

// The kiosk's handlers read public facts only (center name, later counters, floor guide and public
// openings). None of them may touch a case table.

export const kioskHandlers: HandlerMap<keyof typeof kioskChannels> = {
  'kiosk:welcome': async (_input, { services }) => {
    const center = await homeCenter(services.db);
    return { centerName: center?.name ?? '', languages: ['ko', 'en'] };
  },
};
