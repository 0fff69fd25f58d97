import { createInterface } from 'node:readline';

/** The password from CASEWORKER_PASSWORD, or the first line of standard input (never a flag: flags leak into shell history). */
export async function readPassword(): Promise<string> {
  const fromEnv = process.env['CASEWORKER_PASSWORD'];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (process.stdin.isTTY) process.stderr.write('Password: ');
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line.replace(/\r$/, '');
  }
  throw new CliError('No password: set CASEWORKER_PASSWORD or pipe it on standard input.');
}

/** An error whose message is meant for the person at the terminal, printed as one line. */
export class CliError extends Error {
  override name = 'CliError';
}
