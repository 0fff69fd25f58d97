import { uuidv7 } from 'uuidv7';
import { hashPassword } from '../../db/credentials.ts';
import type { ServerDb } from '../../db/server/connection.ts';
import {
  insertAccountAudit,
  setServerUserActive,
  setServerUserPassword,
  setServerUserRole,
  unlockServerUser,
  type ServerUserRow,
} from '../../db/server/repositories/accounts.ts';
import { revokeUserTokens } from '../../db/server/repositories/devices.ts';
import type { AccountAction } from '../../db/server/schema.ts';
import { AdminInputError, passwordRefusal } from '../admin.ts';
import { HttpError } from '../http-errors.ts';

// Changing accounts on the server: unlock, a new password, deactivate, reactivate, a new role. The
// same functions serve `caseworker-server user …` (the server's operator, trusted) and the HTTP routes
// (a supervisor for their center's counselors, an admin for their center's accounts; only admins
// change roles; nobody changes their own account this way). Each change and its audit entry are one
// transaction; a new password or a deactivation also ends every session of the account.

export type Role = ServerUserRow['role'];

export type AccountChange =
  | { action: 'unlock' }
  | { action: 'reset-password'; password: string }
  | { action: 'deactivate' }
  | { action: 'reactivate' }
  | { action: 'role'; role: string };

/** Who asks: the server command line, or a signed-in account on a device. */
export type AccountActor =
  | { kind: 'command' }
  | { kind: 'user'; userId: string; loginId: string; role: Role; centerCode: string; deviceId: string };

const ROLES: readonly Role[] = ['counselor', 'supervisor', 'admin'];

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * Whether a signed-in caller may make this change to this account; throws the refusal. An account of
 * another center answers like an unknown one.
 */
export function authorizeAccountChange(
  actor: Extract<AccountActor, { kind: 'user' }>,
  target: ServerUserRow | undefined,
  change: AccountChange,
): ServerUserRow {
  if (actor.role === 'counselor')
    throw new HttpError(403, 'forbidden', 'Only a supervisor or an admin may change accounts.');
  if (!target || target.center_code !== actor.centerCode)
    throw new HttpError(404, 'not-found', 'No such account in your center.');
  if (target.id === actor.userId)
    throw new HttpError(
      403,
      'forbidden',
      'Your own account is changed by another supervisor or admin, or with the server command.',
    );
  if (change.action === 'role' && actor.role !== 'admin')
    throw new HttpError(403, 'forbidden', 'Only an admin may change roles.');
  if (actor.role === 'supervisor' && target.role !== 'counselor')
    throw new HttpError(403, 'forbidden', "A supervisor changes only their center's counselor accounts.");
  return target;
}

/** Applies a change already authorised; refuses bad input (a role, a password) with AdminInputError. */
export async function applyAccountChange(
  db: ServerDb,
  actor: AccountActor,
  target: ServerUserRow,
  change: AccountChange,
  at: Date,
): Promise<void> {
  const now = at.toISOString();
  let detail: Record<string, string> | null = null;
  let passwordHash: string | null = null;
  if (change.action === 'role') {
    if (!isRole(change.role)) throw new AdminInputError('The role is counselor, supervisor or admin.');
    detail = { from: target.role, to: change.role };
  }
  if (change.action === 'reset-password') {
    const problem = passwordRefusal(change.password, target.login_id);
    if (problem) throw new AdminInputError(problem);
    passwordHash = await hashPassword(change.password);
  }
  await db.transaction().execute(async (trx) => {
    switch (change.action) {
      case 'unlock':
        await unlockServerUser(trx, target.id, now);
        break;
      case 'reset-password':
        await setServerUserPassword(trx, target.id, passwordHash ?? '', now);
        await revokeUserTokens(trx, target.id, now, 'password-reset');
        break;
      case 'deactivate':
        await setServerUserActive(trx, target.id, false, now);
        await revokeUserTokens(trx, target.id, now, 'deactivated');
        break;
      case 'reactivate':
        await setServerUserActive(trx, target.id, true, now);
        break;
      case 'role':
        await setServerUserRole(trx, target.id, change.role as Role, now);
        break;
    }
    await insertAccountAudit(trx, {
      id: uuidv7(),
      at: now,
      actor_id: actor.kind === 'user' ? actor.userId : null,
      actor_label: actor.kind === 'user' ? actor.loginId : 'server command',
      device_id: actor.kind === 'user' ? actor.deviceId : null,
      action: change.action satisfies AccountAction,
      target_id: target.id,
      center_code: target.center_code,
      detail: detail ? JSON.stringify(detail) : null,
    });
  });
}
