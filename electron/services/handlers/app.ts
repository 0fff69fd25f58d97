import { homeCenter } from '../../../db/repositories/centers.ts';
import { LATEST_SCHEMA_VERSION } from '../../../db/migrations/index.ts';
import type { appChannels } from '../../../shared/contract/app.ts';
import { needsSetup } from '../accounts.ts';
import { APP_VERSION } from '../version.ts';
import type { HandlerMap } from './types.ts';

export const appHandlers: HandlerMap<keyof typeof appChannels> = {
  'app:info': async (_input, { services }) => {
    const center = await homeCenter(services.db);
    return {
      version: APP_VERSION,
      schemaVersion: LATEST_SCHEMA_VERSION,
      centerCode: center?.code ?? null,
      centerName: center?.name ?? null,
      needsSetup: await needsSetup(services),
    };
  },
};
