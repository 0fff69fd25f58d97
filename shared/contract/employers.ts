import { channel } from './channel.ts';

// Channels of the employers domain. Each entry: channel<Output>()({ surface, access, input: zod schema }).
void channel;

export const employersChannels = {};
