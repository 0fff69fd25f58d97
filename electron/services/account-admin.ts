import { appendAudit } from '../../db/repositories/audit.ts';
import { getUser } from '../../db/repositories/users.ts';
import { nextHlc } from '../../db/repositories/outbox.ts';
import type { Kysely, Transaction } from 'kysely';
import type { Database, UserRow } from '../../db/schema.ts';
import type { AccountView, AccountsView } from '../../shared/contract/accounts.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import type { Role } from '../../shared/contract/channel.ts';
import { AppFailure } from '../../shared/contract/result.ts';
import { ACCESS_ACTION_PREFIX } from '../../shared/domain/audit.ts';
import { createAccount } from './accounts.ts';
import { isoNow, type ServiceContext } from './context.ts';
import { assertPasswordAllowed, hashPassword } from './passwords.ts';

// An admin's account work on a desktop without a server (domain.md §1, §10): create, change role or
// name, deactivate, unlock, set a new password. Every one is an audit entry under `account.`, the
// prefix the audit trail keeps three years. Admins see no case data: these touch accounts only.

function view(u: UserRow): AccountView {
  return {
    id: u.id,
    loginId: u.login_id,
    displayName: u.display_name,
    role: u.role,
    centerCode: u.center_code,
    active: u.active === 1,
    lockedUntil: u.locked_until,
    createdAt: u.created_at,
  };
}

async function audit(
  ctx: ServiceContext,
  actor: SessionInfo,
  action: string,
  target: UserRow,
  detail: Record<string, unknown>,
  db: Kysely<Database> | Transaction<Database> = ctx.db,
): Promise<void> {
  await appendAudit(db, {
    at: isoNow(ctx),
    actorId: actor.userId,
    actorLogin: actor.loginId,
    deviceId: ctx.deviceId,
    action: `${ACCESS_ACTION_PREFIX}${action}`,
    subjectType: 'user',
    subjectId: target.id,
    personId: null,
    detail: { loginId: target.login_id, ...detail },
  });
}

function refuseWhenServer(ctx: ServiceContext): void {
  if (ctx.sync) throw new AppFailure({ code: 'conflict', message: 'accounts.managedByServer' });
}

/** An account of the admin's own center, or not found (admins of one center don't manage another's). */
async function accountOf(ctx: ServiceContext, actor: SessionInfo, id: string): Promise<UserRow> {
  const user = await getUser(ctx.db, id);
  if (!user || user.center_code !== actor.centerCode) {
    throw new AppFailure({ code: 'not-found', field: 'id', message: 'accounts.notFound' });
  }
  return user;
}

export async function listAccounts(ctx: ServiceContext, actor: SessionInfo): Promise<AccountsView> {
  const rows = await ctx.db
    .selectFrom('users')
    .selectAll()
    .where('center_code', '=', actor.centerCode)
    .orderBy('active', 'desc')
    .orderBy('role')
    .orderBy('login_id')
    .execute();
  return { accounts: rows.map(view), managedByServer: ctx.sync !== undefined };
}

export async function adminCreateAccount(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { loginId: string; displayName: string; role: Role; password: string },
): Promise<AccountView> {
  refuseWhenServer(ctx);
  const id = await createAccount(ctx, { ...input, centerCode: actor.centerCode });
  const user = await accountOf(ctx, actor, id);
  await audit(ctx, actor, 'create', user, { role: input.role });
  return view(user);
}

export async function updateAccount(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: {
    id: string;
    displayName?: string | undefined;
    role?: Role | undefined;
    active?: boolean | undefined;
  },
): Promise<AccountView> {
  refuseWhenServer(ctx);
  const user = await accountOf(ctx, actor, input.id);
  // An admin cannot lock themselves out of administration: someone must be able to fix accounts.
  if (user.id === actor.userId && ((input.role && input.role !== 'admin') || input.active === false)) {
    throw new AppFailure({ code: 'conflict', message: 'accounts.notYourself' });
  }
  const changes: Record<string, unknown> = {};
  if (input.displayName !== undefined && input.displayName !== user.display_name)
    changes['displayName'] = input.displayName;
  if (input.role !== undefined && input.role !== user.role)
    changes['role'] = { from: user.role, to: input.role };
  if (input.active !== undefined && input.active !== (user.active === 1)) changes['active'] = input.active;
  if (Object.keys(changes).length === 0) return view(user);
  const action = changes['role']
    ? 'role'
    : changes['active'] !== undefined
      ? input.active
        ? 'activate'
        : 'deactivate'
      : 'rename';
  await ctx.db.transaction().execute(async (trx) => {
    const hlc = await nextHlc(trx, ctx.deviceId, ctx.now().getTime());
    await trx
      .updateTable('users')
      .set({
        hlc,
        updated_at: isoNow(ctx),
        ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
        ...(input.role !== undefined ? { role: input.role } : {}),
        ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
      })
      .where('id', '=', user.id)
      .execute();
    await audit(ctx, actor, action, user, changes, trx);
  });
  return view(await accountOf(ctx, actor, user.id));
}

export async function unlockAccount(
  ctx: ServiceContext,
  actor: SessionInfo,
  id: string,
): Promise<AccountView> {
  const user = await accountOf(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null })
      .where('id', '=', id)
      .execute();
    await audit(ctx, actor, 'unlock', user, {}, trx);
  });
  return view(await accountOf(ctx, actor, id));
}

export async function resetPassword(
  ctx: ServiceContext,
  actor: SessionInfo,
  id: string,
  password: string,
): Promise<{ account: AccountView; loginId: string }> {
  refuseWhenServer(ctx);
  const user = await accountOf(ctx, actor, id);
  assertPasswordAllowed(password, user.login_id);
  const hash = await hashPassword(password);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: hash, failed_logins: 0, locked_until: null, updated_at: isoNow(ctx) })
      .where('id', '=', id)
      .execute();
    await audit(ctx, actor, 'password-reset', user, {}, trx);
  });
  return { account: view(await accountOf(ctx, actor, id)), loginId: user.login_id };
}
