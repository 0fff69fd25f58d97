import { homeCenter } from '../../../db/repositories/centers.ts';
import { LATEST_SCHEMA_VERSION } from '../../../db/migrations/index.ts';
import type { appChannels } from '../../../shared/contract/app.ts';
import { needsSetup } from '../accounts.ts';
import { APP_VERSION } from '../version.ts';
import type { HandlerMap } from './types.ts';

export const appHandlers: HandlerMap<keyof typeof appChannels> = {
  'app:info': async (_input, call) => {
    // Through the gate the store may still be shut: ask the gate rather than touch `call.services`.
    const gate = call.gate;
    const open = gate ? gate.current() : call.services;
    const center = open ? await homeCenter(open.db) : null;
    return {
      version: APP_VERSION,
      schemaVersion: LATEST_SCHEMA_VERSION,
      centerCode: center?.code ?? null,
      centerName: center?.name ?? null,
      needsSetup: gate ? gate.state() === 'needs-setup' : open ? await needsSetup(open) : false,
      storeLocked: gate ? gate.state() !== 'open' : false,
      serverConfigured: gate ? gate.serverUrl() !== null : open?.sync !== undefined,
    };
  },
};
