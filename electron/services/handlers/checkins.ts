import type { checkinsChannels } from '../../../shared/contract/checkins.ts';
import type { HandlerMap } from './types.ts';

export const checkinsHandlers: HandlerMap<keyof typeof checkinsChannels> = {};
