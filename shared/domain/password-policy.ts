// Password rules of domain.md §10: at least 8 characters with two character classes, or 10 with one;
// never containing the login id; never on the common-password list (resources/security).

export type PasswordProblem = 'too-short' | 'contains-login' | 'common';

function characterClasses(password: string): number {
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/];
  return classes.filter((re) => re.test(password)).length;
}

export function checkPassword(
  password: string,
  loginId: string,
  commonPasswords: ReadonlySet<string>,
): PasswordProblem | null {
  const classes = characterClasses(password);
  const longEnough = (password.length >= 8 && classes >= 2) || password.length >= 10;
  if (!longEnough) return 'too-short';
  if (loginId.length > 0 && password.toLowerCase().includes(loginId.toLowerCase())) return 'contains-login';
  if (commonPasswords.has(password.toLowerCase())) return 'common';
  return null;
}

export const PASSWORD_PROBLEM_TEXT: Record<PasswordProblem, string> = {
  'too-short':
    'The password needs at least 8 characters of two kinds (letters, digits, symbols), or 10 of one kind.',
  'contains-login': 'The password must not contain the login id.',
  common: 'The password is on the list of commonly used passwords; choose another.',
};
