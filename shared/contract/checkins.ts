import { channel } from './channel.ts';

// Channels of the checkins domain. Each entry: channel<Output>()({ surface, access, input: zod schema }).
void channel;

export const checkinsChannels = {};
