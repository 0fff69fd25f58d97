import { uuidv7 } from 'uuidv7';
import { getCenter, homeCenter, insertCenter } from '../../db/repositories/centers.ts';
import { nextHlc } from '../../db/repositories/outbox.ts';
import { countUsers, findUserByLogin, insertUser } from '../../db/repositories/users.ts';
import type { Role } from '../../shared/contract/channel.ts';
import { AppFailure } from '../../shared/contract/result.ts';
import { isoNow, type ServiceContext } from './context.ts';
import { assertPasswordAllowed, hashPassword } from './passwords.ts';

// Centers and accounts on a desktop before a server exists (first-run setup, the demo command).
// Accounts are personal: one login per person, never shared.

export interface NewCenter {
  code: string;
  name: string;
  sido: string;
  sigungu?: string | null;
}

export async function ensureCenter(ctx: ServiceContext, center: NewCenter): Promise<void> {
  if (await getCenter(ctx.db, center.code)) return;
  const now = isoNow(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const hlc = await nextHlc(trx, ctx.deviceId, ctx.now().getTime());
    await insertCenter(trx, {
      code: center.code,
      name: center.name,
      sido: center.sido,
      sigungu: center.sigungu ?? null,
      hlc,
      updated_at: now,
    });
  });
}

export interface NewAccount {
  loginId: string;
  displayName: string;
  role: Role;
  centerCode: string;
  password: string;
}

export async function createAccount(ctx: ServiceContext, account: NewAccount): Promise<string> {
  if (!/^[a-z][a-z0-9._-]{2,31}$/.test(account.loginId)) {
    throw new AppFailure({
      code: 'validation',
      field: 'loginId',
      message:
        'A login id is 3 to 32 lower-case letters, digits, dots, dashes or underscores, starting with a letter.',
    });
  }
  assertPasswordAllowed(account.password, account.loginId);
  if (await findUserByLogin(ctx.db, account.loginId)) {
    throw new AppFailure({
      code: 'conflict',
      field: 'loginId',
      message: `The login id ${account.loginId} is taken.`,
    });
  }
  if (!(await getCenter(ctx.db, account.centerCode))) {
    throw new AppFailure({
      code: 'not-found',
      field: 'centerCode',
      message: `No center ${account.centerCode}.`,
    });
  }
  const id = uuidv7();
  const passwordHash = await hashPassword(account.password);
  const now = isoNow(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const hlc = await nextHlc(trx, ctx.deviceId, ctx.now().getTime());
    await insertUser(trx, {
      id,
      hlc,
      login_id: account.loginId,
      display_name: account.displayName,
      role: account.role,
      center_code: account.centerCode,
      password_hash: passwordHash,
      locked_until: null,
      created_at: now,
      updated_at: now,
    });
  });
  return id;
}

export async function needsSetup(ctx: ServiceContext): Promise<boolean> {
  return (await countUsers(ctx.db)) === 0;
}

export { homeCenter };
