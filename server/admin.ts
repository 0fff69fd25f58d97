import { uuidv7 } from 'uuidv7';
import { hashPassword } from '../db/credentials.ts';
import type { ServerDb } from '../db/server/connection.ts';
import type { SqlDialect } from '../db/migrations/types.ts';
import { insertSyncRow, lockSequencer, nextSeq } from '../db/server/repositories/sync.ts';
import {
  findServerUserByLogin,
  getServerCenter,
  insertServerCenter,
  insertServerUser,
} from '../db/server/repositories/accounts.ts';
import { checkPassword, PASSWORD_PROBLEM_TEXT } from '../shared/domain/password-policy.ts';
import { SIDO } from '../shared/reference/index.ts';
import commonList from '../resources/security/common-passwords.json' with { type: 'json' };

// Setting up centers and accounts on the server (the `caseworker-server center add | user add`
// commands). Each refusal says what to change; nothing is written when a check fails.

const commonPasswords = new Set(commonList.passwords);

/** Why a new password is refused (domain.md §10), in the words of the policy, or null when it is fine. */
export function passwordRefusal(password: string, loginId: string): string | null {
  const problem = checkPassword(password, loginId, commonPasswords);
  return problem ? PASSWORD_PROBLEM_TEXT[problem] : null;
}

export class AdminInputError extends Error {
  override name = 'AdminInputError';
}

/** A region is a 시도 code (2 digits) or a 시군구 code (5 digits) from resources/reference/regions.json. */
export function parseRegion(region: string): { sido: string; sigungu: string | null } {
  const sido = SIDO.find((s) => s.code === region || s.sigungu.some((g) => g.code === region));
  if (!sido)
    throw new AdminInputError(
      `Unknown region ${region}: give a 시도 code (e.g. 11) or a 시군구 code (e.g. 11680).`,
    );
  return { sido: sido.code, sigungu: region.length === 5 ? region : null };
}

export async function addCenter(
  db: ServerDb,
  c: { code: string; name: string; region: string },
  now: Date,
  dialect: SqlDialect = 'sqlite',
): Promise<void> {
  if (!/^[A-Z0-9]{2,12}$/.test(c.code))
    throw new AdminInputError('A center code is 2 to 12 capital letters or digits.');
  if (c.name.trim() === '') throw new AdminInputError('A center needs a name.');
  const region = parseRegion(c.region);
  if (await getServerCenter(db, c.code)) throw new AdminInputError(`Center ${c.code} exists already.`);
  await db.transaction().execute(async (trx) => {
    await insertServerCenter(trx, {
      code: c.code,
      name: c.name.trim(),
      ...region,
      created_at: now.toISOString(),
    });
    // The center's settings row syncs like a record (kiosk texts, counters, idle time), so desktops
    // can change it and pull each other's changes.
    await lockSequencer(trx, dialect);
    const seq = await nextSeq(trx);
    await insertSyncRow(trx, {
      table_name: 'centers',
      row_id: c.code,
      seq,
      scope_center: c.code,
      scope_owner: null,
      scope_region: null,
      parent_key: null,
      data: JSON.stringify({ code: c.code, name: c.name.trim(), ...region }),
      field_meta: '{}',
      updated_at: now.toISOString(),
    });
  });
}

export async function addUser(
  db: ServerDb,
  u: { loginId: string; name: string; role: string; centerCode: string; password: string },
  now: Date,
): Promise<string> {
  if (!/^[a-z][a-z0-9._-]{2,31}$/.test(u.loginId)) {
    throw new AdminInputError(
      'A login id is 3 to 32 lower-case letters, digits, dots, dashes or underscores, starting with a letter.',
    );
  }
  if (u.role !== 'counselor' && u.role !== 'supervisor' && u.role !== 'admin') {
    throw new AdminInputError('The role is counselor, supervisor or admin.');
  }
  if (u.name.trim() === '') throw new AdminInputError('A user needs a display name.');
  const problem = passwordRefusal(u.password, u.loginId);
  if (problem) throw new AdminInputError(problem);
  if (!(await getServerCenter(db, u.centerCode)))
    throw new AdminInputError(`No center ${u.centerCode}; add it first.`);
  if (await findServerUserByLogin(db, u.loginId))
    throw new AdminInputError(`The login id ${u.loginId} is taken.`);
  const id = uuidv7();
  await insertServerUser(db, {
    id,
    login_id: u.loginId,
    display_name: u.name.trim(),
    role: u.role,
    center_code: u.centerCode,
    password_hash: await hashPassword(u.password),
    locked_until: null,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  });
  return id;
}
