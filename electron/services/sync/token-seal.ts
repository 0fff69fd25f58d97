import type { SecretProtector } from '../keyring.ts';

// The refresh token lives in the (encrypted) store; where the OS has a real keyring it is also sealed
// with it (sync.md § Auth: "kept with Electron's safeStorage"), so a copy of the store and its key
// still does not carry a usable server session off the machine. Without a real keyring the store's
// encryption is its protection.

const SEALED = 'sealed:';

export function sealToken(token: string, secrets: SecretProtector | undefined): string {
  if (!secrets?.strong) return token;
  return SEALED + secrets.seal(Buffer.from(token, 'utf8')).toString('base64');
}

/** The token, or null when it was sealed by a keyring this machine no longer opens (sign in again). */
export function openToken(stored: string | undefined, secrets: SecretProtector | undefined): string | null {
  if (stored === undefined) return null;
  if (!stored.startsWith(SEALED)) return stored;
  if (!secrets) return null;
  try {
    return secrets.open(Buffer.from(stored.slice(SEALED.length), 'base64')).toString('utf8');
  } catch {
    return null;
  }
}
