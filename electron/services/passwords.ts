import { checkPassword, PASSWORD_PROBLEM_TEXT } from '../../shared/domain/password-policy.ts';
import { AppFailure } from '../../shared/contract/result.ts';
import commonList from '../../resources/security/common-passwords.json' with { type: 'json' };

export { DUMMY_HASH, hashPassword, verifyPassword } from '../../db/credentials.ts';

const commonPasswords = new Set(commonList.passwords);

/**
 * Refuses a password that breaks the policy with a message that says what to change: a message key
 * the screen translates (`password.too-short`…); the command line prints the English text.
 */
export function assertPasswordAllowed(password: string, loginId: string): void {
  const problem = checkPassword(password, loginId, commonPasswords);
  if (problem)
    throw new AppFailure({ code: 'validation', message: `password.${problem}`, field: 'password' });
}

/** The English text of a password-policy message key, for the command line. */
export function passwordProblemText(message: string): string {
  const problem = message.replace(/^password\./, '') as keyof typeof PASSWORD_PROBLEM_TEXT;
  return PASSWORD_PROBLEM_TEXT[problem] ?? message;
}
