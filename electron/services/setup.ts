import { appendAudit } from '../../db/repositories/audit.ts';
import type { SessionInfo, SetupInput } from '../../shared/contract/auth.ts';
import { AppFailure } from '../../shared/contract/result.ts';
import { createAccount, ensureCenter, needsSetup } from './accounts.ts';
import { login } from './auth.ts';
import { isoNow, type ServiceContext } from './context.ts';
import type { CallContext } from './handlers/types.ts';
import { assertPasswordAllowed } from './passwords.ts';

// First-run setup (issue 8): a desktop without a server starts with no accounts. The person installing
// it names the center and creates the first admin account, who then creates the others. With a
// server, setup is not needed: the first online sign-in creates the store and brings the accounts.

async function createCenterAndAdmin(ctx: ServiceContext, input: SetupInput): Promise<SessionInfo> {
  await ensureCenter(ctx, { code: input.centerCode, name: input.centerName, sido: input.sido });
  const id = await createAccount(ctx, {
    loginId: input.loginId,
    displayName: input.displayName,
    role: 'admin',
    centerCode: input.centerCode,
    password: input.password,
  });
  // The first admin is an account made like any other: an `account.*` entry, kept three years (§10).
  await appendAudit(ctx.db, {
    at: isoNow(ctx),
    actorId: id,
    actorLogin: input.loginId,
    deviceId: ctx.deviceId,
    action: 'account.create',
    subjectType: 'user',
    subjectId: id,
    personId: null,
    detail: { loginId: input.loginId, role: 'admin', setup: true },
    centerCode: input.centerCode,
  });
  return login(ctx, input.loginId, input.password);
}

export async function completeSetup(call: CallContext, input: SetupInput): Promise<SessionInfo> {
  // Refuse a weak password before anything is created on disk.
  assertPasswordAllowed(input.password, input.loginId);
  const gate = call.gate;
  if (!gate) {
    if (!(await needsSetup(call.services)))
      throw new AppFailure({ code: 'conflict', message: 'setup.alreadyDone' });
    return createCenterAndAdmin(call.services, input);
  }
  if (gate.serverUrl()) throw new AppFailure({ code: 'conflict', message: 'setup.useServer' });
  await gate.createForSetup();
  const services = gate.current();
  if (!services) throw new AppFailure({ code: 'internal', message: 'errors.internal' });
  try {
    const session = await createCenterAndAdmin(services, input);
    await gate.rememberPassword(input.loginId, session.userId, input.password);
    gate.keep();
    return session;
  } catch (error) {
    await gate.discardIfFresh();
    throw error;
  }
}
