import type { accountsChannels } from '../../../shared/contract/accounts.ts';
import {
  adminCreateAccount,
  listAccounts,
  resetPassword,
  unlockAccount,
  updateAccount,
} from '../account-admin.ts';
import { actor, type HandlerMap } from './types.ts';

export const accountsHandlers: HandlerMap<keyof typeof accountsChannels> = {
  'accounts:list': (_input, call) => listAccounts(call.services, actor(call)),
  'accounts:create': async (input, call) => {
    const account = await adminCreateAccount(call.services, actor(call), input);
    // The admin's sign-in holds the store key: wrap it for the new account so it can open the store.
    await call.gate?.rememberPassword(account.loginId, account.id, input.password);
    return account;
  },
  'accounts:update': async (input, call) => {
    const account = await updateAccount(call.services, actor(call), input);
    // A deactivated account loses its key copy on this PC, not only its sign-in.
    if (!account.active) call.gate?.forget(account.loginId);
    return account;
  },
  'accounts:unlock': async ({ id }, call) => {
    const account = await unlockAccount(call.services, actor(call), id);
    call.gate?.clearFailures(account.loginId);
    return account;
  },
  'accounts:resetPassword': async ({ id, password }, call) => {
    const { account, loginId } = await resetPassword(call.services, actor(call), id, password);
    await call.gate?.rememberPassword(loginId, account.id, password);
    return account;
  },
};
