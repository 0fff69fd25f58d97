import { hash, verify, type Options } from '@node-rs/argon2';
import { argon2Cost } from './hash-cost.ts';

// Password hashes as both stores keep them (the desktop's users table and the server's): argon2id PHC
// strings with OWASP's recommended minimum (19 MiB, 2 passes; hash-cost.ts): slow enough to resist
// guessing from a stolen store, fast enough (~30 ms) for a login at the counter.

// `Algorithm` is a const enum the type-stripping loader cannot inline: 2 is its Argon2id member.
const ARGON2ID = 2 as Options['algorithm'];

export function hashPassword(password: string): Promise<string> {
  // The cost is read per hash: OWASP's baseline except inside vitest's workers (hash-cost.ts).
  return hash(password, { algorithm: ARGON2ID, ...argon2Cost() });
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A real argon2id hash of a random string, so that unknown logins cost as much as known ones. */
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$3s3F8oGmB9Qh0m6q8n0fC9iGmF0yv1m0oVq7o4z3o7Q';
