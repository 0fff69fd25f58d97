import type { caseworkChannels } from '../../../shared/contract/casework.ts';
import type { HandlerMap } from './types.ts';

export const caseworkHandlers: HandlerMap<keyof typeof caseworkChannels> = {};
