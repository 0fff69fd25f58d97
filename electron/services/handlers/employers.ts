import type { employersChannels } from '../../../shared/contract/employers.ts';
import type { HandlerMap } from './types.ts';

export const employersHandlers: HandlerMap<keyof typeof employersChannels> = {};
