import { hash, verify, type Options } from '@node-rs/argon2';
import { checkPassword, PASSWORD_PROBLEM_TEXT } from '../../shared/domain/password-policy.ts';
import { AppFailure } from '../../shared/contract/result.ts';
import commonList from '../../resources/security/common-passwords.json' with { type: 'json' };

// argon2id with OWASP's recommended minimum (19 MiB, 2 passes): slow enough to resist guessing from a
// stolen store, fast enough (~30 ms) for a login at the counter.
// `Algorithm` is a const enum the type-stripping loader cannot inline: 2 is its Argon2id member.
const ARGON2ID = 2 as Options['algorithm'];
const ARGON2: Options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

const commonPasswords = new Set(commonList.passwords);

/** Refuses a password that breaks the policy with a message that says what to change. */
export function assertPasswordAllowed(password: string, loginId: string): void {
  const problem = checkPassword(password, loginId, commonPasswords);
  if (problem)
    throw new AppFailure({ code: 'validation', message: PASSWORD_PROBLEM_TEXT[problem], field: 'password' });
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
