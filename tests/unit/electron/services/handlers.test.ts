import { describe, expect, it } from 'vitest';
import { handlers } from '../../../../electron/services/handlers/index.ts';
import { channelNames } from '../../../../shared/contract/index.ts';

describe('the handler table', () => {
  it('binds a handler to every channel of the contract', () => {
    const missing = channelNames.filter(
      (name) => typeof (handlers as Record<string, unknown>)[name] !== 'function',
    );
    expect(missing).toEqual([]);
  });

  it('has no handler for a channel the contract does not declare', () => {
    const extra = Object.keys(handlers).filter((name) => !(channelNames as string[]).includes(name));
    expect(extra).toEqual([]);
  });
});
